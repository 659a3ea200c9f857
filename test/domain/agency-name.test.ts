import { describe, expect, it } from "vitest";
import { agencyNameKey, inferAgencyKind } from "../../src/domain/agency-name.ts";

function expectSameKey(spellings: string[]): void {
  const keys = new Set(spellings.map(agencyNameKey));
  expect([...keys], spellings.join(" | ")).toHaveLength(1);
}

describe("agencyNameKey", () => {
  it.each([
    [
      [
        "Sở TT&TT",
        "Sở TTTT",
        "STTTT",
        "Sở Thông tin và Truyền thông",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "Sở Thông tin & Truyền thông",
      ],
    ],
    [["Sở KH&ĐT", "Sở KHĐT", "Sở Kế hoạch và Đầu tư", "Sở Kế hoạch - Đầu tư", "SKHĐT"]],
    [["Sở TN&MT", "Sở TNMT", "Sở Tài nguyên và Môi trường"]],
    [["Sở KH&CN", "Sở KHCN", "Sở Khoa học và Công nghệ"]],
    [["Sở LĐ-TB&XH", "Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"]],
    [["Sở VH-TT&DL", "Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hoá, Thể thao và Du lịch"]],
    [["Sở GD&ĐT", "Sở GDĐT", "Sở Giáo dục và Đào tạo"]],
    [["Sở NN&PTNT", "Sở NNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp & PTNT"]],
    [["Sở GTVT", "Sở Giao thông vận tải", "Sở Giao thông - Vận tải"]],
    [
      [
        "Đài PT-TH tỉnh",
        "Đài PTTH tỉnh",
        "Đài Phát thanh - Truyền hình tỉnh",
        "Đài Phát thanh và Truyền hình tỉnh",
      ],
    ],
    [["UBND tỉnh", "Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh", "ỦY BAN NHÂN DÂN TỈNH"]],
    [["VP UBND tỉnh", "Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "VPUBND tỉnh"]],
    [["CA tỉnh", "Công an tỉnh", "CÔNG AN TỈNH"]],
    [["UBND TP Pleiku", "UBND thành phố Pleiku", "Ủy ban nhân dân TP. Pleiku"]],
    [["TX An Khê", "Thị xã An Khê", "TX. An Khê"]],
    [["H. Chư Păh", "huyện Chư Păh", "Huyện Chư Păh"]],
  ])("gives one key to %j", (spellings) => {
    expectSameKey(spellings);
  });

  it("keeps different agencies apart", () => {
    const names = [
      "Sở Thông tin và Truyền thông",
      "Sở Tài nguyên và Môi trường",
      "Sở Tài chính",
      "Sở Nội vụ",
      "Công an tỉnh",
      "Văn phòng UBND tỉnh",
      "UBND tỉnh",
      "UBND huyện Chư Păh",
      "UBND huyện Chư Prông",
    ];
    expect(new Set(names.map(agencyNameKey)).size).toBe(names.length);
  });

  it("drops punctuation and spacing differences", () => {
    expect(agencyNameKey("  Sở  Nội vụ. ")).toBe("so noi vu");
    expect(agencyNameKey("Sở Y tế;")).toBe(agencyNameKey("Sở Y tế"));
  });
});

// A province's bare district names are data (the built-in plan's registry), passed in as keys.
const GIA_LAI_BARE_NAMES = new Set(["Pleiku", "Chư Păh", "Kbang"].map(agencyNameKey));

describe("inferAgencyKind", () => {
  it.each([
    ["Sở Thông tin và Truyền thông", "department"],
    ["Sở TT&TT", "department"],
    ["STTTT", "department"],
    ["UBND huyện Chư Păh", "district"],
    ["UBND thị xã An Khê", "district"],
    ["UBND thành phố Pleiku", "district"],
    ["UBND TP Pleiku", "district"],
    ["Huyện Ia Grai", "district"],
    ["Pleiku", "district"],
    ["Chư Păh", "district"],
    ["Kbang", "district"],
    ["UBND xã Ia Dêr", "commune"],
    ["UBND phường Hội Thương", "ward"],
    ["UBND thị trấn Chư Sê", "commune"],
    ["Công an tỉnh", "sector"],
    ["CA tỉnh", "sector"],
    ["Văn phòng UBND tỉnh", "sector"],
    ["Đài PT-TH tỉnh", "sector"],
    ["Thanh tra tỉnh", "sector"],
    ["Ban Dân tộc", "sector"],
    ["Ban Quản lý Khu kinh tế tỉnh", "sector"],
    ["Bộ Chỉ huy Quân sự tỉnh", "sector"],
    ["Bưu điện tỉnh", "other"],
    ["Các doanh nghiệp Viễn thông", "other"],
    ["hiệp hội doanh nghiệp", "other"],
    ["các đoàn thể", "other"],
    ["Hội Nông dân tỉnh", "other"],
    ["Công ty Điện lực Gia Lai", "other"],
    ["UBND tỉnh", "other"],
  ] as const)("%s → %s", (name, kind) => {
    expect(inferAgencyKind(name, GIA_LAI_BARE_NAMES)).toBe(kind);
  });

  it("knows a bare district name only from the province's data", () => {
    expect(inferAgencyKind("Chư Păh")).toBe("other");
  });
});
