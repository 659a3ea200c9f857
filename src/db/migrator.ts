import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
  Migrator,
  sql,
} from "kysely";
import { projectRoot } from "../project-root.ts";
import { isPostgres } from "./database.ts";
import type { Database } from "./schema.ts";

// The .ts sources in migrations/, or their build in dist/migrations when this runs from dist/.
const fromSources = import.meta.url.endsWith(".ts");
const migrationFolder = fileURLToPath(new URL(fromSources ? "migrations" : "dist/migrations", projectRoot));
const migrationFile = fromSources ? /^(\d{4}_.+)\.ts$/ : /^(\d{4}_.+)\.js$/;

/**
 * Loads the migrations from our own code rather than Kysely's FileMigrationProvider, whose bare
 * import() of a .ts file escapes the TypeScript loader (tsx, vitest).
 */
class TypeScriptMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of (await readdir(migrationFolder)).sort()) {
      const name = migrationFile.exec(file)?.[1];
      if (name === undefined) continue;
      migrations[name] = (await import(pathToFileURL(join(migrationFolder, file)).href)) as Migration;
    }
    return migrations;
  }
}

export interface MigrationOutcome {
  applied: string[];
}

/**
 * PostgreSQL: the schema the URL's search_path puts first (one schema per province on a shared
 * database). Kysely looks for its migration tables in every schema unless told which one, and would
 * take another province's for this one's. Undefined on SQLite.
 */
async function ownSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (!isPostgres(db)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}

/** Whether migrations were ever applied here: a database Nhắc Việc created, not an empty file. */
export async function hasMigrations(db: Kysely<Database>): Promise<boolean> {
  const schema = await ownSchema(db);
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.some(
    (table) => table.name === "kysely_migration" && (schema === undefined || table.schema === schema),
  );
}

/** Applies pending migrations; throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db,
    provider: new TypeScriptMigrationProvider(),
    migrationTableSchema: await ownSchema(db),
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? [])
    .filter((r: MigrationResult) => r.status === "Success")
    .map((r) => r.migrationName);
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    // Not reaching the migrations at all (unreachable server, read-only file) keeps its own error.
    if (failed === undefined) throw error;
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return { applied };
}
