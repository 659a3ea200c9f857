// A plan's numeric targets (chỉ tiêu) from a file: the JSON form of the built-in targets, or a sheet
// (CSV/XLSX) with Vietnamese headers "STT, Chỉ tiêu, Giai đoạn, Mục tiêu (%), Cấp, Cách tính".
// Numbers follow the file's order (1..n). A bad row is reported with its row and what to fix.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import {
  INDICATOR_RULES,
  type IndicatorDefinition,
  type IndicatorLevel,
  readFigure,
  readLevel,
  readRule,
  readYearSpan,
} from "../domain/indicator-definition.ts";
import { foldText } from "../domain/vietnamese.ts";
import type { MessageArgs } from "../i18n/translator.ts";
import { projectRoot } from "../project-root.ts";
import { CatalogueFileError } from "./catalogue.ts";

/** A row (or JSON entry) that cannot be read, worded in locales/ (`indicators-problem-*`). */
export interface TargetProblem {
  /** 1-based sheet row, or JSON entry. */
  row: number;
  messageId: string;
  args: MessageArgs;
}

export interface TargetsReadResult {
  definitions: IndicatorDefinition[];
  problems: TargetProblem[];
}

const BUILTIN_TARGETS = new URL("src/plan-import/builtin/gia-lai-nq17-2019-targets.json", projectRoot);

/** The plan the built-in targets belong to. */
export const BUILTIN_TARGETS_PLAN = "gia-lai-nq17-2019";

const jsonTarget = z.object({
  period: z.string(),
  text: z.string().min(1),
  text_corrected: z.string().min(1).optional(),
  metric: z.string().min(1),
  target_percent: z.number().nullable(),
  target_percent_max: z.number().optional(),
  target_rank: z.number().int().optional(),
  deadline_year: z.number().int().optional(),
  level: z.string().nullable(),
  rule: z.enum(INDICATOR_RULES).optional(),
});

const jsonTargets = z.union([z.array(z.unknown()), z.object({ targets: z.array(z.unknown()) })]);

/** A target stated without a figure ("UBND tỉnh được triển khai … chậm nhất 2022") is reached at 100%. */
function targetOf(percent: number | null, rank: number | null): Pick<IndicatorDefinition, "unit" | "target"> {
  return rank !== null ? { unit: "rank", target: rank } : { unit: "percent", target: percent ?? 100 };
}

export function readJsonTargets(text: string): TargetsReadResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new CatalogueFileError("indicators-file-bad-json", { problem: (error as Error).message });
  }
  const parsed = jsonTargets.safeParse(root);
  if (!parsed.success) throw new CatalogueFileError("indicators-file-json-shape");
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.targets;
  const definitions: IndicatorDefinition[] = [];
  const problems: TargetProblem[] = [];
  for (const [index, entry] of entries.entries()) {
    const row = index + 1;
    const result = jsonTarget.safeParse(entry);
    if (!result.success) {
      const issue = result.error.issues[0];
      problems.push({
        row,
        messageId: "indicators-problem-json-field",
        args: { field: issue?.path.join(".") ?? "?" },
      });
      continue;
    }
    const target = result.data;
    const span = readYearSpan(target.period);
    const level = target.level === null ? null : readLevel(target.level);
    if (span === null) {
      problems.push({ row, messageId: "indicators-problem-period", args: { value: target.period } });
    } else if (level === undefined) {
      problems.push({ row, messageId: "indicators-problem-level", args: { value: target.level ?? "" } });
    } else {
      definitions.push({
        number: definitions.length + 1,
        metric: target.metric,
        text: target.text_corrected ?? target.text,
        ...span,
        level,
        ...targetOf(target.target_percent, target.target_rank ?? null),
        targetMax: target.target_percent_max ?? null,
        deadlineYear: target.deadline_year ?? null,
        rule: target.rule ?? "mean",
      });
    }
  }
  return { definitions, problems };
}

type Column = "text" | "period" | "target" | "level" | "rule" | "metric" | "max" | "rank" | "deadline";

/** Header words (folded, the start of the cell) → column. */
const HEADERS: [string, Column][] = [
  ["chi tieu", "text"],
  ["noi dung", "text"],
  ["giai doan", "period"],
  ["muc tieu", "target"],
  ["cap", "level"],
  ["cach tinh", "rule"],
  ["ma", "metric"],
  ["toi da", "max"],
  ["xep hang", "rank"],
  ["nam hoan thanh", "deadline"],
  ["han", "deadline"],
];

interface SheetLayout {
  headerRow: number;
  columns: Map<Column, number>;
}

function columnOf(cell: string): Column | undefined {
  const folded = foldText(cell);
  return HEADERS.find(
    ([word]) => folded === word || folded.startsWith(`${word} `) || folded.startsWith(`${word}(`),
  )?.[1];
}

/** The first row naming at least the indicator's text, its period and a target (or rank) column. */
export function findTargetsLayout(rows: readonly (readonly string[])[]): SheetLayout | null {
  for (const [index, row] of rows.entries()) {
    const columns = new Map<Column, number>();
    row.forEach((cell, column) => {
      const name = columnOf(cell);
      if (name !== undefined && !columns.has(name)) columns.set(name, column);
    });
    if (columns.has("text") && columns.has("period") && (columns.has("target") || columns.has("rank"))) {
      return { headerRow: index, columns };
    }
  }
  return null;
}

function readYear(text: string): number | null | undefined {
  if (text === "") return null;
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/** One data row; a problem names the first cell to fix. */
function readSheetRow(
  cell: (column: Column) => string,
  number: number,
): IndicatorDefinition | Omit<TargetProblem, "row"> {
  const span = readYearSpan(cell("period"));
  if (span === null) return { messageId: "indicators-problem-period", args: { value: cell("period") } };
  const percentText = cell("target");
  const percent = percentText === "" ? null : readFigure(percentText);
  if (percent === null && percentText !== "")
    return { messageId: "indicators-problem-target", args: { value: percentText } };
  const rankText = cell("rank");
  const rank = rankText === "" ? null : readFigure(rankText);
  if (rankText !== "" && (rank === null || !Number.isInteger(rank))) {
    return { messageId: "indicators-problem-rank", args: { value: rankText } };
  }
  if (percent === null && rank === null) return { messageId: "indicators-problem-no-target", args: {} };
  if (percent !== null && percent > 100)
    return { messageId: "indicators-problem-target", args: { value: percentText } };
  const level: IndicatorLevel | null | undefined = readLevel(cell("level"));
  if (level === undefined) return { messageId: "indicators-problem-level", args: { value: cell("level") } };
  const rule = readRule(cell("rule"));
  if (rule === undefined) return { messageId: "indicators-problem-rule", args: { value: cell("rule") } };
  const maxText = cell("max");
  const max = maxText === "" ? null : readFigure(maxText);
  if (max === null && maxText !== "")
    return { messageId: "indicators-problem-target", args: { value: maxText } };
  const deadline = readYear(cell("deadline"));
  if (deadline === undefined)
    return { messageId: "indicators-problem-deadline", args: { value: cell("deadline") } };
  return {
    number,
    metric: cell("metric") || `chi-tieu-${number}`,
    text: cell("text"),
    ...span,
    level,
    ...targetOf(percent, rank),
    targetMax: max,
    deadlineYear: deadline,
    rule,
  };
}

/** Rows of cell text (row 1 first) → targets; rows without an indicator text are left out. */
export function readTargetRows(rows: readonly (readonly string[])[]): TargetsReadResult {
  const layout = findTargetsLayout(rows);
  if (layout === null) throw new CatalogueFileError("indicators-file-no-header");
  const definitions: IndicatorDefinition[] = [];
  const problems: TargetProblem[] = [];
  for (let index = layout.headerRow + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const cell = (column: Column) => {
      const at = layout.columns.get(column);
      return at === undefined ? "" : (row[at] ?? "").trim();
    };
    if (cell("text") === "") {
      if (row.some((text) => text.trim() !== "")) {
        problems.push({ row: index + 1, messageId: "indicators-problem-no-text", args: {} });
      }
      continue;
    }
    const read = readSheetRow(cell, definitions.length + 1);
    if ("messageId" in read) problems.push({ row: index + 1, ...read });
    else definitions.push(read);
  }
  return { definitions, problems };
}

const DELIMITERS = [",", ";", "\t"] as const;

/** CSV text → rows; the delimiter is the one whose parse finds the header (Vietnamese Excel writes ';'). */
export function readCsvTargets(text: string): TargetsReadResult {
  const content = text.replace(/^\uFEFF/, "");
  for (const delimiter of DELIMITERS) {
    let rows: string[][];
    try {
      rows = parse(content, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
      });
    } catch {
      continue;
    }
    if (findTargetsLayout(rows) !== null) return readTargetRows(rows);
  }
  throw new CatalogueFileError("indicators-file-no-header");
}

async function readBytes(path: string | URL): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new CatalogueFileError("import-file-missing");
    throw new CatalogueFileError("import-file-unreadable", { problem: (error as Error).message });
  }
}

/** Reads a .json, .csv or .xlsx targets file; a file that cannot be read throws naming it (`file`). */
export async function readTargetsFile(path: string): Promise<TargetsReadResult> {
  const extension = extname(path).toLowerCase();
  try {
    if (![".json", ".csv", ".xlsx"].includes(extension)) {
      throw new CatalogueFileError("import-file-extension", { extension: extension || "none" });
    }
    const bytes = await readBytes(path);
    if (extension === ".json") return readJsonTargets(bytes.toString("utf8"));
    if (extension === ".csv") return readCsvTargets(bytes.toString("utf8"));
    // exceljs loads for an .xlsx file only.
    const { readXlsxTargets } = await import("./read-targets-xlsx.ts");
    return await readXlsxTargets(bytes);
  } catch (error) {
    if (!(error instanceof CatalogueFileError)) throw error;
    throw new CatalogueFileError(error.messageId, { ...error.args, file: path });
  }
}

/** The Gia Lai plan's 36 targets, shipped with the product. */
export async function builtinTargets(): Promise<TargetsReadResult> {
  return readJsonTargets((await readBytes(BUILTIN_TARGETS)).toString("utf8"));
}
