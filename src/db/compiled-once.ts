import { type Compilable, type CompiledQuery, createQueryId, type QueryResult } from "kysely";
import type { Db } from "./database.ts";
import { type DirectRunner, directRunnerOf } from "./sqlite-dialect.ts";

/** Stands for the query's argument at `index` while the query is built. */
class Slot {
  constructor(readonly index: number) {}
}

/** A query compiled for one dialect: where each argument goes, and SQLite's direct runner. */
interface Compiled<Row> {
  template: CompiledQuery<Row>;
  /** For each parameter of the template, the index of the argument it stands for (-1: a constant). */
  argumentAt: number[];
  direct: DirectRunner | undefined;
}

/** Runs the query with these arguments, on the database or inside a transaction. */
export type CompiledOnceQuery<Args extends unknown[], Row> = (
  db: Db,
  ...args: Args
) => Promise<QueryResult<Row>>;

/**
 * A query of the hot chat path, built and compiled by Kysely once instead of at every call: Kysely
 * builds a query from immutable, frozen nodes and compiles it anew each time, which cost a status
 * message more than SQLite spent running its statements. `build` is called once per database
 * dialect with stand-ins for the arguments, which must go into the query only as values (never
 * tested, formatted or computed on while building): a stand-in that does not reach the compiled
 * parameters is an error at the first call.
 */
export function compiledOnce<Args extends unknown[], Row>(
  build: (db: Db, ...args: Args) => Compilable<Row>,
): CompiledOnceQuery<Args, Row> {
  // SQLite and PostgreSQL write the same query differently; the adapter tells them apart, and a
  // transaction shares its database's.
  const compiled = new WeakMap<object, Compiled<Row>>();
  const compiledFor = (db: Db, adapter: object, arity: number): Compiled<Row> => {
    const known = compiled.get(adapter);
    if (known !== undefined) return known;
    const slots = Array.from({ length: arity }, (_, index) => new Slot(index)) as unknown as Args;
    const template = build(db, ...slots).compile();
    const argumentAt = template.parameters.map((p) => (p instanceof Slot ? p.index : -1));
    if (new Set(argumentAt.filter((index) => index >= 0)).size !== arity) {
      throw new Error(`compiledOnce: an argument of "${template.sql}" is not used as a value of the query`);
    }
    const entry = { template, argumentAt, direct: directRunnerOf(adapter) };
    compiled.set(adapter, entry);
    return entry;
  };
  return (db, ...args) => {
    let entry: Compiled<Row>;
    let parameters: unknown[];
    try {
      const { adapter } = db.getExecutor();
      entry = compiledFor(db, adapter, args.length);
      const { template, argumentAt } = entry;
      parameters = new Array(argumentAt.length);
      for (let i = 0; i < argumentAt.length; i++) {
        const index = argumentAt[i] as number;
        parameters[i] = index >= 0 ? args[index] : template.parameters[i];
      }
    } catch (error) {
      return Promise.reject(error);
    }
    const { template, direct } = entry;
    // On SQLite the statement runs at once when the connection is free (or the caller's transaction
    // holds it): Kysely's lending costs a statement of the chat path more promise turns than SQLite
    // spends running it. It reads only the SQL and its parameters.
    if (direct) return direct.run<Row>({ sql: template.sql, parameters }, db.isTransaction);
    return db.executeQuery<Row>({ ...template, parameters, queryId: createQueryId() });
  };
}
