import { describe, expect, it } from "vitest";
import { agencyNameKey, inferAgencyKind } from "../../src/domain/agency-name.ts";
import { readAgencyCell } from "../../src/domain/lead-cell.ts";
import {
  BUILTIN_AGENCIES,
  BUILTIN_DISTRICT_NAME_KEYS,
  findBuiltinAgency,
} from "../../src/plan-import/builtin/agencies.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";

describe("BUILTIN_AGENCIES", () => {
  it("has unique short lowercase ASCII codes", () => {
    const codes = BUILTIN_AGENCIES.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(codes).toEqual(
      expect.arrayContaining(["so-tttt", "so-noi-vu", "ca-tinh", "vp-ubnd", "tp-pleiku", "h-chu-pah"]),
    );
  });

  it("lists Gia Lai's 17 district-level units, 24 provincial bodies and 3 outside bodies", () => {
    const districts = BUILTIN_AGENCIES.filter((a) => a.kind === "district");
    expect(districts).toHaveLength(17);
    expect(BUILTIN_AGENCIES.filter((a) => a.kind === "department")).toHaveLength(16);
    expect(BUILTIN_AGENCIES).toHaveLength(17 + 24 + 3);
    expect(findBuiltinAgency("Bưu điện tỉnh")?.kind).toBe("other");
    expect(findBuiltinAgency("các đoàn thể")?.kind).toBe("other");
  });

  it("gives every spelling a key of its own agency only", () => {
    const owner = new Map<string, string>();
    for (const agency of BUILTIN_AGENCIES) {
      for (const spelling of [agency.name, ...agency.aliases]) {
        const key = agencyNameKey(spelling);
        expect(owner.get(key) ?? agency.code, `${spelling} (${key})`).toBe(agency.code);
        owner.set(key, agency.code);
      }
    }
  });

  it("agrees with inferAgencyKind on every name", () => {
    for (const agency of BUILTIN_AGENCIES)
      expect(inferAgencyKind(agency.name, BUILTIN_DISTRICT_NAME_KEYS), agency.name).toBe(agency.kind);
  });

  it.each([
    ["Sở TT&TT", "so-tttt"],
    ["STTTT", "so-tttt"],
    ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "so-tttt"],
    ["VP UBND tỉnh", "vp-ubnd"],
    ["Văn phòng Ủy ban nhân dân tỉnh", "vp-ubnd"],
    ["CA tỉnh", "ca-tinh"],
    ["Đài PT-TH tỉnh", "dai-ptth"],
    ["Pleiku", "tp-pleiku"],
    ["TP. Pleiku", "tp-pleiku"],
    ["Ủy ban nhân dân thành phố Pleiku", "tp-pleiku"],
    ["huyện Chư Păh", "h-chu-pah"],
    ["Chư Păh", "h-chu-pah"],
    ["H. Chư Păh", "h-chu-pah"],
    ["Đăk Đoa", "h-dak-doa"],
    ["UBND huyện K'Bang", "h-kbang"],
    ["Thị xã Ayun Pa", "tx-ayun-pa"],
  ])("finds %s as %s", (name, code) => {
    expect(findBuiltinAgency(name)?.code).toBe(code);
  });

  // The built-in import must never need --create-agencies.
  it("resolves every named lead and cooperating agency of the built-in plan", async () => {
    const { catalogue } = await builtinCatalogue();
    const refs = catalogue.tasks.flatMap((task) => readAgencyCell([...task.lead, ...task.cooperating]));
    const named = refs.flatMap((ref) => (ref.kind === "agency" ? [ref.name] : []));
    expect(named.length).toBeGreaterThan(40);
    expect(named).toContain("Các doanh nghiệp Viễn thông");
    for (const name of named) expect(findBuiltinAgency(name), name).toBeDefined();
  });
});
