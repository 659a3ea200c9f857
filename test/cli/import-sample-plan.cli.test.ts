import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

// The sample the README documents the CSV/XLSX columns with: it must keep importing cleanly.
const SAMPLE = fileURLToPath(new URL("../../examples/plan-sample.csv", import.meta.url));

describe("the sample plan file (examples/plan-sample.csv)", () => {
  it("imports every task with no problem and no new agency", async () => {
    const env = {
      DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-sample-"), "db.sqlite")}`,
      LOG_LEVEL: "silent",
    };
    const result = await runCli(["import", SAMPLE, "--plan", "cds-2024", "--json"], env);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      planCode: "cds-2024",
      added: ["I.1", "I.2", "I.3", "II.1", "II.2", "II.3", "II.4", "III.1"],
      agenciesCreated: [],
      problems: [],
      withoutLead: [],
    });
  });
});
