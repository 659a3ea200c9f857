import { type Compilable, type CompiledQuery, createQueryId, type QueryResult } from "kysely";
import type { Db } from "./database.ts";
import { directRunnerOf } from "./sqlite-dialect.ts";

/** Stands for the query's argument at `index` while the query is built. */
class Slot {
  constructor(readonly index: number) {}
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
  const compiled = new WeakMap<object, CompiledQuery<Row>>();
  const templateFor = (db: Db, arity: number): CompiledQuery<Row> => {
    const adapter = db.getExecutor().adapter;
    const known = compiled.get(adapter);
    if (known !== undefined) return known;
    const slots = Array.from({ length: arity }, (_, index) => new Slot(index)) as unknown as Args;
    const template = build(db, ...slots).compile();
    const reached = new Set(template.parameters.flatMap((p) => (p instanceof Slot ? [p.index] : [])));
    if (reached.size !== arity) {
      throw new Error(`compiledOnce: an argument of "${template.sql}" is not used as a value of the query`);
    }
    compiled.set(adapter, template);
    return template;
  };
  return (db, ...args) => {
    let query: CompiledQuery<Row>;
    try {
      const template = templateFor(db, args.length);
      const parameters = template.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
      query = { ...template, parameters, queryId: createQueryId() };
    } catch (error) {
      return Promise.reject(error);
    }
    // On SQLite the statement runs at once when the connection is free (or the caller's transaction
    // holds it): Kysely's lending costs a statement of the chat path more promise turns than SQLite
    // spends running it.
    const direct = directRunnerOf(db.getExecutor().adapter);
    return direct ? direct.run<Row>(query, db.isTransaction) : db.executeQuery<Row>(query);
  };
}
