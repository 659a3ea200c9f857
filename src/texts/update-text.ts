// One wording for a reported update wherever it is shown — confirmations, /tinhhinh, /cham, the CLI's
// `behind`, the coordinators' summaries: "đang thực hiện 60%, vướng: kinh phí".
import { blockerReason, capForDisplay } from "../domain/blocker-text.ts";
import type { UpdateStatus } from "../domain/vocabulary.ts";
import type { Translator } from "../i18n/translator.ts";

export interface WorkFacts {
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
}

/** "vướng: kinh phí" (capped for a chat line), or "vướng: không nêu rõ". */
export function blockerPhrase(translator: Translator, blocker: string | null): string {
  const reason = blockerReason(blocker);
  return translator.t("status-blocker", {
    blocker: reason === null ? translator.t("behind-blocker-unknown") : capForDisplay(reason),
  });
}

/** "hoàn thành", "đang thực hiện 60%", "vướng: kinh phí", "đang thực hiện 60%, vướng: kinh phí", "tiến độ 60%". */
export function workText(translator: Translator, facts: WorkFacts): string {
  const { t } = translator;
  const { status, progress } = facts;
  const partial = progress !== null && progress > 0 && progress < 100 ? `${progress}%` : null;
  if (status === "blocked") {
    // Blocked work with progress is still work in progress; the obstacle follows.
    const obstacle = blockerPhrase(translator, facts.blocker);
    return partial === null ? obstacle : `${t("status-in_progress")} ${partial}, ${obstacle}`;
  }
  if (status !== null)
    return partial === null ? t(`status-${status}`) : `${t(`status-${status}`)} ${partial}`;
  return progress === null ? "" : t("status-progress-only", { progress: String(progress) });
}
