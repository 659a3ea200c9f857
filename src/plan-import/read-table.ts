// Reads a task table laid out like the plan's annex ("Số TT | Tên nhiệm vụ | Cơ quan chủ trì |
// Cơ quan phối hợp | Thời gian thực hiện ... | Ghi chú") from rows of cell text. CSV and XLSX
// readers only turn their files into rows; everything about the layout lives here.

import { splitAgencyCell } from "../domain/lead-cell.ts";
import { romanToInt } from "../domain/task-code.ts";
import { foldText } from "../domain/vietnamese.ts";
import {
  CatalogueFileError,
  type CatalogueReadResult,
  type CatalogueSection,
  type CatalogueTask,
  type RowProblem,
  rowWarning,
  skippedRow,
  type TableIdentity,
  taskCode,
} from "./catalogue.ts";

/** One table row as cell texts; index 0 of the outer array is the file's row 1. */
export type TableRow = readonly string[];

type Role = "number" | "name" | "lead" | "cooperating" | "timeframe" | "note";

export interface TableLayout {
  /** 0-based index of the (last) header row; data starts below it. */
  headerEnd: number;
  number: number;
  name: number;
  lead: number;
  cooperating: number | null;
  timeframes: number[];
  note: number | null;
}

// A period column's label: "2019 - 2020", "Năm 2020", "Giai đoạn 2021-2025".
const YEAR_COLUMN = /^(nam |giai doan )?(19|20)\d\d(\s*[-–—]\s*(19|20)\d\d)?$/;

function headerRole(cell: string): Role | null {
  const folded = foldText(cell);
  const words = folded
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
  // Labels are short; a long cell is data even when it mentions "nhiệm vụ" or a year range.
  if (words === "" || words.length > 80) return null;
  if (/^(so tt|s tt|stt|tt|so thu tu|thu tu|#|no)$/.test(words)) return "number";
  if (/\bchu tri\b/.test(words)) return "lead";
  if (/\bphoi hop\b/.test(words)) return "cooperating";
  if (/\bghi chu\b/.test(words)) return "note";
  if (/\b(thoi gian|thoi han|tien do)\b/.test(words) || YEAR_COLUMN.test(folded.trim())) {
    return "timeframe";
  }
  if (/\b(nhiem vu|noi dung|de an)\b/.test(words)) return "name";
  return null;
}

function cellAt(row: TableRow | undefined, column: number | null): string {
  if (row === undefined || column === null) return "";
  return row[column] ?? "";
}

function isEmptyRow(row: TableRow): boolean {
  return row.every((cell) => cell.trim() === "");
}

/** A row whose every non-empty cell is a header label (the lower row of a two-row header). */
function isHeaderLike(row: TableRow): boolean {
  return !isEmptyRow(row) && row.every((cell) => cell.trim() === "" || headerRole(cell) !== null);
}

/** "(1) (2) (3) ..." or "1 2 3 ..." under the header: column numbers, not data. */
function isColumnNumbering(row: TableRow): boolean {
  const filled = row.map((cell) => cell.trim()).filter((cell) => cell !== "");
  return filled.length >= 3 && filled.every((cell) => /^\(?\d{1,2}\)?$/.test(cell));
}

type RoleColumns = Partial<Record<Exclude<Role, "timeframe">, number>> & { timeframes: number[] };

function addRoles(row: TableRow, into: RoleColumns): void {
  row.forEach((cell, column) => {
    const role = headerRole(cell);
    if (role === null) return;
    if (role === "timeframe") {
      if (!into.timeframes.includes(column)) into.timeframes.push(column);
    } else if (into[role] === undefined && !Object.values(into).includes(column)) {
      into[role] = column;
    }
  });
}

function layoutOf(rows: readonly TableRow[], index: number): TableLayout | null {
  const row = rows[index];
  if (row === undefined) return null;
  const roles: RoleColumns = { timeframes: [] };
  addRoles(row, roles);
  if (roles.name === undefined) return null;
  let headerEnd = index;
  const below = rows[index + 1];
  // Two-row header: "Thời gian thực hiện" over "2019-2020 | 2021-2025", or "Cơ quan" over
  // "Chủ trì | Phối hợp".
  if (below !== undefined && isHeaderLike(below)) {
    addRoles(below, roles);
    headerEnd = index + 1;
  }
  const { name, lead } = roles;
  if (lead === undefined || lead === name) return null;
  // The annex leaves the number column's header blank: take the column left of the name.
  const number = roles.number ?? (name > 0 ? name - 1 : undefined);
  if (number === undefined) return null;
  return {
    headerEnd,
    number,
    name,
    lead,
    cooperating: roles.cooperating ?? null,
    timeframes: roles.timeframes.filter((c) => c !== number && c !== name).sort((a, b) => a - b),
    note: roles.note ?? null,
  };
}

/** The first header row of the table, or null when there is none. */
export function findTableLayout(rows: readonly TableRow[]): TableLayout | null {
  for (let index = 0; index < rows.length; index++) {
    const layout = layoutOf(rows, index);
    if (layout !== null) return layout;
  }
  return null;
}

/** Cell text with markup removed (the annex has "<b>IV</b>") and line breaks kept. */
function cleanCell(cell: string): string {
  return cell
    .normalize("NFC")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function join(before: string, after: string): string {
  if (before === "") return after;
  if (after === "") return before;
  return `${before} ${after}`;
}

/** "IV" / "IV." → "IV"; null unless a well-formed upper-case Roman numeral. */
function romanCode(text: string): string | null {
  const code = text.replace(/\.$/, "");
  return /^[IVXLC]+$/.test(code) && romanToInt(code) !== null ? code : null;
}

/** Cell texts gathered for a task or a section row, joined over continuation rows. */
interface RowCells {
  title: string;
  lead: string;
  cooperating: string;
  timeframes: string[];
  note: string;
}

interface TaskDraft {
  sectionCode: string;
  number: number;
  row: number;
  cells: RowCells;
}

interface SectionDraft {
  code: string;
  row: number;
  cells: RowCells;
}

function readCells(row: TableRow, layout: TableLayout): RowCells {
  return {
    title: oneLine(cellAt(row, layout.name)),
    lead: cellAt(row, layout.lead),
    cooperating: cellAt(row, layout.cooperating),
    timeframes: layout.timeframes.map((column) => oneLine(cellAt(row, column))),
    note: oneLine(cellAt(row, layout.note)),
  };
}

// Page-break continuation: the fragments of a cell are joined with one space.
function appendCells(into: RowCells, more: RowCells): void {
  into.title = join(into.title, more.title);
  into.lead = join(into.lead, more.lead);
  into.cooperating = join(into.cooperating, more.cooperating);
  into.timeframes = into.timeframes.map((text, i) => join(text, more.timeframes[i] ?? ""));
  into.note = join(into.note, more.note);
}

function hasExtras(cells: RowCells): boolean {
  return (
    cells.lead !== "" ||
    cells.cooperating !== "" ||
    cells.note !== "" ||
    cells.timeframes.some((t) => t !== "")
  );
}

function toTask(draft: TaskDraft, synthetic: boolean): CatalogueTask {
  const { cells } = draft;
  return {
    code: taskCode(draft.sectionCode, draft.number),
    sectionCode: draft.sectionCode,
    number: draft.number,
    title: cells.title,
    lead: splitAgencyCell(cells.lead),
    cooperating: splitAgencyCell(cells.cooperating),
    timeframes: cells.timeframes.map((text) => (text === "" ? null : text)),
    note: cells.note === "" ? null : cells.note,
    synthetic,
    sourceRow: draft.row,
  };
}

/**
 * Reads the task table from rows of cell text. Throws when no header row is found; every other
 * defect becomes a RowProblem with the 1-based row number: rejected rows are left out ("skipped");
 * a section row that is kept despite a defect (no title, no tasks) is a warning.
 */
export function readTableCatalogue(
  rawRows: readonly TableRow[],
  identity: TableIdentity,
): CatalogueReadResult {
  const rows = rawRows.map((row) => row.map(cleanCell));
  const layout = findTableLayout(rows);
  if (layout === null) throw new CatalogueFileError("import-file-no-header");

  const problems: RowProblem[] = [];
  const sections: SectionDraft[] = [];
  const tasks: TaskDraft[] = [];
  let section: SectionDraft | null = null;
  // Where a continuation row (no number) goes; null after a rejected row so its
  // continuation is not glued onto an unrelated task.
  let last: RowCells | null = null;
  let afterHeader = true;

  for (let index = layout.headerEnd + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const rowNumber = index + 1;
    if (isEmptyRow(row)) continue;
    // Repeated header (page break), its lower half, and column-numbering rows.
    const numberText = oneLine(cellAt(row, layout.number));
    const repeatedHeader =
      (numberText === "" || headerRole(numberText) === "number") && layoutOf(rows, index) !== null;
    if (repeatedHeader || (afterHeader && isHeaderLike(row)) || isColumnNumbering(row)) {
      afterHeader = true;
      continue;
    }
    afterHeader = false;

    const cells = readCells(row, layout);
    if (numberText === "") {
      if (last === null) {
        problems.push(skippedRow(rowNumber, "import-problem-orphan-continuation"));
      } else {
        appendCells(last, cells);
      }
      continue;
    }

    const roman = romanCode(numberText);
    if (roman !== null) {
      const existing = sections.find((s) => s.code === roman);
      if (existing !== undefined) {
        problems.push(
          rowWarning(rowNumber, "import-problem-section-again", { section: roman, first: existing.row }),
        );
        section = existing;
        last = null;
        continue;
      }
      if (cells.title === "") {
        problems.push(rowWarning(rowNumber, "import-problem-section-no-title", { section: roman }));
      }
      section = { code: roman, row: rowNumber, cells };
      sections.push(section);
      last = cells;
      continue;
    }

    if (!/^\d+\.?$/.test(numberText)) {
      problems.push(skippedRow(rowNumber, "import-problem-bad-number", { number: numberText }));
      last = null;
      continue;
    }
    const number = Number.parseInt(numberText, 10);
    if (section === null) {
      problems.push(skippedRow(rowNumber, "import-problem-task-before-section", { number }));
      last = null;
      continue;
    }
    const code = taskCode(section.code, number);
    const twin = tasks.find((t) => t.sectionCode === section?.code && t.number === number);
    if (twin !== undefined) {
      problems.push(skippedRow(rowNumber, "import-problem-task-again", { task: code, first: twin.row }));
      last = null;
      continue;
    }
    tasks.push({ sectionCode: section.code, number, row: rowNumber, cells });
    last = cells;
  }

  // Checked after merging, since a continuation row may bring the title or the lead.
  const kept = tasks.filter((task) => {
    const code = taskCode(task.sectionCode, task.number);
    if (task.cells.title === "") {
      problems.push(skippedRow(task.row, "import-problem-task-no-title", { task: code }));
    } else if (splitAgencyCell(task.cells.lead).length === 0) {
      problems.push(skippedRow(task.row, "import-problem-task-no-lead", { task: code }));
    } else return true;
    return false;
  });

  const catalogueSections: CatalogueSection[] = [];
  const catalogueTasks: CatalogueTask[] = [];
  for (const draft of sections) {
    catalogueSections.push({ code: draft.code, title: draft.cells.title });
    const own = kept.filter((task) => task.sectionCode === draft.code);
    const sectionHasTasks = tasks.some((task) => task.sectionCode === draft.code);
    if (!sectionHasTasks && splitAgencyCell(draft.cells.lead).length > 0) {
      // The annex's section VII has no numbered row, only a lead cell on the section row: it
      // becomes task VII.1 so it can be assigned, as in the shipped JSON.
      catalogueTasks.push(
        toTask({ sectionCode: draft.code, number: 1, row: draft.row, cells: draft.cells }, true),
      );
      continue;
    }
    if (!sectionHasTasks) {
      problems.push(rowWarning(draft.row, "import-problem-section-empty", { section: draft.code }));
    } else if (hasExtras(draft.cells)) {
      problems.push(rowWarning(draft.row, "import-problem-section-cells-ignored", { section: draft.code }));
    }
    catalogueTasks.push(...own.map((task) => toTask(task, false)));
  }

  problems.sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER));
  return {
    catalogue: {
      code: identity.code,
      ...(identity.shortCode === undefined ? {} : { shortCode: identity.shortCode }),
      ...(identity.firstReport === undefined ? {} : { firstReport: identity.firstReport }),
      title: identity.title,
      issuer: null,
      sections: catalogueSections,
      tasks: catalogueTasks,
    },
    problems,
  };
}
