// In 2026 the built-in NQ17 has ended but nobody closed it, while the 2026 plan runs: /cham lists
// NQ17's unfinished work as overdue and says how to stop following it; once closed, the hint goes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GIA_LAI_CDS2026 } from "../../src/plan-import/builtin-plans.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";
import { importBuiltinPlan } from "../../src/services/builtin-plan-import.ts";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";
import { closePlanAt } from "../support/two-plans.ts";

const COORDINATOR = 5301;
const HINT = "ℹ️ Kế hoạch NQ17 đã hết thời hạn (năm cuối 2025) nhưng chưa đóng";

let harness: TelegramHarness;
beforeEach(async () => {
  // 10/11/2026, inside Q4 2026; the harness loads NQ17.
  harness = await startTelegramHarness({ at: "2026-11-10T02:00:00Z" });
  const { app } = harness;
  await importBuiltinPlan(app.database.db, GIA_LAI_CDS2026, await builtinCatalogue(GIA_LAI_CDS2026), {
    actor: "test",
    now: app.clock.now(),
  });
  await harness.link(COORDINATOR, null, "coordinator");
});
afterEach(async () => {
  await harness.close();
});

describe("/cham with a plan that ended but is still open", () => {
  it("says how to close it, and no more once it is closed", async () => {
    const answer = await harness.say(COORDINATOR, "/cham");
    expect(answer).toContain(HINT);
    expect(answer).toContain("nhacviec plans close NQ17");
    expect(await harness.say(COORDINATOR, "/cham CDS2026")).not.toContain(HINT);

    await closePlanAt(harness.app, "NQ17", harness.app.clock.now());
    harness.app.clock.advance(60_000);
    expect(await harness.say(COORDINATOR, "/cham")).not.toContain(HINT);
  });
});
