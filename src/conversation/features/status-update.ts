import type { PendingUpdate } from "../../db/json-columns.ts";
import { localDateOf } from "../../domain/calendar.ts";
import type { UpdateContent } from "../../domain/progress-status.ts";
import { readNotAnUpdate } from "../../domain/status-parser/not-an-update.ts";
import { parseStatusMessage } from "../../domain/status-parser/parse.ts";
import type { ParsedUpdate } from "../../domain/status-parser/update.ts";
import { periodName } from "../../i18n/display.ts";
import type { Reply, ReplyButton } from "../../messages.ts";
import { loadCalendar } from "../../services/calendar-rules.ts";
import { recordUpdates } from "../../services/status-reporting.ts";
import type { AssignmentRef } from "../../store/assignments.ts";
import { loadConversationState } from "../../store/conversation-state.ts";
import { describeContent } from "../../texts/status-text.ts";
import { taskKeyboard } from "../../texts/task-keyboard.ts";
import { assignmentLabel } from "../../texts/task-label.ts";
import { lazyAgencyPeriodView } from "../agency-period.ts";
import { type Resolution, resolveTaskRef } from "../task-resolution.ts";
import { type LinkedTurn, say, type TextTurn } from "../turn.ts";
import { askOverProgress, type ReadUpdate, type StoredItem, splitOverProgress } from "./progress-question.ts";
import { repliedToAssignments } from "./replied-to.ts";
import { askWhichTask, awaitPick, whichPlanQuestion } from "./task-choice.ts";
import { refusalLine } from "./update-refusals.ts";

export function contentOf(update: ParsedUpdate): UpdateContent {
  return { status: update.status, progress: update.progress, blocker: update.blocker, eta: update.eta };
}

/** An update kept while the bot asks which task it is for. */
function pendingUpdateOf(update: ParsedUpdate): PendingUpdate {
  return { ...contentOf(update), progressOver100: update.progressOver100 };
}

/** Where stored updates came from: the message (or button press) and when it was sent. */
export interface UpdateSource {
  rawText: string;
  messageKey: string;
  updateKey: string | null;
  sentAt: Date;
}

/** One key per message; its edits share it, so a correction supersedes the original. */
export function messageKeyOf(turn: LinkedTurn): string {
  const { message } = turn;
  return `${message.channel}:${message.chatId}:${message.messageId ?? `${message.sentAt.getTime()}`}`;
}

/** Stores resolved updates, then confirms what was understood (README: stored before acknowledged). */
export async function storeAndConfirm(
  turn: LinkedTurn,
  items: StoredItem[],
  source: UpdateSource,
): Promise<Reply[] | null> {
  const { deps, person, message } = turn;
  const { t } = deps.translator;
  const calendar = await loadCalendar(deps.db, deps.zone);
  const outcome = await recordUpdates(
    deps.db,
    {
      person,
      channel: message.channel,
      chatId: message.chatId,
      messageId: message.messageId,
      messageKey: source.messageKey,
      updateKey: source.updateKey,
      rawText: source.rawText,
      sentAt: source.sentAt,
    },
    items,
    calendar.periodContaining(source.sentAt),
    deps.clock.now(),
  );
  if (outcome.kind === "duplicate") return null;
  const lines = items.map(({ assignment, content, note }) => {
    const line = t(message.isEdit ? "update-corrected" : "update-recorded", {
      code: assignmentLabel(t, assignment),
      details: describeContent(deps.translator, content),
    });
    return note === undefined ? line : `${line} ${note}`;
  });
  lines.push(t("update-period", { period: periodName(deps.translator, outcome.period) }));
  return say(lines.join("\n"));
}

/**
 * Stores and confirms a message's updates, then asks about a percentage over 100 (progress-question.ts);
 * `extraLines` (refusals of other agencies' tasks) go between. Empty when the platform redelivered it.
 */
export async function confirmAndAsk(
  turn: LinkedTurn,
  updates: ReadUpdate[],
  source: UpdateSource,
  extraLines: string[] = [],
  extraButtons: ReplyButton[][] = [],
): Promise<Reply[]> {
  const { store, ask } = splitOverProgress(turn, updates);
  const lines: string[] = [];
  if (store.length > 0) {
    const confirmed = await storeAndConfirm(turn, store, source);
    if (confirmed === null) return [];
    lines.push(...confirmed.map((reply) => reply.text));
  }
  lines.push(...extraLines);
  // Most messages ask nothing: no round through the asking (and its promise).
  const question = ask.length === 0 ? { lines: [], buttons: [] } : await askOverProgress(turn, ask);
  lines.push(...question.lines);
  const buttons = [...question.buttons, ...extraButtons];
  return buttons.length > 0 ? [{ text: lines.join("\n"), buttons }] : say(lines.join("\n"));
}

/**
 * An update read two ways ("II.2 xong, chưa làm"): stored only once the person chooses. What the bot understood,
 * and the task's buttons (numbered choices on Zalo).
 */
function askUnsure(
  turn: LinkedTurn,
  unsure: readonly { assignment: AssignmentRef; update: ParsedUpdate }[],
): { lines: string[]; buttons: ReplyButton[][] } {
  const { translator } = turn.deps;
  const lines = unsure.map(({ assignment, update }) =>
    translator.t("update-unsure", {
      code: assignmentLabel(translator.t, assignment),
      details: describeContent(translator, contentOf(update)),
    }),
  );
  const tasks = unsure.map(({ assignment }) => ({
    assignmentId: assignment.assignmentId,
    code: assignmentLabel(translator.t, assignment),
  }));
  return { lines, buttons: taskKeyboard(translator.t, tasks, "button") };
}

/** Reads a message's text as status updates, in the person's calendar zone. */
export function parseTurnText(turn: LinkedTurn, text: string): ParsedUpdate[] {
  return parseStatusMessage(text, localDateOf(turn.message.sentAt, turn.deps.zone));
}

/** A code the agency has in several plans: the first is asked about, nothing stored before the choice. */
interface AmbiguousUpdate {
  update: ParsedUpdate;
  resolution: Extract<Resolution, { kind: "ambiguous" }>;
}

/** Keeps the update whose plan the person is asked to choose, until they choose. */
async function rememberAsked(
  turn: LinkedTurn,
  asked: AmbiguousUpdate,
  source: { rawText: string; sentAt: string; messageKey: string },
): Promise<void> {
  const pending = { kind: "pick_task" as const, updates: [pendingUpdateOf(asked.update)], ...source };
  await awaitPick(turn, asked.resolution.candidates, pending);
}

/**
 * Records the updates parsed from a message; null when it carries none. `lastList` is the list the
 * bot last showed the person, for "#n".
 */
export async function reportParsed(
  turn: LinkedTurn,
  text: string,
  parsed: ParsedUpdate[],
  lastList: number[],
): Promise<Reply[] | null> {
  const { deps, person, message } = turn;
  const { t } = deps.translator;
  if (parsed.length === 0) return null;
  const agencyId = person.agencyId;
  if (agencyId === null) return say(t("update-no-agency"));
  const repliedTo = message.replyToMessageId === null ? [] : await repliedToAssignments(turn);
  const period = lazyAgencyPeriodView(turn, agencyId, message.sentAt);
  const context = { agencyId, lastList, repliedTo, period };
  const updates: ReadUpdate[] = [];
  const unsure: { assignment: AssignmentRef; update: ParsedUpdate }[] = [];
  const ambiguous: AmbiguousUpdate[] = [];
  const refusals: string[] = [];
  const messageKey = messageKeyOf(turn);
  const sentAt = message.sentAt.toISOString();
  for (const update of parsed) {
    const ref = update.taskRef === null ? null : { code: update.taskRef, plan: update.plan ?? null };
    const resolution = await resolveTaskRef(deps.db, ref, context);
    if (resolution.kind === "assignment" && update.unsure) {
      unsure.push({ assignment: resolution.assignment, update });
    } else if (resolution.kind === "assignment") {
      const { progressOver100 } = update;
      updates.push({ assignment: resolution.assignment, content: contentOf(update), progressOver100 });
    } else if (resolution.kind === "ambiguous" && ambiguous.length === 0) {
      ambiguous.push({ update, resolution });
    } else if (resolution.kind === "unresolved") {
      const candidates = repliedTo.length > 0 ? repliedTo : (await period()).open.map((a) => a.assignmentId);
      return askWhichTask(
        turn,
        candidates.length > 0 ? candidates : (await period()).assignments.map((a) => a.assignmentId),
        { kind: "pick_task", updates: parsed.map(pendingUpdateOf), rawText: text, sentAt, messageKey },
      );
    } else {
      const line = refusalLine(turn, resolution);
      if (line) refusals.push(line);
    }
  }
  const [asked] = ambiguous;
  const question = asked
    ? whichPlanQuestion(turn, asked.resolution.taskCode, asked.resolution.candidates)
    : null;
  if (updates.length === 0 && unsure.length === 0) {
    if (asked) await rememberAsked(turn, asked, { rawText: text, sentAt, messageKey });
    const lines = [...refusals, ...(question?.lines ?? [])].join("\n");
    return question ? [{ text: lines, buttons: question.buttons }] : say(lines);
  }
  const doubts = askUnsure(turn, unsure);
  const source = { rawText: text, messageKey, updateKey: message.updateKey ?? null, sentAt: message.sentAt };
  const replies = await confirmAndAsk(
    turn,
    updates,
    source,
    [...refusals, ...doubts.lines, ...(question?.lines ?? [])],
    [...doubts.buttons, ...(question?.buttons ?? [])],
  );
  // After the answer's own questions: the plan's choice is what the next answer is read against.
  if (asked && replies.length > 0) await rememberAsked(turn, asked, { rawText: text, sentAt, messageKey });
  return replies;
}

/** `/capnhat <update>`: the explicit form of a plain-text update. */
export async function updateCommand(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  if (args === "") return say(t("update-usage"));
  const { lastList } = await loadConversationState(turn.deps.db, turn.person.accountId);
  return (await reportParsed(turn, args, parseTurnText(turn, args), lastList)) ?? say(t("not-understood"));
}

/** Plain text that reads as status updates; null lets the next handler (or the hint) answer. */
export function statusTextHandler(turn: TextTurn): Promise<Reply[] | null> | null {
  const { text } = turn.message;
  const parsed = parseTurnText(turn, text);
  return parsed.length === 0 ? null : reportParsed(turn, text, parsed, turn.state.lastList);
}

/**
 * A message that carried no update but excuses itself ("em đang họp, lát em gửi") or asks about a task ("ai chủ
 * trì II.2?"): nothing is stored, and the answer says how to report. Tried after every other reader.
 */
export function notAnUpdateHandler(turn: TextTurn): Promise<Reply[]> | null {
  const { t } = turn.deps.translator;
  switch (readNotAnUpdate(turn.message.text)) {
    case "later":
      return Promise.resolve(say(t("update-later")));
    case "task_question":
      return Promise.resolve(say(t("update-task-question")));
    default:
      return null;
  }
}
