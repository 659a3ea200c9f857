// Agency names as written in plans vary in case, diacritics and abbreviations ("Sở TT&TT",
// "STTTT", "Sở Thông tin và Truyền thông"); agencyNameKey gives them one comparison key.

import { foldText } from "./vietnamese.ts";
import type { AgencyKind } from "./vocabulary.ts";

// Abbreviations looked up on a whole whitespace chunk with its punctuation removed
// ("tt&tt" → "tttt", "ld-tb&xh" → "ldtbxh") and on single words.
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["tttt", "thong tin truyen thong"],
  ["khdt", "ke hoach dau tu"],
  ["tnmt", "tai nguyen moi truong"],
  ["khcn", "khoa hoc cong nghe"],
  ["ldtbxh", "lao dong thuong binh xa hoi"],
  ["vhttdl", "van hoa the thao du lich"],
  ["gddt", "giao duc dao tao"],
  ["nnptnt", "nong nghiep phat trien nong thon"],
  ["ptnt", "phat trien nong thon"],
  ["gtvt", "giao thong van tai"],
  ["ptth", "phat thanh truyen hinh"],
  ["ubnd", "uy ban nhan dan"],
  ["hdnd", "hoi dong nhan dan"],
  ["vpubnd", "van phong uy ban nhan dan"],
  ["vp", "van phong"],
  ["tp", "thanh pho"],
  ["tx", "thi xa"],
  ["bql", "ban quan ly"],
  ["kkt", "khu kinh te"],
  ["bchqs", "bo chi huy quan su"],
  ["cntt", "cong nghe thong tin"],
]);

// "S" + a department abbreviation ("STTTT", "SKHĐT") or a short department code.
const DEPARTMENT_CODES: ReadonlyMap<string, string> = new Map([
  ["snv", "so noi vu"],
  ["stc", "so tai chinh"],
  ["syt", "so y te"],
  ["sct", "so cong thuong"],
  ["sxd", "so xay dung"],
]);
const DEPARTMENT_ABBREVIATIONS = [
  "tttt",
  "khdt",
  "tnmt",
  "khcn",
  "ldtbxh",
  "vhttdl",
  "gddt",
  "nnptnt",
  "gtvt",
];

function expandChunk(chunk: string): string[] {
  const compact = chunk.replace(/[^a-z0-9]/g, "");
  if (compact === "") return [];
  const whole = ABBREVIATIONS.get(compact) ?? DEPARTMENT_CODES.get(compact);
  if (whole !== undefined) return whole.split(" ");
  if (compact.startsWith("s") && DEPARTMENT_ABBREVIATIONS.includes(compact.slice(1))) {
    return ["so", ...(ABBREVIATIONS.get(compact.slice(1)) ?? "").split(" ")];
  }
  return chunk
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "")
    .flatMap((word) => (ABBREVIATIONS.get(word) ?? word).split(" "));
}

/**
 * Comparison key for an agency name: folded, punctuation dropped, abbreviations expanded and
 * the connective "và" dropped (so "Kế hoạch - Đầu tư" meets "Kế hoạch và Đầu tư").
 */
export function agencyNameKey(name: string): string {
  const folded = foldText(name.normalize("NFC"))
    // Apostrophes join syllables ("K'Bang"), so they vanish rather than split.
    .replace(/['’‘`]/g, "");
  const words = folded.split(/\s+/).flatMap(expandChunk);
  const out: string[] = [];
  words.forEach((word, index) => {
    const hasNext = index < words.length - 1;
    // "CA tỉnh" / "H. Chư Păh": expand only where the short form cannot be an ordinary word.
    if (word === "ca" && index === 0 && hasNext) out.push("cong", "an");
    else if (word === "h" && hasNext) out.push("huyen");
    else if (word !== "va") out.push(word);
  });
  return out.join(" ");
}

// Matched against the key, in order; the first hit wins.
const KIND_RULES: readonly [RegExp, AgencyKind][] = [
  [/^so\b/, "department"],
  [/^(uy ban nhan dan )?(xa|thi tran)\b/, "commune"],
  [/^(uy ban nhan dan )?phuong\b/, "ward"],
  [/^(uy ban nhan dan )?(huyen|thi xa|thanh pho)\b/, "district"],
  // The provincial People's Committee issues the plan; it is not one of the reporting units.
  [/^uy ban nhan dan tinh\b/, "other"],
  [/\b(buu dien|doanh nghiep|cong ty|tap doan|hiep hoi|doan the|mat tran|tinh doan|vien thong)\b/, "other"],
  [/^hoi\b/, "other"],
  [
    /^(cong an|van phong|dai phat thanh|thanh tra|ban|bo chi huy|cuc|kho bac|bao hiem xa hoi|ngan hang nha nuoc)\b/,
    "sector",
  ],
];

/**
 * Best guess of an agency's kind from its name alone (registries may say otherwise). A province's
 * bare district names ("Chư Păh") are data, passed as name keys (agencyNameKey).
 */
export function inferAgencyKind(name: string, districtNameKeys: ReadonlySet<string> = new Set()): AgencyKind {
  const key = agencyNameKey(name);
  if (districtNameKeys.has(key)) return "district";
  for (const [pattern, kind] of KIND_RULES) {
    if (pattern.test(key)) return kind;
  }
  return "other";
}
