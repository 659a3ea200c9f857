// Typed codec for the /baocao choice buttons (Telegram callback data, at most 64 bytes):
// "r:<format>:<period>" sends the quarter's report of that period as the written report (d), the
// appendix workbook (x) or the chart (c); one plan's report ("/baocao CDS2026") ends ":p<short code>".

export type ReportChoice = "docx" | "xlsx" | "chart";

export const REPORT_CHOICE_PREFIX = "r";

const CODES: Record<ReportChoice, string> = { docx: "d", xlsx: "x", chart: "c" };
const CHOICES = new Map(Object.entries(CODES).map(([choice, code]) => [code, choice as ReportChoice]));

export function encodeReportChoice(choice: ReportChoice, periodKey: string, plan: string | null): string {
  const data = `${REPORT_CHOICE_PREFIX}:${CODES[choice]}:${periodKey}`;
  return plan === null ? data : `${data}:p${plan}`;
}

/** Null for data this codec did not make: the caller says the button is out of date. */
export function decodeReportChoice(
  data: string,
): { choice: ReportChoice; periodKey: string; plan: string | null } | null {
  const match = /^r:([a-z]):(\d{4}-Q[1-4])(?::p([A-Z][A-Z0-9-]{0,15}))?$/.exec(data);
  const choice = match ? CHOICES.get(match[1] ?? "") : undefined;
  return match && choice ? { choice, periodKey: match[2] ?? "", plan: match[3] ?? null } : null;
}
