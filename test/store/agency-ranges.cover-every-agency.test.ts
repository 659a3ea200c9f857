// Who is behind counts the country a range of agencies at a time (store/behind-counts.ts): the ranges
// follow one another, cover every agency that leads an assignment once, and each holds about `size`
// assignments, but for an agency leading more, which makes a range of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyRanges } from "../../src/store/behind-counts.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp;
let leads: Map<number, number>;

beforeAll(async () => {
  app = await createTestApp();
  const rows = await app.database.db
    .selectFrom("assignments")
    .select(["agency_id", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("agency_id")
    .execute();
  leads = new Map(rows.map((row) => [row.agency_id, Number(row.n)]));
});
afterAll(() => app.dispose());

async function rangesOf(size: number) {
  const ranges = [];
  for await (const range of agencyRanges(app.database.db, size)) ranges.push(range);
  return ranges;
}

const agenciesIn = (range: { fromAgencyId: number; toAgencyId: number | null }) =>
  [...leads.keys()].filter(
    (id) => id >= range.fromAgencyId && (range.toAgencyId === null || id < range.toAgencyId),
  );

describe("agency ranges", () => {
  it.each([1, 7, 50, 10_000])(
    "of about %i assignments cover every lead agency once, in order",
    async (size) => {
      const ranges = await rangesOf(size);
      for (const [index, range] of ranges.entries()) {
        const next = ranges[index + 1];
        if (next)
          expect(next.fromAgencyId).toBeGreaterThanOrEqual(range.toAgencyId ?? Number.POSITIVE_INFINITY);
        const agencies = agenciesIn(range);
        expect(agencies.length).toBeGreaterThan(0);
        const assignments = agencies.reduce((sum, id) => sum + (leads.get(id) ?? 0), 0);
        // Over the size only when one agency leads more than that.
        if (assignments > size) expect(agencies).toHaveLength(1);
      }
      const covered = ranges.flatMap(agenciesIn);
      expect(covered.sort((a, b) => a - b)).toEqual([...leads.keys()].sort((a, b) => a - b));
      if (size === 10_000) expect(ranges).toHaveLength(1);
      if (size === 1) expect(ranges).toHaveLength(leads.size);
    },
  );
});
