// A district dissolved on 1/7/2025 (issue 14): its open tasks pass to the communes named, or need an
// owner when none is; it owes nothing afterwards and its quarters before the date are unchanged.
import { afterEach, describe, expect, it } from "vitest";
import { redeemInvite } from "../../src/services/linking.ts";
import { linkOfficial, localMorning, outboxRows, planAt } from "../support/planner-fixtures.ts";
import { runCli } from "../support/run-cli.ts";
import { tableCounts } from "../support/table-counts.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const ZALO_USER = {
  channel: "zalo",
  externalUserId: "9001",
  chatId: "9001",
  displayName: "Cán bộ huyện",
} as const;

const SAMPLE = new URL("../../examples/communes-sample.csv", import.meta.url).pathname;

async function setUp() {
  app = await createTestApp({ at: "2025-06-01T02:00:00Z" });
  const env = { DATABASE_URL: `sqlite:${app.databasePath}`, LOG_LEVEL: "silent" };
  expect((await runCli(["agencies", "import", SAMPLE], env)).code).toBe(0);
  return { app, env };
}

type Standing = { agencyCode: string; missingTaskCodes: string[] };
async function notReported(env: Record<string, string>, quarter: string, at: string): Promise<Standing[]> {
  const result = await runCli(["behind", "--quarter", quarter, "--at", at, "--json"], env);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { notReported: Standing[] }).notReported;
}

describe("agencies dissolve", () => {
  it("passes the district's open tasks to each named commune from the date", async () => {
    const { app, env } = await setUp();
    await linkOfficial(app, "h-chu-pah", "8001", { name: "Cán bộ huyện" });
    await linkOfficial(app, "xa-chu-pah", "8002", { name: "Cán bộ xã" });
    const q2 = await notReported(env, "2025-Q2", "2025-06-25T09:00:00+07:00");
    const district = q2.find((standing) => standing.agencyCode === "h-chu-pah");
    expect(district?.missingTaskCodes.length).toBeGreaterThan(0);

    const before = tableCounts(app.databasePath);
    const args = [
      "agencies",
      "dissolve",
      "Huyện Chư Păh",
      "--on",
      "2025-07-01",
      "--to",
      "xa-chu-pah",
      "Xã Ia Hrú",
    ];
    const dry = await runCli([...args, "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Chạy thử (chưa ghi gì): giải thể UBND huyện Chư Păh từ ngày 01/07/2025");
    expect(tableCounts(app.databasePath)).toEqual(before);

    const done = await runCli(args, env);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("công việc chuyển cho Xã Chư Păh, Xã Ia Hrú");
    expect(done.stdout).toContain("Cán bộ cần liên kết lại với đơn vị mới");

    expect(await notReported(env, "2025-Q2", "2025-06-25T09:00:00+07:00")).toEqual(q2);
    const q3 = await notReported(env, "2025-Q3", "2025-09-25T09:00:00+07:00");
    expect(q3.some((standing) => standing.agencyCode === "h-chu-pah")).toBe(false);
    for (const commune of ["xa-chu-pah", "xa-ia-hru"]) {
      const owed = q3.find((standing) => standing.agencyCode === commune)?.missingTaskCodes ?? [];
      for (const code of district?.missingTaskCodes ?? []) expect(owed).toContain(code);
    }
    // The district's official gets no reminder after the date; the commune's does.
    await planAt(app, localMorning("2025-09-12"));
    const keys = (await outboxRows(app.database.db))
      .map((row) => row.key)
      .filter((key) => key.startsWith("reminder:"));
    expect(keys).toHaveLength(1);
    const audit = await app.database.db
      .selectFrom("audit_log")
      .select("subject")
      .where("action", "=", "agency.dissolve")
      .execute();
    expect(audit).toEqual([{ subject: "h-chu-pah" }]);
  });

  it("without --to ends the open tasks and lists them as needing an owner; then refuses it again", async () => {
    const { env } = await setUp();
    const result = await runCli(["agencies", "dissolve", "h-chu-pah", "--on", "2025-07-01", "--json"], env);
    expect(result.code).toBe(0);
    const dissolved = JSON.parse(result.stdout) as { needingOwner: string[]; passed: unknown[] };
    expect(dissolved.passed).toEqual([]);
    expect(dissolved.needingOwner.length).toBeGreaterThan(0);
    const again = await runCli(["agencies", "dissolve", "h-chu-pah", "--on", "2025-07-01"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("nhacviec: UBND huyện Chư Păh đã giải thể từ ngày 01/07/2025.\n");
  });

  it("withdraws the district's unused invites, so nobody links to an agency that no longer exists", async () => {
    const { app, env } = await setUp();
    const invite = await runCli(["invite", "--agency", "h-chu-pah", "--role", "official", "--json"], env);
    expect(invite.code).toBe(0);
    const { code } = JSON.parse(invite.stdout) as { code: string };
    // The CLI stamps invites with the real clock, so they are redeemed at the real time too.
    const dry = await runCli(["agencies", "dissolve", "h-chu-pah", "--on", "2025-07-01", "--dry-run"], env);
    expect(dry.stdout).toContain("1 mã mời chưa dùng đã bị thu hồi");
    expect((await redeemInvite(app.database.db, code, ZALO_USER, new Date())).outcome).toBe("linked");

    const second = await runCli(["invite", "--agency", "h-chu-pah", "--role", "official", "--json"], env);
    const unused = (JSON.parse(second.stdout) as { code: string }).code;
    const done = await runCli(["agencies", "dissolve", "h-chu-pah", "--on", "2025-07-01", "--json"], env);
    expect((JSON.parse(done.stdout) as { invites: unknown }).invites).toEqual({ count: 1, moved: false });
    const late = await redeemInvite(
      app.database.db,
      unused,
      { ...ZALO_USER, externalUserId: "9002" },
      new Date(),
    );
    expect(late.outcome).toBe("expired");
  });
});
