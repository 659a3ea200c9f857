// SQL lives in one place per table: only src/store/ and src/db/ build queries. Services keep the
// logic and call store functions named after what they return.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const src = join(root, "src");
const SQL_FOLDERS = ["store", "db"];

// A query builder call, a raw sql`…`/sql<T>`…` template, or a value import from Kysely (its
// builders and `sql`); `import type { Kysely }` to name a database handle is fine anywhere.
const QUERY_PATTERNS = [
  /\b(selectFrom|insertInto|updateTable|deleteFrom)\b/,
  /\bsql(<[^`]*>)?`/,
  /^import\s+(?!type\b)[^;]*from\s+["']kysely["']/m,
];

function usesSql(text: string): boolean {
  return QUERY_PATTERNS.some((pattern) => pattern.test(text));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("SQL in store/ and db/ only", () => {
  it("no file outside src/store/ and src/db/ builds a query", () => {
    const offenders = sourceFiles(src)
      .map((file) => relative(src, file).split(sep).join("/"))
      .filter((file) => !SQL_FOLDERS.includes(file.split("/")[0] ?? ""))
      .filter((file) => usesSql(readFileSync(join(src, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("recognises each way of writing a query, and not a type import", () => {
    expect(usesSql('await db.selectFrom("plans").selectAll()')).toBe(true);
    expect(usesSql('db.insertInto("tasks")')).toBe(true);
    expect(usesSql('trx.updateTable("outbox")')).toBe(true);
    expect(usesSql('db.deleteFrom("send_leases")')).toBe(true);
    expect(usesSql("await sql`select 1`.execute(db)")).toBe(true);
    expect(usesSql("sql<{ n: number }>`select count(*) as n`")).toBe(true);
    expect(usesSql('import { sql } from "kysely";')).toBe(true);
    expect(usesSql('import type { Kysely } from "kysely";')).toBe(false);
    expect(usesSql("const sqlite = openSqlite(path);")).toBe(false);
  });
});
