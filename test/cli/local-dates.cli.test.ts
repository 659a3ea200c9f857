// The CLI's text output shows instants in the calendar's zone (APP_TZ), in the Vietnamese form
// dd/mm/yyyy HH:mm; --json keeps ISO 8601 instants (UTC) for machines.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { instantAtLocal } from "../../src/domain/calendar.ts";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

const ZONE = "Asia/Ho_Chi_Minh";
let env: Record<string, string>;

beforeAll(async () => {
  // The process zone differs from APP_TZ: what is printed must not depend on it.
  env = {
    DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-cli-dates-"), "db.sqlite")}`,
    LOG_LEVEL: "silent",
    TZ: "America/New_York",
  };
  expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
}, 60_000);

/** "09/12/2026 06:07" read back as an instant in APP_TZ. */
function localInstant(text: string): Date {
  const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`not dd/mm/yyyy HH:mm: ${text}`);
  const [, day, month, year, hour, minute] = match;
  return instantAtLocal(`${year}-${month}-${day}`, Number(hour), Number(minute), ZONE);
}

describe("dates the CLI prints", () => {
  it("invite: the expiry in local dd/mm/yyyy HH:mm; --json keeps ISO 8601", async () => {
    const text = await runCli(["invite", "--agency", "so-y-te", "--role", "official"], env);
    expect(text.code).toBe(0);
    const printed = /Hết hạn: (.+)$/m.exec(text.stdout)?.[1] ?? "";
    expect(printed).not.toContain("T");
    const expected = Date.now() + 7 * 86_400_000;
    expect(Math.abs(localInstant(printed).getTime() - expected)).toBeLessThan(2 * 60_000);

    const json = await runCli(["invite", "--agency", "so-y-te", "--role", "official", "--json"], env);
    const invite = JSON.parse(json.stdout) as { expires_at: string };
    expect(invite.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Date.parse(invite.expires_at) - expected)).toBeLessThan(2 * 60_000);
  });

  it("tick: the run's instant in local time, whatever zone --at was written in", async () => {
    const result = await runCli(["tick", "--at", "2020-03-13T01:00:00Z"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Lượt chạy lúc 13/03/2020 08:00 (kỳ 2020-Q1)");
    const json = await runCli(["tick", "--at", "2020-03-13T01:00:00Z", "--json"], env);
    expect(JSON.parse(json.stdout).plan.at).toBe("2020-03-13T01:00:00.000Z");
  });

  it("behind: as of the local instant, deadlines as dd/mm/yyyy", async () => {
    const result = await runCli(["behind", "--at", "2020-03-21T03:00:00Z", "--quarter", "2020-Q1"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("hạn nộp trước ngày 20/03/2020 · tính đến 21/03/2020 10:00");
    expect(result.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("calendar: reminder times in local time", async () => {
    const result = await runCli(["calendar", "--year", "2020"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Nhắc (trước hạn 7 ngày): 13/03/2020 08:00");
    expect(result.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
