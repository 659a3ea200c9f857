// The answers to the questions the bot asks and waits on (conversation_state.pending).
import type { PendingAnswer } from "../../db/json-columns.ts";
import { matchPlanWord } from "../../domain/plan-word.ts";
import type { UpdateContent } from "../../domain/progress-status.ts";
import { firstTaskRef } from "../../domain/status-parser/task-refs.ts";
import type { ParsedUpdate } from "../../domain/status-parser/update.ts";
import { parseTaskCode } from "../../domain/task-code.ts";
import type { Reply } from "../../messages.ts";
import { type AssignmentRef, findAssignment } from "../../store/assignments.ts";
import { setPending } from "../../store/conversation-state.ts";
import { lazyAgencyPeriodView } from "../agency-period.ts";
import { resolveTaskRef } from "../task-resolution.ts";
import type { LinkedTurn, TextTurn } from "../turn.ts";
import { withProgress } from "./progress-question.ts";
import { confirmAndAsk, contentOf, messageKeyOf, parseTurnText, storeAndConfirm } from "./status-update.ts";
import { awaitPick, candidateRefs, whichPlanQuestion } from "./task-choice.ts";

type PickTask = Extract<PendingAnswer, { kind: "pick_task" }>;

const PERCENT_ONLY = /^(\d{1,3})\s*(%|phan tram|phần trăm)?$/i;
const TASK_WORDS = /^(nv|nhiệm vụ|nhiem vu|mục|muc)\s*/i;

/** Stores the updates of a message that named no task, now that the person chose the task. */
export async function applyPickedTask(
  turn: LinkedTurn,
  pending: PickTask,
  assignment: AssignmentRef,
): Promise<Reply[]> {
  const { deps, person } = turn;
  await setPending(deps.db, person.accountId, null, deps.clock.now());
  const updates = pending.updates.map(({ progressOver100, ...content }) => ({
    assignment,
    content,
    progressOver100: progressOver100 ?? null,
  }));
  return confirmAndAsk(turn, updates, {
    rawText: pending.rawText,
    messageKey: pending.messageKey,
    updateKey: null,
    sentAt: new Date(pending.sentAt),
  });
}

const PLAN_ALONE = /^[a-z][a-z0-9-]{1,15}$/i;

/** The plan's code alone ("CDS", "cds2026") names one of the offered tasks when only one is of that plan. */
async function pickByPlan(turn: LinkedTurn, pending: PickTask, typed: string): Promise<AssignmentRef | null> {
  if (!PLAN_ALONE.test(typed)) return null;
  const offered = await candidateRefs(turn, pending.candidates ?? []);
  const plans = [...new Set(offered.map((task) => task.plan.shortCode))];
  const match = matchPlanWord(
    typed,
    plans.map((shortCode) => ({ shortCode, closedAt: null })),
  );
  if (match.kind !== "open") return null;
  const picked = offered.filter((task) => task.plan.shortCode === match.plan.shortCode);
  return picked.length === 1 ? (picked[0] ?? null) : null;
}

/**
 * A typed answer to "which task?" / "which plan?": a code ("II.2"), a code with its plan ("CDS2026 II.2",
 * "II.2 (CDS)"), or a plan's code alone. A code the agency has in several plans is asked about again.
 */
async function answerPick(turn: LinkedTurn, pending: PickTask, text: string): Promise<Reply[] | null> {
  const { agencyId } = turn.person;
  if (agencyId === null) return null;
  // A whole update naming its task ("CDS2026 II.2 xong") is read as itself, and ends the question.
  if (parseTurnText(turn, text).some((update) => update.taskRef !== null)) {
    await setPending(turn.deps.db, turn.person.accountId, null, turn.deps.clock.now());
    return null;
  }
  const typed = text.replace(TASK_WORDS, "").trim();
  const code = parseTaskCode(typed);
  const ref = code === null ? firstTaskRef(typed) : { code, plan: null };
  if (ref === null) {
    const picked = await pickByPlan(turn, pending, typed);
    return picked ? applyPickedTask(turn, pending, picked) : null;
  }
  const resolution = await resolveTaskRef(turn.deps.db, ref, {
    agencyId,
    lastList: [],
    // The tasks offered settle a code the agency has in several plans.
    repliedTo: pending.candidates ?? [],
    period: lazyAgencyPeriodView(turn, agencyId, turn.message.sentAt),
  });
  if (resolution.kind === "assignment") return applyPickedTask(turn, pending, resolution.assignment);
  if (resolution.kind !== "ambiguous") return null;
  await awaitPick(turn, resolution.candidates, pending);
  const { lines, buttons } = whichPlanQuestion(turn, resolution.taskCode, resolution.candidates);
  return [{ text: lines.join("\n"), buttons }];
}

/** A typed number; else one update that names no task ("xong", "được 60%"), meant for the asked task. */
function progressAnswer(
  pending: Extract<PendingAnswer, { kind: "progress" }>,
  text: string,
  parsed: ParsedUpdate[],
): UpdateContent | null {
  const match = PERCENT_ONLY.exec(text);
  const progress = match ? Number(match[1]) : Number.NaN;
  if (progress >= 0 && progress <= 100) return withProgress(pending.base, progress);
  const [only, ...more] = parsed;
  if (only === undefined || more.length > 0 || only.taskRef !== null || only.progressOver100 !== null) {
    return null;
  }
  return only.status === null ? null : contentOf(only);
}

function contentFor(pending: PendingAnswer, text: string, parsed: ParsedUpdate[]): UpdateContent | null {
  if (pending.kind === "progress") return progressAnswer(pending, text, parsed);
  // Stored whole: display caps it.
  if (pending.kind === "blocker" && text !== "") {
    return { status: "blocked", progress: null, blocker: text, eta: null };
  }
  return null;
}

/**
 * The answer to the question the bot asked: a percentage after "Đang làm", the reason after "Vướng",
 * the task for an update that named none. Null when nothing is pending or the text is not that answer
 * (a full update naming its own task wins over the question); the next handler then reads the text.
 */
export function pendingAnswerHandler(turn: TextTurn): Promise<Reply[] | null> | null {
  const { pending } = turn.state;
  // An indicator's figure is indicators.ts's to read.
  if (!pending || pending.kind === "indicator_value") return null;
  return answerPending(turn, pending);
}

async function answerPending(
  turn: TextTurn,
  pending: Exclude<PendingAnswer, { kind: "indicator_value" }>,
): Promise<Reply[] | null> {
  const { deps, person, message } = turn;
  const text = message.text.trim();
  if (pending.kind === "pick_task") return answerPick(turn, pending, text);
  const parsed = parseTurnText(turn, message.text);
  const content = parsed.some((u) => u.taskRef !== null) ? null : contentFor(pending, text, parsed);
  await setPending(deps.db, person.accountId, null, deps.clock.now());
  if (!content) return null;
  const assignment = await findAssignment(deps.db, pending.assignmentId);
  if (!assignment || assignment.agencyId !== person.agencyId) return null;
  const replies = await storeAndConfirm(turn, [{ assignment, content }], {
    rawText: text,
    messageKey: messageKeyOf(turn),
    updateKey: message.updateKey ?? null,
    sentAt: message.sentAt,
  });
  return replies ?? [];
}
