// SQLite statements are prepared once and reused (src/db/sqlite-dialect.ts): results stay right
// through transactions, rollbacks, schema changes by this or another process, streams and closing.
import { rmSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { StatementCache, type StatementStats } from "../../src/db/sqlite-dialect.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;
let path: string;
let handle: DatabaseHandle;
// Plain tables of the test's own: the cache does not care which schema it serves.
let db: Kysely<{ t: { id: number; name: string } }>;

beforeEach(async () => {
  directory = tempDirectory();
  path = join(directory, "cache.sqlite");
  handle = openDatabase(`sqlite:${path}`, { create: true });
  db = handle.db as unknown as typeof db;
  await sql`create table t (id integer primary key, name text not null)`.execute(db);
});

afterEach(async () => {
  await handle.close();
  rmSync(directory, { recursive: true, force: true });
});

function stats(): StatementStats {
  const current = handle.statements?.stats() ?? null;
  if (current === null) throw new Error("SQLite keeps statement stats");
  return current;
}

/** What `work` ran: statements executed and prepared. */
async function counted(work: () => Promise<unknown>): Promise<StatementStats> {
  const before = stats();
  await work();
  const after = stats();
  return { executed: after.executed - before.executed, prepared: after.prepared - before.prepared };
}

const names = () => db.selectFrom("t").select("name").orderBy("id").execute();

describe("the statement cache", () => {
  it("prepares a statement once and runs it again from the cache", async () => {
    const insert = (id: number) =>
      db
        .insertInto("t")
        .values({ id, name: `n${id}` })
        .execute();
    expect(await counted(() => insert(1))).toEqual({ executed: 1, prepared: 1 });
    expect(await counted(() => insert(2))).toEqual({ executed: 1, prepared: 0 });
    expect(await counted(names)).toEqual({ executed: 1, prepared: 1 });
    expect(await counted(names)).toEqual({ executed: 1, prepared: 0 });
    expect(await names()).toEqual([{ name: "n1" }, { name: "n2" }]);
  });

  it("tells writes from statements that return rows", async () => {
    const returned = await db.insertInto("t").values({ id: 7, name: "a" }).returning("id").execute();
    expect(returned).toEqual([{ id: 7 }]);
    const inserted = await db.insertInto("t").values({ id: 8, name: "b" }).executeTakeFirstOrThrow();
    expect(inserted.insertId).toBe(8n);
    const updated = await db
      .updateTable("t")
      .set({ name: "c" })
      .where("id", ">", 6)
      .executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(2n);
  });

  it("keeps transactions whole: a rolled-back write leaves nothing, the same statements commit later", async () => {
    const write = (id: number) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto("t")
          .values({ id, name: `n${id}` })
          .execute();
        if (id === 1) throw new Error("undo");
      });
    await expect(write(1)).rejects.toThrow("undo");
    expect(await names()).toEqual([]);
    // begin, insert, commit: all three from the cache the second time.
    expect(await counted(() => write(2))).toEqual({ executed: 3, prepared: 1 });
    expect(await counted(() => write(3))).toEqual({ executed: 3, prepared: 0 });
    expect(await names()).toEqual([{ name: "n2" }, { name: "n3" }]);
  });

  it("sees another process's schema change: a cached select * returns the new column", async () => {
    await db.insertInto("t").values({ id: 1, name: "a" }).execute();
    const all = () => sql<Record<string, unknown>>`select * from t`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: "a" }]);
    const other = new SQLite(path);
    try {
      other.exec("alter table t add column note text default 'x'");
    } finally {
      other.close();
    }
    expect(await counted(all)).toEqual({ executed: 1, prepared: 0 });
    expect((await all()).rows).toEqual([{ id: 1, name: "a", note: "x" }]);
  });

  it("empties itself on a schema change through this connection (a migration)", async () => {
    await names();
    expect(await counted(names)).toEqual({ executed: 1, prepared: 0 });
    await db.schema.alterTable("t").renameColumn("name", "label").execute();
    await db.schema.alterTable("t").renameColumn("label", "name").execute();
    expect(await counted(names)).toEqual({ executed: 1, prepared: 1 });
  });

  it("streams a select with a statement of its own, while the cached one stays usable", async () => {
    await db
      .insertInto("t")
      .values([1, 2, 3].map((id) => ({ id, name: `n${id}` })))
      .execute();
    await names();
    const streamed: string[] = [];
    for await (const row of db.selectFrom("t").select("name").orderBy("id").stream()) streamed.push(row.name);
    expect(streamed).toEqual(["n1", "n2", "n3"]);
    expect(await names()).toHaveLength(3);
  });

  it("tells a watcher every statement with its parameters, until it stops watching", async () => {
    const seen: [string, readonly unknown[]][] = [];
    const stop = handle.statements?.watch((text, parameters) => seen.push([text, parameters]));
    await db.insertInto("t").values({ id: 5, name: "e" }).execute();
    stop?.();
    await names();
    expect(seen).toEqual([['insert into "t" ("id", "name") values (?, ?)', [5, "e"]]]);
  });

  it("goes with the closed database: a query then fails cleanly, a reopened database answers", async () => {
    await names();
    await handle.close();
    await expect(names()).rejects.toThrow();
    handle = openDatabase(`sqlite:${path}`, { create: false });
    db = handle.db as unknown as typeof db;
    expect(await counted(names)).toEqual({ executed: 1, prepared: 1 });
  });
});

describe("the cache's bound", () => {
  it("drops the least recently used statement first", () => {
    const connection = new SQLite(":memory:");
    try {
      const cache = new StatementCache(connection, 2);
      /** Runs a statement; how many were prepared so far. */
      const run = (text: string) => {
        cache.statement(text).get();
        return cache.stats().prepared;
      };
      expect(run("select 1")).toBe(1);
      expect(run("select 2")).toBe(2);
      expect(run("select 1")).toBe(2); // a hit: "select 2" is now the oldest
      expect(run("select 3")).toBe(3); // evicts "select 2"
      expect(cache.size).toBe(2);
      expect(run("select 1")).toBe(3);
      expect(run("select 2")).toBe(4);
    } finally {
      connection.close();
    }
  });
});
