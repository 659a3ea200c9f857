import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { closedPort, type SilentServer, startSilentServer } from "../support/silent-server.ts";
import { stderrParts } from "../support/stderr-lines.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;

beforeAll(() => {
  directory = tempDirectory("nhacviec-db-problems-");
});

function env(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", ...extra };
}

/** Runs a command that must fail: one line on stderr (no stack), a non-zero exit; returns the line. */
async function failure(args: string[], environment: Record<string, string>, exitCode = 1): Promise<string> {
  const result = await runCli(args, environment, "");
  expect(result.code, args.join(" ")).toBe(exitCode);
  const { lines } = stderrParts(result.stderr);
  expect(lines, args.join(" ")).toHaveLength(1);
  return lines[0] ?? "";
}

// Every command except migrate, start and import, with arguments it would otherwise accept.
const NON_CREATING: string[][] = [
  ["agencies"],
  ["agencies", "add", "Trung tâm Chuyển đổi số"],
  ["agencies", "rename", "so-y-te", "Sở Y tế tỉnh"],
  ["invite", "--agency", "so-y-te", "--role", "official"],
  ["behind", "--quarter", "2020-Q1"],
  ["report", "--quarter", "2020-Q1", "--out", "report.xlsx"],
  ["tick", "--at", "2020-03-13T08:00:00+07:00"],
  ["calendar", "--year", "2020"],
];

describe("a database that is missing, unmigrated or unusable", () => {
  it("creates the missing folders for migrate and import", async () => {
    const migrated = join(directory, "new", "deeper", "migrated.sqlite");
    expect((await runCli(["migrate"], env(`sqlite:${migrated}`))).code).toBe(0);
    expect(statSync(migrated).size).toBeGreaterThan(0);
    const imported = join(directory, "other", "imported.sqlite");
    expect((await runCli(["import", "--builtin"], env(`sqlite:${imported}`))).code).toBe(0);
    expect(statSync(imported).size).toBeGreaterThan(0);
  });

  it("stops every other command on a missing database with one line, and creates neither file nor folder", async () => {
    const folder = join(directory, "nodb");
    const path = join(folder, "x.sqlite");
    for (const args of NON_CREATING) {
      const line = await failure(args, env(`sqlite:${path}`));
      expect(line).toBe(
        `nhacviec: Chưa có cơ sở dữ liệu tại ${path}: hãy chạy \`nhacviec migrate\` (và \`nhacviec import\`) trước.`,
      );
    }
    expect(existsSync(folder)).toBe(false);
  });

  it("stops them on an existing file that was never migrated, and leaves it as it was", async () => {
    const path = join(directory, "empty.sqlite");
    writeFileSync(path, "");
    const line = await failure(["agencies"], env(`sqlite:${path}`, { LOCALE: "en" }));
    expect(line).toBe(
      `nhacviec: No database at ${path}: run \`nhacviec migrate\` (and \`nhacviec import\`) first.`,
    );
    expect(statSync(path).size).toBe(0);
    expect(readdirSync(directory).filter((name) => name.startsWith("empty.sqlite"))).toEqual([
      "empty.sqlite",
    ]);
  });

  it("names the folder that cannot be created (a path under a regular file), for migrate, import and start", async () => {
    // The tests may run as root, whom chmod does not stop: a folder under a regular file cannot be
    // created by anyone.
    const file = join(directory, "a-file.txt");
    writeFileSync(file, "not a folder");
    const url = `sqlite:${join(file, "data", "nhacviec.sqlite")}`;
    for (const args of [["migrate"], ["import", "--builtin"], ["start"]]) {
      const line = await failure(args, env(url));
      expect(line).toBe(
        `nhacviec: Không tạo được thư mục ${join(file, "data")} cho cơ sở dữ liệu (ENOTDIR): hãy sửa đường dẫn trong DATABASE_URL, hoặc tạo thư mục đó và cho phép ghi vào.`,
      );
    }
  });

  it("says a read-only database is read-only, for the commands that write", async () => {
    const path = join(directory, "read-only.sqlite");
    expect((await runCli(["import", "--builtin"], env(`sqlite:${path}`))).code).toBe(0);
    // chmod 444 does not stop root. A write version above 2 in the header (byte 18) makes SQLite
    // itself treat the file as read-only, whoever runs it: the same SQLITE_READONLY as chmod 444.
    const descriptor = openSync(path, "r+");
    writeSync(descriptor, Buffer.from([3]), 0, 1, 18);
    closeSync(descriptor);
    const expected = `nhacviec: Cơ sở dữ liệu ${path} chỉ đọc được, không ghi được: hãy cho phép ghi vào tệp và thư mục chứa nó, hoặc chọn tệp khác trong DATABASE_URL.`;
    for (const args of [
      ["migrate"],
      ["start"],
      ["import", "--builtin"],
      ["agencies", "add", "Trung tâm Chuyển đổi số"],
      ["invite", "--agency", "so-y-te", "--role", "official"],
      ["tick", "--at", "2020-03-13T08:00:00+07:00"],
    ]) {
      expect(await failure(args, env(`sqlite:${path}`))).toBe(expected);
    }
    // Reading still works.
    expect((await runCli(["behind", "--quarter", "2020-Q1", "--json"], env(`sqlite:${path}`))).code).toBe(0);
  });

  it("says a file that is not SQLite is not a database", async () => {
    const path = join(directory, "notes.txt");
    writeFileSync(path, "meeting notes, not a database ".repeat(100));
    expect(await failure(["agencies"], env(`sqlite:${path}`))).toBe(
      `nhacviec: ${path} không phải tệp cơ sở dữ liệu SQLite: hãy sửa đường dẫn trong DATABASE_URL.`,
    );
  });

  it("answers an unforeseen failure (a damaged schema) with one line, the stack only at LOG_LEVEL=debug", async () => {
    const path = join(directory, "damaged.sqlite");
    expect((await runCli(["migrate"], env(`sqlite:${path}`))).code).toBe(0);
    const connection = new SQLite(path);
    connection.exec("DROP TABLE invites");
    connection.close();
    const args = ["invite", "--agency", "so-y-te", "--role", "official"];
    expect(await failure(args, env(`sqlite:${path}`))).toBe(
      "nhacviec: Lỗi không lường trước: no such table: invites (đặt LOG_LEVEL=debug để xem chi tiết).",
    );
    const debug = await runCli(args, env(`sqlite:${path}`, { LOG_LEVEL: "debug" }));
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  it("stops sqlite: without a path in the configuration, naming DATABASE_URL, exit 2", async () => {
    for (const args of [["migrate"], ["agencies"]]) {
      expect(await failure(args, env("sqlite:"), 2)).toBe(
        "nhacviec: Cấu hình sai — DATABASE_URL: sau sqlite: cần đường dẫn tệp, ví dụ sqlite:./data/nhacviec.sqlite (nhận được «sqlite:»)",
      );
    }
  });
});

describe("an unreachable PostgreSQL", () => {
  let silent: SilentServer | undefined;

  afterEach(async () => {
    await silent?.close();
    silent = undefined;
  });

  it("is one line naming the server with the password masked, when the port refuses", async () => {
    const url = `postgres://nhacviec:s3cret@127.0.0.1:${await closedPort()}/nhacviec`;
    for (const args of [["migrate"], ["agencies"], ["import", "--builtin"]]) {
      const line = await failure(args, env(url));
      expect(line).toMatch(
        /^nhacviec: Không kết nối được PostgreSQL tại postgres:\/\/nhacviec:\*\*\*@127\.0\.0\.1:\d+\/nhacviec \(.*ECONNREFUSED.*\): hãy kiểm tra máy chủ PostgreSQL đang chạy, và địa chỉ, cổng trong DATABASE_URL\.$/,
      );
      expect(line).not.toContain("s3cret");
    }
  });

  it("gives up on a server that never answers after connect_timeout, instead of hanging", async () => {
    silent = await startSilentServer();
    const url = `postgres://nhacviec:s3cret@127.0.0.1:${silent.port}/nhacviec?connect_timeout=0.3`;
    const started = Date.now();
    const line = await failure(["migrate"], env(url, { LOCALE: "en" }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(line).toMatch(
      /^nhacviec: Cannot reach PostgreSQL at postgres:\/\/nhacviec:\*\*\*@127\.0\.0\.1:\d+\/nhacviec\?connect_timeout=0\.3 \(.*timeout.*\)/,
    );
    expect(silent.connections()).toBeGreaterThan(0);
  });
});
