// The top of a printable sheet, through exceljs: the title block (each line merged across the table)
// and one or two header rows (a span's label above its columns' own headers; any other header stands
// in both rows), each row as tall as its wrapped text.
import type ExcelJS from "exceljs";
import type { HeaderSpan } from "./xlsx-printable.ts";
import { rowHeightOf, wrappedLines } from "./xlsx-row-height.ts";
import { headerStyle, subtitleStyle, titleStyle } from "./xlsx-styles.ts";

const TITLE_HEIGHT = 21;
const SUBTITLE_HEIGHT = 17;

export interface SheetHead {
  title: readonly string[];
  /** Every column's header and width, the numbering column included. */
  headers: readonly string[];
  widths: readonly number[];
  /** Spans over 1-based column numbers. */
  spans: readonly HeaderSpan[];
  headerFirst: number;
  headerLast: number;
}

/** Writes the title and header rows and commits them. */
export function writeSheetHead(worksheet: ExcelJS.Worksheet, head: SheetHead): void {
  const { headers, headerFirst, headerLast } = head;
  const width = headers.length;
  head.title.forEach((line, index) => {
    const row = worksheet.getRow(index + 1);
    row.height = index === 0 ? TITLE_HEIGHT : SUBTITLE_HEIGHT;
    const cell = row.getCell(1);
    cell.value = line;
    cell.style = index === 0 ? titleStyle : subtitleStyle;
    worksheet.mergeCells(index + 1, 1, index + 1, width);
  });

  const lines = headers.map((header, index) => wrappedLines(header, head.widths[index] ?? 1, true));
  headers.forEach((header, index) => {
    const cell = worksheet.getCell(headerLast, index + 1);
    cell.value = header;
    cell.style = headerStyle;
  });
  if (headerLast > headerFirst) {
    worksheet.getRow(headerFirst).height = rowHeightOf(1);
    for (let column = 1; column <= width; column++)
      worksheet.getCell(headerFirst, column).style = headerStyle;
    const spanned = new Set<number>();
    for (const span of head.spans) {
      worksheet.getCell(headerFirst, span.first).value = span.label;
      worksheet.mergeCells(headerFirst, span.first, headerFirst, span.last);
      for (let column = span.first; column <= span.last; column++) spanned.add(column);
    }
    for (let column = 1; column <= width; column++) {
      if (spanned.has(column)) continue;
      worksheet.getCell(headerFirst, column).value = headers[column - 1] ?? null;
      worksheet.mergeCells(headerFirst, column, headerLast, column);
      // Standing in both rows, it has the upper row's line as well.
      lines[column - 1] = (lines[column - 1] ?? 1) - 1;
    }
  }
  worksheet.getRow(headerLast).height = rowHeightOf(Math.max(...lines));
  worksheet.getRow(headerLast).commit();
}
