// The printed look of the report's sheets: Times New Roman as in administrative papers, thin borders.
// Each style is one shared object, registered with the workbook once and known by it afterwards.
import type ExcelJS from "exceljs";
import type { CellValue } from "./report-columns.ts";

type Style = Partial<ExcelJS.Style>;

const FONT = "Times New Roman";
const thin = { style: "thin" } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };
const shaded = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

export const titleStyle: Style = {
  font: { name: FONT, size: 13, bold: true },
  alignment: { horizontal: "center", vertical: "middle" },
};

export const subtitleStyle: Style = {
  font: { name: FONT, size: 12, italic: true },
  alignment: { horizontal: "center", vertical: "middle" },
};

export const headerStyle: Style = {
  font: { name: FONT, size: 11, bold: true },
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  border,
  fill: shaded("FFE7E6E6"),
};

// A group's heading: bold on a shaded band framed as one cell (its text runs on over the others).
const groupBand = { font: { name: FONT, size: 11, bold: true }, fill: shaded("FFF2F2F2") };
export const groupStyles = {
  first: {
    ...groupBand,
    alignment: { horizontal: "left", vertical: "middle" },
    border: { top: thin, bottom: thin, left: thin },
  },
  middle: { ...groupBand, border: { top: thin, bottom: thin } },
  last: { ...groupBand, border: { top: thin, bottom: thin, right: thin } },
} satisfies Record<string, Style>;

export const totalsLabelStyle: Style = {
  font: { name: FONT, size: 11, bold: true },
  alignment: { horizontal: "center", vertical: "middle" },
  border,
};

export const totalsNumberStyle: Style = {
  font: { name: FONT, size: 11, bold: true },
  alignment: { horizontal: "center", vertical: "middle" },
  border,
  numFmt: "#,##0",
};

const bodyFont = { name: FONT, size: 11 };

function bodyStyle(horizontal: "left" | "center", numFmt?: string): Style {
  return {
    font: bodyFont,
    alignment: { horizontal, vertical: "top", wrapText: true },
    border,
    ...(numFmt === undefined ? {} : { numFmt }),
  };
}

const body = {
  text: bodyStyle("left"),
  centred: bodyStyle("center"),
  number: bodyStyle("center", "#,##0"),
  date: bodyStyle("center", "dd/mm/yyyy"),
  datetime: bodyStyle("center", "dd/mm/yyyy hh:mm"),
};

/** The STT column's. */
export const numberStyle: Style = body.number;

/** The body style of a cell: text wraps at the column's width; numbers, dates and short values are centred. */
export function bodyStyleOf(value: CellValue, centred: boolean): Style {
  switch (value.kind) {
    case "number":
      return body.number;
    case "date":
      return body.date;
    case "datetime":
      return body.datetime;
    default:
      return centred ? body.centred : body.text;
  }
}
