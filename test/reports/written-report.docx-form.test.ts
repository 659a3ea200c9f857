// `report --out bc.docx` writes a draft in the form of Nghị định 30/2020/NĐ-CP (Phụ lục I, mẫu 1.4),
// read here from its XML: page, margins, fonts and sizes, the header table, page numbers from page 2,
// sections I–IV built from the stored updates, and figures that agree with `behind --json`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n/translator.ts";
import { placeAndDate } from "../../src/reports/docx-header.ts";
import { type DocxParagraph, type DocxParts, readDocx } from "../support/docx-xml.ts";
import { seedThirdQuarter } from "../support/report-fixtures.ts";
import { runCli } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const AT = "2020-09-25T09:00:00+07:00";
let app: TestApp;
let env: Record<string, string>;
let docx: DocxParts;
let summaryOrder: string[];
let behind: {
  totals: {
    assignments: number;
    tasks: number;
    agenciesOwing: number;
    agenciesReported: number;
    categories: Record<string, number>;
  };
  agencies: {
    agencyName: string;
    owedCount: number;
    reportedCount: number;
    categories: Record<string, number>;
  }[];
};

beforeAll(async () => {
  app = await createTestApp({ at: "2020-09-25T02:00:00Z" });
  await seedThirdQuarter(app);
  env = { DATABASE_URL: `sqlite:${app.databasePath}`, LOG_LEVEL: "silent" };
  const out = join(app.directory, "bc.docx");
  const written = await runCli(["report", "--quarter", "2020-Q3", "--out", out, "--at", AT], env);
  expect(written.stderr).toBe("");
  expect(written.stdout).toContain("Đã ghi dự thảo báo cáo Quý III/2020");
  docx = readDocx(readFileSync(out));
  const result = await runCli(["behind", "--quarter", "2020-Q3", "--at", AT, "--json"], env);
  behind = JSON.parse(result.stdout);
  const json = join(app.directory, "bc.json");
  await runCli(["report", "--quarter", "2020-Q3", "--out", json, "--at", AT], env);
  summaryOrder = JSON.parse(readFileSync(json, "utf8")).summary.map(
    (row: { agencyName: string }) => row.agencyName,
  );
}, 60_000);
afterAll(() => app.dispose());

const paragraph = (predicate: (p: DocxParagraph) => boolean): DocxParagraph => {
  const found = docx.paragraphs.find(predicate);
  if (!found) throw new Error("no such paragraph");
  return found;
};
const starting = (text: string) => paragraph((p) => p.text.startsWith(text));
const bodyText = () => docx.paragraphs.map((p) => p.text).join("\n");

describe("the written report's page and type", () => {
  it("is A4 portrait with the form's margins, then landscape for the appendix", () => {
    const sections = [...docx.document.matchAll(/<w:sectPr>(.*?)<\/w:sectPr>/g)].map((m) => m[1] ?? "");
    expect(sections).toHaveLength(2);
    const [main = "", appendix = ""] = sections;
    expect(main).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(appendix).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const mm = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(main)?.[1]) / (1440 / 25.4);
    expect(mm("top")).toBeGreaterThanOrEqual(19.9);
    expect(mm("top")).toBeLessThanOrEqual(25.1);
    expect(mm("bottom")).toBeGreaterThanOrEqual(19.9);
    expect(mm("bottom")).toBeLessThanOrEqual(25.1);
    expect(mm("left")).toBeGreaterThanOrEqual(29.9);
    expect(mm("left")).toBeLessThanOrEqual(35.1);
    expect(mm("right")).toBeGreaterThanOrEqual(14.9);
    expect(mm("right")).toBeLessThanOrEqual(20.1);
  });

  it("numbers pages at the top centre from page 2: the first page's header is empty", () => {
    const [main = ""] = [...docx.document.matchAll(/<w:sectPr>(.*?)<\/w:sectPr>/g)].map((m) => m[1] ?? "");
    expect(main).toContain("<w:titlePg/>");
    const relation = (type: string) =>
      new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(main)?.[1];
    const rels = docx.parts["word/_rels/document.xml.rels"] ?? "";
    const target = (id: string | undefined) =>
      new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const first = docx.parts[`word/${target(relation("first"))}`] ?? "";
    const others = docx.parts[`word/${target(relation("default"))}`] ?? "";
    expect(first).not.toContain("PAGE");
    expect(others).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(others).toContain('<w:jc w:val="center"/>');
  });

  it("sets Times New Roman everywhere, the body at 14 pt, justified, first line indented, 6 pt apart", () => {
    expect(docx.parts["word/styles.xml"]).toContain('<w:rFonts w:ascii="Times New Roman"');
    const fonts = new Set(
      docx.paragraphs.flatMap((p) => p.runs.filter((run) => run.text !== "").map((run) => run.font)),
    );
    expect([...fonts]).toEqual(["Times New Roman"]);
    const body = starting("Thực hiện Kế hoạch hành động");
    expect(body.alignment).toBe("both");
    expect(body.runs[0]?.size).toBe(28);
    expect(body.firstLineIndent).toBeGreaterThanOrEqual(567);
    expect(body.firstLineIndent).toBeLessThanOrEqual(720);
    expect(body.spacingBefore).toBeGreaterThanOrEqual(120);
    const justified = docx.paragraphs.filter((p) => p.alignment === "both");
    expect(justified.length).toBeGreaterThan(40);
    for (const p of justified) {
      expect(p.spacingBefore).toBeGreaterThanOrEqual(120);
      expect(p.runs.every((run) => run.size === 26 || run.size === 28)).toBe(true);
    }
  });
});

describe("the header and the signature", () => {
  it("is a borderless two-column table: the issuing bodies and number, the Quốc hiệu, Tiêu ngữ and date", () => {
    const header = docx.document.slice(0, docx.document.indexOf("</w:tbl>"));
    expect(header).toContain('<w:insideV w:val="none"');
    expect(docx.tables[0]).toEqual([
      [
        "UBND TỈNH GIA LAISỞ KHOA HỌCVÀ CÔNG NGHỆ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc",
      ],
      [`Số: ${"\u00a0".repeat(8)}/BC-SKHCN`, "Gia Lai, ngày 25 tháng 9 năm 2020"],
    ]);
    const parent = starting("UBND TỈNH GIA LAI");
    expect(parent.runs[0]).toMatchObject({ bold: false, size: 26 });
    expect(starting("SỞ KHOA HỌC").runs[0]).toMatchObject({ bold: true, size: 26 });
    expect(starting("CỘNG HÒA XÃ HỘI").runs[0]).toMatchObject({ bold: true, size: 26 });
    expect(starting("Độc lập - Tự do").runs[0]).toMatchObject({ bold: true, size: 28 });
    expect(starting("Gia Lai, ngày").runs[0]).toMatchObject({ italics: true, size: 28 });
    // The short lines under the issuer and under the motto: bordered empty paragraphs.
    expect(header.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
  });

  it("writes the day under 10 and the months 1 and 2 with a leading zero", () => {
    const vi = createTranslator("vi");
    const zone = "Asia/Ho_Chi_Minh";
    expect(placeAndDate(vi, "Gia Lai", new Date("2021-01-05T03:00:00Z"), zone)).toBe(
      "Gia Lai, ngày 05 tháng 01 năm 2021",
    );
    expect(placeAndDate(vi, "Gia Lai", new Date("2021-02-28T03:00:00Z"), zone)).toBe(
      "Gia Lai, ngày 28 tháng 02 năm 2021",
    );
    expect(placeAndDate(vi, "Gia Lai", new Date("2020-03-09T03:00:00Z"), zone)).toBe(
      "Gia Lai, ngày 09 tháng 3 năm 2020",
    );
    // The local day: 31/12 at 23:30 in Gia Lai is still 31/12.
    expect(placeAndDate(vi, "Gia Lai", new Date("2020-12-31T16:30:00Z"), zone)).toBe(
      "Gia Lai, ngày 31 tháng 12 năm 2020",
    );
  });

  it("names the kind and the subject, bold and centred", () => {
    const kind = starting("BÁO CÁO");
    expect(kind.alignment).toBe("center");
    expect(kind.runs[0]?.bold).toBe(true);
    const subject = starting("Kết quả thực hiện Kế hoạch hành động thực hiện Nghị quyết số 17/NQ-CP");
    expect(subject.alignment).toBe("center");
    expect(subject.runs[0]?.bold).toBe(true);
    expect(subject.text.endsWith("Quý\u00a0III\u00a0năm\u00a02020")).toBe(true);
  });

  it("ends with the signer's block and Nơi nhận, its list in 11 pt ending with Lưu", () => {
    const recipients = starting("Nơi nhận:");
    expect(recipients.runs[0]).toMatchObject({ bold: true, italics: true, size: 24 });
    const list = docx.paragraphs.slice(
      docx.paragraphs.indexOf(recipients) + 1,
      docx.paragraphs.indexOf(recipients) + 5,
    );
    expect(list.map((p) => p.text)).toEqual([
      "- UBND tỉnh (để báo cáo);",
      "- Văn phòng UBND tỉnh;",
      "- Giám đốc, các PGĐ Sở;",
      "- Lưu: VT, CĐS.",
    ]);
    expect(list.every((p) => p.runs[0]?.size === 22)).toBe(true);
    expect(starting("KT. GIÁM ĐỐC").runs[0]?.bold).toBe(true);
    expect(starting("PHÓ GIÁM ĐỐC").alignment).toBe("center");
    expect(starting("[Họ và tên người ký]").runs[0]?.bold).toBe(true);
    expect(starting("Trên đây là báo cáo kết quả thực hiện Kế hoạch").text).toMatch(
      /Sở Khoa học và Công nghệ\.\/\.$/,
    );
  });
});

describe("the body, from the stored updates", () => {
  it("has the four sections and the appendix, in order", () => {
    const headings = [
      "I. KẾT QUẢ THỰC HIỆN",
      "1. Tình hình báo cáo",
      "2. Kết quả thực hiện nhiệm vụ",
      "3. Kết quả cụ thể theo từng nhóm nhiệm vụ",
      "3.1. Triển khai, hoàn thiện thể chế",
      "II. KHÓ KHĂN, VƯỚNG MẮC",
      "III. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI",
      "IV. ĐỀ XUẤT, KIẾN NGHỊ",
      "Nơi nhận:",
      "Phụ lục",
    ];
    const positions = headings.map((heading) => docx.paragraphs.findIndex((p) => p.text.startsWith(heading)));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(starting("I. KẾT QUẢ THỰC HIỆN").runs[0]?.bold).toBe(true);
  });

  it("counts as behind --json does: agencies reporting, assignments and each category", () => {
    const { totals } = behind;
    const text = bodyText();
    expect(text).toContain(
      `Có ${totals.agenciesOwing} cơ quan, đơn vị phải báo cáo, trong đó ${totals.agenciesReported} đơn vị đã báo cáo đủ`,
    );
    expect(text).toContain(`Tổng số ${totals.assignments} phần việc (${totals.tasks} nhiệm vụ;`);
    const c = totals.categories;
    expect(text).toContain(
      `hoàn thành đúng hạn ${c.done_on_time}; hoàn thành quá hạn ${c.done_late}; đang thực hiện trong hạn ${c.in_progress}; quá hạn chưa hoàn thành ${c.overdue}; chưa thực hiện ${c.not_started}.`,
    );
    expect(c.done_on_time).toBe(4);
    expect(text).toContain("Số liệu trong báo cáo này tính đến hết ngày 19/09/2020.");
    expect(text).toMatch(/Lũy kế 9 tháng năm 2020: các cơ quan, đơn vị đã gửi \d+ lượt báo cáo/);
  });

  it("writes a sentence per agency that reported, from its latest update, and who did not", () => {
    const text = bodyText();
    expect(text).toContain(
      "- Sở Thông tin và Truyền thông: đang thực hiện, đạt 80%, lũy kế 9 tháng: 2 lượt báo cáo (Nguyễn Văn An báo cáo ngày 03/09/2020).",
    );
    expect(text).toContain(
      "- Sở Thông tin và Truyền thông: đang thực hiện, đạt 70%, dự kiến hoàn thành ngày 30/11/2020, lũy kế 9 tháng: 1 lượt báo cáo (Nguyễn Văn An báo cáo ngày 12/08/2020).",
    );
    expect(text).toContain(
      "- Sở Y tế: đã hoàn thành, lũy kế 9 tháng: 1 lượt báo cáo (Trần Thị Bình báo cáo ngày 05/08/2020).",
    );
    expect(text).toContain("đã quá hạn hoàn thành (31/12/2019)");
    expect(text).toMatch(/Nhiệm vụ III\.4: [^\n]+\n- Sở Y tế: đã hoàn thành/);
    expect(text).toContain("- Chưa báo cáo trong kỳ: Công an tỉnh.");
  });

  it("quotes every obstacle reported in the period by agency, even one since resolved", () => {
    const text = bodyText();
    const problems = text.slice(text.indexOf("II. KHÓ KHĂN"), text.indexOf("III. NHIỆM VỤ"));
    expect(problems).toContain("Trong kỳ, 2 cơ quan, đơn vị báo cáo 3 khó khăn, vướng mắc");
    expect(problems.indexOf("Sở Thông tin và Truyền thông:")).toBeLessThan(problems.indexOf("Sở Y tế:"));
    expect(problems).toContain("“chờ Bộ TT&TT hướng dẫn kết nối” (Nguyễn Văn An báo cáo ngày 02/07/2020)");
    expect(problems).toContain("“chưa bố trí được kinh phí thuê chuyên gia”");
    expect(problems).toContain("“thiếu máy chủ, đường truyền chậm” (Trần Thị Bình báo cáo ngày 08/09/2020)");
  });

  it("lists the next quarter's focus, overdue first, and the blocked tasks that need a decision", () => {
    const text = bodyText();
    const focus = text.slice(text.indexOf("III. NHIỆM VỤ"), text.indexOf("IV. ĐỀ XUẤT"));
    expect(focus).toContain(
      "Trong Quý\u00a0IV\u00a0năm\u00a02020, đề nghị các cơ quan, đơn vị tập trung thực hiện:",
    );
    expect(focus.indexOf("- I.1.")).toBeLessThan(focus.indexOf("- II.10."));
    expect(focus).toMatch(/- II\.10\. [^\n]+ — Sở Thông tin và Truyền thông; hạn hoàn thành 31\/12\/2020\./);
    expect(focus).not.toContain("- IV.1."); // done in July
    const proposals = text.slice(text.indexOf("IV. ĐỀ XUẤT"), text.indexOf("Trên đây là"));
    expect(proposals).toContain("Đề nghị UBND tỉnh Gia Lai xem xét, chỉ đạo tháo gỡ khó khăn, vướng mắc");
    expect(proposals).toContain(
      "- Nhiệm vụ I.1 (Sở Thông tin và Truyền thông): chưa bố trí được kinh phí thuê chuyên gia.",
    );
    expect(proposals).toContain("- Nhiệm vụ II.6 (Sở Y tế): thiếu máy chủ, đường truyền chậm.");
    expect(proposals).not.toContain("II.9"); // in progress again since August
    expect(proposals).toContain("[Đơn vị soạn thảo bổ sung");
  });

  it("ends with the appendix table: one row per agency as behind --json counts it, and totals that add up", () => {
    const table = docx.tables.find((rows) => rows[0]?.[0] === "STT");
    if (!table) throw new Error("no appendix table");
    expect(table[0]).toEqual([
      "STT",
      "Cơ quan, đơn vị",
      "Phải báo cáo",
      "Đã báo cáo",
      "Hoàn thành đúng hạn",
      "Hoàn thành quá hạn",
      "Đang thực hiện trong hạn",
      "Quá hạn chưa hoàn thành",
      "Chưa thực hiện",
      "Tình trạng báo cáo",
    ]);
    const rows = table.slice(1, -1);
    expect(rows).toHaveLength(behind.agencies.length);
    // Most behind first, as the report's summary orders them.
    expect(rows.map((row) => row[1])).toEqual(summaryOrder);
    const categories = ["done_on_time", "done_late", "in_progress", "overdue", "not_started"];
    rows.forEach((row, index) => {
      const standing = behind.agencies.find((agency) => agency.agencyName === row[1]);
      if (!standing) throw new Error(`${row[1]} is not in behind --json`);
      expect(row.slice(0, 9)).toEqual([
        String(index + 1),
        standing.agencyName,
        String(standing.owedCount),
        String(standing.reportedCount),
        ...categories.map((category) => String(standing.categories[category])),
      ]);
      expect(row[9]).toBe("Trễ hạn nộp 6 ngày");
    });
    const totals = table.at(-1) ?? [];
    expect(totals[1]).toBe("Tổng cộng");
    for (let column = 2; column < 9; column += 1) {
      expect(Number(totals[column])).toBe(rows.reduce((sum, row) => sum + Number(row[column]), 0));
    }
    expect(totals.slice(4, 9)).toEqual(
      categories.map((category) => String(behind.totals.categories[category])),
    );
    expect(docx.document).toContain("<w:tblHeader/>");
    expect(starting("(Kèm theo Báo cáo số").runs[0]?.italics).toBe(true);
  });

  it("embeds the chart as a PNG after the table", () => {
    const media = Object.keys(readDocxMedia());
    expect(media.some((name) => name.endsWith(".png"))).toBe(true);
    expect(docx.document.lastIndexOf("<w:drawing>")).toBeGreaterThan(docx.document.lastIndexOf("Tổng cộng"));
  });
});

function readDocxMedia(): Record<string, string> {
  const rels = docx.parts["word/_rels/document.xml.rels"] ?? "";
  return Object.fromEntries([...rels.matchAll(/Target="(media\/[^"]+)"/g)].map((m) => [m[1] ?? "", m[0]]));
}
