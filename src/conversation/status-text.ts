import { dateText } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import type { UpdateContent } from "../services/status-reporting.ts";

// The label already says "vướng:", so the parser's "vướng kinh phí" reads "vướng: kinh phí".
const LEADING_OBSTACLE_WORD = /^(vướng mắc|vướng|vuong mac|vuong)\s*[:,-]?\s+/i;

function progressText(content: UpdateContent): string | null {
  const partial = content.progress !== null && content.progress > 0 && content.progress < 100;
  return partial ? `${content.progress}%` : null;
}

/** "đang thực hiện 60%, vướng: kinh phí, dự kiến xong 30/03/2020", for confirmations. */
export function describeContent(translator: Translator, content: UpdateContent): string {
  const { t } = translator;
  const parts: string[] = [];
  const progress = progressText(content);
  if (content.status === "blocked") {
    // Blocked work with progress is still work in progress; the obstacle follows.
    if (progress) parts.push(`${t("status-in_progress")} ${progress}`);
    if (!content.blocker) parts.push(t("status-blocked"));
  } else if (content.status) {
    parts.push(progress ? `${t(`status-${content.status}`)} ${progress}` : t(`status-${content.status}`));
  } else if (content.progress !== null) {
    parts.push(t("status-progress-only", { progress: String(content.progress) }));
  }
  if (content.blocker) {
    parts.push(t("status-blocker", { blocker: content.blocker.replace(LEADING_OBSTACLE_WORD, "") }));
  }
  if (content.eta) parts.push(t("status-eta", { date: dateText(content.eta) }));
  return parts.join(", ");
}
