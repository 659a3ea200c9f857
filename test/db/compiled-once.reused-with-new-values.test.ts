// A hot query compiled once (src/db/compiled-once.ts) runs with each call's own values, on the
// database and inside a transaction, and refuses to be built from an argument it would bake in. On
// SQLite it runs on the connection at once, but never inside another caller's transaction.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compiledOnce } from "../../src/db/compiled-once.ts";
import { type DatabaseHandle, type Db, openDatabase } from "../../src/db/database.ts";
import { tempDirectory } from "../support/test-app.ts";

let directory: string;
let handle: DatabaseHandle;
let db: Db;

beforeEach(async () => {
  directory = tempDirectory();
  handle = openDatabase(`sqlite:${join(directory, "once.sqlite")}`, { create: true });
  db = handle.db;
  // A table of the app's schema with none of its constraints in the way: audit_log.
  await sql`create table audit_log (id integer primary key, at text, actor text, action text, subject text, details text)`.execute(
    db,
  );
});
afterEach(async () => {
  await handle.close();
  rmSync(directory, { recursive: true, force: true });
});

const insert = compiledOnce((target: Db, actor: string, subject: string) =>
  target.insertInto("audit_log").values({ at: "-", actor, action: "test", subject, details: null }),
);
const subjectsOf = compiledOnce((target: Db, actor: string) =>
  target.selectFrom("audit_log").select("subject").where("actor", "=", actor).orderBy("id"),
);

describe("a query compiled once", () => {
  it("runs with each call's values, compiled and prepared once", async () => {
    expect(Number((await insert(db, "a", "one")).numAffectedRows)).toBe(1);
    const before = handle.statements?.stats();
    await insert(db, "b", "two");
    await insert(db, "a", "three");
    expect(handle.statements?.stats().prepared).toBe(before?.prepared);
    expect((await subjectsOf(db, "a")).rows).toEqual([{ subject: "one" }, { subject: "three" }]);
    expect((await subjectsOf(db, "b")).rows).toEqual([{ subject: "two" }]);
  });

  it("runs inside a transaction, which sees its own writes and can undo them", async () => {
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await insert(trx, "t", "inside");
        expect((await subjectsOf(trx, "t")).rows).toEqual([{ subject: "inside" }]);
        throw new Error("undo");
      })
      .catch(() => undefined);
    expect((await subjectsOf(db, "t")).rows).toEqual([]);
  });

  it("waits while another caller's transaction holds the connection, and never runs inside it", async () => {
    const trx = await handle.db.startTransaction().execute();
    await insert(trx, "t", "uncommitted");
    let seen: unknown[] | undefined;
    const outside = subjectsOf(db, "t").then((result) => {
      seen = result.rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toBeUndefined();
    await trx.rollback().execute();
    await outside;
    expect(seen).toEqual([]);
  });

  it("refuses an argument used while building rather than as a value", async () => {
    const baked = compiledOnce((target: Db, actor: string) =>
      target.selectFrom("audit_log").select("subject").where("actor", "=", String(actor)),
    );
    await expect(baked(db, "a")).rejects.toThrow(/not used as a value/);
  });
});
