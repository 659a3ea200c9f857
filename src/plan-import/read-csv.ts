// CSV files of the annex table. Spreadsheets saved with a Vietnamese locale often use ';', so the
// delimiter is detected: the one whose parse yields a recognisable header row wins.

import { parse } from "csv-parse/sync";
import { CatalogueFileError, type CatalogueReadResult, type TableIdentity } from "./catalogue.ts";
import { findTableLayout, readTableCatalogue, type TableRow } from "./read-table.ts";

const DELIMITERS = [",", ";", "\t"] as const;

function parseWith(text: string, delimiter: string): string[][] | null {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      // Keep empty lines so row numbers match what a spreadsheet shows.
      skip_empty_lines: false,
    });
  } catch {
    return null;
  }
}

/** CSV text → rows (row 1 first), BOM stripped, delimiter detected. */
export function parseCsvRows(text: string): string[][] {
  const content = text.replace(/^\uFEFF/, "");
  let fallback: string[][] | null = null;
  let best: { rows: string[][]; width: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = parseWith(content, delimiter);
    if (rows === null) continue;
    fallback ??= rows;
    const layout = findTableLayout(rows);
    if (layout === null) continue;
    // A wrong delimiter that still finds a header recognises fewer of its columns.
    const width =
      [layout.cooperating, layout.note].filter((c) => c !== null).length + layout.timeframes.length;
    if (best === null || width > best.width) best = { rows, width };
  }
  const rows = best?.rows ?? fallback;
  // With no header anywhere, the table reader reports the missing header.
  if (rows === null) throw new CatalogueFileError("import-file-bad-csv");
  return rows;
}

export function readCsvCatalogue(text: string, identity: TableIdentity): CatalogueReadResult {
  return readTableCatalogue(parseCsvRows(text) as TableRow[], identity);
}
