import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinCatalogue, readCatalogueFile } from "../../src/plan-import/read-catalogue.ts";
import { parseCsvRows } from "../../src/plan-import/read-csv.ts";
import { ANNEX_ROWS, ANNEX_SECTIONS, ANNEX_TASKS, expectAnnexProblems } from "./annex-fixture.ts";

function toCsv(rows: string[][], delimiter: string): string {
  const quote = (cell: string) =>
    cell.includes(delimiter) || /["\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return `${rows.map((row) => row.map(quote).join(delimiter)).join("\r\n")}\r\n`;
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nhacviec-csv-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeCsv(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, "utf8");
  return path;
}

describe("reading an annex-like CSV", () => {
  it.each([
    [",", "comma"],
    [";", "semicolon"],
  ])("reads sections, tasks and problems with '%s' (%s)", async (delimiter) => {
    const path = await writeCsv(
      `Kế hoạch thử ${delimiter === "," ? "a" : "b"}.csv`,
      `\uFEFF${toCsv(ANNEX_ROWS, delimiter)}`,
    );
    const { catalogue, problems } = await readCatalogueFile(path);
    expect(catalogue.code).toBe(delimiter === "," ? "ke-hoach-thu-a" : "ke-hoach-thu-b");
    expect(catalogue.title).toBe(delimiter === "," ? "Kế hoạch thử a" : "Kế hoạch thử b");
    expect(catalogue.issuer).toBeNull();
    expect(catalogue.sections).toEqual(ANNEX_SECTIONS);
    expect(catalogue.tasks).toEqual(ANNEX_TASKS.map((t) => expect.objectContaining(t)));
    expect(catalogue.tasks.map((t) => [t.sectionCode, t.number])).toEqual([
      ["I", 1],
      ["I", 2],
      ["II", 1],
      ["II", 2],
      ["VII", 1],
    ]);
    expectAnnexProblems(problems);
  });

  it("uses the planCode and title options", async () => {
    const path = await writeCsv("plan.csv", toCsv(ANNEX_ROWS, ","));
    const { catalogue } = await readCatalogueFile(path, {
      planCode: "cds-2021",
      title: "Chuyển đổi số 2021",
    });
    expect(catalogue).toMatchObject({ code: "cds-2021", title: "Chuyển đổi số 2021" });
  });

  it("accepts headers without diacritics, ';' with unquoted commas, and a BOM", async () => {
    const text = [
      "\uFEFFSo TT;Ten nhiem vu;Co quan chu tri;Co quan phoi hop;Thoi gian thuc hien;Ghi chu",
      "I;Muc mot;;;;",
      "1;Nhiem vu mot, co dau phay;So TT&TT;Cac so, nganh, dia phuong;2019 - 2020;",
      "2;Nhiem vu hai;So Noi vu;;2020;Ghi chu hai",
    ].join("\n");
    const { catalogue, problems } = await readCatalogueFile(await writeCsv("khong-dau.csv", text));
    expect(problems).toEqual([]);
    expect(catalogue.tasks).toEqual([
      expect.objectContaining({
        code: "I.1",
        title: "Nhiem vu mot, co dau phay",
        lead: ["So TT&TT"],
        cooperating: ["Cac so, nganh, dia phuong"],
        timeframes: ["2019 - 2020"],
        note: null,
        sourceRow: 3,
      }),
      expect.objectContaining({ code: "I.2", timeframes: ["2020"], note: "Ghi chu hai", cooperating: [] }),
    ]);
  });

  it("accepts short headers with one column per period and a column-number row", async () => {
    const text = [
      "STT,Nhiệm vụ,Chủ trì,Phối hợp,2019-2020,2021-2025,Ghi chú",
      "(1),(2),(3),(4),(5),(6),(7)",
      "I,Mục một,,,,,",
      '1,Việc một,Sở Y tế,"Các sở, ngành",x,x,',
    ].join("\n");
    const { catalogue, problems } = await readCatalogueFile(await writeCsv("short.csv", text));
    expect(problems).toEqual([]);
    expect(catalogue.tasks).toEqual([
      expect.objectContaining({
        code: "I.1",
        lead: ["Sở Y tế"],
        cooperating: ["Các sở, ngành"],
        timeframes: ["x", "x"],
      }),
    ]);
  });

  it("throws when no header row is found", async () => {
    const path = await writeCsv("noheader.csv", "a,b,c\n1,2,3\n");
    await expect(readCatalogueFile(path)).rejects.toThrow(
      expect.objectContaining({ messageId: "import-file-no-header", args: { file: path } }),
    );
  });
});

describe("parseCsvRows", () => {
  it("keeps empty lines so row numbers match the file", () => {
    const rows = parseCsvRows("Số TT,Tên nhiệm vụ,Cơ quan chủ trì\n\nI,Mục,\n");
    expect(rows[1]).toEqual([""]);
    expect(rows[2]?.[0]).toBe("I");
  });
});

// The plan document itself (a copy in test/fixtures) holds the annex as tab-separated lines 206-281.
const DOCUMENT = new URL("../fixtures/plan/action-plan.txt", import.meta.url);

describe("the plan document's annex table", () => {
  it("reads like the shipped JSON, except where the JSON corrects the source", async () => {
    const lines = (await readFile(DOCUMENT, "utf8")).split("\n").slice(205, 281);
    const path = await writeCsv("annex.csv", lines.join("\n"));
    const { catalogue, problems } = await readCatalogueFile(path, { planCode: "gia-lai-nq17-2019" });
    const shipped = (await builtinCatalogue()).catalogue;
    expect(problems).toEqual([]);
    expect(catalogue.sections).toEqual(shipped.sections);
    expect(catalogue.tasks.map((t) => t.code)).toEqual(shipped.tasks.map((t) => t.code));

    const differences: string[] = [];
    for (const task of catalogue.tasks) {
      const twin = shipped.tasks.find((t) => t.code === task.code);
      for (const field of ["title", "lead", "cooperating", "timeframes", "note", "synthetic"] as const) {
        if (JSON.stringify(task[field]) !== JSON.stringify(twin?.[field]))
          differences.push(`${task.code}:${field}`);
      }
    }
    const json = JSON.parse(
      await readFile(
        new URL("../../src/plan-import/builtin/gia-lai-nq17-2019.json", import.meta.url),
        "utf8",
      ),
    ) as { corrections: { file: string; task?: string; field?: string }[] };
    const corrected = new Set(
      json.corrections
        .filter((c) => c.file === "gia-lai-nq17-2019.json" && c.task !== undefined && c.field !== undefined)
        .map((c) => `${c.task}:${c.field}`),
    );
    expect(new Set(differences)).toEqual(new Set([...corrected].filter((c) => !c.startsWith("VII"))));
  });
});
