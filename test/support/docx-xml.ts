// Reads a DOCX as a reader would need it in tests: its parts' XML, and the paragraphs and tables of
// the body with the properties the form prescribes (alignment, indent, spacing, runs' size and style).
import { strFromU8, unzipSync } from "fflate";

export interface DocxParagraph {
  text: string;
  xml: string;
  alignment: string | null;
  firstLineIndent: number | null;
  spacingBefore: number | null;
  runs: { text: string; bold: boolean; italics: boolean; size: number | null; font: string | null }[];
}

export interface DocxParts {
  parts: Record<string, string>;
  document: string;
  paragraphs: DocxParagraph[];
  /** Each table's rows, each row's cells' text. */
  tables: string[][][];
}

function unescapeXml(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}

const attribute = (xml: string, element: string, name: string): string | null =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null;

export function textOf(xml: string): string {
  return unescapeXml(
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1] ?? "").join(""),
  );
}

function paragraphOf(xml: string): DocxParagraph {
  const properties = /<w:pPr>(.*?)<\/w:pPr>/.exec(xml)?.[1] ?? "";
  const number = (value: string | null) => (value === null ? null : Number(value));
  const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((match) => {
    const run = match[1] ?? "";
    const rPr = /<w:rPr>(.*?)<\/w:rPr>/.exec(run)?.[1] ?? "";
    return {
      text: textOf(run),
      bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(rPr),
      italics: /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(rPr),
      size: number(attribute(rPr, "w:sz", "w:val")),
      font: attribute(rPr, "w:rFonts", "w:ascii"),
    };
  });
  return {
    text: textOf(xml),
    xml,
    alignment: attribute(properties, "w:jc", "w:val"),
    firstLineIndent: number(attribute(properties, "w:ind", "w:firstLine")),
    spacingBefore: number(attribute(properties, "w:spacing", "w:before")),
    runs,
  };
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const parts = Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels"))
      .map(([name, content]) => [name, strFromU8(content)]),
  );
  const document = parts["word/document.xml"] ?? "";
  const paragraphs = [...document.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)].map((match) =>
    paragraphOf(match[0]),
  );
  const tables = [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? "").matchAll(/<w:tr>(.*?)<\/w:tr>|<w:tr [^>]*>(.*?)<\/w:tr>/g)].map((row) =>
      [...(row[0] ?? "").matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((cell) => textOf(cell[1] ?? "")),
    ),
  );
  return { parts, document, paragraphs, tables };
}
