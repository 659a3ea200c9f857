// README: status updates: "100% means done, 0% not_started". One rule for every update, read from text or stored, so
// that `nhacviec parse` and the bot read a message alike. The figure wins over the words: "xong 0%" is
// not started and "hoàn thành 80%" in progress, because a contradictory message must not close a task
// (closing ends its reminders unnoticed, while the confirmation of a lower reading shows the official
// what to correct). An obstacle wins over any figure; the figure is kept beside it.
import type { UpdateStatus } from "./vocabulary.ts";

/** What one status update says about one task, however it came (words, a button, an answer). */
export interface UpdateContent {
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
}

/** The status an update's words give, settled by its progress figure (0–100) when it has one. */
export function statusWithProgress(
  status: UpdateStatus | null,
  progress: number | null,
): UpdateStatus | null {
  if (status === "blocked" || progress === null) return status;
  if (progress >= 100) return "done";
  if (progress <= 0) return "not_started";
  return "in_progress";
}
