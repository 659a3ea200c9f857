// A ministry-level operator runs several provinces' bots on one PostgreSQL server: one database per
// province, or one schema per province in a shared database, chosen in DATABASE_URL
// (`?options=-c%20search_path%3D<schema>`). Each province's tables, migrations and rows stay its own.
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import {
  createPostgresDatabase,
  describePostgres,
  type PostgresDatabase,
} from "../support/postgres-database.ts";
import { runCli } from "../support/run-cli.ts";

let database: PostgresDatabase | undefined;

afterEach(async () => {
  await database?.drop();
});

const inSchema = (url: string, schema: string) =>
  `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

describePostgres("one schema per province on one PostgreSQL database", () => {
  it("migrates, imports and invites in each province's schema apart", async () => {
    database = await createPostgresDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query("create schema gia_lai; create schema dak_lak");
      const province = (schema: string) => ({
        DATABASE_URL: inSchema(database?.url ?? "", schema),
        LOG_LEVEL: "silent",
      });
      expect((await runCli(["import", "--builtin"], province("gia_lai"))).code).toBe(0);
      const migrated = await runCli(["migrate"], province("dak_lak"));
      expect(migrated.stderr).toBe("");
      expect(
        (await runCli(["invite", "--agency", "Sở Y tế", "--role", "official"], province("gia_lai"))).code,
      ).toBe(0);
      const count = async (table: string) =>
        Number((await client.query(`select count(*) as n from ${table}`)).rows[0]?.n);
      expect(await count("gia_lai.invites")).toBe(1);
      expect(await count("dak_lak.invites")).toBe(0);
      expect(await count("gia_lai.tasks")).toBeGreaterThan(0);
      expect(await count("dak_lak.tasks")).toBe(0);
      expect(await count("gia_lai.kysely_migration")).toBe(await count("dak_lak.kysely_migration"));
      const publicTables = await client.query(
        "select count(*) as n from information_schema.tables where table_schema = 'public'",
      );
      expect(Number(publicTables.rows[0]?.n)).toBe(0);
    } finally {
      await client.end();
    }
  });
});
