// The answers to the questions the bot asks and waits on (conversation_state.pending).
import type { PendingAnswer } from "../../db/json-columns.ts";
import type { UpdateContent } from "../../domain/progress-status.ts";
import type { ParsedUpdate } from "../../domain/status-parser/update.ts";
import { parseTaskCode } from "../../domain/task-code.ts";
import type { Reply } from "../../messages.ts";
import { type AssignmentRef, findAssignment } from "../../store/assignments.ts";
import { setPending } from "../../store/conversation-state.ts";
import { resolveTaskRef } from "../task-resolution.ts";
import type { LinkedTurn, TextTurn } from "../turn.ts";
import { withProgress } from "./progress-question.ts";
import { confirmAndAsk, contentOf, messageKeyOf, parseTurnText, storeAndConfirm } from "./status-update.ts";

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

async function answerPick(turn: LinkedTurn, pending: PickTask, text: string): Promise<Reply[] | null> {
  const code = parseTaskCode(text.replace(TASK_WORDS, "").trim());
  if (code === null || turn.person.agencyId === null) return null;
  const resolution = await resolveTaskRef(turn.deps.db, code, {
    agencyId: turn.person.agencyId,
    lastList: [],
    repliedTo: [],
    open: [],
  });
  return resolution.kind === "assignment" ? applyPickedTask(turn, pending, resolution.assignment) : null;
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
export async function pendingAnswerHandler(turn: TextTurn): Promise<Reply[] | null> {
  const { deps, person, message, state } = turn;
  const { pending } = state;
  // An indicator's figure is indicators.ts's to read.
  if (!pending || pending.kind === "indicator_value") return null;
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
