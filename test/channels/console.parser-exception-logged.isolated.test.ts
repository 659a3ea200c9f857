// A fault inside the status parser is logged and answered as the bot's own failure (nothing stored, send
// again), never as "not understood", which would tell the official their words were wrong.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Clause } from "../../src/domain/status-parser/tokens.ts";
import { chat } from "../support/console-chat.ts";
import { createTestApp, inviteFor, type TestApp } from "../support/test-app.ts";

const FAULT = "💥";

// The parser's own step for a task's words, failing on one marked message: a stand-in for a future bug.
vi.mock("../../src/domain/status-parser/signals.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/domain/status-parser/signals.ts")>();
  return {
    ...real,
    readSignals: (c: Clause) => {
      if (c.text.includes(FAULT)) throw new RangeError("parser fault under test");
      return real.readSignals(c);
    },
  };
});

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp({ at: "2020-03-10T02:00:00Z" });
});
afterEach(async () => {
  await app.dispose();
});

function recordingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { logger: pino({ level: "error", base: undefined }, sink), lines };
}

describe("a status parser fault", () => {
  it("is logged, answered as the bot's failure and stores nothing; the next message is read as usual", async () => {
    const invite = await inviteFor(app, "so-tttt");
    const { logger, lines } = recordingLogger();
    const { printed } = await chat(app, [`/start ${invite.code}`, `II.2 xong ${FAULT}`, "II.2 xong"], {
      logger,
    });
    const [faulty, next] = printed.split("II.2 xong").slice(1);

    expect(faulty).toContain(app.translator.t("internal-error"));
    expect(faulty).not.toContain(app.translator.t("not-understood").split("\n")[0]);
    expect(lines.join("")).toContain("parser fault under test");
    expect(next).toContain("II.2");
    const stored = await app.database.db
      .selectFrom("status_updates")
      .select(["status", "raw_text"])
      .execute();
    expect(stored).toEqual([{ status: "done", raw_text: "II.2 xong" }]);
  });
});
