import type SQLite from "better-sqlite3";
import { type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from "kysely";

/**
 * After SQLITE_FULL, SQLITE_IOERR and the like SQLite has already rolled the transaction back, and
 * Kysely's own ROLLBACK then fails with "cannot rollback - no transaction is active", which replaces
 * the real cause in every log line. Roll back only what is still open, so the first error is thrown.
 */
class FirstCauseSqliteDriver extends SqliteDriver {
  constructor(private readonly connection: SQLite.Database) {
    super({ database: connection });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.connection.inTransaction) await super.rollbackTransaction(connection);
  }
}

export class FirstCauseSqliteDialect extends SqliteDialect {
  constructor(private readonly connection: SQLite.Database) {
    super({ database: connection });
  }

  override createDriver(): Driver {
    return new FirstCauseSqliteDriver(this.connection);
  }
}
