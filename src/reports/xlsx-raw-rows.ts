// Body rows written as SpreadsheetML text straight into exceljs's streaming worksheet. exceljs builds an
// object per cell and renders it through its XML machinery, about 4 µs a cell: 5 s of CPU for a report
// of 50,000 assignments (bench/xlsx.bench.ts). exceljs still writes everything else (title, headers,
// totals, merges, print setup, styles.xml); these rows go in between, once it has opened <sheetData>.
// Two members that exceljs 4.4 does not declare are used: the worksheet's `stream` and the workbook's
// `styles` registry (so the rows' style ids are the workbook's own); RawRows.of checks they are there.
import type ExcelJS from "exceljs";

type Style = Partial<ExcelJS.Style>;

interface StreamingInternals {
  stream?: { write(xml: string): unknown };
  startedData?: boolean;
}

interface StyleRegistry {
  styles?: { addStyleModel(style: Style): number };
}

const EXCEL_EPOCH_DAYS = 25_569; // 1970-01-01 as an Excel serial day
const DAY_MS = 86_400_000;
const SPECIAL = /[&<>"]/;
const SPECIALS = /[&<>"]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

// XML 1.0 cannot carry control characters other than tab and line breaks, nor U+FFFE and U+FFFF.
function isForbidden(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
  );
}

function escapeXml(text: string): string {
  let forbidden = false;
  for (let i = 0; i < text.length && !forbidden; i++) forbidden = isForbidden(text.charCodeAt(i));
  const kept = forbidden ? [...text].filter((c) => !isForbidden(c.charCodeAt(0))).join("") : text;
  return SPECIAL.test(kept) ? kept.replace(SPECIALS, (c) => ENTITIES[c] ?? c) : kept;
}

/** "A".."Z", "AA".. for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let name = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export class RawRows {
  private readonly letters: string[];
  private readonly ids = new Map<Style, number>();
  private xml = "";
  private pending = "";
  private rowNumber = 0;

  private constructor(
    private readonly stream: { write(xml: string): unknown },
    private readonly registry: { addStyleModel(style: Style): number },
    private readonly width: number,
  ) {
    this.letters = Array.from({ length: width + 1 }, (_, column) => columnLetter(column));
  }

  /** The writer for a worksheet whose rows so far are committed (its <sheetData> is open). */
  static of(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    worksheet: ExcelJS.Worksheet,
    width: number,
  ): RawRows {
    const sheet = worksheet as unknown as StreamingInternals;
    const registry = (workbook as unknown as StyleRegistry).styles;
    if (!sheet.stream || sheet.startedData !== true || !registry) {
      throw new Error("exceljs's streaming writer has changed: rows cannot be written directly");
    }
    return new RawRows(sheet.stream, registry, width);
  }

  private styleId(style: Style): number {
    let id = this.ids.get(style);
    if (id === undefined) {
      id = this.registry.addStyleModel(style);
      this.ids.set(style, id);
    }
    return id;
  }

  private cell(column: number, style: Style): string {
    return `<c r="${this.letters[column]}${this.rowNumber}" s="${this.styleId(style)}"`;
  }

  begin(rowNumber: number, heightPoints: number): void {
    this.rowNumber = rowNumber;
    this.xml = `<row r="${rowNumber}" spans="1:${this.width}" ht="${heightPoints}" customHeight="1">`;
  }

  text(column: number, style: Style, value: string): void {
    const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
    this.xml += `${this.cell(column, style)} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
  }

  number(column: number, style: Style, value: number): void {
    this.xml += `${this.cell(column, style)}><v>${value}</v></c>`;
  }

  /** A local wall time as an Excel serial date (Excel dates carry no zone). */
  dateTime(column: number, style: Style, date: string, hour = 0, minute = 0, second = 0): void {
    const [y, m, d] = date.split("-").map(Number);
    const ms = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, minute, second);
    this.number(column, style, EXCEL_EPOCH_DAYS + ms / DAY_MS);
  }

  empty(column: number, style: Style): void {
    this.xml += `${this.cell(column, style)}/>`;
  }

  /** Formula text and the value it gives, for readers that do not calculate. */
  formula(column: number, style: Style, formula: string, value: number): void {
    this.xml += `${this.cell(column, style)}><f>${escapeXml(formula)}</f><v>${value}</v></c>`;
  }

  end(): void {
    // Rows go out about 64 KB at a time: a write (and a buffer) per row stood out in the profile.
    this.pending += `${this.xml}</row>`;
    this.xml = "";
    if (this.pending.length >= 65_536) this.flush();
  }

  /** Sends the rows still held, before the sheet is committed. */
  flush(): void {
    if (this.pending === "") return;
    this.stream.write(this.pending);
    this.pending = "";
  }
}
