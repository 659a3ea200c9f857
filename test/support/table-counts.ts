import SQLite from "better-sqlite3";

/** Rows per table of a SQLite file, read through a connection of its own: "nothing was written" checks. */
export function tableCounts(databasePath: string): Record<string, number> {
  const connection = new SQLite(databasePath, { readonly: true, fileMustExist: true });
  try {
    const tables = connection
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => {
        const row = connection.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number };
        return [name, row.n];
      }),
    );
  } finally {
    connection.close();
  }
}
