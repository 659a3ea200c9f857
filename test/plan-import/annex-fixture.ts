// A small table laid out like the plan's annex, with the defects real files have. The CSV and
// XLSX tests write it in their own format and expect the same catalogue and problems.

import { expect } from "vitest";
import {
  type CatalogueTask,
  type RowProblem,
  rowWarning,
  skippedRow,
} from "../../src/plan-import/catalogue.ts";

const HEADER = [
  "Số TT",
  "Tên nhiệm vụ, đề án",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Thời gian thực hiện, hoàn thành",
  "",
  "Ghi chú",
];
const SUB_HEADER = ["", "", "", "", "2019 - 2020", "2021 - 2025", ""];

/** Row n of the file is ANNEX_ROWS[n - 1]. */
export const ANNEX_ROWS: string[][] = [
  ["DANH MỤC CÁC NHIỆM VỤ CHỦ YẾU XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ GIAI ĐOẠN 2019-2020", "", "", "", "", "", ""],
  ["(Ban hành kèm theo Kế hoạch số /KH-UBND của Ủy ban nhân dân tỉnh)", "", "", "", "", "", ""],
  ["", "", "", "", "", "", ""],
  HEADER, // 4
  SUB_HEADER, // 5
  ["1", "Nhiệm vụ trước mục", "Sở Y tế", "", "2019 - 2020", "", ""], // 6: before any section
  ["I", "Hoàn thiện thể chế", "", "", "", "", ""], // 7
  [
    "1",
    "Xây dựng Quyết định thay thế",
    "Sở Thông tin và Truyền thông",
    "Các sở, ngành, địa phương",
    "Tháng 12/2019",
    "",
    "",
  ],
  [
    "2",
    "Xây dựng, đề xuất chính sách",
    "Sở Thông tin và Truyền thông;",
    "Các sở, ngành,",
    "",
    "",
    "Theo hướng dẫn của",
  ],
  HEADER, // 10: page break
  SUB_HEADER, // 11
  ["", "thu hút nhân lực CNTT", "Sở Nội vụ", "địa phương", "", "", "Chính phủ"], // 12: continues row 9
  ["x", "Hàng có số lạ", "Sở Y tế", "", "", "", ""], // 13
  ["", "phần tiếp của hàng lạ", "", "", "", "", ""], // 14: nothing to continue
  ["3", "", "Sở Y tế", "", "2019 - 2020", "", ""], // 15: no title
  ["4", "Không có chủ trì", "", "Các sở, ngành", "2020", "", ""], // 16: no lead
  ["", "", "", "", "", "", ""], // 17
  ["II", "Nền tảng công nghệ", "", "", "", "", ""], // 18
  [
    "1",
    "Đưa vào sử dụng các Cơ sở dữ liệu quốc gia",
    "Công an tỉnh; Sở Kế hoạch và Đầu tư; ...",
    "Các sở, ngành, địa phương",
    "",
    "2021 - 2025",
    "Khi có hướng dẫn",
  ],
  [
    "2",
    "Tái cấu trúc hạ tầng CNTT",
    "Các sở, ngành\nUBND cấp huyện",
    "Các doanh nghiệp Viễn thông",
    "2019 - 2020",
    "2021 - 2025",
    "",
  ],
  ["2", "Trùng số", "Sở Y tế", "", "", "", ""], // 21: duplicate
  ["VII", "Triển khai Đề án đô thị thông minh", "Theo Đề án được phê duyệt", "", "", "", ""], // 22
  ["VIII", "Mục trống", "", "", "", "", ""], // 23
];

type ExpectedTask = Omit<CatalogueTask, "sectionCode" | "number">;

export const ANNEX_SECTIONS = [
  { code: "I", title: "Hoàn thiện thể chế" },
  { code: "II", title: "Nền tảng công nghệ" },
  { code: "VII", title: "Triển khai Đề án đô thị thông minh" },
  { code: "VIII", title: "Mục trống" },
];

export const ANNEX_TASKS: ExpectedTask[] = [
  {
    code: "I.1",
    title: "Xây dựng Quyết định thay thế",
    lead: ["Sở Thông tin và Truyền thông"],
    cooperating: ["Các sở, ngành, địa phương"],
    timeframes: ["Tháng 12/2019", null],
    note: null,
    synthetic: false,
    sourceRow: 8,
  },
  {
    code: "I.2",
    title: "Xây dựng, đề xuất chính sách thu hút nhân lực CNTT",
    lead: ["Sở Thông tin và Truyền thông", "Sở Nội vụ"],
    cooperating: ["Các sở, ngành, địa phương"],
    timeframes: [null, null],
    note: "Theo hướng dẫn của Chính phủ",
    synthetic: false,
    sourceRow: 9,
  },
  {
    code: "II.1",
    title: "Đưa vào sử dụng các Cơ sở dữ liệu quốc gia",
    lead: ["Công an tỉnh", "Sở Kế hoạch và Đầu tư", "..."],
    cooperating: ["Các sở, ngành, địa phương"],
    timeframes: [null, "2021 - 2025"],
    note: "Khi có hướng dẫn",
    synthetic: false,
    sourceRow: 19,
  },
  {
    code: "II.2",
    title: "Tái cấu trúc hạ tầng CNTT",
    lead: ["Các sở, ngành", "UBND cấp huyện"],
    cooperating: ["Các doanh nghiệp Viễn thông"],
    timeframes: ["2019 - 2020", "2021 - 2025"],
    note: null,
    synthetic: false,
    sourceRow: 20,
  },
  {
    code: "VII.1",
    title: "Triển khai Đề án đô thị thông minh",
    lead: ["Theo Đề án được phê duyệt"],
    cooperating: [],
    timeframes: [null, null],
    note: null,
    synthetic: true,
    sourceRow: 22,
  },
];

/** The problems the annex has, row by row: skipped rows, and section rows kept with a warning. */
export const ANNEX_PROBLEMS: RowProblem[] = [
  skippedRow(6, "import-problem-task-before-section", { number: 1 }),
  skippedRow(13, "import-problem-bad-number", { number: "x" }),
  skippedRow(14, "import-problem-orphan-continuation"),
  skippedRow(15, "import-problem-task-no-title", { task: "I.3" }),
  skippedRow(16, "import-problem-task-no-lead", { task: "I.4" }),
  skippedRow(21, "import-problem-task-again", { task: "II.2", first: 20 }),
  rowWarning(23, "import-problem-section-empty", { section: "VIII" }),
];

export function expectAnnexProblems(problems: RowProblem[]): void {
  expect(problems).toEqual(ANNEX_PROBLEMS);
}
