import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runCliProcess } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

const env = {
  DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-parse-"), "db.sqlite")}`,
  LOG_LEVEL: "silent",
};

interface CorpusLine {
  text: string;
  at: string;
  expect: {
    task_ref: string | null;
    status: string | null;
    progress: number | null;
    blocker: boolean;
    eta: string | null;
  }[];
}

const corpus = readFileSync(new URL("../fixtures/corpus/status-updates.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as CorpusLine);

describe("nhacviec parse", () => {
  it("prints one JSON line per input line, in the contract's shape", async () => {
    const input = [
      "II.2 xong",
      "",
      "hello",
      "II/1 hoàn tất; II/4 đang thực hiện 50%, dự kiến xong 20/9",
    ].join("\n");
    const result = await runCliProcess(["parse", "--at", "2020-09-11"], env, `${input}\n`);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      text: "II.2 xong",
      updates: [{ task_ref: "II.2", status: "done", progress: null, blocker: null, eta: null }],
    });
    expect(lines[1]).toEqual({ text: "", updates: [] });
    expect(lines[2]).toEqual({ text: "hello", updates: [] });
    expect(lines[3].updates).toEqual([
      { task_ref: "II.1", status: "done", progress: null, blocker: null, eta: null },
      { task_ref: "II.4", status: "in_progress", progress: 50, blocker: null, eta: "2020-09-20" },
    ]);
  });

  it("agrees with the corpus for every message that shares one reference date", async () => {
    const at = "2021-09-19";
    const lines = corpus.filter((line) => line.at === at);
    expect(lines.length).toBeGreaterThan(2);
    const result = await runCli(["parse", "--at", at], env, `${lines.map((line) => line.text).join("\n")}\n`);
    const parsed = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    parsed.forEach((output, index) => {
      const expected = lines[index]?.expect ?? [];
      expect(
        output.updates.map((u: { blocker: string | null }) => ({ ...u, blocker: u.blocker !== null })),
      ).toEqual(expected);
    });
  });

  it("adds progress_over_100 only to an update over 100%, and reads a past date in a done message as done", async () => {
    const input = ["II.10 đang làm 150%", "II.1 xong 30/6", "II.4 vướng kinh phí, nhân lực và mặt bằng"];
    const result = await runCli(["parse", "--at", "2020-07-05"], env, `${input.join("\n")}\n`);
    expect(result.code).toBe(0);
    const [over, pastDone, blocker] = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).updates);
    expect(over).toEqual([
      {
        task_ref: "II.10",
        status: "in_progress",
        progress: null,
        blocker: null,
        eta: null,
        progress_over_100: 150,
      },
    ]);
    expect(pastDone).toEqual([
      { task_ref: "II.1", status: "done", progress: null, blocker: null, eta: null },
    ]);
    expect(blocker[0].blocker).toBe("vướng kinh phí, nhân lực và mặt bằng");
  });

  it("adds plan only to an update that names its plan, right after task_ref", async () => {
    const input = ["II.2 (CDS) xong", "II.2 xong"];
    const result = await runCli(["parse", "--at", "2026-03-10"], env, `${input.join("\n")}\n`);
    expect(result.code).toBe(0);
    const [named, bare] = result.stdout.trim().split("\n");
    expect(named).toBe(
      '{"text":"II.2 (CDS) xong","updates":[{"task_ref":"II.2","plan":"CDS","status":"done","progress":null,"blocker":null,"eta":null}]}',
    );
    expect(JSON.parse(bare ?? "").updates).toEqual([
      { task_ref: "II.2", status: "done", progress: null, blocker: null, eta: null },
    ]);
  });

  it("refuses a reference date that is not ISO 8601", async () => {
    const result = await runCli(["parse", "--at", "tomorrow"], env, "II.2 xong\n");
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(
      "nhacviec: --at: «tomorrow» không phải thời điểm ISO 8601 (ví dụ 2020-03-10T09:00:00+07:00).",
    );
  });
});
