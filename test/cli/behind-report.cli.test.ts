import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;
let env: Record<string, string>;

beforeAll(async () => {
  directory = tempDirectory("nhacviec-cli-behind-");
  env = { DATABASE_URL: `sqlite:${join(directory, "db.sqlite")}`, LOG_LEVEL: "silent" };
  expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
}, 60_000);

describe("nhacviec behind and report", () => {
  it("prints who is behind as JSON, late after the deadline", async () => {
    const result = await runCli(
      ["behind", "--at", "2020-03-22T09:00:00+07:00", "--quarter", "2020-Q1", "--json"],
      env,
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.periodKey).toBe("2020-Q1");
    expect(report.afterDeadline).toBe(true);
    expect(report.notReported).toHaveLength(40);
    expect(report.notReported[0]).toMatchObject({ agencyCode: "so-tttt", daysLate: 3 });
  });

  it("prints Vietnamese text by default", async () => {
    const result = await runCli(["behind", "--at", "2020-03-10T09:00:00+07:00"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Quý I/2020 — hạn nộp trước ngày 20/03/2020");
    expect(result.stdout).toContain("Còn 10 ngày đến hạn.");
  });

  it.each([["2020-Q5"], ["abc"], ["2019-Q1"]])(
    "refuses the quarter %s in one line, exit 1",
    async (quarter) => {
      const behind = await runCli(["behind", "--quarter", quarter], env);
      expect(behind.code).toBe(1);
      expect(behind.stderr.trim().split("\n")).toHaveLength(1);
      expect(behind.stderr).toContain(`«${quarter}» không phải kỳ báo cáo`);
      const report = await runCli(["report", "--quarter", quarter, "--out", join(directory, "r.xlsx")], env);
      expect(report.code).toBe(1);
      expect(report.stderr).toContain(`«${quarter}»`);
    },
  );

  it("writes CSV with a BOM and JSON, and refuses an unknown extension", async () => {
    const csv = join(directory, "q2.csv");
    expect((await runCli(["report", "--quarter", "2020-Q2", "--out", csv], env)).code).toBe(0);
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\uFEFFSố hiệu nhiệm vụ,Nhiệm vụ,Đơn vị chủ trì,Mã đơn vị")).toBe(true);
    const json = join(directory, "q2.json");
    expect((await runCli(["report", "--quarter", "2020-Q2", "--out", json], env)).code).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.cumulative.months).toBe(6);
    expect(report.cumulative.periodKeys).toEqual(["2020-Q1", "2020-Q2"]);
    const pdf = await runCli(["report", "--quarter", "2020-Q2", "--out", join(directory, "q2.pdf")], env);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain("chỉ nhận tệp .docx, .xlsx, .csv, .json hoặc .png");
  });
});
