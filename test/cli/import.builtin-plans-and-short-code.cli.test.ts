// `import --builtin [NQ17|CDS2026|all]` and `import … --short-code` (issue 14): `--builtin` alone is still
// the Gia Lai plan with its targets; the 2026 example brings its wards and communes; a short code is
// normalized, and a bad or taken one is refused in one line with nothing written.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tableCounts } from "../support/table-counts.ts";
import { tempDirectory } from "../support/test-app.ts";

const SAMPLE = fileURLToPath(new URL("../../examples/plan-sample.csv", import.meta.url));

function freshDatabase(): { path: string; env: Record<string, string> } {
  const path = join(tempDirectory("nhacviec-builtin-"), "db.sqlite");
  return { path, env: { DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: "silent" } };
}

async function shortCodes(env: Record<string, string>): Promise<string[]> {
  const result = await runCli(["plans", "--json"], env);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { shortCode: string }[]).map((plan) => plan.shortCode);
}

interface SummaryJson {
  planCode: string;
  planCreated: boolean;
  added: string[];
  agenciesCreated: { code: string; kind: string }[];
  indicators: { read: number } | null;
}

describe("import --builtin <name>", () => {
  it("loads the Gia Lai plan alone, then the 2026 example with its communes, then both again unchanged", async () => {
    const { env } = freshDatabase();
    const nq17 = await runCli(["import", "--builtin"], env);
    expect(nq17.code).toBe(0);
    expect(nq17.stdout).toContain("Đã nạp kế hoạch mới gia-lai-nq17-2019: đọc được 34 nhiệm vụ.");
    expect(nq17.stdout).toContain("Đã nạp 36 chỉ tiêu của kế hoạch.");
    expect(await shortCodes(env)).toEqual(["NQ17"]);

    const cds = await runCli(["import", "--builtin", "cds2026"], env);
    expect(cds.code).toBe(0);
    expect(cds.stdout).toContain("Đã nạp kế hoạch mới gia-lai-cds-2026: đọc được 14 nhiệm vụ.");
    expect(cds.stdout).toContain(
      "  Đơn vị mới (6): phuong-quy-nhon (Phường Quy Nhơn, loại: phường), phuong-quy-nhon-nam (Phường Quy Nhơn Nam, loại: phường), phuong-pleiku (Phường Pleiku, loại: phường), phuong-dien-hong (Phường Diên Hồng, loại: phường), xa-bien-ho (Xã Biển Hồ, loại: xã), xa-nhon-chau (Xã Nhơn Châu, loại: xã)",
    );
    expect(cds.stdout).not.toContain("chỉ tiêu");
    expect(await shortCodes(env)).toEqual(["NQ17", "CDS2026"]);

    const all = await runCli(["import", "--builtin", "all", "--json"], env);
    expect(all.code).toBe(0);
    const summaries = JSON.parse(all.stdout) as SummaryJson[];
    expect(summaries).toMatchObject([
      { planCode: "gia-lai-nq17-2019", planCreated: false, added: [], agenciesCreated: [] },
      { planCode: "gia-lai-cds-2026", planCreated: false, added: [], agenciesCreated: [], indicators: null },
    ]);
    // NQ17's targets come with it as before.
    expect(summaries[0]?.indicators?.read).toBe(36);
  });

  it("--builtin all on a new database: both plans; a dry run creates no file", async () => {
    const { path, env } = freshDatabase();
    const dryRun = await runCli(["import", "--builtin", "all", "--dry-run"], env);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout.match(/Chưa có cơ sở dữ liệu/g)).toHaveLength(1);
    expect(dryRun.stdout).toContain("Nếu nhập thật: tạo kế hoạch mới gia-lai-nq17-2019");
    expect(dryRun.stdout).toContain("Nếu nhập thật: tạo kế hoạch mới gia-lai-cds-2026");
    expect(existsSync(path)).toBe(false);

    expect((await runCli(["import", "--builtin", "ALL"], env)).code).toBe(0);
    expect(await shortCodes(env)).toEqual(["NQ17", "CDS2026"]);
  });

  it("refuses a name it does not ship, and --short-code with two plans", async () => {
    const { path, env } = freshDatabase();
    const unknown = await runCli(["import", "--builtin", "CDS2025"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      "nhacviec: import: không có kế hoạch có sẵn «CDS2025»; chọn một trong: NQ17, CDS2026, all (để trống là kế hoạch NQ17 của Gia Lai).\n",
    );
    const twoPlans = await runCli(["import", "--builtin", "all", "--short-code", "X1"], env);
    expect(twoPlans.code).toBe(1);
    expect(twoPlans.stderr).toBe(
      "nhacviec: import: --short-code đặt mã cho một kế hoạch; với --builtin all (hai kế hoạch) hãy bỏ --short-code.\n",
    );
    expect(existsSync(path)).toBe(false);
  });
});

describe("import --short-code", () => {
  it("names the plan's short code in any case; refuses a bad one and one another plan holds", async () => {
    const { path, env } = freshDatabase();
    expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
    const named = await runCli(["import", SAMPLE, "--plan", "cds-2024", "--short-code", " cds24 "], env);
    expect(named.code).toBe(0);
    expect(await shortCodes(env)).toEqual(["NQ17", "CDS24"]);

    const before = tableCounts(path);
    const bad = await runCli(["import", SAMPLE, "--plan", "khac", "--short-code", "2024"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      "nhacviec: import: --short-code «2024» không dùng được: cần chữ cái đầu, rồi chữ và số (tối đa 16 ký tự), ví dụ «CDS2026».\n",
    );
    const taken = await runCli(["import", SAMPLE, "--plan", "khac", "--short-code", "nq17"], env);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      "nhacviec: import: mã ngắn «NQ17» đã thuộc một kế hoạch khác; chọn mã khác (--short-code hoặc «short_code» trong tệp). Xem danh sách: nhacviec plans.\n",
    );
    expect(tableCounts(path)).toEqual(before);

    // Its own plan may keep it, or change it on a re-import.
    expect((await runCli(["import", SAMPLE, "--plan", "cds-2024", "--short-code", "CDS24"], env)).code).toBe(
      0,
    );
    expect((await runCli(["import", SAMPLE, "--plan", "cds-2024", "--short-code", "KHCDS"], env)).code).toBe(
      0,
    );
    expect(await shortCodes(env)).toEqual(["NQ17", "KHCDS"]);
  });
});
