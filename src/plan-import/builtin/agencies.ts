// Gia Lai's provincial departments, bodies and district-level people's committees as of 2019, and
// the outside bodies the built-in plan names: every agency the built-in plan refers to. Names match
// through agencyNameKey, so the aliases only need spellings the key does not already unify.

import { agencyNameKey } from "../../domain/agency-name.ts";
import type { AgencyKind } from "../../domain/vocabulary.ts";

export interface BuiltinAgency {
  /** Short stable lowercase ASCII code. */
  code: string;
  name: string;
  kind: AgencyKind;
  aliases: string[];
}

const PROVINCIAL: BuiltinAgency[] = [
  { code: "so-noi-vu", name: "Sở Nội vụ", kind: "department", aliases: ["SNV"] },
  { code: "so-tu-phap", name: "Sở Tư pháp", kind: "department", aliases: [] },
  {
    code: "so-khdt",
    name: "Sở Kế hoạch và Đầu tư",
    kind: "department",
    aliases: ["Sở KH&ĐT", "Sở KHĐT", "SKHĐT", "Sở Kế hoạch - Đầu tư"],
  },
  { code: "so-tai-chinh", name: "Sở Tài chính", kind: "department", aliases: ["STC"] },
  { code: "so-cong-thuong", name: "Sở Công Thương", kind: "department", aliases: ["Sở Công thương"] },
  {
    code: "so-nnptnt",
    name: "Sở Nông nghiệp và Phát triển nông thôn",
    kind: "department",
    aliases: ["Sở NN&PTNT", "Sở NNPTNT", "Sở Nông nghiệp và PTNT"],
  },
  { code: "so-gtvt", name: "Sở Giao thông vận tải", kind: "department", aliases: ["Sở GTVT", "Sở GT-VT"] },
  { code: "so-xay-dung", name: "Sở Xây dựng", kind: "department", aliases: ["SXD"] },
  {
    code: "so-tnmt",
    name: "Sở Tài nguyên và Môi trường",
    kind: "department",
    aliases: ["Sở TN&MT", "Sở TNMT", "STNMT"],
  },
  {
    code: "so-tttt",
    name: "Sở Thông tin và Truyền thông",
    kind: "department",
    aliases: ["Sở TT&TT", "Sở TTTT", "STTTT"],
  },
  {
    code: "so-ldtbxh",
    name: "Sở Lao động - Thương binh và Xã hội",
    kind: "department",
    aliases: ["Sở LĐ-TB&XH", "Sở LĐTBXH", "Sở Lao động, Thương binh và Xã hội"],
  },
  {
    code: "so-vhttdl",
    name: "Sở Văn hóa, Thể thao và Du lịch",
    kind: "department",
    aliases: ["Sở VH-TT&DL", "Sở VHTTDL", "Sở VH,TT&DL"],
  },
  { code: "so-khcn", name: "Sở Khoa học và Công nghệ", kind: "department", aliases: ["Sở KH&CN", "Sở KHCN"] },
  { code: "so-gddt", name: "Sở Giáo dục và Đào tạo", kind: "department", aliases: ["Sở GD&ĐT", "Sở GDĐT"] },
  { code: "so-y-te", name: "Sở Y tế", kind: "department", aliases: ["SYT"] },
  { code: "so-ngoai-vu", name: "Sở Ngoại vụ", kind: "department", aliases: [] },
  { code: "thanh-tra", name: "Thanh tra tỉnh", kind: "sector", aliases: ["Thanh tra tỉnh Gia Lai"] },
  {
    code: "vp-ubnd",
    name: "Văn phòng UBND tỉnh",
    kind: "sector",
    aliases: ["VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "VPUBND tỉnh"],
  },
  { code: "ban-dan-toc", name: "Ban Dân tộc", kind: "sector", aliases: ["Ban Dân tộc tỉnh"] },
  { code: "ca-tinh", name: "Công an tỉnh", kind: "sector", aliases: ["CA tỉnh", "Công an tỉnh Gia Lai"] },
  {
    code: "dai-ptth",
    name: "Đài Phát thanh - Truyền hình tỉnh",
    kind: "sector",
    aliases: ["Đài PT-TH tỉnh", "Đài PTTH tỉnh", "Đài Phát thanh - Truyền hình Gia Lai"],
  },
  {
    code: "bql-kkt",
    name: "Ban Quản lý Khu kinh tế tỉnh",
    kind: "sector",
    aliases: ["BQL Khu kinh tế tỉnh", "BQL KKT tỉnh", "Ban Quản lý Khu kinh tế"],
  },
  {
    code: "bchqs-tinh",
    name: "Bộ Chỉ huy Quân sự tỉnh",
    kind: "sector",
    aliases: ["Bộ CHQS tỉnh", "BCHQS tỉnh"],
  },
  // An enterprise (VNPost), so it is never part of "Các sở, ngành".
  { code: "buu-dien", name: "Bưu điện tỉnh", kind: "other", aliases: ["Bưu điện tỉnh Gia Lai"] },
];

// Bodies outside the administration that the plan names as cooperating. Listed so that importing
// the plan needs no --create-agencies; the codes are those earlier imports gave them.
const OUTSIDE: BuiltinAgency[] = [
  { code: "cac-doanh-nghiep-vien-thong", name: "Các doanh nghiệp Viễn thông", kind: "other", aliases: [] },
  { code: "cac-doan-the", name: "Các đoàn thể", kind: "other", aliases: [] },
  { code: "hiep-hoi-doanh-nghiep", name: "Hiệp hội doanh nghiệp", kind: "other", aliases: [] },
];

/** Gia Lai's district-level units (2019), so a bare name like "Chư Păh" is known as a district. */
const GIA_LAI_DISTRICTS: readonly { unit: "thành phố" | "thị xã" | "huyện"; name: string }[] = [
  { unit: "thành phố", name: "Pleiku" },
  { unit: "thị xã", name: "An Khê" },
  { unit: "thị xã", name: "Ayun Pa" },
  { unit: "huyện", name: "Chư Păh" },
  { unit: "huyện", name: "Chư Prông" },
  { unit: "huyện", name: "Chư Sê" },
  { unit: "huyện", name: "Chư Pưh" },
  { unit: "huyện", name: "Đak Đoa" },
  { unit: "huyện", name: "Đak Pơ" },
  { unit: "huyện", name: "Đức Cơ" },
  { unit: "huyện", name: "Ia Grai" },
  { unit: "huyện", name: "Ia Pa" },
  { unit: "huyện", name: "Kbang" },
  { unit: "huyện", name: "Kông Chro" },
  { unit: "huyện", name: "Krông Pa" },
  { unit: "huyện", name: "Mang Yang" },
  { unit: "huyện", name: "Phú Thiện" },
];

/** The bare district names as name keys, so that "Chư Păh" alone is guessed to be a district. */
export const BUILTIN_DISTRICT_NAME_KEYS: ReadonlySet<string> = new Set(
  GIA_LAI_DISTRICTS.map((district) => agencyNameKey(district.name)),
);

const UNIT_CODE = { "thành phố": "tp", "thị xã": "tx", huyện: "h" } as const;
const UNIT_SHORT = { "thành phố": "TP", "thị xã": "TX", huyện: "H." } as const;
// Spellings seen in documents for the same district.
const DISTRICT_VARIANTS: Record<string, string[]> = {
  "Đak Đoa": ["Đăk Đoa", "Đắk Đoa"],
  "Đak Pơ": ["Đăk Pơ", "Đắk Pơ"],
  Kbang: ["K'Bang"],
  "Ayun Pa": ["AyunPa"],
};

const DISTRICTS: BuiltinAgency[] = GIA_LAI_DISTRICTS.map(({ unit, name }) => {
  const spellings = [name, ...(DISTRICT_VARIANTS[name] ?? [])];
  return {
    code: `${UNIT_CODE[unit]}-${agencyNameKey(name).replace(/ /g, "-")}`,
    name: `UBND ${unit} ${name}`,
    kind: "district",
    aliases: spellings
      .flatMap((spelling) => [
        `UBND ${unit} ${spelling}`,
        `${unit} ${spelling}`,
        `${UNIT_SHORT[unit]} ${spelling}`,
        spelling,
      ])
      .filter((alias) => alias !== `UBND ${unit} ${name}`),
  };
});

export const BUILTIN_AGENCIES: readonly BuiltinAgency[] = [...PROVINCIAL, ...DISTRICTS, ...OUTSIDE];

// Wards and communes of the merged Gia Lai (Gia Lai and Bình Định, from 1/7/2025) that the 2026
// example plan names. Not seeded with the registry above: they are registered when that plan is
// imported, since a province loads its own communes (`agencies import`), and a commune known to the
// registry joins every "Các sở, ngành, địa phương" task from 1/7/2025.
const EXAMPLE_LOCAL_UNIT_NAMES: readonly { unit: "phường" | "xã"; name: string }[] = [
  { unit: "phường", name: "Quy Nhơn" },
  { unit: "phường", name: "Quy Nhơn Nam" },
  { unit: "phường", name: "Pleiku" },
  { unit: "phường", name: "Diên Hồng" },
  { unit: "xã", name: "Biển Hồ" },
  { unit: "xã", name: "Nhơn Châu" },
];

export const EXAMPLE_LOCAL_UNITS: readonly BuiltinAgency[] = EXAMPLE_LOCAL_UNIT_NAMES.map(
  ({ unit, name }) => {
    const title = `${unit === "xã" ? "Xã" : "Phường"} ${name}`;
    return {
      code: `${unit === "xã" ? "xa" : "phuong"}-${agencyNameKey(name).replace(/ /g, "-")}`,
      name: title,
      kind: unit === "xã" ? "commune" : "ward",
      aliases: [`UBND ${unit} ${name}`],
    };
  },
);

const BY_KEY = new Map<string, BuiltinAgency>(
  BUILTIN_AGENCIES.flatMap((agency) =>
    [agency.name, ...agency.aliases].map((spelling) => [agencyNameKey(spelling), agency] as const),
  ),
);

/** The registry entry whose name or alias has the same key as `name`. */
export function findBuiltinAgency(name: string): BuiltinAgency | undefined {
  return BY_KEY.get(agencyNameKey(name));
}
