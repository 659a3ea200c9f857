import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { App } from "../app.ts";
import type { Db } from "../db/database.ts";
import { type LocalUnitProblem, readLocalUnits } from "../domain/agency-list.ts";
import { closestAgencies } from "../domain/agency-match.ts";
import { instantAtLocal, isValidLocalDate } from "../domain/calendar.ts";
import { AGENCY_KINDS, type AgencyKind, isOneOf } from "../domain/vocabulary.ts";
import { dateText } from "../i18n/display.ts";
import { AgencyError, addAgency, findAgency, renameAgencyTo } from "../services/agency-directory.ts";
import { AgencyImportError, importLocalUnits, type LocalUnitImport } from "../services/agency-import.ts";
import { agencyCandidates } from "../services/agency-lookup.ts";
import {
  type AgencyRef,
  dissolveAgency,
  mergeAgency,
  type Reorganization,
} from "../services/agency-reorganization.ts";
import { type AgencyRow, aliasesOf, listAgencies } from "../store/agencies.ts";
import { listPeople } from "../store/people.ts";
import { CliError, printJson, printLines, problemOf, type Translator, withApp } from "./context.ts";

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

/** An agency named on the command line, or a one-line error with the closest registered names. */
async function agencyArgument(db: Db, text: string): Promise<AgencyRow> {
  const agency = await findAgency(db, text);
  if (agency) return agency;
  const closest = closestAgencies(text, await agencyCandidates(db)).map((candidate) => candidate.name);
  if (closest.length === 0) throw new AgencyError("agency-error-unknown", { agency: text });
  throw new AgencyError("agency-error-unknown-closest", { agency: text, closest: closest.join(", ") });
}

/** `--on YYYY-MM-DD`: the start of that local day, never one still to come (README: mergers). */
function effectiveInstant(command: string, value: string, zone: string, now: Date): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValidLocalDate(value)) {
    throw new CliError("cli-agency-bad-date", { command, value });
  }
  const at = instantAtLocal(value, 0, 0, zone);
  if (at.getTime() > now.getTime())
    throw new CliError("cli-agency-date-ahead", { command, on: dateText(value) });
  return at;
}

function printReorganization(t: Translator["t"], result: Reorganization, on: string): void {
  const names = (agencies: AgencyRef[]) => agencies.map((agency) => agency.name).join(", ");
  const agency = result.agency.name;
  const into = names(result.successors);
  const dryRun = result.dryRun ? "yes" : "no";
  const lines = [
    result.action === "merge"
      ? t("cli-agency-merge-header", { agency, into, on, dryRun })
      : t("cli-agency-dissolve-header", { agency, on, dryRun, to: into === "" ? "none" : into }),
  ];
  const passed = result.passed.filter((task) => task.to.length > 0);
  if (passed.length > 0) {
    lines.push(t("cli-agency-passed", { count: passed.length, agency }));
    lines.push(
      ...passed.map((task) => t("cli-agency-passed-line", { code: task.taskCode, to: names(task.to) })),
    );
  }
  for (const task of result.passed.filter((item) => item.alreadyLedBy.length > 0)) {
    lines.push(t("cli-agency-already-led", { code: task.taskCode, agencies: names(task.alreadyLedBy) }));
  }
  if (result.passed.length === 0 && result.needingOwner.length === 0) {
    lines.push(t("cli-agency-nothing-open", { agency }));
  }
  if (result.keptDone.length > 0) {
    lines.push(
      t("cli-agency-kept-done", { count: result.keptDone.length, agency, codes: result.keptDone.join(", ") }),
    );
  }
  if (result.needingOwner.length > 0) {
    const codes = result.needingOwner.join(", ");
    lines.push(t("cli-agency-needing-owner", { count: result.needingOwner.length, codes }));
  }
  const people = result.people.map((person) => person.name).join(", ");
  if (people !== "") {
    const moved = result.people.some((person) => person.moved);
    lines.push(
      moved
        ? t("cli-agency-people-moved", { into, names: people })
        : t("cli-agency-people-relink", { names: people }),
    );
  }
  if (result.invites.count > 0) {
    const { count, moved } = result.invites;
    lines.push(t(moved ? "cli-agency-invites-moved" : "cli-agency-invites-withdrawn", { count, into }));
  }
  if (result.action === "merge") lines.push(t("cli-agency-alias", { agency, into }));
  printLines(lines);
}

interface ReorganizeOptions {
  on: string;
  dryRun?: boolean;
  json?: boolean;
}

async function runReorganization(
  command: "merge" | "dissolve",
  options: ReorganizeOptions,
  act: (app: App, at: Date) => Promise<Reorganization>,
): Promise<void> {
  await withApp(async (app) => {
    const at = effectiveInstant(command, options.on, app.config.APP_TZ, app.clock.now());
    const result = await act(app, at);
    if (options.json) printJson(result);
    else printReorganization(app.translator.t, result, dateText(options.on));
  });
}

/** `nhacviec agencies merge <from> <into> --on YYYY-MM-DD [--dry-run] [--json]`. */
export async function mergeAgenciesCommand(from: string, into: string, options: ReorganizeOptions) {
  await runReorganization("merge", options, async (app, at) => {
    const db = app.database.db;
    return mergeAgency(db, {
      agency: await agencyArgument(db, from),
      into: await agencyArgument(db, into),
      at,
      dryRun: options.dryRun === true,
      actor: "cli",
      now: app.clock.now(),
      zone: app.config.APP_TZ,
    });
  });
}

/** `nhacviec agencies dissolve <agency> --on YYYY-MM-DD [--to <agency>…] [--dry-run] [--json]`. */
export async function dissolveAgencyCommand(agency: string, options: ReorganizeOptions & { to?: string[] }) {
  await runReorganization("dissolve", options, async (app, at) => {
    const db = app.database.db;
    const successors: AgencyRow[] = [];
    for (const name of options.to ?? []) successors.push(await agencyArgument(db, name));
    return dissolveAgency(db, {
      agency: await agencyArgument(db, agency),
      successors,
      at,
      dryRun: options.dryRun === true,
      actor: "cli",
      now: app.clock.now(),
      zone: app.config.APP_TZ,
    });
  });
}

/** The file's rows, the delimiter (',', ';' or tab) being the one whose header row is widest. */
function csvRows(text: string): string[][] {
  const content = text.replace(/^\uFEFF/, "");
  const parsed = [",", ";", "\t"].map((delimiter) =>
    parse(content, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  ) as string[][][];
  const width = (rows: string[][]) => rows[0]?.length ?? 0;
  return parsed.reduce((best, rows) => (width(rows) > width(best) ? rows : best));
}

/** `nhacviec agencies import communes.csv [--json]`: the province's communes and wards in one go. */
export async function importAgenciesCommand(file: string, options: { json?: boolean }) {
  let rows: string[][];
  try {
    rows = csvRows(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliError("cli-agencies-import-unreadable", { file, problem: problemOf(error) });
  }
  const read = readLocalUnits(rows);
  if (read === null) throw new CliError("cli-agencies-import-no-header", { file });
  await withApp(async (app) => {
    const { t } = app.translator;
    const refuse = (problems: LocalUnitProblem[]) => {
      for (const problem of problems) {
        const text = t(problem.messageId, problem.args);
        process.stderr.write(`${t("cli-agencies-import-row", { file, row: problem.row, problem: text })}\n`);
      }
      return new CliError("cli-agencies-import-refused", { file, count: problems.length });
    };
    if (read.problems.length > 0) throw refuse(read.problems);
    let result: LocalUnitImport;
    try {
      result = await importLocalUnits(app.database.db, read.entries, {
        actor: "cli",
        now: app.clock.now(),
        source: file,
      });
    } catch (error) {
      if (error instanceof AgencyImportError) throw refuse(error.problems);
      throw error;
    }
    if (options.json) printJson(result);
    else printLines([t("cli-agencies-imported", { file, ...result })]);
  });
}
