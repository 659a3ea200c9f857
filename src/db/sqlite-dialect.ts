import type SQLite from "better-sqlite3";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type LimitNode,
  type QueryCompiler,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
  SqliteDriver,
  SqliteQueryCompiler,
  ValueNode,
} from "kysely";

/** How many statements ran on the connection, and how many of them had to be prepared (cache misses). */
export interface StatementStats {
  executed: number;
  prepared: number;
}

/** What runs on the connection: a statement's SQL and its parameters (a CompiledQuery is one). */
export type StatementText = Pick<CompiledQuery, "sql" | "parameters">;

/** Called with each statement before it runs. */
export type StatementListener = (sql: string, parameters: readonly unknown[]) => void;

/** What runs on the connection, for the tests and benchmarks that count or explain statements. */
export interface StatementMonitor {
  stats(): StatementStats;
  /** Calls `listener` with every statement from now on; returns how to stop. */
  watch(listener: StatementListener): () => void;
}

// Kysely's own SQLite driver prepares every query anew, which costs as much as running a small one.
// The app issues a few hundred distinct statements; lists of varying length (`in (?, ?, …)`) make
// more, hence a bound.
const CACHE_CAPACITY = 256;

// A schema change through this connection (a migration): its statement is not worth keeping, and
// statements on a dropped or altered table are let go. Another process's schema change needs
// nothing: SQLite re-prepares an expired statement at its next run, columns included.
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/** The connection's prepared statements by SQL text, the least recently used dropped first. */
export class StatementCache {
  readonly #statements = new Map<string, SQLite.Statement>();
  readonly #stats: StatementStats = { executed: 0, prepared: 0 };

  constructor(
    private readonly connection: SQLite.Database,
    private readonly capacity = CACHE_CAPACITY,
  ) {}

  /** The statement for `sql`, prepared once; a schema change is prepared fresh and empties the cache. */
  statement(sql: string): SQLite.Statement {
    this.#stats.executed++;
    const cached = this.#statements.get(sql);
    if (cached !== undefined) {
      // Map keeps insertion order: moving a hit to the end keeps the oldest first.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const prepared = this.connection.prepare(sql);
    this.#stats.prepared++;
    if (SCHEMA_CHANGE.test(sql)) {
      this.clear();
      return prepared;
    }
    this.#statements.set(sql, prepared);
    if (this.#statements.size > this.capacity) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return prepared;
  }

  get size(): number {
    return this.#statements.size;
  }

  stats(): StatementStats {
    return { ...this.#stats };
  }

  clear(): void {
    this.#statements.clear();
  }
}

/** Kysely's SQLite connection, with statements from the cache. */
class CachedStatementConnection implements DatabaseConnection {
  constructor(
    private readonly connection: SQLite.Database,
    private readonly cache: StatementCache,
    private readonly listeners: ReadonlySet<StatementListener>,
  ) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return Promise.resolve(this.run<R>(compiledQuery));
  }

  /** Runs the statement now; throws what SQLite throws. */
  run<R>(compiledQuery: StatementText): QueryResult<R> {
    const { sql, parameters } = compiledQuery;
    if (this.listeners.size > 0) for (const listener of this.listeners) listener(sql, parameters);
    const statement = this.cache.statement(sql);
    // `reader`: the statement returns rows (a select, or a write with RETURNING).
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) {
      throw new Error("Sqlite driver only supports streaming of select queries");
    }
    for (const listener of this.listeners) listener(compiledQuery.sql, compiledQuery.parameters);
    // A statement stays busy while it is iterated, so a stream prepares its own instead of a cached one.
    const statement = this.connection.prepare(compiledQuery.sql);
    for (const row of statement.iterate(compiledQuery.parameters)) yield { rows: [row as R] };
  }
}

/**
 * Lends the one connection to one caller at a time, in the order they asked. Kysely's own mutex
 * wakes every waiter at each release and all but one wait again: a burst of n chat messages, each
 * waiting for the connection several times, cost n² wake-ups.
 */
class ConnectionQueue {
  #lent = false;
  readonly #waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Takes the connection if nobody holds it. */
  tryAcquire(): boolean {
    if (this.#lent) return false;
    this.#lent = true;
    return true;
  }

  /** Hands the connection to the next in line, who finds it still lent (to them). */
  release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#lent = false;
    else next();
  }
}

/**
 * Kysely's SQLite driver (one connection lent to one caller at a time), with three changes:
 * - the connection is lent in turn (ConnectionQueue);
 * - statements come from a StatementCache, emptied when the database closes;
 * - after SQLITE_FULL, SQLITE_IOERR and the like SQLite has already rolled the transaction back, and
 *   Kysely's own ROLLBACK then fails with "cannot rollback - no transaction is active", which replaces
 *   the real cause in every log line. Roll back only what is still open, so the first error is thrown.
 */
class CachingSqliteDriver extends SqliteDriver {
  constructor(
    private readonly connection: SQLite.Database,
    private readonly cache: StatementCache,
    private readonly cached: CachedStatementConnection,
    private readonly queue: ConnectionQueue,
  ) {
    super({ database: connection });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.queue.acquire();
    return this.cached;
  }

  override async releaseConnection(): Promise<void> {
    this.queue.release();
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.connection.inTransaction) await super.rollbackTransaction(connection);
  }

  override async destroy(): Promise<void> {
    this.cache.clear();
    await super.destroy();
  }
}

/**
 * Writes a whole-number LIMIT into the SQL instead of binding it: SQLite reads a bound LIMIT's value
 * while planning, so every run that binds it again prepares the statement anew (the chat's task
 * lookup cost three times its seeks). OFFSETs vary (pages), so they stay bound.
 */
class LiteralLimitCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    const { limit } = node;
    if (ValueNode.is(limit) && typeof limit.value === "number" && Number.isSafeInteger(limit.value)) {
      this.append(`limit ${limit.value}`);
    } else {
      super.visitLimit(node);
    }
  }
}

/**
 * Runs a compiled statement of the chat path (db/compiled-once.ts) on the connection without
 * Kysely's lending, which costs each statement several promise turns. better-sqlite3 runs a
 * statement synchronously, so nothing else uses the connection meanwhile; the only rule is to keep
 * out of another caller's transaction.
 */
export interface DirectRunner {
  /**
   * `inTransaction`: the caller runs in a transaction, which holds the connection. Otherwise the
   * statement runs at once when nobody holds the connection, else when its turn comes.
   */
  run<R>(query: StatementText, inTransaction: boolean): Promise<QueryResult<R>>;
}

// By the adapter of the Kysely instance (its transactions share it).
const directRunners = new WeakMap<object, DirectRunner>();

/** The direct runner of a Kysely instance's SQLite connection, by its adapter; none on PostgreSQL. */
export function directRunnerOf(adapter: object): DirectRunner | undefined {
  return directRunners.get(adapter);
}

// By the adapter as well: code holding a Kysely instance (or one of its transactions) watches what
// runs on its connection (services/behind-tallies.ts forgets counts a write may have changed).
const monitors = new WeakMap<object, StatementMonitor>();

/** What runs on a Kysely instance's SQLite connection, by its adapter; none on PostgreSQL. */
export function statementMonitorOf(adapter: object): StatementMonitor | undefined {
  return monitors.get(adapter);
}

function directRunner(connection: CachedStatementConnection, queue: ConnectionQueue): DirectRunner {
  const runLent = <R>(query: StatementText): QueryResult<R> => {
    try {
      return connection.run<R>(query);
    } finally {
      queue.release();
    }
  };
  return {
    run<R>(query: StatementText, inTransaction: boolean): Promise<QueryResult<R>> {
      if (!inTransaction && !queue.tryAcquire()) return queue.acquire().then(() => runLent<R>(query));
      try {
        return Promise.resolve(inTransaction ? connection.run<R>(query) : runLent<R>(query));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

export class CachingSqliteDialect extends SqliteDialect {
  readonly #cache: StatementCache;
  readonly #listeners = new Set<StatementListener>();
  readonly #queue = new ConnectionQueue();
  readonly #cached: CachedStatementConnection;
  readonly monitor: StatementMonitor;

  constructor(private readonly connection: SQLite.Database) {
    super({ database: connection });
    this.#cache = new StatementCache(connection);
    this.#cached = new CachedStatementConnection(connection, this.#cache, this.#listeners);
    this.monitor = {
      stats: () => this.#cache.stats(),
      watch: (listener) => {
        // A wrapper of its own, so that watching twice with one function stops twice.
        const own: StatementListener = (sql, parameters) => listener(sql, parameters);
        this.#listeners.add(own);
        return () => this.#listeners.delete(own);
      },
    };
  }

  override createDriver(): Driver {
    return new CachingSqliteDriver(this.connection, this.#cache, this.#cached, this.#queue);
  }

  override createAdapter(): DialectAdapter {
    const adapter = super.createAdapter();
    directRunners.set(adapter, directRunner(this.#cached, this.#queue));
    monitors.set(adapter, this.monitor);
    return adapter;
  }

  override createQueryCompiler(): QueryCompiler {
    return new LiteralLimitCompiler();
  }
}
