import type { Translator } from "../i18n/translator.ts";
import type { ReplyButton } from "../messages.ts";
import { encodeButton } from "./callback-data.ts";

// Telegram allows 100 buttons per keyboard; three per task.
const MAX_TASKS_WITH_BUTTONS = 30;

/** Which messages label the buttons: a chat list's ("button-done") or a reminder's ("reminder-button-done"). */
export type TaskButtonLabels = "button" | "reminder-button";

/** One task's three button labels. */
export interface TaskButtonTexts {
  done: string;
  doing: string;
  blocked: string;
}

/** ✅ Xong II.2 · ⏳ Đang làm II.2 · ⚠️ Vướng II.2. */
export function taskButtonTexts(t: Translator["t"], code: string, labels: TaskButtonLabels): TaskButtonTexts {
  return {
    done: t(`${labels}-done`, { code }),
    doing: t(`${labels}-doing`, { code }),
    blocked: t(`${labels}-blocked`, { code }),
  };
}

/** One row per task, as many as a keyboard holds. */
export function taskKeyboard(
  t: Translator["t"],
  tasks: readonly { assignmentId: number; code: string }[],
  labels: TaskButtonLabels,
): ReplyButton[][] {
  return labelledTaskKeyboard(tasks, (task) => taskButtonTexts(t, task.code, labels));
}

/**
 * The same keyboard with each task's labels from `textsOf`: a round of reminders formats a task's
 * labels once for the thousand agencies that list it.
 */
export function labelledTaskKeyboard<T extends { assignmentId: number }>(
  tasks: readonly T[],
  textsOf: (task: T) => TaskButtonTexts,
): ReplyButton[][] {
  return tasks.slice(0, MAX_TASKS_WITH_BUTTONS).map((task) => {
    const { assignmentId } = task;
    const texts = textsOf(task);
    return [
      { label: texts.done, data: encodeButton({ action: "done", assignmentId }) },
      { label: texts.doing, data: encodeButton({ action: "doing", assignmentId }) },
      { label: texts.blocked, data: encodeButton({ action: "blocked", assignmentId }) },
    ];
  });
}
