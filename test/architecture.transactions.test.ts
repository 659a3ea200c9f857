// Transactions are owned by the use case: only db/busy-retry.ts opens one (with its retry while
// another process holds the lock), called by a service holding the database itself. Store functions
// take whatever handle they are given and never open their own.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const src = join(root, "src");
const OPENER = "db/busy-retry.ts";

const OPENS_TRANSACTION = /\.(transaction|startTransaction)\(\)/;
const CALLS_OPENER = /\b(writeTransaction|rolledBackTransaction)\(/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(src).map((file) => ({
  path: relative(src, file).split(sep).join("/"),
  text: readFileSync(file, "utf8"),
}));

describe("transactions owned by the use case", () => {
  it("only db/busy-retry.ts opens a transaction", () => {
    const openers = files.filter((file) => OPENS_TRANSACTION.test(file.text)).map((file) => file.path);
    expect(openers).toEqual([OPENER]);
  });

  it("no store function opens one", () => {
    const stores = files.filter((file) => file.path.startsWith("store/") && CALLS_OPENER.test(file.text));
    expect(stores.map((file) => file.path)).toEqual([]);
  });

  it("recognises a transaction opened by hand", () => {
    expect(OPENS_TRANSACTION.test("await db.transaction().execute(async (trx) => {")).toBe(true);
    expect(OPENS_TRANSACTION.test("const trx = await db.startTransaction().execute();")).toBe(true);
    expect(CALLS_OPENER.test("return writeTransaction(db, (trx) => work(trx));")).toBe(true);
  });
});
