import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tableCounts } from "../support/table-counts.ts";
import { tempDirectory } from "../support/test-app.ts";

const BUILTIN = new URL("../../src/plan-import/builtin/gia-lai-nq17-2019.json", import.meta.url);

interface PlanFile {
  sections: { tasks: { code: string; title: string }[] }[];
}

let directory: string;
let databasePath: string;
let env: Record<string, string>;
let edited: string;

function fingerprint(): string {
  return createHash("sha256").update(readFileSync(databasePath)).digest("hex");
}

beforeAll(async () => {
  directory = tempDirectory("nhacviec-import-dry-run-");
  databasePath = join(directory, "db.sqlite");
  env = { DATABASE_URL: `sqlite:${databasePath}`, LOG_LEVEL: "silent" };
  expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
  // The built-in plan with III.4 dropped and II.2 retitled.
  const data = JSON.parse(readFileSync(BUILTIN, "utf8")) as PlanFile;
  for (const section of data.sections) {
    section.tasks = section.tasks
      .filter((task) => task.code !== "III.4")
      .map((task) => (task.code === "II.2" ? { ...task, title: `${task.title} (sửa đổi)` } : task));
  }
  edited = join(directory, "edited.json");
  writeFileSync(edited, JSON.stringify(data));
});

describe("import --dry-run", () => {
  it("prints what would change, marked as a dry run, and leaves the database file as it was", async () => {
    const [before, counts] = [fingerprint(), tableCounts(databasePath)];
    const result = await runCli(["import", edited, "--dry-run"], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^CHẠY THỬ \(--dry-run\), chưa ghi gì\. Nếu nhập thật: cập nhật kế hoạch/);
    expect(result.stdout).toContain("Thay đổi (1): II.2 (title)");
    expect(result.stdout).toContain("Ngừng theo dõi vì không còn trong tệp (1): III.4");
    expect(lines.at(-1)).toBe("Chạy thử xong: cơ sở dữ liệu không thay đổi. Bỏ --dry-run để nhập thật.");
    expect(tableCounts(databasePath)).toEqual(counts);
    expect(fingerprint()).toBe(before);

    const json = JSON.parse((await runCli(["import", edited, "--dry-run", "--json"], env)).stdout);
    expect(json).toMatchObject({ dryRun: true, retired: ["III.4"] });
    expect(fingerprint()).toBe(before);

    // The real import then does what the dry run said.
    const real = await runCli(["import", edited], env);
    expect(real.stdout).toContain("Ngừng theo dõi vì không còn trong tệp (1): III.4");
    expect(real.stdout).not.toContain("CHẠY THỬ");
    expect(fingerprint()).not.toBe(before);
  });

  it("with no database yet, runs on an empty one in memory and creates no file", async () => {
    const missing = join(directory, "not-yet", "db.sqlite");
    const result = await runCli(["import", "--builtin", "--dry-run"], {
      ...env,
      DATABASE_URL: `sqlite:${missing}`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Chưa có cơ sở dữ liệu ${missing}: chạy thử trên một cơ sở dữ liệu trống`,
    );
    expect(result.stdout).toContain("Thêm mới (34)");
    expect(existsSync(join(directory, "not-yet"))).toBe(false);
  });
});
