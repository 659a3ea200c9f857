// Recognises a coordinator's question in words, with or without diacritics (SPEC §5): "ai chưa báo
// cáo?", "đơn vị nào chậm?", "tình hình Sở Y tế", "nhiệm vụ II.2 thế nào?". Pure. Anything else is
// null, so status updates ("II.2 xong") pass on to the status handler.
import { parseTaskCode } from "./task-code.ts";
import { foldText } from "./vietnamese.ts";

export type CoordinatorQuestion =
  | { kind: "behind" }
  | { kind: "task"; code: string }
  | { kind: "agency"; name: string };

const WHO = `(?:ai|don vi nao|nhung don vi nao|nhung ai|dv nao|co quan nao|so nao|noi nao)`;
const LAGGING = `(?:chua bao cao|chua bc|chua nop(?: bao cao)?|chua gui(?: bao cao)?|chua cap nhat|cham(?: tre)?|tre(?: han)?|no bao cao|dang cham)`;
const BEHIND = [
  new RegExp(`^${WHO} (?:con )?${LAGGING}(?: (?:vay|the|a|nhi|nhe|ky nay|quy nay))*$`),
  /^(?:danh sach )?(?:don vi )?(?:cham|chua bao cao)(?: bao cao)?$/,
  /^tinh hinh (?:chung|bao cao|bao cao chung|ky nay|quy nay)$/,
];
// Question words around a subject: "tình hình X", "X thế nào", "X ra sao", "X sao rồi", "tiến độ X".
const LEADING = /^(?:cho (?:xem|hoi) )?(?:tinh hinh|tien do|bao cao cua|kiem tra) (.+)$/;
const TRAILING =
  /^(.+?) (?:(?:the nao|ra sao|sao roi|nhu the nao|the nao roi|tien do ra sao|da bao cao chua|bao cao chua|co cham khong)(?: (?:roi|vay|a|nhi|nhe))*)$/;
const CODE_TOKEN = /^(?:[ivx]+|\d{1,2})[.\-/]\d{1,2}$/;
const TASK_PREFIX = /^(?:(?:nhiem vu|nv|muc) )?(.+)$/;

function subjectOf(folded: string): string | null {
  const leading = LEADING.exec(folded);
  if (leading?.[1]) return leading[1].replace(/ (?:the nao|ra sao|sao roi)$/, "");
  const trailing = TRAILING.exec(folded);
  return trailing?.[1] ?? null;
}

function taskCodeOf(subject: string): string | null {
  const whole = parseTaskCode(subject);
  if (whole) return whole;
  const body = TASK_PREFIX.exec(subject)?.[1] ?? subject;
  return CODE_TOKEN.test(body) ? parseTaskCode(body) : null;
}

export function matchCoordinatorQuestion(text: string): CoordinatorQuestion | null {
  if (text.length > 200) return null;
  const folded = foldText(text)
    .replace(/[?!…]+/g, " ")
    .replace(/[\s.,;]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (folded === "") return null;
  if (BEHIND.some((pattern) => pattern.test(folded))) return { kind: "behind" };
  const subject = subjectOf(folded);
  if (subject === null) return null;
  const code = taskCodeOf(subject);
  if (code) return { kind: "task", code };
  // A subject with digits that is not a task code ("II.2 xong 80%") is not a question about an agency.
  if (/\d/.test(subject) && !/^(?:huyen|xa|phuong)\b/.test(subject)) return null;
  return { kind: "agency", name: subject };
}
