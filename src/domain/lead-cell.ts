// Reads the lead (chủ trì) and cooperating (phối hợp) cells of a plan's task table. The cells mix
// named agencies, collective names standing for groups of agencies, and plain remarks.

import { agencyNameKey } from "./agency-name.ts";
import { foldText } from "./vietnamese.ts";
import type { AgencyGroup, AgencyKind } from "./vocabulary.ts";

export type CellRef =
  | { kind: "agency"; name: string }
  | { kind: "group"; group: AgencyGroup }
  | { kind: "note"; text: string };

/** Which registered agency kinds a collective name expands to (before the two-level province). */
export const GROUP_KINDS: Record<AgencyGroup, AgencyKind[]> = {
  departments_sectors_localities: ["department", "sector", "district"],
  departments_sectors: ["department", "sector"],
  districts: ["district"],
  communes: ["commune", "ward"],
};

/** The first instant of the two-level province (1/7/2025): districts gone, communes and wards report to it. */
export const TWO_LEVEL_FROM = new Date("2025-07-01T00:00:00+07:00");

/**
 * The kinds a collective name stands for at an instant, each with when its members started to lead
 * under it (null: always): from 1/7/2025 "địa phương" means the communes and wards, not the districts.
 */
export function groupMembersAt(group: AgencyGroup, at: Date): { kind: AgencyKind; from: Date | null }[] {
  const twoLevel = at.getTime() >= TWO_LEVEL_FROM.getTime();
  if (group === "departments_sectors_localities" && twoLevel) {
    return [
      { kind: "department", from: null },
      { kind: "sector", from: null },
      { kind: "commune", from: TWO_LEVEL_FROM },
      { kind: "ward", from: TWO_LEVEL_FROM },
    ];
  }
  return GROUP_KINDS[group].map((kind) => ({ kind, from: null }));
}

/** Splits a raw cell on ';' and line breaks, dropping list bullets and trailing separators. */
export function splitAgencyCell(text: string): string[] {
  return text
    .normalize("NFC")
    .split(/[;\r\n]+/)
    .map(cleanItem)
    .filter((item) => item !== "");
}

function cleanItem(item: string): string {
  const trimmed = item.replace(/\s+/g, " ").trim();
  // A bare "..." means "and others"; keep it so readAgencyCell can recognise and drop it.
  if (/^[.…]+$/.test(trimmed)) return "...";
  return trimmed
    .replace(/^[-+•*–]\s*/, "")
    .replace(/[\s,.;:]+$/, "")
    .trim();
}

// Remarks about when or how, not who: "Theo Đề án được phê duyệt", "Khi có hướng dẫn ...".
const NOTE_START = /^(theo|khi|sau khi|tuy theo|can cu|tren co so|duoc|neu|phu hop)\b/;

// Words of a collective name ("Các sở, ban, ngành, địa phương"), after agencyNameKey.
const DEPARTMENT_WORDS = /\b(so|ban|nganh)\b/;
const LOCALITY_WORDS = /\bdia phuong\b/;
const DISTRICT_WORDS = /\b(cap huyen|cac huyen|huyen thi xa thanh pho|thi xa thanh pho)\b/;
const VAGUE_WORDS = /\b(lien quan|co lien quan)\b/;

/** Groups named by a collective item, [] when the item is not a collective name. */
function collectiveGroups(key: string): AgencyGroup[] | null {
  const collective = /^cac\b/.test(key) || /^uy ban nhan dan (cap huyen|cac huyen)\b/.test(key);
  if (!collective) return null;
  // "ủy ban" is not the "ban" of "sở, ban, ngành".
  const departments = DEPARTMENT_WORDS.test(key.replace(/\buy ban nhan dan\b/g, ""));
  const localities = LOCALITY_WORDS.test(key);
  const districts = DISTRICT_WORDS.test(key);
  if (departments && localities) return ["departments_sectors_localities"];
  const groups: AgencyGroup[] = [];
  if (departments) groups.push("departments_sectors");
  if (districts || localities) groups.push("districts");
  return groups.length > 0 ? groups : null;
}

function classifyPart(part: string): CellRef[] {
  const key = agencyNameKey(part);
  if (key === "") return [];
  if (NOTE_START.test(key)) return [{ kind: "note", text: part }];
  // "các sở, ngành liên quan", "Các cơ quan có liên quan": nobody in particular.
  if (VAGUE_WORDS.test(key) || /^cac (co quan|don vi)\b/.test(key)) return [{ kind: "note", text: part }];
  // "UBND cấp xã", "các xã, phường": the communes and wards of the two-level province.
  if (/\b(cap xa|cac xa|xa phuong)\b/.test(key)) return [{ kind: "group", group: "communes" }];
  const groups = collectiveGroups(key);
  if (groups !== null) return groups.map((group) => ({ kind: "group", group }));
  if (/^dia phuong$/.test(key)) return [{ kind: "group", group: "districts" }];
  // Anything else names a body, including outside ones ("Các doanh nghiệp Viễn thông",
  // "các đoàn thể"): the importer registers those with kind "other".
  return [{ kind: "agency", name: part }];
}

// "Công an tỉnh và các sở, ngành liên quan": a named agency followed by a collective remainder.
const COLLECTIVE_TAIL = /(?:\s+(?:và|cùng(?: với)?)|\s*,)\s+(?=các\s)/iu;

// "Sở Nội vụ, Sở Tài chính": commas before a capitalised agency head start a new agency. Not
// applied inside collective names, where "Các Sở, Ban, Ngành" is one phrase.
const AGENCY_HEAD_AFTER_COMMA =
  /,\s*(?=(?:Sở|Ban|Văn phòng|VP|Công an|UBND|Ủy ban|Uỷ ban|Đài|Thanh tra|Bộ Chỉ huy|Bưu điện)\s)/u;

function splitParts(item: string): string[] {
  const [head = "", ...tails] = item.split(COLLECTIVE_TAIL);
  const heads = /^các\s/iu.test(head) ? [head] : head.split(AGENCY_HEAD_AFTER_COMMA);
  return [...heads, ...tails].map(cleanItem).filter((part) => part !== "");
}

function refIdentity(ref: CellRef): string {
  switch (ref.kind) {
    case "agency":
      return `agency:${agencyNameKey(ref.name)}`;
    case "group":
      return `group:${ref.group}`;
    case "note":
      return `note:${foldText(ref.text)}`;
  }
}

/**
 * Classifies the items of one cell (already split on ';'). "..." is dropped; duplicates (by
 * agency key, group or note text) are dropped, keeping the first.
 */
export function readAgencyCell(items: string[]): CellRef[] {
  const refs: CellRef[] = [];
  const seen = new Set<string>();
  for (const item of items.flatMap(splitAgencyCell)) {
    if (item === "...") continue;
    for (const ref of splitParts(item).flatMap(classifyPart)) {
      const identity = refIdentity(ref);
      if (seen.has(identity)) continue;
      seen.add(identity);
      refs.push(ref);
    }
  }
  return refs;
}
