import type { Translator } from "../i18n/translator.ts";
import type { UpdateContent } from "../services/status-reporting.ts";

function localDateText(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

/** "đang thực hiện 60%, vướng: kinh phí, dự kiến xong 30/03/2020", for confirmations. */
export function describeContent(translator: Translator, content: UpdateContent): string {
  const { t } = translator;
  const parts: string[] = [];
  const status = content.status ? t(`status-${content.status}`) : null;
  const progress = content.progress !== null && content.progress > 0 && content.progress < 100;
  if (status && progress) parts.push(`${status} ${content.progress}%`);
  else if (status) parts.push(status);
  else if (content.progress !== null)
    parts.push(t("status-progress-only", { progress: String(content.progress) }));
  if (content.status === "blocked" && progress && !status) parts.push(`${content.progress}%`);
  if (content.blocker) parts.push(t("status-blocker", { blocker: content.blocker }));
  if (content.eta) parts.push(t("status-eta", { date: localDateText(content.eta) }));
  return parts.join(", ");
}
