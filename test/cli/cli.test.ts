import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliProcess } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;
let env: Record<string, string>;

beforeAll(() => {
  directory = tempDirectory("nhacviec-cli-");
  env = { DATABASE_URL: `sqlite:${join(directory, "db.sqlite")}`, LOG_LEVEL: "silent" };
});
afterAll(() => {
  // The folder is left for the OS to clean; the child processes have closed the file.
});

interface AgencyListing {
  code: string;
  name: string;
  kind: string;
  aliases: string[];
  people: { name: string; role: string; channels: string[] }[];
}

describe("the nhacviec CLI", () => {
  it("migrates, imports the built-in plan and lists every lead agency", async () => {
    const migrate = await runCliProcess(["migrate", "--json"], env);
    expect(migrate.code).toBe(0);
    expect(JSON.parse(migrate.stdout).applied).toEqual(expect.arrayContaining(["0001_init", "0002_outbox"]));

    const imported = await runCli(["import", "--builtin", "--json"], env);
    expect(imported.code).toBe(0);
    const summary = JSON.parse(imported.stdout);
    expect(summary.added).toHaveLength(34);

    const listed = await runCli(["agencies", "--json"], env);
    expect(listed.code).toBe(0);
    const agencies = JSON.parse(listed.stdout) as AgencyListing[];
    const names = agencies.map((agency) => agency.name);
    for (const lead of [
      "Sở Thông tin và Truyền thông",
      "Sở Nội vụ",
      "Công an tỉnh",
      "Sở Kế hoạch và Đầu tư",
      "Sở Tài nguyên và Môi trường",
      "Văn phòng UBND tỉnh",
      "Sở Y tế",
      "Sở Khoa học và Công nghệ",
      "Sở Tài chính",
      "Đài Phát thanh - Truyền hình tỉnh",
      "UBND thành phố Pleiku",
      "UBND huyện Chư Păh",
    ]) {
      expect(names).toContain(lead);
    }
    expect(agencies.filter((agency) => agency.kind === "district")).toHaveLength(17);
  });

  it("changes nothing when importing twice", async () => {
    const again = await runCli(["import", "--builtin", "--json"], env);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect([summary.added, summary.changed, summary.retired, summary.agenciesCreated]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    const human = await runCli(["import", "--builtin"], env);
    expect(human.stdout).toContain("Thêm mới (0)");
  });

  it("creates an invite with --json and links it in the agency listing's people later", async () => {
    const created = await runCli(["invite", "--agency", "Sở TT&TT", "--role", "official", "--json"], {
      ...env,
      BOT_USERNAME: "nhacviec_bot",
    });
    expect(created.code).toBe(0);
    const invite = JSON.parse(created.stdout);
    expect(invite.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(invite.telegram_link).toBe(`https://t.me/nhacviec_bot?start=${invite.code}`);
    const days = (Date.parse(invite.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
  });

  it("adds and renames agencies, keeping the old name as an alias", async () => {
    const added = await runCli(
      ["agencies", "add", "Trung tâm Công nghệ thông tin và Truyền thông", "--kind", "sector", "--json"],
      env,
    );
    expect(added.code).toBe(0);
    const code = JSON.parse(added.stdout).code;
    const renamed = await runCli(["agencies", "rename", code, "Trung tâm Chuyển đổi số tỉnh"], env);
    expect(renamed.code).toBe(0);
    const listed = JSON.parse((await runCli(["agencies", "--json"], env)).stdout) as AgencyListing[];
    const agency = listed.find((entry) => entry.code === code);
    expect(agency?.name).toBe("Trung tâm Chuyển đổi số tỉnh");
    expect(agency?.aliases).toContain("Trung tâm Công nghệ thông tin và Truyền thông");
    const duplicate = await runCli(["agencies", "add", "Sở TTTT"], env);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain("đã có trong danh sách: so-tttt");
  });

  it("answers bad input with one line on stderr and a non-zero exit", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["invite", "--agency", "Sở Không Có", "--role", "official"],
        /Không có đơn vị nào khớp với «Sở Không Có»/,
      ],
      [["invite", "--agency", "so-y-te", "--role", "boss"], /--role phải là official hoặc coordinator/],
      [["invite", "--role", "official"], /cần --agency/],
      [["import", join(directory, "missing.json")], /không đọc được tệp — .*missing\.json/],
      [["import"], /hãy chỉ ra một tệp/],
      [["agencies", "add", "Sở Mới", "--kind", "ministry"], /--kind phải là một trong/],
      [["agencies", "rename", "so-khong-co", "Sở Mới"], /Không có đơn vị nào khớp/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, env);
      expect(result.code, args.join(" ")).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
    const badConfig = await runCli(["agencies"], { ...env, APP_TZ: "Mars/Olympus" });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr.trim()).toBe(
      "nhacviec: Cấu hình sai — APP_TZ: không phải múi giờ IANA (ví dụ Asia/Ho_Chi_Minh) (nhận được «Mars/Olympus»)",
    );
  });

  it("imports a CSV file and exits non-zero when nothing valid is read", async () => {
    const good = join(directory, "ke-hoach-moi.csv");
    writeFileSync(
      good,
      [
        "Số TT,Tên nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,2021-2025,Ghi chú",
        "I,Hoàn thiện thể chế,,,,",
        "1,Xây dựng quy chế số,Sở TT&TT,Các sở ngành,2021-2025,",
        "x,Dòng hỏng,Sở Y tế,,2022,",
      ].join("\n"),
    );
    const result = await runCli(["import", good, "--json"], env);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.planCode).toBe("ke-hoach-moi");
    expect(summary.added).toEqual(["I.1"]);
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0].row).toBe(4);

    const bad = join(directory, "rong.csv");
    writeFileSync(bad, "Số TT,Tên nhiệm vụ,Cơ quan chủ trì\nx,,\n");
    const empty = await runCli(["import", bad], env);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain("không đọc được nhiệm vụ hợp lệ nào");
  });

  it("backs up the database to a file that opens", async () => {
    const target = join(directory, "backup.sqlite");
    const result = await runCli(["backup", target], env);
    expect(result.code).toBe(0);
    expect(readFileSync(target).subarray(0, 15).toString()).toBe("SQLite format 3");
  });
});
