import { AGENCY_KINDS, type AgencyKind, isOneOf } from "../domain/vocabulary.ts";
import { addAgency, renameAgencyTo } from "../services/agency-directory.ts";
import { aliasesOf, listAgencies } from "../store/agencies.ts";
import { listPeople } from "../store/people.ts";
import { CliError, printJson, printLines, withApp } from "./context.ts";

export async function listAgenciesCommand(options: { json?: boolean }): Promise<void> {
  await withApp(async (app) => {
    const db = app.database.db;
    const [agencies, people] = await Promise.all([listAgencies(db), listPeople(db)]);
    const rows = [];
    for (const agency of agencies) {
      rows.push({
        code: agency.code,
        name: agency.name,
        kind: agency.kind,
        aliases: await aliasesOf(db, agency.id),
        people: people
          .filter((person) => person.agencyId === agency.id)
          .map(({ name, role, channels }) => ({ name, role, channels })),
      });
    }
    if (options.json) return printJson(rows);
    const { t } = app.translator;
    printLines([
      t("cli-agencies-header", { count: rows.length }),
      ...rows.map((row) => {
        const linked = row.people.map((person) => `${person.name} (${t(`role-${person.role}`)})`).join(", ");
        return `  ${row.code.padEnd(22)} ${t(`kind-${row.kind}`).padEnd(10)} ${row.name}${linked ? ` — ${linked}` : ""}`;
      }),
    ]);
  });
}

function parseKind(kind: string | undefined): AgencyKind | undefined {
  if (kind === undefined) return undefined;
  if (isOneOf(AGENCY_KINDS, kind)) return kind;
  throw new CliError("cli-agency-bad-kind", { kinds: AGENCY_KINDS.join(", "), kind });
}

export async function addAgencyCommand(
  name: string,
  options: { kind?: string; code?: string; json?: boolean },
) {
  const kind = parseKind(options.kind);
  if (options.code !== undefined && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(options.code)) {
    throw new CliError("cli-agency-bad-code", { code: options.code });
  }
  await withApp(async (app) => {
    const agency = await addAgency(
      app.database.db,
      { name, kind, code: options.code },
      "cli",
      app.clock.now(),
    );
    if (options.json) printJson(agency);
    else printLines([app.translator.t("cli-agency-added", { code: agency.code, name: agency.name })]);
  });
}

export async function renameAgencyCommand(agency: string, newName: string, options: { json?: boolean }) {
  await withApp(async (app) => {
    const renamed = await renameAgencyTo(app.database.db, agency, newName, "cli", app.clock.now());
    if (options.json) printJson(renamed);
    else printLines([app.translator.t("cli-agency-renamed", { code: renamed.code, name: renamed.name })]);
  });
}
