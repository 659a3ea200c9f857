// Recognises a coordinator's question in words, with or without diacritics (README: coordinators): "ai chưa báo
// cáo?", "đơn vị nào chậm?", "tình hình Sở Y tế", "nhiệm vụ II.2 thế nào?"; and the same in English
// ("who has not reported?", "who is behind?", "status of Sở Y tế", "how is task II.2?") for the
// English locale. Pure. Anything else is null, so status updates ("II.2 xong") pass on.
import { parseTaskCode } from "./task-code.ts";
import { foldText } from "./vietnamese.ts";

export type CoordinatorQuestion =
  | { kind: "behind" }
  | { kind: "task"; code: string }
  | { kind: "agency"; name: string };

const WHO = `(?:ai|don vi nao|nhung don vi nao|nhung ai|dv nao|co quan nao|so nao|noi nao)`;
const LAGGING = `(?:chua bao cao|chua bc|chua nop(?: bao cao)?|chua gui(?: bao cao)?|chua cap nhat|cham(?: tre)?|tre(?: han)?|no bao cao|dang cham)`;
const EN_WHO = `(?:who|which (?:agencies|agency|units|unit|departments|offices|ones))`;
const EN_LAGGING = `(?:(?:has|have|did|is|are)(?: still)? not (?:yet )?(?:reported|report|sent (?:a |the |their )?reports?)|(?:is|are)(?: still)? (?:behind|late|lagging|overdue)|still owes? (?:a )?reports?)`;
const BEHIND = [
  new RegExp(`^${WHO} (?:con )?${LAGGING}(?: (?:vay|the|a|nhi|nhe|ky nay|quy nay))*$`),
  /^(?:danh sach )?(?:don vi )?(?:cham|chua bao cao)(?: bao cao)?$/,
  /^tinh hinh (?:chung|bao cao|bao cao chung|ky nay|quy nay)$/,
  new RegExp(`^${EN_WHO} ${EN_LAGGING}(?: (?:yet|so far|this (?:quarter|period)))*$`),
  /^(?:overall|general) (?:status|situation|progress)$/,
];
// Question words around a subject: "tình hình X", "X thế nào", "X ra sao", "X sao rồi", "tiến độ X".
const LEADING = /^(?:cho (?:xem|hoi) )?(?:tinh hinh|tien do|bao cao cua|kiem tra) (.+)$/;
const TRAILING =
  /^(.+?) (?:(?:the nao|ra sao|sao roi|nhu the nao|the nao roi|tien do ra sao|da bao cao chua|bao cao chua|co cham khong)(?: (?:roi|vay|a|nhi|nhe))*)$/;
// English: "status of X", "what is the progress of X", "how is X (doing)", "X status". Not "X progress":
// "II.9 in progress" is an update.
const EN_LEADING =
  /^(?:(?:what is|show(?: me)?|check) )?(?:the )?(?:status|situation|progress) (?:of|for) (?:the )?(.+)$/;
const EN_HOW =
  /^(?:how (?:is|are)|what about|how about) (?:the )?(.+?)(?: (?:doing|going|getting on|progressing))?$/;
const EN_TRAILING = /^(.+?) (?:status|situation)$/;
// "how are you?" is small talk, "how is everyone doing?" asks who is behind.
const NOT_A_SUBJECT = /^(?:you|u|we|i|it|things|that|this)$/;
const EVERYONE = /^(?:everyone|everybody|every agency|all(?: the)? agencies|all units)$/;
const CODE_TOKEN = /^(?:[ivx]+|\d{1,2})[.\-/]\d{1,2}$/;
const TASK_PREFIX = /^(?:(?:nhiem vu|nv|muc|task) )?(.+)$/;

function subjectOf(folded: string): string | null {
  const leading = LEADING.exec(folded);
  if (leading?.[1]) return leading[1].replace(/ (?:the nao|ra sao|sao roi)$/, "");
  for (const pattern of [TRAILING, EN_LEADING, EN_HOW, EN_TRAILING]) {
    const subject = pattern.exec(folded)?.[1];
    if (subject) return subject;
  }
  return null;
}

/** English contractions spelled out, so "who hasn't reported" reads as "who has not reported". */
function expandContractions(folded: string): string {
  return folded
    .replace(/[’`]/g, "'")
    .replace(/\b(is|are|has|have|did|does|do)n'?t\b/g, "$1 not")
    .replace(/\bwho's\b/g, "who is")
    .replace(/\bwhat's\b/g, "what is");
}

function taskCodeOf(subject: string): string | null {
  const whole = parseTaskCode(subject);
  if (whole) return whole;
  const body = TASK_PREFIX.exec(subject)?.[1] ?? subject;
  return CODE_TOKEN.test(body) ? parseTaskCode(body) : null;
}

export function matchCoordinatorQuestion(text: string): CoordinatorQuestion | null {
  if (text.length > 200) return null;
  const folded = expandContractions(foldText(text))
    .replace(/[?!…]+/g, " ")
    .replace(/[\s.,;]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (folded === "") return null;
  if (BEHIND.some((pattern) => pattern.test(folded))) return { kind: "behind" };
  const subject = subjectOf(folded);
  if (subject === null || NOT_A_SUBJECT.test(subject)) return null;
  if (EVERYONE.test(subject)) return { kind: "behind" };
  const code = taskCodeOf(subject);
  if (code) return { kind: "task", code };
  // A subject with digits that is not a task code ("II.2 xong 80%") is not a question about an agency.
  if (/\d/.test(subject) && !/^(?:huyen|xa|phuong)\b/.test(subject)) return null;
  return { kind: "agency", name: subject };
}
