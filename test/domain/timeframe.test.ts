import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isConditionalNote,
  isRecurringTimeframe,
  parseTimeframe,
  parseTimeframeList,
  planSpanOf,
  type TaskSchedule,
  taskSchedule,
} from "../../src/domain/timeframe.ts";

describe("parseTimeframe", () => {
  it.each([
    ["2019 - 2020", 2019, 2020, "2020-12-31"],
    ["2019-2020", 2019, 2020, "2020-12-31"],
    ["2021 - 2025", 2021, 2025, "2025-12-31"],
    ["2021-2025", 2021, 2025, "2025-12-31"],
    ["2021 – 2025", 2021, 2025, "2025-12-31"],
    ["2021-25", 2021, 2025, "2025-12-31"],
    ["Giai đoạn 2021-2025", 2021, 2025, "2025-12-31"],
    ["Năm 2019 - 2020", 2019, 2020, "2020-12-31"],
    ["Từ 2019 đến 2020", 2019, 2020, "2020-12-31"],
    ["Tháng 12/2019", 2019, 2019, "2019-12-31"],
    ["tháng 2/2020", 2020, 2020, "2020-02-29"],
    ["Tháng 6 năm 2020", 2020, 2020, "2020-06-30"],
    ["12/2019", 2019, 2019, "2019-12-31"],
    ["2020", 2020, 2020, "2020-12-31"],
    ["Năm 2020", 2020, 2020, "2020-12-31"],
    ["năm 2020.", 2020, 2020, "2020-12-31"],
    ["Quý II/2020", 2020, 2020, "2020-06-30"],
    ["Quý IV/2019", 2019, 2019, "2019-12-31"],
    ["Quý 1/2021", 2021, 2021, "2021-03-31"],
    ["quy III nam 2020", 2020, 2020, "2020-09-30"],
    ["6 tháng đầu năm 2020", 2020, 2020, "2020-06-30"],
    ["6 tháng cuối năm 2020", 2020, 2020, "2020-12-31"],
    ["9 tháng đầu năm 2021", 2021, 2021, "2021-09-30"],
    ["Trước ngày 30/6/2020", 2020, 2020, "2020-06-30"],
    ["15/3/2021", 2021, 2021, "2021-03-15"],
    ["  2019 - 2020  ", 2019, 2020, "2020-12-31"],
  ])("%s → %i..%i due %s", (text, fromYear, toYear, dueDate) => {
    expect(parseTimeframe(text)).toEqual({ text: text.trim(), fromYear, toYear, dueDate });
  });

  it.each([
    "",
    "   ",
    "Hằng năm",
    "Theo hiệu lực của Văn bản",
    "Khi có Nghị định thay thế của Chính phủ",
    "Tháng 13/2020",
    "Quý V/2020",
    "2020 - 2019",
    "30/2/2020",
    "13 tháng đầu năm 2020",
    "sớm",
    "20201",
    "Năm sau",
  ])("%j → null", (text) => {
    expect(parseTimeframe(text)).toBeNull();
  });
});

describe("parseTimeframeList", () => {
  it("reads lists of timeframes in one cell", () => {
    expect(parseTimeframeList("2019; 2021 - 2025")?.map((t) => [t.fromYear, t.toYear])).toEqual([
      [2019, 2019],
      [2021, 2025],
    ]);
    expect(parseTimeframeList("2019, 2020")?.map((t) => t.dueDate)).toEqual(["2019-12-31", "2020-12-31"]);
    expect(parseTimeframeList("Năm 2019 và năm 2021")?.map((t) => t.fromYear)).toEqual([2019, 2021]);
  });

  it("is null unless every part is a timeframe", () => {
    expect(parseTimeframeList("2019; sớm nhất có thể")).toBeNull();
    expect(parseTimeframeList("Khi có hướng dẫn")).toBeNull();
  });
});

describe("isConditionalNote and isRecurringTimeframe", () => {
  it.each([
    "Theo hiệu lực của Văn bản",
    "Theo hiệu lực của Văn bản (thông qua các kênh thông tin và văn bản hướng dẫn)",
    "Khi có Nghị định thay thế của Chính phủ",
    "Theo hướng dẫn của Chính phủ",
    "Khi có hướng dẫn của các bộ, ngành Trung ương",
    "khi co huong dan cua cac bo",
    "Sau khi Đề án được phê duyệt",
  ])("conditional: %s", (text) => {
    expect(isConditionalNote(text)).toBe(true);
  });

  it.each([
    "Thực hiện liên tục hàng năm",
    "Đảm bảo kết nối với Hệ thống thông tin báo cáo Chính phủ",
    "Phù hợp quy định của Thủ tướng Chính phủ tại Quyết định số 45/2018/QĐ-TTg ngày 09/11/2018",
    "2019 - 2020",
    "",
  ])("not conditional: %j", (text) => {
    expect(isConditionalNote(text)).toBe(false);
  });

  it.each(["Hằng năm", "Hàng năm", "hang nam", "Thực hiện liên tục hàng năm", "Thường xuyên"])(
    "recurring: %s",
    (text) => {
      expect(isRecurringTimeframe(text)).toBe(true);
    },
  );

  it.each(["2020", "Theo hướng dẫn của Chính phủ", "Năm 2020"])("not recurring: %s", (text) => {
    expect(isRecurringTimeframe(text)).toBe(false);
  });
});

describe("taskSchedule", () => {
  const span = { fromYear: 2019, toYear: 2025 };
  const all = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

  it("the union of its timeframes; due at the end of the last one", () => {
    expect(taskSchedule(["2019", "2021 - 2025"], null, span)).toEqual({
      activeYears: [2019, 2021, 2022, 2023, 2024, 2025],
      dueDate: "2025-12-31",
      conditional: false,
      unreadable: [],
    });
    expect(taskSchedule(["Tháng 12/2019", null], null, span)).toEqual({
      activeYears: [2019],
      dueDate: "2019-12-31",
      conditional: false,
      unreadable: [],
    });
    expect(taskSchedule(["Quý II/2020", "6 tháng đầu năm 2020"], null, span).dueDate).toBe("2020-06-30");
  });

  it("no timeframe: every year of the span, no due date, conditional by its note", () => {
    expect(taskSchedule([null, null], "Khi có Nghị định thay thế của Chính phủ", span)).toEqual({
      activeYears: all,
      dueDate: null,
      conditional: true,
      unreadable: [],
    });
    expect(taskSchedule([null, ""], null, span)).toEqual({
      activeYears: all,
      dueDate: null,
      conditional: false,
      unreadable: [],
    });
    expect(taskSchedule([], "Thực hiện liên tục hàng năm", span).conditional).toBe(false);
  });

  it("a conditional note does not make a dated task conditional", () => {
    expect(
      taskSchedule([null, "2021 - 2025"], "Khi có hướng dẫn của các bộ, ngành Trung ương", span),
    ).toEqual({
      activeYears: [2021, 2022, 2023, 2024, 2025],
      dueDate: "2025-12-31",
      conditional: false,
      unreadable: [],
    });
  });

  it("a condition written in a timeframe cell counts as the note would", () => {
    expect(taskSchedule(["Khi có hướng dẫn", null], null, span)).toEqual({
      activeYears: all,
      dueDate: null,
      conditional: true,
      unreadable: [],
    });
  });

  it("'Hằng năm' is every year of the span with no due date", () => {
    expect(taskSchedule(["Hằng năm"], null, span)).toEqual({
      activeYears: all,
      dueDate: null,
      conditional: false,
      unreadable: [],
    });
    expect(taskSchedule(["2019 - 2020", "Hằng năm"], null, span)).toEqual({
      activeYears: all,
      dueDate: null,
      conditional: false,
      unreadable: [],
    });
  });

  it("reports unreadable cells and falls back to the span when nothing is readable", () => {
    expect(taskSchedule(["sớm nhất có thể", "2020"], null, span)).toEqual({
      activeYears: [2020],
      dueDate: "2020-12-31",
      conditional: false,
      unreadable: ["sớm nhất có thể"],
    });
    expect(taskSchedule(["  ASAP "], null, span)).toEqual({
      activeYears: all,
      dueDate: null,
      conditional: false,
      unreadable: ["ASAP"],
    });
  });

  it("timeframes outside the span still count", () => {
    expect(taskSchedule(["2026"], null, span).activeYears).toEqual([2026]);
  });
});

describe("planSpanOf", () => {
  it("from the first to the last year named", () => {
    expect(planSpanOf(["Tháng 12/2019", null, "2021 - 2025", "2020", "Hằng năm"])).toEqual({
      fromYear: 2019,
      toYear: 2025,
    });
    expect(planSpanOf(["2019; 2027"])).toEqual({ fromYear: 2019, toYear: 2027 });
  });

  it("null when nothing can be read", () => {
    expect(planSpanOf([null, "", "Hằng năm"])).toBeNull();
    expect(planSpanOf([])).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The Gia Lai NQ17 plan: every timeframe text and note of the real catalogue.

interface PlanTask {
  code: string;
  period_2019_2020: string | null;
  period_2021_2025: string | null;
  note: string | null;
}
interface PlanFile {
  sections: { code: string; tasks: PlanTask[] }[];
}

const planUrl = new URL("../../src/plan-import/builtin/gia-lai-nq17-2019.json", import.meta.url);
const plan = JSON.parse(readFileSync(planUrl, "utf8")) as PlanFile;
const tasks = plan.sections.flatMap((s) => s.tasks);

const Y19_25 = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const Y21_25 = [2021, 2022, 2023, 2024, 2025];
const full: TaskSchedule = { activeYears: Y19_25, dueDate: "2025-12-31", conditional: false, unreadable: [] };
const waiting: TaskSchedule = { activeYears: Y19_25, dueDate: null, conditional: true, unreadable: [] };
const from2021: TaskSchedule = {
  activeYears: Y21_25,
  dueDate: "2025-12-31",
  conditional: false,
  unreadable: [],
};
const only1920: TaskSchedule = {
  activeYears: [2019, 2020],
  dueDate: "2020-12-31",
  conditional: false,
  unreadable: [],
};
const from2020: TaskSchedule = {
  activeYears: [2020, ...Y21_25],
  dueDate: "2025-12-31",
  conditional: false,
  unreadable: [],
};

const EXPECTED: Record<string, TaskSchedule> = {
  "I.1": { activeYears: [2019], dueDate: "2019-12-31", conditional: false, unreadable: [] },
  "I.2": waiting,
  "I.3": waiting,
  "I.4": waiting,
  "I.5": waiting,
  "I.6": full,
  "II.1": full,
  "II.2": { activeYears: [2019, ...Y21_25], dueDate: "2025-12-31", conditional: false, unreadable: [] },
  "II.3": from2021,
  "II.4": from2020,
  "II.5": from2020,
  "II.6": full,
  "II.7": full,
  "II.8": full,
  "II.9": full,
  "II.10": only1920,
  "III.1": full,
  "III.2": full,
  "III.3": full,
  "III.4": full,
  "III.5": full,
  "IV.1": only1920,
  "IV.2": from2021,
  "IV.3": full,
  "V.1": full,
  "V.2": full,
  "V.3": full,
  "V.4": full,
  "V.5": full,
  "V.6": full,
  "V.7": full,
  "V.8": full,
  "VI.1": full,
  // The synthetic task with no timeframe and no note: always active, not conditional.
  "VII.1": { activeYears: Y19_25, dueDate: null, conditional: false, unreadable: [] },
};

describe("the Gia Lai NQ17 plan", () => {
  const allTexts = tasks.flatMap((t) => [t.period_2019_2020, t.period_2021_2025]);
  const span = planSpanOf(allTexts);

  it("has 34 tasks, all with an expected schedule", () => {
    expect(tasks).toHaveLength(34);
    expect(tasks.map((t) => t.code).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("spans 2019-2025", () => {
    expect(span).toEqual({ fromYear: 2019, toYear: 2025 });
  });

  it("every timeframe text is read", () => {
    const texts = [...new Set(allTexts.filter((t): t is string => t !== null))].sort();
    expect(texts).toEqual([
      "2019",
      "2019 - 2020",
      "2019-2020",
      "2020",
      "2021 - 2025",
      "2021-2025",
      "Tháng 12/2019",
    ]);
    for (const t of texts) expect(parseTimeframe(t), t).not.toBeNull();
  });

  it("every note is classified", () => {
    const notes = [...new Set(tasks.map((t) => t.note).filter((n): n is string => n !== null))];
    const conditional = notes.filter(isConditionalNote).sort();
    expect(conditional).toEqual(
      [
        "Khi có Nghị định thay thế của Chính phủ",
        "Khi có hướng dẫn của các bộ, ngành Trung ương",
        "Theo hiệu lực của Văn bản",
        "Theo hiệu lực của Văn bản (thông qua các kênh thông tin và văn bản hướng dẫn)",
        "Theo hướng dẫn của Bộ TT&TT",
        "Theo hướng dẫn của Chính phủ",
      ].sort(),
    );
    expect(notes.filter((n) => !isConditionalNote(n)).sort()).toEqual(
      [
        "Phù hợp quy định của Thủ tướng Chính phủ tại Quyết định số 45/2018/QĐ-TTg ngày 09/11/2018",
        "Thực hiện liên tục hàng năm",
        "Đảm bảo kết nối với Hệ thống thông tin báo cáo Chính phủ",
      ].sort(),
    );
  });

  it.each(tasks.map((t) => [t.code, t] as const))("%s", (code, task) => {
    if (!span) throw new Error("no plan span");
    const schedule = taskSchedule([task.period_2019_2020, task.period_2021_2025], task.note, span);
    expect(schedule).toEqual(EXPECTED[code]);
  });
});
