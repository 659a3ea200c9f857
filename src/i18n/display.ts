// How dates, instants and reporting periods are shown to people (chat, CLI text, reminders), in
// either language: dates in the Vietnamese form dd/mm/yyyy, instants in the calendar's zone.
// Machine output (--json, report files) keeps ISO 8601 instead.
import { localDateTimeOf, type ReportingPeriod } from "../domain/calendar.ts";
import type { Translator } from "./translator.ts";

/** "2020-03-20" → "20/03/2020". */
export function dateText(localDate: string): string {
  const [year, month, day] = localDate.split("-");
  return `${day}/${month}/${year}`;
}

/** An instant as local "dd/mm/yyyy HH:mm". */
export function dateTimeText(instant: Date, zone: string): string {
  const local = localDateTimeOf(instant, zone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${dateText(local.date)} ${pad(local.hour)}:${pad(local.minute)}`;
}

/** A period's name from locales: "Quý I/2020", "Q1/2020". */
export function periodName(
  translator: Translator,
  period: Pick<ReportingPeriod, "year" | "quarter">,
): string {
  // The year as text: Fluent would write 2020 as "2.020" in Vietnamese.
  return translator.t("period-name", { quarter: period.quarter, year: String(period.year) });
}
