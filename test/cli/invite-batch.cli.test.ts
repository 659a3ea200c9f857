import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { hashInviteCode } from "../../src/services/invite-code.ts";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;
let env: Record<string, string>;
const CODE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

beforeAll(async () => {
  directory = tempDirectory("nhacviec-cli-invites-");
  env = { DATABASE_URL: `sqlite:${join(directory, "db.sqlite")}`, LOG_LEVEL: "silent" };
  expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
}, 60_000);

function query<Row>(sql: string, ...params: unknown[]): Row[] {
  const db = new SQLite(join(directory, "db.sqlite"), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Row[];
  } finally {
    db.close();
  }
}

const inviteCount = () => query<{ n: number }>("SELECT count(*) AS n FROM invites")[0]?.n;

/** The stored invite behind a printed code: its agency code, role and expiry. */
function storedInvite(code: string) {
  return query<{ agency: string | null; role: string; expires_at: string }>(
    `SELECT agencies.code AS agency, invites.role, invites.expires_at FROM invites
     LEFT JOIN agencies ON agencies.id = invites.agency_id WHERE invites.code_hash = ?`,
    hashInviteCode(code),
  )[0];
}

/** dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7, no summer time). */
function vietnamTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

describe("nhacviec invite, many at once", () => {
  it("creates --count N invites for one agency: one line each, or a JSON array", async () => {
    const before = inviteCount();
    const text = await runCli(["invite", "--agency", "Sở Y tế", "--role", "official", "--count", "3"], env);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    const codes = lines.map((line) => line.split(" · ")[2] ?? "");
    expect(new Set(codes).size).toBe(3);
    for (const [index, line] of lines.entries()) {
      const code = codes[index] ?? "";
      expect(code).toMatch(CODE);
      const stored = storedInvite(code);
      expect(stored).toMatchObject({ agency: "so-y-te", role: "official" });
      expect(line).toBe(
        `Sở Y tế · cán bộ đầu mối · ${code} · — · hết hạn ${vietnamTime(stored?.expires_at ?? "")}`,
      );
    }
    expect(text.stderr).toContain("đặt BOT_USERNAME hoặc BOT_TOKEN");

    const json = await runCli(["invite", "--agency", "so-y-te", "--count", "2", "--json"], {
      ...env,
      BOT_USERNAME: "nhacviec_bot",
    });
    expect(json.code).toBe(0);
    const invites = JSON.parse(json.stdout) as { code: string; telegram_link: string; agency: string }[];
    expect(invites).toHaveLength(2);
    for (const invite of invites) {
      expect(invite.telegram_link).toBe(`https://t.me/nhacviec_bot?start=${invite.code}`);
      expect(invite.agency).toBe("so-y-te");
      expect(storedInvite(invite.code)?.role).toBe("official");
    }
    expect(inviteCount()).toBe((before ?? 0) + 5);
  });

  it("writes --all to a CSV with a BOM: one row per agency that leads a task, local expiry", async () => {
    const file = join(directory, "invites.csv");
    const result = await runCli(["invite", "--all", "--out", file], { ...env, BOT_USERNAME: "nhacviec_bot" });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`Đã ghi 40 mã mời vào ${file}.`);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(bytes.toString("utf8").slice(1)) as string[][];
    expect(header).toEqual(["Đơn vị", "Mã đơn vị", "Vai trò", "Mã mời", "Liên kết Telegram", "Hết hạn"]);
    expect(rows).toHaveLength(40);
    const agencies = rows.map((row) => row[0]);
    expect(agencies).toContain("Sở Y tế");
    expect(agencies).toContain("UBND huyện Chư Păh");
    // Cooperating bodies lead no task: their people would have nothing to report.
    expect(agencies).not.toContain("Bưu điện tỉnh");
    expect(rows.map((row) => row[1])).not.toContain("cac-doan-the");
    for (const [agency, agencyCode, role, code, link, expires] of rows) {
      expect(agency).toBeTruthy();
      expect(role).toBe("cán bộ đầu mối");
      expect(link).toBe(`https://t.me/nhacviec_bot?start=${code}`);
      const stored = storedInvite(code ?? "");
      expect(stored).toMatchObject({ agency: agencyCode, role: "official" });
      expect(expires).toBe(vietnamTime(stored?.expires_at ?? ""));
    }
  });

  it("writes --all --role coordinator to an XLSX with a frozen header row and widths", async () => {
    const file = join(directory, "invites.xlsx");
    const result = await runCli(["invite", "--all", "--role", "coordinator", "--out", file], env);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Mã mời");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Đơn vị",
      "Mã đơn vị",
      "Vai trò",
      "Mã mời",
      "Liên kết Telegram",
      "Hết hạn",
    ]);
    expect(sheet?.getColumn(1).width).toBeGreaterThanOrEqual(30);
    expect(sheet?.rowCount).toBe(41);
    const first = sheet?.getRow(2);
    expect(first?.getCell(3).value).toBe("điều phối viên");
    expect(storedInvite(String(first?.getCell(4).value))).toMatchObject({
      agency: first?.getCell(2).value,
      role: "coordinator",
    });
    expect(String(first?.getCell(6).value)).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it("refuses an existing --out without --force, an unknown extension and a missing folder, creating nothing", async () => {
    const existing = join(directory, "existing.csv");
    writeFileSync(existing, "keep me");
    const before = inviteCount();
    const cases: [string, RegExp][] = [
      [existing, /^nhacviec: invite: tệp .*existing\.csv đã có — thêm --force để ghi đè/],
      [join(directory, "invites.txt"), /^nhacviec: invite: --out chỉ nhận tệp \.csv hoặc \.xlsx/],
      [join(directory, "missing", "invites.csv"), /^nhacviec: invite: thư mục .*missing không tồn tại/],
    ];
    for (const [file, message] of cases) {
      const result = await runCli(["invite", "--all", "--out", file], env);
      expect(result.code, file).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(readFileSync(existing, "utf8")).toBe("keep me");
    expect(inviteCount()).toBe(before);

    const forced = await runCli(["invite", "--all", "--out", existing, "--force"], env);
    expect(forced.code).toBe(0);
    expect(readFileSync(existing, "utf8")).toContain("Mã mời");
    expect(inviteCount()).toBe((before ?? 0) + 40);
  });

  it("creates no invite at all when the list cannot be written (one transaction)", async () => {
    const folderAsFile = join(directory, "a-folder.csv");
    mkdirSync(folderAsFile);
    const before = inviteCount();
    const result = await runCli(["invite", "--all", "--out", folderAsFile, "--force"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^nhacviec: invite: không ghi được .*a-folder\.csv — /);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(inviteCount()).toBe(before);
  });

  it("answers bad combinations in one line", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["invite", "--agency", "so-y-te", "--count", "0"],
        /--count phải là số nguyên từ 1 đến 100 \(nhận được «0»\)/,
      ],
      [["invite", "--agency", "so-y-te", "--count", "2x"], /--count phải là số nguyên/],
      [["invite", "--all", "--agency", "so-y-te"], /không dùng cả hai/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, env);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("says to load a plan first when no agency leads a task", async () => {
    const empty = tempDirectory("nhacviec-cli-invites-empty-");
    const emptyEnv = { DATABASE_URL: `sqlite:${join(empty, "db.sqlite")}`, LOG_LEVEL: "silent" };
    expect((await runCli(["migrate"], emptyEnv)).code).toBe(0);
    const result = await runCli(["invite", "--all"], emptyEnv);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "nhacviec: invite --all: chưa có đơn vị nào chủ trì nhiệm vụ — hãy nạp kế hoạch trước (nhacviec import --builtin hoặc nhacviec import <tệp>).",
    );
  });
});
