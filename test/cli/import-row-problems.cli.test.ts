import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;
let env: Record<string, string>;
let table: string;
let json: string;

beforeAll(() => {
  directory = tempDirectory("nhacviec-import-rows-");
  env = { DATABASE_URL: `sqlite:${join(directory, "db.sqlite")}`, LOG_LEVEL: "silent" };
  table = join(directory, "ke-hoach.csv");
  writeFileSync(
    table,
    [
      "Số TT,Tên nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện,Ghi chú",
      "I,Thể chế,,,,",
      "1,Việc đọc được,Sở Y tế,,2025,",
      "2,Việc có thời gian viết sai,Sở Y tế,,Quý 5/2025,",
      "x,Dòng có số lạ,Sở Y tế,,2025,",
    ].join("\n"),
  );
  json = join(directory, "ke-hoach.json");
  writeFileSync(
    json,
    JSON.stringify({
      plan: { code: "json-plan", title: "Kế hoạch JSON" },
      sections: [
        {
          code: "I",
          title: "Mục một",
          tasks: [
            { code: "I.1", title: "Việc tốt", lead: ["Sở Y tế"] },
            { code: "I.2", lead: ["Sở Y tế"] },
            { code: "I.3", title: "Chủ trì không phải danh sách", lead: "Sở Y tế" },
          ],
        },
      ],
    }),
  );
});

describe("rows an import cannot take whole", () => {
  it("lists a skipped row as unread and an imported row with a bad date as a warning, in Vietnamese", async () => {
    const result = await runCli(["import", table], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Thêm mới (2): I.1, I.2");
    expect(result.stdout).toContain(
      "Không nhập vì không đọc được (1):\n  dòng 5: số thứ tự «x» không phải số La Mã (mục) hay số nguyên (nhiệm vụ)",
    );
    // Row 4 was imported (I.2): it is a warning, never an unread row.
    expect(result.stdout).toContain(
      "Đã nhập nhưng cần xem lại (1):\n  dòng 4: nhiệm vụ I.2: không đọc được thời gian «Quý 5/2025»",
    );
  });

  it("says the same in English with LOCALE=en, and marks each problem in --json", async () => {
    const result = await runCli(["import", table], { ...env, LOCALE: "en" });
    expect(result.stdout).toContain(
      'Not imported, could not be read (1):\n  row 5: number "x" is neither a Roman numeral (section) nor a whole number (task)',
    );
    expect(result.stdout).toContain(
      'Imported, but check (1):\n  row 4: task I.2: timeframe "Quý 5/2025" could not be read',
    );
    const output = JSON.parse((await runCli(["import", table, "--json"], { ...env, LOCALE: "en" })).stdout);
    expect(output.problems.map((p: { row: number; severity: string }) => [p.row, p.severity])).toEqual([
      [5, "skipped"],
      [4, "warning"],
    ]);
  });

  it("names the field and what it should be for JSON tasks, in both languages", async () => {
    const vi = await runCli(["import", json], env);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain("  sections[0].tasks[1]: thiếu trường «title»");
    expect(vi.stdout).toContain("  sections[0].tasks[2]: trường «lead» phải là danh sách chữ");
    const en = await runCli(["import", json], { ...env, LOCALE: "en" });
    expect(en.stdout).toContain('  sections[0].tasks[1]: "title" is missing');
    expect(en.stdout).toContain('  sections[0].tasks[2]: "lead" must be a list of texts');
  });

  it("answers a file it cannot read with one line in the admin's language", async () => {
    const missing = join(directory, "khong-co.csv");
    const vi = await runCli(["import", missing], env);
    expect(vi.code).not.toBe(0);
    expect(vi.stderr.trim()).toBe(`nhacviec: import: không đọc được tệp — ${missing}: không có tệp này.`);
    const en = await runCli(["import", missing], { ...env, LOCALE: "en" });
    expect(en.stderr.trim()).toBe(`nhacviec: import: the file could not be read — ${missing}: no such file.`);
  });
});
