import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

const databaseUrl = `sqlite:${join(tempDirectory("nhacviec-cal-"), "db.sqlite")}`;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", ...extra };
}

// Like every command but migrate, start and import, calendar needs a database made first.
beforeAll(async () => {
  expect((await runCli(["migrate"], env())).code).toBe(0);
});

interface CalendarJson {
  year: number;
  periods: {
    key: string;
    deadline: string;
    data_window: { from: string; to: string };
    cumulative_months: number | null;
    reminders: {
      offset_days: number;
      at: string;
      local_date: string;
      nominal_date: string;
      shifted: boolean;
    }[];
    overdue: { at: string; local_date: string } | null;
  }[];
}

describe("nhacviec calendar", () => {
  it("prints periods, deadlines, windows and reminder times in Vietnamese", async () => {
    const result = await runCli(["calendar", "--year", "2020"], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Quý I/2020 — hạn: trước 00:00 ngày 20/03/2020");
    expect(result.stdout).toContain("Số liệu: 15/12/2019 – 14/03/2020");
    expect(result.stdout).toContain("Nhắc (trước hạn 7 ngày): 13/03/2020 08:00");
    // 13/6/2020 is a Saturday: the reminder moves back to Friday.
    expect(result.stdout).toContain("12/06/2020 08:00 — dời từ 13/06/2020 vì ngày nghỉ");
    expect(result.stdout).toContain("Lũy kế: 9 tháng");
  });

  it("--json, the same whatever the process time zone, with the configured schedule", async () => {
    const outputs = [];
    for (const TZ of ["UTC", "America/New_York"]) {
      const result = await runCli(
        ["calendar", "--year", "2019", "--json"],
        env({ TZ, REMINDER_OFFSETS_DAYS: "5,2", REMINDER_TIME: "09:30" }),
      );
      expect(result.code).toBe(0);
      outputs.push(result.stdout);
    }
    expect(outputs[0]).toBe(outputs[1]);
    const calendar = JSON.parse(outputs[0] ?? "{}") as CalendarJson;
    expect(calendar.periods.map((p) => p.key)).toEqual(["2019-Q2", "2019-Q3", "2019-Q4"]);
    const q2 = calendar.periods[0];
    expect(q2?.deadline).toBe("2019-06-19T17:00:00.000Z");
    expect(q2?.cumulative_months).toBe(6);
    expect(q2?.reminders.map((r) => [r.offset_days, r.at])).toEqual([
      [5, "2019-06-14T02:30:00.000Z"],
      [2, "2019-06-18T02:30:00.000Z"],
    ]);
    expect(q2?.overdue?.local_date).toBe("2019-06-20");
  });

  it("a bad year is one line on stderr and a non-zero exit", async () => {
    const result = await runCli(["calendar", "--year", "twenty"], env());
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split("\n")).toEqual([
      "nhacviec: calendar: --year phải là một năm từ 1950 đến 2199 (nhận được «twenty»).",
    ]);
  });
});
