import type { Kysely } from "kysely";

// Several plans run at once (README: several plans). Each gets a short code an official can type
// ("CDS2026 II.2 xong") and that lists show beside a task, unique across plans; and a plan can be
// closed: closed_at is when, and its assignments' windows end then (their history stays reportable).
// Migrations stand alone (no application imports) and are never edited once landed.
// Carried forward: an existing plan's short code is the first part of its code holding both letters
// and digits ("gia-lai-nq17-2019" → "NQ17"), else its code in capitals; a clash takes the plan's id.

type PlansV12 = { plans: { id: number; code: string; short_code: string | null; closed_at: string | null } };

function carriedShortCode(code: string): string {
  const parts = code
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((part) => part !== "");
  const mixed = parts.find((part) => /[A-Z]/.test(part) && /[0-9]/.test(part));
  return (mixed ?? parts.join("")).slice(0, 16) || "PLAN";
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("plans").addColumn("short_code", "text").execute();
  await db.schema.alterTable("plans").addColumn("closed_at", "text").execute();
  const typed = db as Kysely<PlansV12>;
  const plans = await typed.selectFrom("plans").select(["id", "code"]).orderBy("id").execute();
  const taken = new Set<string>();
  for (const plan of plans) {
    const wanted = carriedShortCode(plan.code);
    const shortCode = taken.has(wanted) ? `${wanted}${plan.id}` : wanted;
    taken.add(shortCode);
    await typed.updateTable("plans").set({ short_code: shortCode }).where("id", "=", plan.id).execute();
  }
  await db.schema.createIndex("plans_short_code").on("plans").column("short_code").unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("plans_short_code").execute();
  await db.schema.alterTable("plans").dropColumn("closed_at").execute();
  await db.schema.alterTable("plans").dropColumn("short_code").execute();
}
