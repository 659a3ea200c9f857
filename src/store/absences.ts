import { writeStatement } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";

export interface Absence {
  from: string;
  /** Null: the person cancelled it (is back). */
  until: string | null;
}

/** Appends an absence (or, with `until` null, its cancellation); the latest row wins. */
export async function recordAbsence(db: Db, personId: number, absence: Absence, now: Date): Promise<void> {
  await writeStatement(db, () =>
    db
      .insertInto("absences")
      .values({
        person_id: personId,
        from_date: absence.from,
        until_date: absence.until,
        created_at: now.toISOString(),
      })
      .execute(),
  );
}

export async function latestAbsence(db: Db, personId: number): Promise<Absence | null> {
  const row = await db
    .selectFrom("absences")
    .select(["from_date", "until_date"])
    .where("person_id", "=", personId)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? { from: row.from_date, until: row.until_date } : null;
}

/** Everyone's latest absence. */
export async function latestAbsences(db: Db): Promise<Map<number, Absence>> {
  const rows = await db
    .selectFrom("absences as a")
    .select(["a.person_id", "a.from_date", "a.until_date"])
    .where("a.id", "=", (eb) =>
      eb
        .selectFrom("absences as b")
        .select((inner) => inner.fn.max("b.id").as("id"))
        .whereRef("b.person_id", "=", "a.person_id"),
    )
    .execute();
  return new Map(rows.map((row) => [row.person_id, { from: row.from_date, until: row.until_date }]));
}
