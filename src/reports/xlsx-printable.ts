// One printable sheet on exceljs's streaming writer: a title block, one or two header rows repeated on
// every printed page, rows (numbered, in groups under a heading), a totals row; A4 landscape fitted to
// the page width. Rows are written out as they are made, and the event loop gets a turn between slices.
import type ExcelJS from "exceljs";
import type { YieldPoint } from "../yield-point.ts";
import type { Column } from "./report-columns.ts";
import { columnLetter, RawRows } from "./xlsx-raw-rows.ts";
import { columnLines, rowHeightOf } from "./xlsx-row-height.ts";
import { writeSheetHead } from "./xlsx-sheet-head.ts";
import { bodyStyleOf, groupStyles, numberStyle, totalsLabelStyle, totalsNumberStyle } from "./xlsx-styles.ts";

/** A group's heading row, or one row of the table. */
export type PrintItem<Row> = { group: string } | { row: Row };

/** Columns first..last share a header above their own. */
export interface HeaderSpan {
  label: string;
  first: number;
  last: number;
}

export interface PrintableSheet<Row> {
  /** The tab's name (at most 31 characters). */
  name: string;
  /** The title block: the first line is the report's name, the others stand under it. */
  title: readonly string[];
  /** The header of a leading STT column, numbering rows from 1 in each group; none when absent. */
  numbered?: string;
  columns: readonly Column<Row>[];
  /** Spans over columns (0-based indexes into `columns`). */
  spans?: readonly HeaderSpan[];
  items: Iterable<PrintItem<Row>>;
  /** The label of a totals row under the table, summing each column marked `total`. */
  totals?: string;
  autoFilter?: boolean;
  /** The word before the page number at the foot of each printed page ("Trang 2"). */
  page?: string;
}

const NUMBER_WIDTH = 5;

/** Writes the sheet into the workbook and commits it. */
export async function writePrintableSheet<Row>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: PrintableSheet<Row>,
  yieldPoint: YieldPoint,
): Promise<void> {
  const offset = sheet.numbered === undefined ? 0 : 1;
  const width = sheet.columns.length + offset;
  const titleRows = sheet.title.length === 0 ? 0 : sheet.title.length + 1; // a blank row under it
  const headerFirst = titleRows + 1;
  const headerLast = headerFirst + ((sheet.spans ?? []).length > 0 ? 1 : 0);
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: "frozen", ySplit: headerLast }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerFirst}:${headerLast}`,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    // The page alone, no "of N": LibreOffice numbers a workbook's pages on from sheet to sheet.
    ...(sheet.page === undefined ? {} : { headerFooter: { oddFooter: `&C${sheet.page} &P` } }),
  });
  const widths = [...(offset === 1 ? [NUMBER_WIDTH] : []), ...sheet.columns.map((c) => c.width)];
  worksheet.columns = widths.map((w) => ({ width: w }));
  if (sheet.autoFilter) {
    worksheet.autoFilter = { from: { row: headerLast, column: 1 }, to: { row: headerLast, column: width } };
  }
  writeSheetHead(worksheet, {
    title: sheet.title,
    headers: [
      ...(sheet.numbered === undefined ? [] : [sheet.numbered]),
      ...sheet.columns.map((c) => c.header),
    ],
    widths,
    spans: (sheet.spans ?? []).map((s) => ({ ...s, first: s.first + offset + 1, last: s.last + offset + 1 })),
    headerFirst,
    headerLast,
  });

  const rows = RawRows.of(workbook, worksheet, width);
  const sums = sheet.columns.map(() => 0);
  const linesOf = sheet.columns.map((col) => columnLines(col.width));
  let rowNumber = headerLast;
  let numberInGroup = 0;
  for (const item of sheet.items) {
    rowNumber += 1;
    if ("group" in item) {
      // Not merged: the heading runs on over the empty cells beside it, which only draw its frame.
      numberInGroup = 0;
      rows.begin(rowNumber, rowHeightOf(1));
      rows.text(1, groupStyles.first, item.group);
      for (let column = 2; column < width; column++) rows.empty(column, groupStyles.middle);
      rows.empty(width, groupStyles.last);
    } else {
      numberInGroup += 1;
      let lines = 1;
      const values = sheet.columns.map((col, index) => {
        const value = col.value(item.row);
        if (value.kind === "text") lines = Math.max(lines, linesOf[index]?.(value.value) ?? 1);
        else if (value.kind === "number" && col.total) sums[index] = (sums[index] ?? 0) + value.value;
        return value;
      });
      rows.begin(rowNumber, rowHeightOf(lines));
      if (offset === 1) rows.number(1, numberStyle, numberInGroup);
      values.forEach((value, index) => {
        const column = index + offset + 1;
        const style = bodyStyleOf(value, sheet.columns[index]?.centred === true);
        if (value.kind === "text") rows.text(column, style, value.value);
        else if (value.kind === "number") rows.number(column, style, value.value);
        else if (value.kind === "date") rows.dateTime(column, style, value.value);
        else if (value.kind === "datetime") {
          const { date, hour, minute, second } = value.value;
          rows.dateTime(column, style, date, hour, minute, second);
        } else rows.empty(column, style);
      });
    }
    rows.end();
    await yieldPoint();
  }

  if (sheet.totals !== undefined) writeTotals(rows, sheet, rowNumber, headerLast, sums);
  rows.flush();
  worksheet.commit();
}

// The label stands in the last column before the first total (the agency's, under "Tổng cộng"), the
// totals as formulas, so a figure corrected by hand moves its total.
function writeTotals<Row>(
  rows: RawRows,
  sheet: PrintableSheet<Row>,
  bodyLast: number,
  headerLast: number,
  sums: readonly number[],
): void {
  const offset = sheet.numbered === undefined ? 0 : 1;
  const labelColumn = sheet.columns.findIndex((col) => col.total) + offset;
  rows.begin(bodyLast + 1, rowHeightOf(1));
  for (let column = 1; column <= sheet.columns.length + offset; column++) {
    const index = column - offset - 1;
    const letter = columnLetter(column);
    if (column === labelColumn) rows.text(column, totalsLabelStyle, sheet.totals ?? "");
    else if (sheet.columns[index]?.total && bodyLast > headerLast) {
      const range = `${letter}${headerLast + 1}:${letter}${bodyLast}`;
      rows.formula(column, totalsNumberStyle, `SUM(${range})`, sums[index] ?? 0);
    } else rows.empty(column, totalsLabelStyle);
  }
  rows.end();
}
