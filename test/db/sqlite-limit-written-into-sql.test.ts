// SQLite reads a bound LIMIT's value while planning, so a statement whose LIMIT is a parameter is
// prepared anew at every run (the chat's task lookup cost three times its seeks). The SQLite dialect
// writes a whole-number LIMIT into the SQL instead (src/db/sqlite-dialect.ts): one statement per
// limit, kept prepared, with the same rows.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;
let handle: DatabaseHandle;
let db: Kysely<{ t: { id: number } }>;

beforeEach(async () => {
  directory = tempDirectory();
  handle = openDatabase(`sqlite:${join(directory, "limit.sqlite")}`, { create: true });
  db = handle.db as unknown as typeof db;
  await sql`create table t (id integer primary key)`.execute(db);
  await db
    .insertInto("t")
    .values([1, 2, 3, 4, 5].map((id) => ({ id })))
    .execute();
});

afterEach(async () => {
  await handle.close();
  rmSync(directory, { recursive: true, force: true });
});

const firstIds = (limit: number) => db.selectFrom("t").select("id").orderBy("id").limit(limit);

describe("a LIMIT on SQLite", () => {
  it("is written into the SQL, not bound", () => {
    const compiled = firstIds(2).offset(1).compile();
    expect(compiled.sql).toMatch(/ limit 2 offset \?$/);
    expect(compiled.parameters).toEqual([1]);
  });

  it("gives the same rows, each limit its own statement", async () => {
    expect((await firstIds(2).execute()).map((row) => row.id)).toEqual([1, 2]);
    expect((await firstIds(3).execute()).map((row) => row.id)).toEqual([1, 2, 3]);
    const before = handle.statements?.stats().prepared ?? 0;
    expect((await firstIds(2).execute()).map((row) => row.id)).toEqual([1, 2]);
    expect(handle.statements?.stats().prepared).toBe(before);
  });

  it("stays bound when it is not a whole number Kysely was given as a value", () => {
    const compiled = db.selectFrom("t").select("id").limit(sql<number>`${2} + 1`).compile();
    expect(compiled.sql).toMatch(/ limit \? \+ 1$/);
    expect(compiled.parameters).toEqual([2]);
  });
});
