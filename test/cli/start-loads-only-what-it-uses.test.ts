import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { exited } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

// Issue 12: the heavy packages load with the commands that use them (reports, import, webhooks,
// PostgreSQL), never with `--help` or a running bot; a static import added anywhere on the way would
// bring them back. They stay outside the build's bundle, so this holds whether the bin runs dist/ or
// the sources through tsx.
const HEAVY = [
  "exceljs",
  "docx",
  "chart.js",
  "@napi-rs/canvas",
  "pg",
  "date-holidays",
  "hono",
  "@hono/node-server",
];

const binary = fileURLToPath(new URL("../../bin/nhacviec.mjs", import.meta.url));
const recorder = fileURLToPath(new URL("../support/record-loaded-modules.mjs", import.meta.url));

let fake: FakeTelegram | undefined;
let bot: ChildProcess | undefined;

afterEach(async () => {
  bot?.kill("SIGKILL");
  bot = undefined;
  await fake?.close();
  fake = undefined;
});

/** The bin with the module recorder; returns the file the loaded modules' URLs go to. */
function recordedRun(args: string[], env: Record<string, string>): { record: string; child: ChildProcess } {
  const record = join(tempDirectory("nhacviec-loaded-"), "modules.txt");
  const child = spawn(process.execPath, ["--import", recorder, binary, ...args], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      RECORD_LOADED_MODULES: record,
      ...env,
    },
    stdio: "ignore",
  });
  return { record, child };
}

/** The packages (node_modules/<name>) among the recorded module URLs. */
function packagesIn(record: string): Set<string> {
  const urls = readFileSync(record, "utf8").split("\n");
  return new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));
}

describe("what a process loads", () => {
  it("--help loads neither the database driver nor any heavy package", async () => {
    const { record, child } = recordedRun(["--help"], {});
    expect(await exited(child)).toBe(0);
    const loaded = packagesIn(record);
    expect([...loaded].filter((name) => [...HEAVY, "better-sqlite3"].includes(name))).toEqual([]);
    // The recorder saw the command line's code (bundled in dist/, or the sources through tsx).
    expect(readFileSync(record, "utf8")).toMatch(/\/(dist\/src\/cli\.js|src\/cli\.ts)$/m);
  });

  it("a Telegram bot polling on SQLite loads none of the heavy packages", async () => {
    fake = await startFakeTelegram();
    const env = {
      DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-loaded-db-"), "db.sqlite")}`,
      LOG_LEVEL: "silent",
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    };
    const run = recordedRun(["start"], env);
    bot = run.child;
    await fake.waitForCall((call) => call.method === "getUpdates", 30_000);
    // A stop waits for the first scheduler tick, so whatever the tick loads is recorded too.
    const exit = exited(bot);
    bot.kill("SIGTERM");
    expect(await exit).toBe(0);
    bot = undefined;
    // What the bot does load is seen: the command's own module, loaded on demand, and the driver.
    expect(readFileSync(run.record, "utf8")).toMatch(
      /\/(dist\/src\/start-command-\w+\.js|src\/cli\/start-command\.ts)$/m,
    );
    const loaded = packagesIn(run.record);
    expect(loaded).toContain("better-sqlite3");
    expect([...loaded].filter((name) => HEAVY.includes(name))).toEqual([]);
  });
});
