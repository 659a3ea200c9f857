// `nhacviec plans` lists both built-in plans with their span, status and counts; `plans close` shows
// itself first with --dry-run, closes once (audited), and refuses a closed or unknown plan in one line.
import { existsSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tableCounts } from "../support/table-counts.ts";
import { tempDirectory } from "../support/test-app.ts";

let databasePath: string;
let env: Record<string, string>;
// As if in mid-2026: the NQ17 plan (2019–2025) has ended, the 2026 example runs.
const IN_2026 = "2026-06-01T09:00:00+07:00";

beforeAll(async () => {
  databasePath = join(tempDirectory("nhacviec-plans-"), "db.sqlite");
  env = { DATABASE_URL: `sqlite:${databasePath}`, LOG_LEVEL: "silent" };
  const imported = await runCli(["import", "--builtin", "all"], env);
  expect(imported.code).toBe(0);
}, 60_000);

interface PlanJson {
  code: string;
  shortCode: string;
  status: string;
  closedAt: string | null;
  spanFromYear: number | null;
  spanToYear: number | null;
  sections: number;
  liveTasks: number;
  currentAssignments: number;
  leadAgencies: number;
  statusUpdates: number;
}

async function plansJson(at = IN_2026): Promise<PlanJson[]> {
  const result = await runCli(["plans", "--at", at, "--json"], env);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as PlanJson[];
}

function auditActions(): { action: string; subject: string }[] {
  const db = new SQLite(databasePath, { readonly: true });
  try {
    return db.prepare("SELECT action, subject FROM audit_log ORDER BY id").all() as {
      action: string;
      subject: string;
    }[];
  } finally {
    db.close();
  }
}

describe("nhacviec plans", () => {
  it("lists every plan: short and full code, title, span, status and counts, as text and JSON", async () => {
    const text = await runCli(["plans", "--at", IN_2026], env);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("2 kế hoạch:");
    expect(lines[1]).toBe(
      "  NQ17 · gia-lai-nq17-2019 · 2019–2025, báo cáo từ Quý II/2019 · đã hết thời hạn (năm cuối 2025)",
    );
    expect(lines[2]).toBe("    Kế hoạch hành động thực hiện Nghị quyết số 17/NQ-CP ngày 07/3/2019 của…");
    expect(lines[3]).toMatch(
      /^ {4}7 mục, 34 nhiệm vụ, \d+ phần việc đang giao cho \d+ đơn vị chủ trì, 0 cập nhật đã lưu$/,
    );
    expect(lines.slice(4)).toEqual([
      "  CDS2026 · gia-lai-cds-2026 · 2026, báo cáo từ Quý II/2026 · đang theo dõi",
      "    Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026",
      "    4 mục, 14 nhiệm vụ, 23 phần việc đang giao cho 14 đơn vị chủ trì, 0 cập nhật đã lưu",
    ]);

    const [nq17, cds] = await plansJson();
    expect(nq17).toMatchObject({
      shortCode: "NQ17",
      status: "ended",
      spanFromYear: 2019,
      spanToYear: 2025,
      firstReport: "2019-Q2",
    });
    expect(cds).toMatchObject({
      code: "gia-lai-cds-2026",
      shortCode: "CDS2026",
      status: "open",
      firstReport: "2026-Q2",
      closedAt: null,
      sections: 4,
      liveTasks: 14,
      currentAssignments: 23,
      leadAgencies: 14,
      statusUpdates: 0,
    });
    // In 2027 the 2026 plan has ended too.
    expect((await plansJson("2027-01-05T09:00:00+07:00")).map((plan) => plan.status)).toEqual([
      "ended",
      "ended",
    ]);

    const english = await runCli(["plans", "--at", IN_2026], { ...env, LOCALE: "en" });
    expect(english.stdout).toContain(
      "  CDS2026 · gia-lai-cds-2026 · 2026, reporting from Q2/2026 · followed\n",
    );
    expect(english.stdout).toContain(
      "    4 sections, 14 tasks, 23 assignments in charge of 14 lead agencies, 0 status updates stored\n",
    );
  });

  it("on a missing database fails with one line and creates nothing", async () => {
    const path = join(tempDirectory("nhacviec-plans-none-"), "none", "db.sqlite");
    for (const args of [["plans"], ["plans", "close", "NQ17"]]) {
      const result = await runCli(args, { DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: "silent" });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `nhacviec: Chưa có cơ sở dữ liệu tại ${path}: hãy chạy \`nhacviec migrate\` (và \`nhacviec import\`) trước.\n`,
      );
    }
    expect(existsSync(join(path, ".."))).toBe(false);
  });
});

describe("nhacviec plans close", () => {
  it("--dry-run shows what would close and writes nothing", async () => {
    const before = tableCounts(databasePath);
    const result = await runCli(["plans", "close", "cds2026", "--dry-run"], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^Chạy thử \(chưa ghi gì\): đóng kế hoạch CDS2026 \(Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026\) lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/,
    );
    expect(lines[1]).toMatch(
      /^Sẽ kết thúc 23 phần việc đang giao của 14 nhiệm vụ; 14 đơn vị chủ trì thôi nhận nhắc về kế hoạch này: Công an tỉnh, Phường Diên Hồng, .*, Xã Nhơn Châu$/,
    );
    expect(lines.at(-1)).toBe("Bỏ --dry-run để đóng thật.");
    expect(tableCounts(databasePath)).toEqual(before);
    expect((await plansJson()).map((plan) => plan.status)).toEqual(["ended", "open"]);
  });

  it("closes a plan by its full code: its assignments end, the audit log has it; a second close is refused", async () => {
    const closed = await runCli(["plans", "close", "gia-lai-cds-2026", "--json"], env);
    expect(closed.code).toBe(0);
    const result = JSON.parse(closed.stdout) as {
      dryRun: boolean;
      closedAt: string;
      tasks: string[];
      assignments: number;
      agencies: { code: string }[];
    };
    expect(result).toMatchObject({ dryRun: false, assignments: 23 });
    expect(result.tasks).toEqual([
      "I.1",
      "I.2",
      "I.3",
      "I.4",
      "II.1",
      "II.2",
      "II.3",
      "II.4",
      "III.1",
      "III.2",
      "III.3",
      "III.4",
      "IV.1",
      "IV.2",
    ]);
    expect(result.agencies.map((agency) => agency.code)).toContain("phuong-quy-nhon");
    expect(auditActions().at(-1)).toEqual({ action: "plan.close", subject: "gia-lai-cds-2026" });

    const [, cds] = await plansJson(new Date(Date.now() + 60_000).toISOString());
    expect(cds).toMatchObject({
      status: "closed",
      closedAt: result.closedAt,
      currentAssignments: 0,
      leadAgencies: 0,
      liveTasks: 14,
    });

    const before = tableCounts(databasePath);
    const again = await runCli(["plans", "close", "CDS2026"], env);
    expect(again.code).toBe(1);
    const day = new Date(Date.parse(result.closedAt) + 7 * 3_600_000).toISOString().slice(0, 10);
    const [year, month, date] = day.split("-");
    expect(again.stderr).toBe(
      `nhacviec: plans close: kế hoạch CDS2026 đã đóng ngày ${date}/${month}/${year}, không cần đóng lại.\n`,
    );
    expect(tableCounts(databasePath)).toEqual(before);
  });

  it("refuses an unknown plan, naming the plans there are, and a close still to come", async () => {
    const unknown = await runCli(["plans", "close", "CDS2025"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      "nhacviec: plans close: không có kế hoạch «CDS2025»; các kế hoạch hiện có: CDS2026, NQ17 (xem: nhacviec plans).\n",
    );
    const ahead = await runCli(["plans", "close", "NQ17", "--at", "2099-01-01T00:00:00+07:00"], env);
    expect(ahead.code).toBe(1);
    expect(ahead.stderr).toMatch(
      /^nhacviec: plans close: --at 2099-01-01T00:00:00\+07:00 chưa đến; [^\n]*\n$/,
    );
    expect((await plansJson())[0]?.closedAt).toBeNull();
  });
});
