import { localDateOf, type PlannedReminder, periodsOfYear, reminderTimes } from "../domain/calendar.ts";
import { makeHolidayChecker } from "../domain/holidays.ts";
import { dateText, dateTimeText, periodName } from "../i18n/display.ts";
import { loadCalendarRules, reminderScheduleOf } from "../services/calendar-rules.ts";
import { CliError, printJson, printLines, withApp } from "./context.ts";

// The range the holiday tables cover.
const MIN_YEAR = 1950;
const MAX_YEAR = 2199;

function parseYear(value: string | undefined): number | null {
  if (value === undefined) return null;
  const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new CliError("calendar-bad-year", { min: String(MIN_YEAR), max: String(MAX_YEAR), value });
  }
  return year;
}

/** `nhacviec calendar [--year YYYY] [--json]`: periods, deadlines, windows and reminder times. */
export async function calendarCommand(options: { year?: string; json?: boolean }): Promise<void> {
  const requested = parseYear(options.year);
  await withApp(async (app) => {
    const zone = app.config.APP_TZ;
    const year = requested ?? Number(localDateOf(app.clock.now(), zone).slice(0, 4));
    const rules = await loadCalendarRules(app.database.db, zone);
    const schedule = reminderScheduleOf(app.config);
    const isHoliday = makeHolidayChecker([year - 1, year, year + 1]);
    const periods = periodsOfYear(year, rules).map((period) => ({
      period,
      times: reminderTimes(period, schedule, isHoliday, zone),
    }));
    if (options.json) {
      const shown = (r: PlannedReminder) => ({
        kind: r.kind,
        offset_days: r.offsetDays,
        merged_offsets: r.mergedOffsets,
        at: r.at.toISOString(),
        local_date: r.localDate,
        nominal_date: r.nominalDate,
        shifted: r.localDate !== r.nominalDate,
      });
      return printJson({
        year,
        zone,
        periods: periods.map(({ period, times }) => ({
          key: period.key,
          label: periodName(app.translator, period),
          quarter: period.quarter,
          due_date: period.dueDateLocal,
          deadline: period.deadline.toISOString(),
          data_window: period.dataWindow,
          cumulative_months: period.cumulativeMonths,
          reminders: times.filter((r) => r.kind === "reminder").map(shown),
          overdue: times.filter((r) => r.kind === "overdue").map(shown)[0] ?? null,
        })),
      });
    }
    const { t } = app.translator;
    // Years as text: Fluent would write 2020 as "2.020" in Vietnamese.
    if (periods.length === 0) return printLines([t("calendar-none", { year: String(year) })]);
    const lines = [t("calendar-header", { year: String(year), zone })];
    for (const { period, times } of periods) {
      lines.push(
        "",
        t("calendar-period", {
          period: periodName(app.translator, period),
          deadline: dateText(period.dueDateLocal),
        }),
        `  ${t("calendar-window", { from: dateText(period.dataWindow.from), to: dateText(period.dataWindow.to) })}`,
        `  ${period.cumulativeMonths === null ? t("calendar-no-cumulative") : t("calendar-cumulative", { months: period.cumulativeMonths })}`,
      );
      for (const r of times) {
        const shifted = r.localDate !== r.nominalDate;
        const args = {
          at: dateTimeText(r.at, zone),
          nominal: dateText(r.nominalDate),
          offsets: r.mergedOffsets.join(", "),
        };
        const id = r.kind === "overdue" ? "calendar-overdue" : "calendar-reminder";
        lines.push(`  ${t(shifted ? `${id}-shifted` : id, args)}`);
      }
    }
    printLines(lines);
  });
}
