import type { Translator } from "../i18n/translator.ts";
import type { ReplyButton } from "../messages.ts";
import { encodeButton } from "./callback-data.ts";

// Telegram allows 100 buttons per keyboard; three per task.
const MAX_TASKS_WITH_BUTTONS = 30;

/** Which messages label the buttons: a chat list's ("button-done") or a reminder's ("reminder-button-done"). */
export type TaskButtonLabels = "button" | "reminder-button";

/** ✅ Xong II.2 · ⏳ Đang làm II.2 · ⚠️ Vướng II.2, one row per task, as many as a keyboard holds. */
export function taskKeyboard(
  t: Translator["t"],
  tasks: readonly { assignmentId: number; code: string }[],
  labels: TaskButtonLabels,
): ReplyButton[][] {
  return tasks.slice(0, MAX_TASKS_WITH_BUTTONS).map(({ assignmentId, code }) => [
    { label: t(`${labels}-done`, { code }), data: encodeButton({ action: "done", assignmentId }) },
    { label: t(`${labels}-doing`, { code }), data: encodeButton({ action: "doing", assignmentId }) },
    { label: t(`${labels}-blocked`, { code }), data: encodeButton({ action: "blocked", assignmentId }) },
  ]);
}
