import { describe, expect, it } from "vitest";
import { type AgencyCandidate, matchAgency } from "../../src/domain/agency-match.ts";
import { agencyNameKey } from "../../src/domain/agency-name.ts";
import { matchCoordinatorQuestion } from "../../src/domain/coordinator-question.ts";

describe("matchCoordinatorQuestion", () => {
  it.each([
    "ai chưa báo cáo?",
    "Ai chua bao cao",
    "đơn vị nào chậm?",
    "don vi nao cham vay",
    "những đơn vị nào chưa nộp báo cáo?",
    "ai còn chậm",
    "tình hình chung",
  ])("reads %s as who is behind", (text) => {
    expect(matchCoordinatorQuestion(text)).toEqual({ kind: "behind" });
  });

  it.each([
    ["nhiệm vụ II.2 thế nào?", "II.2"],
    ["nhiem vu ii.2 the nao", "II.2"],
    ["II-6 ra sao?", "II.6"],
    ["tình hình nhiệm vụ V.3", "V.3"],
    ["tiến độ NV III.4 sao rồi", "III.4"],
  ])("reads %s as a question about task %s", (text, code) => {
    expect(matchCoordinatorQuestion(text)).toEqual({ kind: "task", code });
  });

  it.each([
    ["tình hình Sở Y tế", "so y te"],
    ["tinh hinh so y te?", "so y te"],
    ["Sở TTTT thế nào?", "so tttt"],
    ["CA tỉnh báo cáo chưa?", "ca tinh"],
    ["huyện Chư Păh ra sao", "huyen chu pah"],
  ])("reads %s as a question about an agency", (text, name) => {
    expect(matchCoordinatorQuestion(text)).toEqual({ kind: "agency", name });
  });

  it.each(["II.2 xong", "II.9 đang làm 60%", "V.3 vướng kinh phí", "cảm ơn", "ok", "đã xong rồi ạ", ""])(
    "leaves %s to other handlers",
    (text) => {
      expect(matchCoordinatorQuestion(text)).toBeNull();
    },
  );
});

describe("matchAgency", () => {
  const agencies: AgencyCandidate[] = [
    "Sở Y tế",
    "Sở Thông tin và Truyền thông",
    "Công an tỉnh",
    "Sở Tài chính",
    "Sở Tài nguyên và Môi trường",
    "UBND huyện Chư Păh",
    "UBND huyện Chư Prông",
  ].map((name, index) => ({ id: index + 1, name, keys: [agencyNameKey(name)] }));

  it.each([
    ["so y te", "Sở Y tế"],
    ["Sở TTTT", "Sở Thông tin và Truyền thông"],
    ["CA tỉnh", "Công an tỉnh"],
    ["y tế", "Sở Y tế"],
    ["chu pah", "UBND huyện Chư Păh"],
  ])("finds %s", (text, name) => {
    const match = matchAgency(text, agencies);
    expect(match.outcome === "found" ? match.agency.name : match).toBe(name);
  });

  it("says a name is ambiguous and lists the candidates", () => {
    const match = matchAgency("sở tài", agencies);
    expect(match.outcome).toBe("ambiguous");
    expect(match.outcome === "ambiguous" && match.candidates.map((c) => c.name)).toEqual([
      "Sở Tài chính",
      "Sở Tài nguyên và Môi trường",
    ]);
  });

  it("suggests close names for an unknown one", () => {
    const match = matchAgency("Sở Y tê tỉnh Kon Tum", agencies);
    expect(match.outcome).toBe("unknown");
    expect(match.outcome === "unknown" && match.suggestions[0]?.name).toBe("Sở Y tế");
    expect(matchAgency("xyzzy", agencies)).toEqual({ outcome: "unknown", suggestions: [] });
  });
});
