// A percentage over 100 ("II.10 đang làm 150%") is neither stored as progress nor dropped. With a done
// claim ("hoàn thành 120% kế hoạch") it is an overshoot: done is recorded, and the confirmation says so.
// Otherwise whatever else the message said is recorded, and the bot asks what to record: ✅ Xong (100%),
// 25/50/75%, or a typed number — one tap on a phone, and a typo ("150%" for "50%") never closes a task.

import type { PendingUpdate } from "../../db/json-columns.ts";
import type { UpdateContent } from "../../domain/progress-status.ts";
import type { ReplyButton } from "../../messages.ts";
import type { AssignmentRef } from "../../store/assignments.ts";
import { setPending } from "../../store/conversation-state.ts";
import { encodeButton } from "../../texts/callback-data.ts";
import { assignmentLabel } from "../../texts/task-label.ts";
import type { LinkedTurn } from "../turn.ts";

export const PERCENT_CHOICES = [25, 50, 75];

/** One update read from a message, resolved to its assignment. */
export interface ReadUpdate {
  assignment: AssignmentRef;
  content: UpdateContent;
  progressOver100: number | null;
}

/** An update to store, with a note for its confirmation line. */
export interface StoredItem {
  assignment: AssignmentRef;
  content: UpdateContent;
  note?: string;
}

function hasContent(content: UpdateContent): boolean {
  return content.status !== null || content.progress !== null || content.eta !== null;
}

/** What is stored now, and the updates whose percentage over 100 the bot asks about. */
export function splitOverProgress(
  turn: Pick<LinkedTurn, "deps">,
  updates: readonly ReadUpdate[],
): { store: StoredItem[]; ask: ReadUpdate[] } {
  const { t } = turn.deps.translator;
  const store: StoredItem[] = [];
  const ask: ReadUpdate[] = [];
  for (const update of updates) {
    const value = update.progressOver100;
    if (value !== null && update.content.status === "done") {
      store.push({ ...update, note: t("update-progress-over-done", { value: String(value) }) });
      continue;
    }
    if (hasContent(update.content)) store.push(update);
    if (value !== null) ask.push(update);
  }
  return { store, ask };
}

/**
 * The question about the first update over 100%, with its buttons, and the answer it waits for; the
 * others (rare: several in one message) are asked to be typed again.
 */
export async function askOverProgress(
  turn: LinkedTurn,
  ask: readonly ReadUpdate[],
): Promise<{ lines: string[]; buttons: ReplyButton[][] }> {
  const { deps, person } = turn;
  const { t } = deps.translator;
  const [first, ...rest] = ask;
  if (first === undefined) return { lines: [], buttons: [] };
  const { assignmentId } = first.assignment;
  const code = assignmentLabel(t, first.assignment);
  await setPending(
    deps.db,
    person.accountId,
    { kind: "progress", assignmentId, base: first.content },
    deps.clock.now(),
  );
  const lines = [
    t("update-progress-over-ask", { code, value: String(first.progressOver100) }),
    ...rest.map((u) =>
      t("update-progress-over-retype", {
        code: assignmentLabel(t, u.assignment),
        value: String(u.progressOver100),
      }),
    ),
  ];
  const buttons: ReplyButton[] = [
    { label: t("button-done", { code }), data: encodeButton({ action: "done", assignmentId }) },
    ...PERCENT_CHOICES.map((value) => ({
      label: `${value}%`,
      data: encodeButton({ action: "percent", assignmentId, value }),
    })),
  ];
  return { lines, buttons: [buttons] };
}

/**
 * The answer to "bao nhiêu phần trăm?": in progress at that figure (100 is done, 0 not started, when
 * stored), keeping an obstacle and an expected date the asking message stated.
 */
export function withProgress(base: PendingUpdate | undefined, progress: number): UpdateContent {
  const blocked = base?.status === "blocked";
  return {
    status: blocked ? "blocked" : "in_progress",
    progress,
    blocker: blocked ? (base?.blocker ?? null) : null,
    eta: base?.eta ?? null,
  };
}
