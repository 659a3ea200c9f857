// A reminder lists one agency's owed tasks under a heading per plan when they are of several plans
// (issue 14): Sở KH&CN owes CDS2026's I.1 and II.2 and DA06's II.2 in Q1 2026. Its codes, buttons and
// reply hint name the plan; Công an tỉnh, with tasks of one plan, reads its reminder as before.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutboxPayload } from "../../src/db/json-columns.ts";
import {
  consoleTicker,
  linkCoordinator,
  linkOfficial,
  localMorning,
  outboxRows,
} from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { closePlanAt, importTwoPlans, TWO_PLANS_AT } from "../support/two-plans.ts";

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp({ at: TWO_PLANS_AT });
  await importTwoPlans(app);
});
afterEach(async () => {
  await app.dispose();
});

async function payloadOf(kind: string, personId: number): Promise<OutboxPayload> {
  const row = (await outboxRows(app.database.db)).find((r) => r.kind === kind && r.person_id === personId);
  return JSON.parse(row?.payload ?? "{}") as OutboxPayload;
}

function labelsOf(payload: OutboxPayload): string[] {
  return (payload.buttons ?? []).flat().map((button) => button.label);
}

describe("a reminder of an agency owing tasks of two plans", () => {
  it("groups them under each plan's heading, and names the plan in its buttons and hint", async () => {
    const khcn = await linkOfficial(app, "so-khcn", "canbo", { channel: "console" });
    const printed: string[] = [];
    const report = await consoleTicker(app, printed)(localMorning("2026-03-13"));
    expect(report.plan.planned.reminder).toBeGreaterThan(0);

    const reminder = await payloadOf("reminder", khcn.personId);
    expect(reminder.text).toContain(
      [
        "Còn 3 nhiệm vụ chưa cập nhật:",
        "📂 CDS2026 — Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026 (2 nhiệm vụ):",
        "• I.1 — Nâng cấp Trung tâm dữ liệu tỉnh",
        "• II.2 — Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "",
        "📂 DA06 — Kế hoạch thực hiện Đề án 06 năm 2026 (1 nhiệm vụ):",
        "• II.2 — Kết nối Cơ sở dữ liệu quốc gia về dân cư với hệ thống thông tin giải quyết thủ tục hành…",
        "",
        "Trả lời tin nhắn này: «CDS2026 I.1 xong», «CDS2026 II.2 đang làm 60%», «DA06 II.2 vướng kinh phí»",
      ].join("\n"),
    );
    expect(labelsOf(reminder)).toEqual([
      "✅ Xong CDS2026 I.1",
      "⏳ Đang làm CDS2026 I.1",
      "⚠️ Vướng CDS2026 I.1",
      "✅ Xong CDS2026 II.2",
      "⏳ Đang làm CDS2026 II.2",
      "⚠️ Vướng CDS2026 II.2",
      "✅ Xong DA06 II.2",
      "⏳ Đang làm DA06 II.2",
      "⚠️ Vướng DA06 II.2",
    ]);
    // Delivered as planned: the console printed the same headings.
    expect(printed.join("")).toContain("📂 DA06 — Kế hoạch thực hiện Đề án 06 năm 2026 (1 nhiệm vụ):");
  });

  it("keeps the grouping in the overdue notice, for what is still owed", async () => {
    const khcn = await linkOfficial(app, "so-khcn", "9302");
    const coordinator = await linkCoordinator(app, "9304");
    await consoleTicker(app, [])(localMorning("2026-03-20"));
    const notice = await payloadOf("overdue", khcn.personId);
    expect(notice.text).toContain("📂 CDS2026 — Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026 (2 nhiệm vụ):");
    expect(notice.text).toContain("📂 DA06 — Kế hoạch thực hiện Đề án 06 năm 2026 (1 nhiệm vụ):");
    expect(notice.text).toContain(
      "«CDS2026 I.1 xong», «CDS2026 II.2 đang làm 60%», «DA06 II.2 vướng kinh phí»",
    );
    // The coordinators' summary names the plans of the codes it lists, too.
    const summary = await payloadOf("summary", coordinator.personId);
    expect(summary.text).toContain("• Sở Khoa học và Công nghệ: CDS2026 I.1, CDS2026 II.2, DA06 II.2");
  });
});

describe("an overdue notice after a plan closed", () => {
  it("leaves out the closed plan's tasks, owed at the deadline but no longer followed", async () => {
    const khcn = await linkOfficial(app, "so-khcn", "9305");
    await closePlanAt(app, "DA06", new Date("2026-03-19T17:30:00Z"));
    await consoleTicker(app, [])(localMorning("2026-03-20"));
    const notice = await payloadOf("overdue", khcn.personId);
    expect(notice.text).toContain("• I.1 — Nâng cấp Trung tâm dữ liệu tỉnh");
    expect(notice.text).not.toContain("DA06");
    expect(notice.text).not.toContain("📂");
  });
});

describe("a reminder of an agency owing tasks of one plan", () => {
  it("reads as before: no heading, no plan codes", async () => {
    const police = await linkOfficial(app, "ca-tinh", "9303");
    await consoleTicker(app, [])(localMorning("2026-03-13"));
    const reminder = await payloadOf("reminder", police.personId);
    expect(reminder.text).toContain(
      [
        "Còn 1 nhiệm vụ chưa cập nhật:",
        "• II.1 — Làm sạch dữ liệu dân cư trên địa bàn tỉnh",
        "",
        "Trả lời tin nhắn này: «II.1 xong», «II.1 đang làm 60%», «II.1 vướng kinh phí» — hoặc bấm nút bên dưới.",
      ].join("\n"),
    );
    expect(reminder.text).not.toContain("📂");
    expect(labelsOf(reminder)).toEqual(["✅ Xong II.1", "⏳ Đang làm II.1", "⚠️ Vướng II.1"]);
  });
});
