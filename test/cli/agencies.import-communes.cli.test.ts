// `agencies import communes.csv` (issue 14): the sample loads, a second run changes nothing, and a
// file with bad rows gets one line per row and loads nothing.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tableCounts } from "../support/table-counts.ts";
import { tempDirectory } from "../support/test-app.ts";

const SAMPLE = new URL("../../examples/communes-sample.csv", import.meta.url).pathname;

describe("agencies import", () => {
  it("loads the sample's communes and wards once, however often it runs", async () => {
    const directory = tempDirectory("nhacviec-communes-");
    const env = { DATABASE_URL: `sqlite:${join(directory, "db.sqlite")}`, LOG_LEVEL: "silent" };
    expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
    const first = await runCli(["agencies", "import", SAMPLE], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("thêm 5, cập nhật 0, giữ nguyên 0");
    const second = await runCli(["agencies", "import", SAMPLE, "--json"], env);
    expect(JSON.parse(second.stdout)).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 5,
      assignmentsAdded: 0,
    });
    const list = JSON.parse((await runCli(["agencies", "--json"], env)).stdout) as {
      code: string;
      kind: string;
    }[];
    expect(list.find((agency) => agency.code === "phuong-pleiku")?.kind).toBe("ward");
    expect(list.find((agency) => agency.code === "xa-ia-hru")?.kind).toBe("commune");

    const bad = join(directory, "bad.csv");
    writeFileSync(
      bad,
      "Tên;Loại (xã/phường);Mã\nXã Ia Mơ;huyện;xa-ia-mo\n;xã;\nPhường Mới;phường;so-tai-chinh\n",
    );
    const before = tableCounts(join(directory, "db.sqlite"));
    const refused = await runCli(["agencies", "import", bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split("\n")).toEqual([
      `${bad} dòng 2: Loại «huyện» không phải xã hoặc phường`,
      `${bad} dòng 3: cột Tên đang để trống`,
      `nhacviec: agencies import: ${bad} có 2 dòng lỗi, chưa nạp gì; anh/chị sửa các dòng trên rồi chạy lại.`,
    ]);
    const taken = join(directory, "taken.csv");
    writeFileSync(taken, "name,kind,code\nPhường Mới,ward,so-tai-chinh\n");
    const refusedCode = await runCli(["agencies", "import", taken], env);
    expect(refusedCode.code).toBe(1);
    expect(refusedCode.stderr).toContain(`${taken} dòng 2: Mã so-tai-chinh đã dùng cho Sở Tài chính`);
    expect(tableCounts(join(directory, "db.sqlite"))).toEqual(before);
  });
});
