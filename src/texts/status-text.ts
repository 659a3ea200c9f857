import type { UpdateContent } from "../domain/progress-status.ts";
import { dateText } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { workText } from "./update-text.ts";

/** "đang thực hiện 60%, vướng: kinh phí, dự kiến xong 30/03/2020", for confirmations. */
export function describeContent(translator: Translator, content: UpdateContent): string {
  const parts = [workText(translator, content)];
  if (content.eta) parts.push(translator.t("status-eta", { date: dateText(content.eta) }));
  return parts.filter((part) => part !== "").join(", ");
}
