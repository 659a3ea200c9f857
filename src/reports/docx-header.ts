// The form's fixed parts (Nghị định 30/2020/NĐ-CP, Phụ lục I, mẫu 1.4): the header table with the
// issuing body, number, Quốc hiệu, Tiêu ngữ, place and date; the document's kind and subject; the
// signature block with "Nơi nhận".
import { AlignmentType, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from "docx";
import { localDateOf } from "../domain/calendar.ts";
import type { ReportSettings } from "../domain/written-report.ts";
import type { Translator } from "../i18n/translator.ts";
import { centredParagraph, mm, NO_BORDERS, pt, ruleParagraph, run, TEXT_WIDTH } from "./docx-style.ts";

const LEFT_COLUMN = mm(62);
const RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN;
const CELL_MARGIN = mm(0.5);
// Rough widths of Times New Roman capitals and of mixed text, to break and underline lines the way a
// clerk would; Word lays the text out itself.
const CAPITAL_MM_13PT = 2.95;
const MIXED_MM_14PT = 2.25;
const NUMBER_BLANK = "\u00a0".repeat(8);

/** "{so}/BC-SKHCN" → "        /BC-SKHCN": the number is left blank for registration. */
export function documentNumber(settings: ReportSettings): string {
  return settings.number.replaceAll("{so}", NUMBER_BLANK);
}

/** Day under 10 and months 1–2 written with a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
export function placeAndDate(translator: Translator, place: string, madeAt: Date, zone: string): string {
  const [year, month, day] = localDateOf(madeAt, zone).split("-").map(Number);
  const pad = (value: number) => String(value).padStart(2, "0");
  return translator.t("report-docx-place-date", {
    place,
    day: pad(day ?? 1),
    month: (month ?? 1) <= 2 ? pad(month ?? 1) : String(month),
    year: String(year),
  });
}

/** An upper-case name on two balanced lines when one line would not fit its column. */
export function balancedLines(text: string, widthMm: number): string[] {
  if (text.length * CAPITAL_MM_13PT <= widthMm) return [text];
  const middle = text.length / 2;
  let best = -1;
  for (let i = text.indexOf(" "); i !== -1; i = text.indexOf(" ", i + 1)) {
    if (best === -1 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return best === -1 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

function cell(width: number, children: Paragraph[], verticalAlign = VerticalAlign.TOP): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    verticalAlign,
    children,
  });
}

function borderlessTable(columns: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: columns.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: columns,
    borders: NO_BORDERS,
    rows,
  });
}

const upper = (text: string) => text.toLocaleUpperCase("vi");

/** Cơ quan chủ quản and ban hành, number | Quốc hiệu, Tiêu ngữ, place and date. */
export function headerTable(
  settings: ReportSettings,
  translator: Translator,
  madeAt: Date,
  zone: string,
): Table {
  const { t } = translator;
  const columnMm = LEFT_COLUMN / mm(1) - 2;
  const issuerLines = balancedLines(upper(settings.issuer), columnMm);
  const longestIssuer = Math.max(...issuerLines.map((line) => line.length)) * CAPITAL_MM_13PT;
  const motto = t("report-docx-motto");
  const left = [
    ...balancedLines(upper(settings.parent), columnMm).map((line) =>
      centredParagraph(line, { size: pt(13) }),
    ),
    ...issuerLines.map((line) => centredParagraph(line, { size: pt(13), bold: true })),
    // Under the issuer: a line a third to a half as long as the name.
    ruleParagraph(mm(Math.max(20, longestIssuer * 0.4)), LEFT_COLUMN - 2 * CELL_MARGIN),
  ];
  const right = [
    centredParagraph(t("report-docx-national-name"), { size: pt(13), bold: true }),
    centredParagraph(motto, { size: pt(14), bold: true }),
    // Under the motto: a line as long as the motto.
    ruleParagraph(mm(motto.length * MIXED_MM_14PT), RIGHT_COLUMN - 2 * CELL_MARGIN),
  ];
  const number = centredParagraph(
    t("report-docx-number", { number: documentNumber(settings) }),
    { size: pt(13) },
    {
      before: 120,
      after: 0,
    },
  );
  const date = centredParagraph(
    placeAndDate(translator, settings.place, madeAt, zone),
    { size: pt(14), italics: true },
    {
      before: 120,
      after: 0,
    },
  );
  return borderlessTable(
    [LEFT_COLUMN, RIGHT_COLUMN],
    [
      new TableRow({ children: [cell(LEFT_COLUMN, left), cell(RIGHT_COLUMN, right)] }),
      new TableRow({ children: [cell(LEFT_COLUMN, [number]), cell(RIGHT_COLUMN, [date])] }),
    ],
  );
}

/** "BÁO CÁO" and the subject (trích yếu), bold and centred, with a short line under the subject. */
export function titleBlock(translator: Translator, subject: string): Paragraph[] {
  const subjectMm = Math.min(subject.length * MIXED_MM_14PT, TEXT_WIDTH / mm(1));
  return [
    centredParagraph(
      translator.t("report-docx-kind"),
      { bold: true, size: pt(14) },
      { before: 480, after: 0 },
    ),
    centredParagraph(subject, { bold: true, size: pt(14) }, { before: 0, after: 0 }),
    ruleParagraph(mm(Math.max(30, subjectMm * 0.35)), TEXT_WIDTH),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

const NAME_GAP_LINES = 4;

/** "Nơi nhận:" and its list | the signer's authority, title, room for the signature, and name. */
export function signatureBlock(settings: ReportSettings, translator: Translator): Table {
  const { t } = translator;
  const leftWidth = mm(85);
  const rightWidth = TEXT_WIDTH - leftWidth;
  const listed = (text: string) =>
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(text, { size: pt(11) })] });
  const recipients = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run(t("report-docx-recipients"), { size: pt(12), bold: true, italics: true })],
    }),
    ...settings.recipients.map((recipient) => listed(t("report-docx-recipient", { recipient }))),
    listed(t("report-docx-archive", { archive: settings.archive })),
  ];
  const signer = [
    ...settings.signerTitle.map((line) => centredParagraph(upper(line), { bold: true, size: pt(14) })),
    ...Array.from({ length: NAME_GAP_LINES }, () => centredParagraph("", { size: pt(14) })),
    centredParagraph(settings.signer ?? t("report-docx-signer-placeholder"), { bold: true, size: pt(14) }),
  ];
  return borderlessTable(
    [leftWidth, rightWidth],
    [
      new TableRow({
        cantSplit: true,
        children: [cell(leftWidth, recipients), cell(rightWidth, signer)],
      }),
    ],
  );
}

/** The empty paragraph Word needs between two tables, with the gap before the signature. */
export function spacer(before = 240): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    keepNext: true,
    spacing: { before, after: 0 },
    children: [],
  });
}
