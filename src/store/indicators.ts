// The plans' indicators (chỉ tiêu) and the figures reported against them (append-only).
import type { Insertable, Selectable, Updateable } from "kysely";
import { writeStatement } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import type { IndicatorsTable, IndicatorValuesTable } from "../db/schema.ts";
import type { IndicatorDefinition } from "../domain/indicator-definition.ts";
import type { ReportedValue } from "../domain/indicator-report.ts";
import type { AgencyKind } from "../domain/vocabulary.ts";
import { assignmentValidAt, liveAssignments, taskReportsIn } from "./assignments.ts";

export type IndicatorRow = Selectable<IndicatorsTable>;

/** A live indicator with its plan, as chat and the report read it. */
export interface StoredIndicator {
  id: number;
  planId: number;
  planCode: string;
  definition: IndicatorDefinition;
}

export function definitionOf(row: IndicatorRow): IndicatorDefinition {
  return {
    number: row.number,
    metric: row.metric,
    text: row.text,
    fromYear: row.from_year,
    toYear: row.to_year,
    level: row.level,
    unit: row.unit,
    target: row.target,
    targetMax: row.target_max,
    deadlineYear: row.deadline_year,
    rule: row.rule,
  };
}

/** Every indicator of a plan, retired ones too (an import matches against them). */
export async function indicatorsOfPlan(db: Db, planId: number): Promise<IndicatorRow[]> {
  return db.selectFrom("indicators").selectAll().where("plan_id", "=", planId).orderBy("number").execute();
}

export async function insertIndicator(db: Db, values: Insertable<IndicatorsTable>): Promise<number> {
  const inserted = await db.insertInto("indicators").values(values).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateIndicator(
  db: Db,
  id: number,
  values: Updateable<IndicatorsTable>,
): Promise<void> {
  await db.updateTable("indicators").set(values).where("id", "=", id).execute();
}

/** Live indicators of every plan, in plan then number order. */
export async function liveIndicators(db: Db): Promise<StoredIndicator[]> {
  const rows = await db
    .selectFrom("indicators")
    .innerJoin("plans", "plans.id", "indicators.plan_id")
    .selectAll("indicators")
    .select("plans.code as plan_code")
    .where("indicators.retired_at", "is", null)
    .orderBy("plans.id")
    .orderBy("indicators.number")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    planCode: row.plan_code,
    definition: definitionOf(row),
  }));
}

/**
 * The agencies with live assignments in each plan in charge at `until`: those expected to report its
 * indicators for a period with that as-of instant (a merged or dissolved agency only before its date),
 * of plans that report in the period.
 */
export async function planAgencies(
  db: Db,
  periodKey: string,
  until: Date,
): Promise<{ planId: number; agencyId: number; name: string; kind: AgencyKind }[]> {
  return liveAssignments(db)
    .where(assignmentValidAt(until))
    .where(taskReportsIn(periodKey, "assignments.task_id"))
    .select([
      "plans.id as planId",
      "agencies.id as agencyId",
      "agencies.name as name",
      "agencies.kind as kind",
    ])
    .distinct()
    .execute();
}

export interface NewIndicatorValue {
  indicatorId: number;
  agencyId: number;
  periodKey: string;
  value: number;
  personId: number | null;
  channel: IndicatorValuesTable["channel"];
  rawText: string;
  sentAt: Date;
  receivedAt: Date;
}

/** Appends a reported figure; a later one for the same indicator, agency and period supersedes it. */
export async function appendIndicatorValue(db: Db, value: NewIndicatorValue): Promise<number> {
  const inserted = await writeStatement(db, () =>
    db
      .insertInto("indicator_values")
      .values({
        indicator_id: value.indicatorId,
        agency_id: value.agencyId,
        period_key: value.periodKey,
        value: value.value,
        person_id: value.personId,
        channel: value.channel,
        raw_text: value.rawText,
        sent_at: value.sentAt.toISOString(),
        received_at: value.receivedAt.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return inserted.id;
}

/** Every figure reported for a period or before it, sent before `until` (the report's instant). */
export async function valuesUpTo(db: Db, periodKey: string, until: Date): Promise<ReportedValue[]> {
  return db
    .selectFrom("indicator_values")
    .select([
      "id",
      "indicator_id as indicatorId",
      "agency_id as agencyId",
      "period_key as periodKey",
      "value",
      "sent_at as sentAt",
    ])
    .where("period_key", "<=", periodKey)
    .where("sent_at", "<", until.toISOString())
    .execute();
}
