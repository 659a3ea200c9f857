// A large write hands the write-ahead log's checkpoints to a worker thread: while it holds them the
// main connection's commits checkpoint nothing (wal_autocheckpoint 0), the worker writes the log
// back after each batch, and at the end the connection's own setting is back and the worker gone.
// Every row committed is there, read by another connection once the worker has ended.
import Database from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { writeTransaction } from "../../src/db/busy-retry.ts";
import type { Db } from "../../src/db/database.ts";
import type { WalCheckpoints } from "../../src/db/wal-checkpoints.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

async function autocheckpoint(db: Db): Promise<number> {
  const result = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
  return Number(result.rows[0]?.wal_autocheckpoint);
}

/** 8 batches of 150 rows of 4 KB each: some 1,200 pages, past SQLite's own checkpoint at 1,000. */
async function writeBatches(db: Db, afterEach: () => void): Promise<void> {
  for (let batch = 0; batch < 8; batch++) {
    await writeTransaction(db, async (trx) => {
      for (let row = 0; row < 150; row++) {
        await sql`insert into bulk (body) values (${`${batch}:${row}:`.padEnd(4000, "x")})`.execute(trx);
      }
    });
    afterEach();
  }
}

function checkpointsOf(testApp: TestApp): WalCheckpoints {
  const checkpoints = testApp.database.walCheckpoints;
  if (checkpoints === null) throw new Error("a SQLite file has its checkpoints");
  return checkpoints;
}

it("commits leave the log to the worker while held; the setting and every row are there after", async () => {
  app = await createTestApp({ withBuiltinPlan: false });
  const db = app.database.db;
  await sql`create table bulk (id integer primary key, body text not null)`.execute(db);
  const checkpoints = checkpointsOf(app);
  expect(await autocheckpoint(db)).toBe(1000);

  const hold = await checkpoints.hold(db);
  expect(await autocheckpoint(db)).toBe(0);
  await writeBatches(db, () => hold.request());
  await hold.release();
  expect(await autocheckpoint(db)).toBe(1000);

  await checkpoints.close();
  expect(checkpoints.completed).toBeGreaterThan(0);
  const reader = new Database(app.databasePath, { readonly: true });
  try {
    expect(reader.prepare("select count(*) as n from bulk").get()).toEqual({ n: 1200 });
  } finally {
    reader.close();
  }
});

it("two writes holding at once: the setting comes back when the last one releases", async () => {
  app = await createTestApp({ withBuiltinPlan: false });
  const db = app.database.db;
  const checkpoints = checkpointsOf(app);
  const first = await checkpoints.hold(db);
  const second = await checkpoints.hold(db);
  await first.release();
  // Released twice by mistake: still one release.
  await first.release();
  expect(await autocheckpoint(db)).toBe(0);
  await second.release();
  expect(await autocheckpoint(db)).toBe(1000);
});

it("a hold that asked for no checkpoint starts no worker", async () => {
  app = await createTestApp({ withBuiltinPlan: false });
  const db = app.database.db;
  const checkpoints = checkpointsOf(app);
  const hold = await checkpoints.hold(db);
  await hold.release();
  await checkpoints.close();
  expect(checkpoints.completed).toBe(0);
});
