// The indicators an agency reports, and the figures it reports against them (README: indicators).
import type { Db } from "../db/database.ts";
import { periodContaining, type ReportingPeriod } from "../domain/calendar.ts";
import { appliesInYear, levelApplies } from "../domain/indicator-definition.ts";
import type { AgencyKind } from "../domain/vocabulary.ts";
import { findAgencyById } from "../store/agencies.ts";
import { liveIndicators, type StoredIndicator } from "../store/indicators.ts";
import { loadCalendarRules } from "./calendar-rules.ts";

/** The reporting period a message sent at `at` belongs to. */
export async function periodOfMessage(db: Db, zone: string, at: Date): Promise<ReportingPeriod> {
  return periodContaining(at, await loadCalendarRules(db, zone));
}

export async function agencyKindOf(db: Db, agencyId: number): Promise<AgencyKind | null> {
  return (await findAgencyById(db, agencyId))?.kind ?? null;
}

/** The live indicators in force in `year` that an agency of `kind` reports, in plan and number order. */
export async function indicatorsForAgency(
  db: Db,
  kind: AgencyKind,
  year: number,
): Promise<StoredIndicator[]> {
  return (await liveIndicators(db)).filter(
    ({ definition }) => appliesInYear(definition, year) && levelApplies(definition.level, kind),
  );
}

export type IndicatorLookup =
  | { kind: "found"; indicator: StoredIndicator }
  /** The number exists in force, but for another level of government. */
  | { kind: "other-level"; indicator: StoredIndicator }
  | { kind: "unknown" };

/** "chỉ tiêu 2" for an agency: the number's indicator of its level, in force in `year`. */
export async function findIndicatorFor(
  db: Db,
  number: number,
  kind: AgencyKind,
  year: number,
): Promise<IndicatorLookup> {
  const inForce = (await liveIndicators(db)).filter(
    ({ definition }) => definition.number === number && appliesInYear(definition, year),
  );
  const mine = inForce.find(({ definition }) => levelApplies(definition.level, kind));
  if (mine) return { kind: "found", indicator: mine };
  const other = inForce[0];
  return other ? { kind: "other-level", indicator: other } : { kind: "unknown" };
}

/** A live indicator by id (a /chitieu choice), or null once retired. */
export async function findLiveIndicator(db: Db, id: number): Promise<StoredIndicator | null> {
  return (await liveIndicators(db)).find((indicator) => indicator.id === id) ?? null;
}
