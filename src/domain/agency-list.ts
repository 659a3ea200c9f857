// A list of communes and wards (xã, phường) as a province publishes it: a header row naming the
// columns (Tên / name, Loại / kind, Mã / code, in any order, Vietnamese or English), then one unit
// a row. Pure: rows in, entries or one problem per bad row out (texts in locales/).
import { agencyNameKey, inferAgencyKind } from "./agency-name.ts";
import { foldText } from "./vietnamese.ts";

export type LocalUnitKind = "commune" | "ward";

export interface LocalUnitEntry {
  row: number;
  name: string;
  kind: LocalUnitKind;
  code: string | null;
}

export interface LocalUnitProblem {
  row: number;
  messageId: string;
  args: Record<string, string | number>;
}

const HEADERS: Record<"name" | "kind" | "code", readonly string[]> = {
  name: ["ten", "name", "ten don vi", "ten xa phuong"],
  kind: ["loai", "kind", "loai xa phuong", "loai don vi"],
  code: ["ma", "code", "ma don vi"],
};

const KIND_WORDS: ReadonlyMap<string, LocalUnitKind> = new Map([
  ["xa", "commune"],
  ["commune", "commune"],
  ["thi tran", "commune"],
  ["phuong", "ward"],
  ["ward", "ward"],
]);

export const AGENCY_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

function headerKey(cell: string): string {
  // "Loại (xã/phường)" → "loai": the remark in brackets is not part of the column's name.
  return foldText(cell.replace(/\(.*\)/, ""))
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The header's row index and column of each field, or null when no row names the Tên column. */
function findHeader(rows: readonly (readonly string[])[]) {
  for (const [index, row] of rows.entries()) {
    const keys = row.map(headerKey);
    const column = (field: keyof typeof HEADERS) => keys.findIndex((key) => HEADERS[field].includes(key));
    const name = column("name");
    if (name >= 0) return { index, name, kind: column("kind"), code: column("code") };
  }
  return null;
}

function readKind(text: string, name: string): LocalUnitKind | null {
  if (text === "") {
    const inferred = inferAgencyKind(name);
    return inferred === "commune" || inferred === "ward" ? inferred : null;
  }
  return KIND_WORDS.get(foldText(text).trim()) ?? null;
}

type Header = NonNullable<ReturnType<typeof findHeader>>;

function readRow(
  row: readonly string[],
  at: number,
  header: Header,
  seen: Map<string, number>,
): LocalUnitEntry | LocalUnitProblem {
  const cell = (column: number) => (column >= 0 ? (row[column] ?? "").trim() : "");
  const problem = (messageId: string, args: Record<string, string | number> = {}) => ({
    row: at,
    messageId,
    args,
  });
  const name = cell(header.name).replace(/\s+/g, " ");
  const kindText = cell(header.kind);
  const code = cell(header.code).toLowerCase();
  const key = agencyNameKey(name);
  if (key === "") return problem("agency-import-empty-name");
  const kind = readKind(kindText, name);
  if (kind === null) return problem("agency-import-bad-kind", { kind: kindText });
  if (code !== "" && !AGENCY_CODE.test(code)) return problem("agency-import-bad-code", { code });
  const earlier = seen.get(key);
  if (earlier !== undefined) return problem("agency-import-repeated", { name, row: earlier });
  seen.set(key, at);
  return { row: at, name, kind, code: code === "" ? null : code };
}

/** Reads the rows (row 1 first); null when there is no header row. */
export function readLocalUnits(
  rows: readonly (readonly string[])[],
): { entries: LocalUnitEntry[]; problems: LocalUnitProblem[] } | null {
  const header = findHeader(rows);
  if (header === null) return null;
  const entries: LocalUnitEntry[] = [];
  const problems: LocalUnitProblem[] = [];
  const seen = new Map<string, number>();
  for (const [offset, row] of rows.slice(header.index + 1).entries()) {
    if (row.every((text) => text.trim() === "")) continue;
    const read = readRow(row, header.index + offset + 2, header, seen);
    if ("messageId" in read) problems.push(read);
    else entries.push(read);
  }
  return { entries, problems };
}
