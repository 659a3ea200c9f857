import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;
let env: Record<string, string>;

beforeAll(async () => {
  directory = tempDirectory("nhacviec-cli-backup-");
  env = { DATABASE_URL: `sqlite:${join(directory, "db.sqlite")}`, LOG_LEVEL: "silent" };
  expect((await runCli(["migrate"], env)).code).toBe(0);
});

const isSqlite = (file: string) => readFileSync(file).subarray(0, 15).toString() === "SQLite format 3";

describe("nhacviec backup", () => {
  it("names the missing folder in one line, exit 1, and writes nothing", async () => {
    const folder = join(directory, "no-such-folder");
    const result = await runCli(["backup", join(folder, "copy.sqlite")], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `nhacviec: backup: thư mục ${folder} không tồn tại — hãy tạo thư mục đó trước hoặc chọn nơi lưu khác.\n`,
    );
    expect(result.stdout).toBe("");
    expect(existsSync(folder)).toBe(false);
  });

  it("does not overwrite an existing file unless --force", async () => {
    const target = join(directory, "existing.sqlite");
    writeFileSync(target, "yesterday's backup");
    const refused = await runCli(["backup", target], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `nhacviec: backup: tệp ${target} đã có — thêm --force để ghi đè, hoặc chọn tên khác.\n`,
    );
    expect(readFileSync(target, "utf8")).toBe("yesterday's backup");

    const forced = await runCli(["backup", target, "--force"], env);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`vào ${target}`);
    expect(isSqlite(target)).toBe(true);
    expect(existsSync(`${target}.part`)).toBe(false);
  });

  it("on PostgreSQL names the pg_dump command in one line, exit 1", async () => {
    const result = await runCli(["backup", "nhacviec.dump"], {
      ...env,
      DATABASE_URL: "postgres://nv:secret@db.invalid/nhacviec",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'nhacviec: backup: lệnh này sao lưu cơ sở dữ liệu SQLite; với PostgreSQL hãy dùng pg_dump, ví dụ pg_dump --format=custom --file=nhacviec.dump "$DATABASE_URL" (khôi phục bằng pg_restore).\n',
    );
  });

  it("says where it looked when there is no database to back up", async () => {
    const missing = join(directory, "never-created.sqlite");
    const result = await runCli(["backup", join(directory, "copy.sqlite")], {
      ...env,
      DATABASE_URL: `sqlite:${missing}`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `nhacviec: backup: không có cơ sở dữ liệu tại ${missing} — kiểm tra DATABASE_URL.\n`,
    );
  });
});
