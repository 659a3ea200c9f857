import type { PendingUpdate } from "../../db/json-columns.ts";
import type { UpdateContent } from "../../domain/progress-status.ts";
import type { IncomingButton, Reply } from "../../messages.ts";
import { findAssignment } from "../../store/assignments.ts";
import { loadConversationState, setPending } from "../../store/conversation-state.ts";
import { type ButtonPress, decodeButton, encodeButton } from "../../texts/callback-data.ts";
import { assignmentLabel } from "../../texts/task-label.ts";
import { type LinkedTurn, say } from "../turn.ts";
import { applyPickedTask } from "./pending-answer.ts";
import { PERCENT_CHOICES, withProgress } from "./progress-question.ts";
import { storeAndConfirm } from "./status-update.ts";

/** `base`: what the message this percentage answers said besides (an obstacle, an expected date). */
function contentOfPress(press: ButtonPress, base: PendingUpdate | undefined): UpdateContent | null {
  if (press.action === "done") return { status: "done", progress: null, blocker: null, eta: null };
  if (press.action === "percent" && press.value !== undefined) return withProgress(base, press.value);
  return null;
}

/** A tap on a task button: record it, or ask the follow-up question ("bao nhiêu %?", "vướng gì?"). */
export async function taskButtonFeature(turn: LinkedTurn, press: IncomingButton): Promise<Reply[]> {
  const { deps, person } = turn;
  const { t } = deps.translator;
  const decoded = decodeButton(press.data);
  const assignment = decoded ? await findAssignment(deps.db, decoded.assignmentId) : null;
  if (!decoded || !assignment) return say(t("button-expired"));
  if (assignment.agencyId !== person.agencyId) {
    return say(
      t("update-not-own", {
        code: assignment.taskCode,
        leads: assignment.agencyName,
        agency: person.agencyName ?? "",
      }),
    );
  }
  const now = deps.clock.now();
  const code = assignmentLabel(t, assignment);
  if (decoded.action === "pick") {
    const { pending } = await loadConversationState(deps.db, person.accountId);
    if (pending?.kind !== "pick_task") return say(t("button-expired"));
    return applyPickedTask(turn, pending, assignment);
  }
  if (decoded.action === "doing") {
    await setPending(
      deps.db,
      person.accountId,
      { kind: "progress", assignmentId: assignment.assignmentId },
      now,
    );
    const choices = PERCENT_CHOICES.map((value) => ({
      label: `${value}%`,
      data: encodeButton({ action: "percent", assignmentId: assignment.assignmentId, value }),
    }));
    return [{ text: t("button-ask-progress", { code }), buttons: [choices] }];
  }
  if (decoded.action === "blocked") {
    await setPending(
      deps.db,
      person.accountId,
      { kind: "blocker", assignmentId: assignment.assignmentId },
      now,
    );
    return say(t("button-ask-blocker", { code }));
  }
  const { pending } = await loadConversationState(deps.db, person.accountId);
  const asked = pending?.kind === "progress" && pending.assignmentId === assignment.assignmentId;
  const content = contentOfPress(decoded, asked ? pending.base : undefined);
  if (!content) return say(t("button-expired"));
  await setPending(deps.db, person.accountId, null, now);
  const replies = await storeAndConfirm(turn, [{ assignment, content }], {
    rawText: t(decoded.action === "done" ? "button-raw-done" : "button-raw-percent", {
      code,
      value: String(decoded.value ?? ""),
    }),
    messageKey: `${press.channel}:${press.chatId}:button:${press.pressId}`,
    updateKey: `button:${press.pressId}`,
    sentAt: press.pressedAt,
  });
  return replies ?? [];
}
