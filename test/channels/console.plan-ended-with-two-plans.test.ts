// With the 2026 example beside NQ17 (issue 14), 2026 is not "after every plan": no ended-plan notice,
// and Sở KH&CN has its 2026 tasks. In 2027 both have ended, and the demo hint names a quarter the
// latest plan reports (13/6/2026: it reports from Q2). Closing the only running plan ends it too.
import { afterEach, describe, expect, it } from "vitest";
import { GIA_LAI_CDS2026 } from "../../src/plan-import/builtin-plans.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";
import { importBuiltinPlan } from "../../src/services/builtin-plan-import.ts";
import { closePlan } from "../../src/services/plan-closing.ts";
import { chat } from "../support/console-chat.ts";
import { linkPerson } from "../support/delivery-fixtures.ts";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

// The latest-ending plan first.
const NOTICE =
  "📅 Kế hoạch đã kết thúc năm 2026: Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026; Kế hoạch hành động thực hiện Nghị quyết số 17/NQ-CP";

async function twoPlansIn2026(): Promise<TestApp> {
  const created = await createTestApp({ at: "2026-11-28T03:00:00Z" });
  const db = created.database.db;
  const now = created.clock.now();
  await importBuiltinPlan(db, GIA_LAI_CDS2026, await builtinCatalogue(GIA_LAI_CDS2026), {
    actor: "test",
    now,
  });
  await linkOfficial(created, "so-khcn", "canbo", { channel: "console" });
  await linkPerson(
    db,
    { name: "Điều phối", role: "coordinator", agencyId: null, chatId: "dieuphoi", channel: "console" },
    now,
  );
  return created;
}

describe("the ended-plan notice with two plans", () => {
  it("stays silent in 2026 while the 2026 plan runs, and speaks in 2027 naming both plans", async () => {
    app = await twoPlansIn2026();
    const in2026 = (await chat(app, ["/nhiemvu", ":nguoi dieuphoi", "/cham"])).printed;
    expect(in2026).not.toContain("📅");
    expect(in2026).toContain("Nhiệm vụ Sở Khoa học và Công nghệ chủ trì trong năm 2026 (6)");
    expect(in2026).toContain("Quý IV/2026 — hạn nộp trước ngày 20/12/2026");

    app.clock.set(new Date("2027-02-01T03:00:00Z"));
    const in2027 = (await chat(app, [":nguoi dieuphoi", "/cham"])).printed;
    expect(in2027).toContain(NOTICE);
    expect(in2027).toContain("gõ «:ngay 13/6/2026» ở đây, hoặc chạy «npm start -- --at 2026-06-13T08:00»");
  });

  it("speaks in 2026 once the 2026 plan is closed", async () => {
    app = await twoPlansIn2026();
    await closePlan(app.database.db, {
      plan: "CDS2026",
      at: app.clock.now(),
      dryRun: false,
      actor: "test",
      now: app.clock.now(),
      zone: app.config.APP_TZ,
    });
    app.clock.set(new Date("2026-11-28T04:00:00Z"));
    const printed = (await chat(app, [":nguoi dieuphoi", "/cham"])).printed;
    expect(printed).toContain(NOTICE);
    expect(printed).toContain("Năm 2026 không còn kỳ báo cáo nào");
    expect(printed).toContain("Không đơn vị nào phải báo cáo Quý IV/2026");
  });
});
