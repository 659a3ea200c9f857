// Rows grouped under a heading per agency, the agencies in the appendix's order, so that the task
// sheets follow the per-agency table. The items are made as the writer asks for them.
import type { PrintItem } from "./xlsx-printable.ts";

export function* groupedByAgency<Row extends { agencyName: string }>(
  rows: readonly Row[],
  agencyOrder: readonly string[],
  heading: (agency: string, count: number) => string,
): Generator<PrintItem<Row>> {
  const groups = new Map<string, Row[]>(agencyOrder.map((agency) => [agency, []]));
  for (const row of rows) {
    const group = groups.get(row.agencyName);
    if (group) group.push(row);
    else groups.set(row.agencyName, [row]);
  }
  for (const [agency, members] of groups) {
    if (members.length === 0) continue;
    yield { group: heading(agency, members.length) };
    for (const row of members) yield { row };
  }
}
