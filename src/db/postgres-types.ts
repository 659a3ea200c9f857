import type pg from "pg";

// What pg returns where SQLite's driver returns plain numbers and strings, made alike here for this
// pool only (not pg's global table): the store code reads both databases through the same types.
// int8 (count(*), sum of integers) and numeric (avg) arrive as strings, since they can exceed 2^53;
// our counts and averages never do. `date` columns would become a Date at local midnight (a day off
// east of UTC): kept as the YYYY-MM-DD text the schema stores everywhere else. Timestamps are not
// used (instants are ISO text columns) but are kept as text too, should a query produce one.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

const asText = (value: string) => value;

export function postgresTypes(types: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: "text" | "binary") => {
      if (oid === INT8 || oid === NUMERIC) return Number;
      if (oid === DATE || oid === TIMESTAMP || oid === TIMESTAMPTZ) return asText;
      return types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig["getTypeParser"],
  };
}
