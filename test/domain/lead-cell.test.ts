import { describe, expect, it } from "vitest";
import { type CellRef, GROUP_KINDS, readAgencyCell, splitAgencyCell } from "../../src/domain/lead-cell.ts";
import { findBuiltinAgency } from "../../src/plan-import/builtin/agencies.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";

const agency = (name: string): CellRef => ({ kind: "agency", name });
const note = (text: string): CellRef => ({ kind: "note", text });
const ALL: CellRef = { kind: "group", group: "departments_sectors_localities" };
const DEPTS: CellRef = { kind: "group", group: "departments_sectors" };
const DISTRICTS: CellRef = { kind: "group", group: "districts" };

describe("splitAgencyCell", () => {
  it("splits on ';' and line breaks, trimming bullets and trailing separators", () => {
    expect(
      splitAgencyCell("Công an tỉnh; Sở Kế hoạch và Đầu tư;\n- Sở Tài nguyên và Môi trường.; ..."),
    ).toEqual(["Công an tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "..."]);
    expect(splitAgencyCell("Sở A\r\n+ Sở B")).toEqual(["Sở A", "Sở B"]);
    expect(splitAgencyCell("  ")).toEqual([]);
    expect(splitAgencyCell("Các sở, ngành, địa phương")).toEqual(["Các sở, ngành, địa phương"]);
  });
});

describe("readAgencyCell", () => {
  it.each<[string[], CellRef[]]>([
    [["Sở Thông tin và Truyền thông"], [agency("Sở Thông tin và Truyền thông")]],
    [["Các sở, ngành, địa phương"], [ALL]],
    [["Các Sở, ngành, địa phương"], [ALL]],
    [["Các sở, ban, ngành, địa phương"], [ALL]],
    [["Các sở, ngành"], [DEPTS]],
    [["UBND cấp huyện"], [DISTRICTS]],
    [["UBND các huyện, thị xã, thành phố"], [DISTRICTS]],
    [["Ủy ban nhân dân các huyện, thị xã, thành phố"], [DISTRICTS]],
    [
      ["Các sở, ngành", "UBND cấp huyện"],
      [DEPTS, DISTRICTS],
    ],
    [["Các sở, ngành, UBND cấp huyện"], [DEPTS, DISTRICTS]],
    [["Công an tỉnh và các sở, ngành liên quan"], [agency("Công an tỉnh"), note("các sở, ngành liên quan")]],
    [["Các cơ quan có liên quan"], [note("Các cơ quan có liên quan")]],
    [["Các cơ quan liên quan"], [note("Các cơ quan liên quan")]],
    [["Theo Đề án được phê duyệt"], [note("Theo Đề án được phê duyệt")]],
    [["Khi có hướng dẫn của Bộ"], [note("Khi có hướng dẫn của Bộ")]],
    [
      ["Công an tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "..."],
      [agency("Công an tỉnh"), agency("Sở Kế hoạch và Đầu tư"), agency("Sở Tài nguyên và Môi trường")],
    ],
    [["…"], []],
    [["Các doanh nghiệp Viễn thông"], [agency("Các doanh nghiệp Viễn thông")]],
    [
      ["Bưu điện tỉnh", "các đoàn thể", "hiệp hội doanh nghiệp"],
      [agency("Bưu điện tỉnh"), agency("các đoàn thể"), agency("hiệp hội doanh nghiệp")],
    ],
    // Items that still hold a raw ';' list are split again.
    [["Sở TT&TT; Các sở, ngành, địa phương"], [agency("Sở TT&TT"), ALL]],
    // Comma-joined named agencies.
    [["Sở Nội vụ, Sở Tài chính"], [agency("Sở Nội vụ"), agency("Sở Tài chính")]],
    [["Sở Văn hóa, Thể thao và Du lịch"], [agency("Sở Văn hóa, Thể thao và Du lịch")]],
  ])("%j", (items, expected) => {
    expect(readAgencyCell(items)).toEqual(expected);
  });

  it("deduplicates spellings of one agency and repeated groups", () => {
    expect(
      readAgencyCell(["Sở TT&TT", "Sở Thông tin và Truyền thông", "Các sở, ngành", "Các Sở, ngành"]),
    ).toEqual([agency("Sở TT&TT"), DEPTS]);
  });
});

describe("GROUP_KINDS", () => {
  it("expands groups to agency kinds", () => {
    expect(GROUP_KINDS.departments_sectors_localities).toEqual(["department", "sector", "district"]);
    expect(GROUP_KINDS.departments_sectors).toEqual(["department", "sector"]);
    expect(GROUP_KINDS.districts).toEqual(["district"]);
  });
});

describe("the built-in Gia Lai plan", () => {
  // Agency refs resolve to the registry code (outside bodies are registered with kind "other").
  function describeRef(ref: CellRef): string {
    if (ref.kind === "group") return `group:${ref.group}`;
    if (ref.kind === "note") return `note:${ref.text}`;
    return findBuiltinAgency(ref.name)?.code ?? `unknown:${ref.name}`;
  }

  const expectedLead: Record<string, string[]> = {
    "I.1": ["so-tttt"],
    "I.2": ["so-tttt"],
    "I.3": ["so-tttt"],
    "I.4": ["ca-tinh"],
    "I.5": ["so-tttt", "so-noi-vu"],
    "I.6": ["so-tttt"],
    "II.1": ["so-tttt"],
    "II.2": ["so-tttt"],
    "II.3": ["ca-tinh", "so-khdt", "so-tnmt"],
    "II.4": ["so-tnmt"],
    "II.5": ["so-noi-vu"],
    "II.6": ["group:departments_sectors_localities"],
    "II.7": ["group:departments_sectors", "group:districts"],
    "II.8": ["group:departments_sectors", "group:districts"],
    "II.9": ["so-tttt"],
    "II.10": ["so-tttt"],
    "III.1": ["vp-ubnd"],
    "III.2": ["vp-ubnd"],
    "III.3": ["so-tttt"],
    "III.4": ["so-y-te"],
    "III.5": ["so-tttt"],
    "IV.1": ["so-tttt"],
    "IV.2": ["so-tttt"],
    "IV.3": ["so-tttt"],
    "V.1": ["group:departments_sectors_localities"],
    "V.2": ["so-khcn"],
    "V.3": ["so-tttt"],
    "V.4": ["vp-ubnd", "so-noi-vu"],
    "V.5": ["so-khdt", "so-tai-chinh"],
    "V.6": ["group:departments_sectors", "group:districts"],
    "V.7": ["so-tttt", "dai-ptth", "group:departments_sectors", "group:districts"],
    "V.8": ["so-tttt", "so-noi-vu", "ca-tinh", "note:các sở, ngành liên quan"],
    "VI.1": ["group:departments_sectors_localities"],
    "VII.1": ["note:Theo Đề án được phê duyệt"],
  };

  const all = ["group:departments_sectors_localities"];
  const expectedCooperating: Record<string, string[]> = {
    "I.4": ["so-tttt", ...all],
    "II.6": [],
    "II.8": ["cac-doanh-nghiep-vien-thong"],
    "II.10": ["vp-ubnd", ...all],
    "IV.2": all,
    "V.1": ["note:Các cơ quan có liên quan"],
    "V.6": ["buu-dien", "cac-doan-the", "hiep-hoi-doanh-nghiep"],
    "V.7": ["note:Các cơ quan liên quan"],
    "VI.1": ["so-tttt"],
    "VII.1": [],
  };

  it("classifies every lead and cooperating item as expected", async () => {
    const { catalogue } = await builtinCatalogue();
    expect(catalogue.tasks.map((t) => t.code)).toEqual(Object.keys(expectedLead));
    for (const task of catalogue.tasks) {
      expect(readAgencyCell(task.lead).map(describeRef), `${task.code} lead`).toEqual(
        expectedLead[task.code],
      );
      expect(readAgencyCell(task.cooperating).map(describeRef), `${task.code} cooperating`).toEqual(
        expectedCooperating[task.code] ?? all,
      );
    }
  });

  it("resolves every lead to a registry agency, a group or a note", async () => {
    const { catalogue } = await builtinCatalogue();
    for (const task of catalogue.tasks) {
      const refs = readAgencyCell(task.lead);
      expect(refs.length, task.code).toBeGreaterThan(0);
      for (const ref of refs) {
        if (ref.kind === "agency")
          expect(findBuiltinAgency(ref.name), `${task.code}: ${ref.name}`).toBeDefined();
      }
    }
  });
});
