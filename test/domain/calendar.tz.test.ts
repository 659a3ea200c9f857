// Reruns calendar.test.ts in child processes under other process time zones: the calendar must give the
// same answers whatever the server's TZ is (README: the report calendar).
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// Set in the children so that they never spawn again (they only run calendar.test.ts anyway).
const GUARD = "NHACVIEC_CALENDAR_TZ_CHILD";
const root = fileURLToPath(new URL("../../", import.meta.url));
// vitest's own entry run with this node: what `npx vitest` runs, without npx's start-up cost.
const vitestCli = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const run = promisify(execFile);

describe.skipIf(process.env[GUARD] === "1")("calendar under other process time zones", () => {
  it.concurrent.each(["UTC", "America/New_York", "Asia/Ho_Chi_Minh"])(
    "TZ=%s: test/domain/calendar.test.ts passes",
    async (tz) => {
      let output: string;
      let status = 0;
      try {
        const r = await run(process.execPath, [vitestCli, "run", "test/domain/calendar.test.ts"], {
          cwd: root,
          // NHACVIEC_EXPECT_TZ makes the child check that the TZ really applied.
          env: { ...process.env, TZ: tz, NHACVIEC_EXPECT_TZ: tz, [GUARD]: "1", CI: "1", NO_COLOR: "1" },
          timeout: 120_000,
        });
        output = `${r.stdout}\n${r.stderr}`;
      } catch (error) {
        const e = error as { code?: number; stdout?: string; stderr?: string };
        status = typeof e.code === "number" ? e.code : 1;
        output = `${e.stdout ?? ""}\n${e.stderr ?? ""}`;
      }
      expect(status, output).toBe(0);
      expect(output).toMatch(/Tests\s+\d+ passed/);
    },
    120_000,
  );
});
