// The page and type of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins, Times New Roman, and the
// few paragraph forms the written report is made of. Sizes in twips (1/1440 inch) and half-points.
import {
  AlignmentType,
  BorderStyle,
  type ISpacingProperties,
  Paragraph,
  type ParagraphChild,
  TableBorders,
  TableCell,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);
/** docx sizes text in half-points. */
export const pt = (value: number): number => value * 2;

export const FONT = "Times New Roman";
export const A4 = { width: mm(210), height: mm(297) };
// Top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm: the lower bounds, as most offices use.
export const MARGINS = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  header: mm(10),
  footer: mm(10),
};
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
/** The appendix's landscape pages: the same margins turned with the page. */
export const LANDSCAPE_TEXT_WIDTH = A4.height - MARGINS.left - MARGINS.right;

export const BODY_SIZE = pt(14);
export const FIRST_LINE_INDENT = mm(12.7);
// At least 6 pt between paragraphs; lines a little above single.
const BODY_SPACING: ISpacingProperties = { before: 120, after: 0, line: 264 };

export const NO_BORDERS = TableBorders.NONE;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size ?? BODY_SIZE,
    bold: style.bold,
    italics: style.italics,
  });
}

/** A body paragraph: justified, first line indented, 6 pt before. */
export function bodyParagraph(
  children: ParagraphChild[] | string,
  style: RunStyle = {},
  keepNext = false,
): Paragraph {
  return new Paragraph({
    keepNext,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: BODY_SPACING,
    children: typeof children === "string" ? [run(children, style)] : children,
  });
}

/** A heading inside the body (I., 1., 3.1.): bold, indented like the text. */
export function headingParagraph(text: string, style: RunStyle = { bold: true }): Paragraph {
  return bodyParagraph(text, style);
}

export function centredParagraph(
  text: string,
  style: RunStyle = {},
  spacing: ISpacingProperties = { before: 0, after: 0 },
): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(text, style)] });
}

/**
 * A short horizontal rule, centred: an empty paragraph whose bottom border spans `width` twips of a
 * column `columnWidth` wide (the form's lines under the issuer, the motto and the subject).
 */
export function ruleParagraph(width: number, columnWidth: number): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: "exact" },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
/** Every line of a ruled table. */
export const GRID = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

/** A cell of the report's ruled tables: 12 pt, centred unless told, no space around its paragraph. */
export function tableCell(
  text: string,
  width: number,
  options: { bold?: boolean; align?: "left" | "center" } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: mm(1), right: mm(1), top: mm(0.5), bottom: mm(0.5) },
    children: [
      new Paragraph({
        alignment: options.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { before: 0, after: 0 },
        children: [run(text, { size: pt(12), bold: options.bold })],
      }),
    ],
  });
}
