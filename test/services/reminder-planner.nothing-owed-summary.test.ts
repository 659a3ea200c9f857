import { afterEach, expect, it } from "vitest";
import type { OutboxPayload } from "../../src/db/json-columns.ts";
import { linkCoordinator, localMorning, outboxRows, planAt } from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

describeEachDatabase("the deadline summary when no agency owes a report", (database) => {
  // The built-in plan runs 2019–2025: in 2026 nothing is active, so nothing is owed.
  it("says so, instead of 'Đã báo cáo đủ: 0/0 đơn vị' and '✅ Tất cả đơn vị đã báo cáo đủ'", async () => {
    const testApp = await createTestApp({ database, at: "2026-03-01T00:00:00Z" });
    app = testApp;
    await linkCoordinator(testApp, "9201");
    await planAt(testApp, localMorning("2026-03-20"));
    const row = (await outboxRows(testApp.database.db)).find((r) => r.kind === "summary");
    const text = (JSON.parse(row?.payload ?? "{}") as OutboxPayload).text ?? "";
    expect(text).toContain("Tổng hợp báo cáo Quý I/2026");
    expect(text).toContain(
      "Không đơn vị nào phải báo cáo Quý I/2026: không có nhiệm vụ nào thực hiện trong năm 2026.",
    );
    expect(text).not.toContain("0/0 đơn vị");
    expect(text).not.toContain("✅");
  });
});
