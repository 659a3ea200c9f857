// `nhacviec parse` on input that used to be misread: a day the calendar lacks in --at, a lone CR inside a
// line, negative figures, an expected date decades away, and a percentage against the words.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

const env = {
  DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-parse-odd-"), "db.sqlite")}`,
  LOG_LEVEL: "silent",
};

interface Output {
  text: string;
  updates: { task_ref: string | null; status: string | null; progress: number | null; eta: string | null }[];
}

function outputs(stdout: string): Output[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Output);
}

describe("nhacviec parse on odd input", () => {
  it.each(["2020-02-31", "2021-02-29", "2020-02-31T10:00:00+07:00"])(
    "refuses --at %s, a day the calendar lacks, in one line with exit 1",
    async (at) => {
      const result = await runCli(["parse", "--at", at], env, "II.2 xong\n");
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        `nhacviec: --at: «${at}» không phải một ngày có thật trên lịch; anh/chị kiểm tra lại ngày và tháng (ví dụ 2020-02-29).\n`,
      );
    },
  );

  it("accepts 29 February of a leap year", async () => {
    const result = await runCli(["parse", "--at", "2020-02-29"], env, "II.2 dự kiến xong 1/3\n");
    expect(result.code).toBe(0);
    expect(outputs(result.stdout)[0]?.updates[0]?.eta).toBe("2020-03-01");
  });

  it("prints one output per LF or CRLF line; a lone CR stays inside its message", async () => {
    const input = "II.2 xong\rII.3 đang làm\r\nII.4 chưa làm\nII.5 30%";
    const result = await runCli(["parse", "--at", "2020-09-11"], env, input);
    expect(result.code).toBe(0);
    const lines = outputs(result.stdout);
    expect(lines.map((line) => line.text)).toEqual(["II.2 xong\rII.3 đang làm", "II.4 chưa làm", "II.5 30%"]);
    expect(lines[0]?.updates.map((u) => [u.task_ref, u.status])).toEqual([
      ["II.2", "done"],
      ["II.3", "in_progress"],
    ]);
  });

  it("never turns a negative figure into a progress or a date, and refuses an ETA decades away", async () => {
    const input = ["II.2 đang làm -50%", "II.3 đang làm, dự kiến xong -1/3", "II.4 dự kiến xong 1/1/1969"];
    const result = await runCli(["parse", "--at", "2020-09-11"], env, `${input.join("\n")}\n`);
    expect(result.code).toBe(0);
    expect(outputs(result.stdout).map((line) => line.updates)).toEqual([
      [{ task_ref: "II.2", status: "in_progress", progress: null, blocker: null, eta: null }],
      [{ task_ref: "II.3", status: "in_progress", progress: null, blocker: null, eta: null }],
      [{ task_ref: "II.4", status: "in_progress", progress: null, blocker: null, eta: null }],
    ]);
  });

  it("reads a percentage against the words as the bot stores it: xong 0% is not started", async () => {
    const result = await runCli(["parse", "--at", "2020-09-11"], env, "II.2 xong 0%\nII.3 hoàn thành 80%\n");
    expect(outputs(result.stdout).map((line) => line.updates.map((u) => [u.status, u.progress]))).toEqual([
      [["not_started", 0]],
      [["in_progress", 80]],
    ]);
  });
});
