import { describe, expect, it } from "vitest";
import { rowWarning, skippedRow } from "../../src/plan-import/catalogue.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";
import { readJsonCatalogue, readJsonCatalogueText } from "../../src/plan-import/read-json.ts";

describe("the built-in Gia Lai catalogue", () => {
  it("has 7 sections and 34 tasks, with no problems", async () => {
    const { catalogue, problems } = await builtinCatalogue();
    expect(problems).toEqual([]);
    expect(catalogue.code).toBe("gia-lai-nq17-2019");
    expect(catalogue.issuer).toBe("Ủy ban nhân dân tỉnh Gia Lai");
    expect(catalogue.title).toMatch(/^Kế hoạch hành động thực hiện Nghị quyết số 17\/NQ-CP/);
    expect(catalogue.sections.map((s) => s.code)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII"]);
    expect(catalogue.tasks).toHaveLength(34);
    const perSection = catalogue.sections.map(
      (s) => catalogue.tasks.filter((t) => t.sectionCode === s.code).length,
    );
    expect(perSection).toEqual([6, 10, 5, 3, 8, 1, 1]);
  });

  it("keeps cells as written and maps the two period columns to timeframes", async () => {
    const { catalogue } = await builtinCatalogue();
    const byCode = new Map(catalogue.tasks.map((t) => [t.code, t]));
    expect(byCode.get("I.1")).toMatchObject({
      sectionCode: "I",
      number: 1,
      lead: ["Sở Thông tin và Truyền thông"],
      cooperating: ["Các sở, ngành, địa phương"],
      timeframes: ["Tháng 12/2019", null],
      note: null,
      synthetic: false,
      sourceRow: null,
    });
    expect(byCode.get("II.3")?.lead).toEqual([
      "Công an tỉnh",
      "Sở Kế hoạch và Đầu tư",
      "Sở Tài nguyên và Môi trường",
      "...",
    ]);
    expect(byCode.get("II.6")?.cooperating).toEqual([]);
    expect(byCode.get("I.6")?.timeframes).toEqual(["2019-2020", "2021-2025"]);
    expect(byCode.get("II.1")?.timeframes).toEqual(["2019-2020", "2021 - 2025"]);
    expect(byCode.get("I.2")).toMatchObject({
      timeframes: [null, null],
      note: "Khi có Nghị định thay thế của Chính phủ",
    });
    expect(byCode.get("VII.1")).toMatchObject({ synthetic: true, lead: ["Theo Đề án được phê duyệt"] });
  });
});

describe("readJsonCatalogue with broken tasks", () => {
  const data = {
    plan: { code: "test-plan", title: "Kế hoạch thử", issuer: null },
    sections: [
      {
        code: "I",
        title: "Mục một",
        tasks: [
          { code: "I.1", number: 1, title: "Việc tốt", lead: ["Sở Nội vụ"], cooperating: ["Các sở, ngành"] },
          { title: "Không mã, không số", lead: ["Sở Nội vụ"] },
          { code: "I.3", number: 3, title: "   ", lead: ["Sở Nội vụ"] },
          { code: "I.4", number: 4, title: "Lead là chuỗi", lead: "Sở Nội vụ" },
          { code: "I.5", number: 5, title: "Lead có số", lead: ["Sở Nội vụ", 7] },
          { number: 6, title: "Chỉ có số", lead: ["Sở Y tế"], timeframes: ["2020", "2021 - 2025", ""] },
          { code: "7", title: "Chỉ có mã số", lead: ["Sở Y tế"], period_2019_2020: "2019 - 2020" },
          { code: "I.8", number: 9, title: "Mã và số lệch nhau", lead: ["Sở Y tế"] },
          { code: "II.9", title: "Mã của mục khác", lead: ["Sở Y tế"] },
          { code: "I.1", title: "Trùng mã", lead: ["Sở Y tế"] },
          { code: "I.10", title: "Không có chủ trì", lead: [] },
          "not an object",
        ],
      },
      { title: "Mục không mã", tasks: [{ code: "X.1", title: "bỏ qua", lead: ["Sở Y tế"] }] },
      {
        code: "II",
        title: "Mục hai",
        tasks: [
          { code: "II.1", title: "Việc mục hai", lead: ["Các sở, ngành, địa phương"], synthetic: true },
        ],
      },
    ],
  };

  it("keeps the good tasks", () => {
    const { catalogue } = readJsonCatalogue(data);
    expect(catalogue).toMatchObject({ code: "test-plan", title: "Kế hoạch thử", issuer: null });
    expect(catalogue.sections).toEqual([
      { code: "I", title: "Mục một" },
      { code: "II", title: "Mục hai" },
    ]);
    expect(catalogue.tasks.map((t) => t.code)).toEqual(["I.1", "I.6", "I.7", "II.1"]);
    const [first, sixth, seventh, second] = catalogue.tasks;
    expect(first?.cooperating).toEqual(["Các sở, ngành"]);
    expect(first?.timeframes).toEqual([null, null]);
    expect(sixth).toMatchObject({ number: 6, timeframes: ["2020", "2021 - 2025", null] });
    expect(seventh).toMatchObject({ number: 7, timeframes: ["2019 - 2020", null], cooperating: [] });
    expect(second?.synthetic).toBe(true);
  });

  it("reports each broken task with its place, the field and what it should be", () => {
    const { problems } = readJsonCatalogue(data);
    const tasks = (n: number) => `sections[0].tasks[${n}]`;
    expect(problems).toEqual([
      skippedRow(null, "import-problem-json-no-code", { place: tasks(1), code: "", section: "I" }),
      skippedRow(null, "import-problem-json-field", { place: tasks(2), field: "title", expected: "empty" }),
      skippedRow(null, "import-problem-json-field", {
        place: tasks(3),
        field: "lead",
        expected: "text-list",
      }),
      skippedRow(null, "import-problem-json-field", {
        place: tasks(4),
        field: "lead",
        expected: "text-items",
      }),
      skippedRow(null, "import-problem-json-code-number", { place: tasks(7), code: "I.8", number: 9 }),
      skippedRow(null, "import-problem-json-code-section", { place: tasks(8), code: "II.9", section: "I" }),
      skippedRow(null, "import-problem-json-task-again", { place: tasks(9), task: "I.1" }),
      skippedRow(null, "import-problem-task-no-lead", { task: "I.10" }),
      skippedRow(null, "import-problem-json-field", { place: tasks(11), field: "", expected: "object" }),
      skippedRow(null, "import-problem-json-field", {
        place: "sections[1]",
        field: "code",
        expected: "missing",
      }),
      skippedRow(null, "import-problem-json-section-skipped", { place: "sections[1]", count: 1 }),
    ]);
  });

  it("names a missing field as missing and a wrong one by what it should be", () => {
    const { problems } = readJsonCatalogue({
      sections: [{ code: "I", title: "Mục", tasks: [{ code: "I.1", lead: ["Sở Y tế"], synthetic: "có" }] }],
    });
    expect(problems.map((problem) => problem.args)).toEqual([
      { place: "sections[0].tasks[0]", field: "title", expected: "missing" },
      { place: "sections[0].tasks[0]", field: "synthetic", expected: "yes-no" },
    ]);
  });

  it("keeps a section that appears twice, with a warning, and joins its tasks to the first", () => {
    const { catalogue, problems } = readJsonCatalogue({
      sections: [
        { code: "I", title: "Mục", tasks: [{ code: "I.1", title: "Một", lead: ["Sở Y tế"] }] },
        { code: "I", title: "Lại mục I", tasks: [{ code: "I.2", title: "Hai", lead: ["Sở Y tế"] }] },
      ],
    });
    expect(catalogue.tasks.map((task) => task.code)).toEqual(["I.1", "I.2"]);
    expect(problems).toEqual([
      rowWarning(null, "import-problem-json-section-again", { place: "sections[1]", section: "I" }),
    ]);
  });

  it("falls back to the options and the file name for the plan identity", () => {
    const { catalogue } = readJsonCatalogue({ sections: [] }, { sourcePath: "/tmp/Kế hoạch CĐS 2021.json" });
    expect(catalogue).toMatchObject({ code: "ke-hoach-cds-2021", title: "Kế hoạch CĐS 2021", issuer: null });
    const named = readJsonCatalogue(data, { planCode: "other", title: "Other" }).catalogue;
    expect(named).toMatchObject({ code: "other", title: "Other" });
  });

  it("throws when the data is not a catalogue at all", () => {
    expect(() => readJsonCatalogue({ plan: {} })).toThrow(
      expect.objectContaining({ messageId: "import-file-not-catalogue" }),
    );
    expect(() => readJsonCatalogueText("{ nope", { sourcePath: "x.json" })).toThrow(
      expect.objectContaining({ messageId: "import-file-bad-json" }),
    );
  });
});
