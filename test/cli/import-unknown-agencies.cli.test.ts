import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tableCounts } from "../support/table-counts.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;
let env: Record<string, string>;
let plan: string;

beforeAll(async () => {
  directory = tempDirectory("nhacviec-import-unknown-");
  env = { DATABASE_URL: `sqlite:${join(directory, "db.sqlite")}`, LOG_LEVEL: "silent" };
  plan = join(directory, "ke-hoach.csv");
  writeFileSync(
    plan,
    [
      "Số TT,Tên nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện,Ghi chú",
      "I,Thể chế,,,,",
      "1,Việc của Sở Y tế,Sở Y tế,,2025,",
      "2,Việc của một sở viết sai,Sở Không Tồn Tại,,2025,",
      '3,Việc có cơ quan phối hợp viết sai,"Các sở, ngành",Sở Tài chánh,2025,',
      "4,Việc thứ hai của sở viết sai,Sở Không Tồn Tại,,2025,",
    ].join("\n"),
  );
  // A database holding the built-in plan, so "nothing written" has something to compare.
  expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
});

describe("importing a file with a misspelt agency", () => {
  it("fails, listing each unknown name with its rows and the closest registered names, and writes nothing", async () => {
    const before = tableCounts(join(directory, "db.sqlite"));
    const result = await runCli(["import", plan], env);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain("Tên đơn vị không có trong danh sách (2):");
    expect(result.stdout).toMatch(
      /«Sở Không Tồn Tại» \(dòng 4, 6\): không có trong danh sách đơn vị; gần nhất: Sở [^,\n]+/,
    );
    // Cooperating agencies are checked too.
    expect(result.stdout).toContain(
      "«Sở Tài chánh» (dòng 5): không có trong danh sách đơn vị; gần nhất: Sở Tài chính",
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("2 tên đơn vị không có trong danh sách");
    expect(result.stderr).toContain("--create-agencies");
    expect(tableCounts(join(directory, "db.sqlite"))).toEqual(before);
  });

  it("lists the same in --json", async () => {
    const result = await runCli(["import", plan, "--json"], env);
    expect(result.code).not.toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.unknownAgencies).toEqual([
      { name: "Sở Không Tồn Tại", rows: [4, 6], tasks: ["I.2", "I.4"], closest: expect.any(Array) },
      { name: "Sở Tài chánh", rows: [5], tasks: ["I.3"], closest: ["Sở Tài chính"] },
    ]);
  });

  it("creates them with --create-agencies and says which kind it guessed", async () => {
    const result = await runCli(["import", plan, "--create-agencies"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Đơn vị mới (2): so-khong-ton-tai (Sở Không Tồn Tại, loại: sở), so-tai-chanh (Sở Tài chánh, loại: sở)",
    );
    const agencies = JSON.parse((await runCli(["agencies", "--json"], env)).stdout) as { code: string }[];
    expect(agencies.map((agency) => agency.code)).toEqual(
      expect.arrayContaining(["so-khong-ton-tai", "so-tai-chanh"]),
    );
  });
});
