// LOCALE=en: a coordinator asks in English over Telegram and gets English answers, with period names
// like "Q1/2020"; only data (agency names, task titles) stays Vietnamese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";
import { inviteFor } from "../support/test-app.ts";

const COORDINATOR = 7001;
let harness: TelegramHarness;
let agencyNames: string[];

beforeAll(async () => {
  // The harness clock: 10/3/2020 09:00 local, in Q1 2020 (due before 20/3).
  harness = await startTelegramHarness({ env: { LOCALE: "en" } });
  const db = harness.app.database.db;
  const invite = await inviteFor(harness.app, null, "coordinator");
  expect(await harness.say(COORDINATOR, `/start ${invite.code}`, "Mai")).toContain("Linked!");
  const agencies = await db.selectFrom("agencies").select("name").execute();
  // Longest first, so "Sở Y tế" inside a longer name is never cut out alone.
  agencyNames = agencies.map((a) => a.name).sort((a, b) => b.length - a.length);
});
afterAll(async () => {
  await harness.close();
});

/** The text with every agency name taken out: what is left must be English. */
function withoutAgencyNames(text: string): string {
  return agencyNames.reduce((rest, name) => rest.split(name).join("[agency]"), text);
}

function hasVietnameseLetters(text: string): boolean {
  return /[\u0300-\u036f]|[đĐ]/.test(text.normalize("NFD"));
}

describe("the bot in English", () => {
  it("answers 'who has not reported?' in English, with Q1/2020 and local dates", async () => {
    const text = await harness.say(COORDINATOR, "who has not reported?");
    expect(text).toContain("Q1/2020 — due before 20/03/2020 · as of 10/03/2020 09:00");
    expect(text).toContain("10 days to the deadline.");
    expect(text).toContain("Not fully reported (40 agencies):");
    expect(text).not.toContain("Quý");
    expect(hasVietnameseLetters(withoutAgencyNames(text))).toBe(false);
    expect(await harness.say(COORDINATOR, "Who is behind?")).toBe(text);
  });

  it("answers 'status of Sở Y tế' and 'how is task III.4?'", async () => {
    const agency = await harness.say(COORDINATOR, "status of Sở Y tế");
    expect(agency).toContain("Sở Y tế — Q1/2020");
    expect(agency).toContain("Reported 0/8 owed tasks this period");
    expect(agency).toContain("III.4: not reported — not started");
    const task = await harness.say(COORDINATOR, "how is task III.4?");
    expect(task).toContain("Task III.4:");
    expect(task).toContain("Q1/2020");
    expect(task).toContain("Sở Y tế: not reported");
  });

  it("sends the quarter's report with an English file name and text", async () => {
    const since = harness.fake.checkpoint();
    harness.fake.sendUserMessage({ userId: COORDINATOR, text: "/baocao excel 2020-Q1" });
    const file = await harness.fake.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendDocument",
      15_000,
      since,
    );
    expect(file.document?.filename).toBe("report-2020-Q1.xlsx");
    const said = await harness.fake.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendMessage",
      15_000,
      file.seq,
    );
    expect(said.text).toContain("Report Q1/2020");
  });
});
