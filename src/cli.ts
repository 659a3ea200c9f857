import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import {
  addAgencyCommand,
  backupCommand,
  behindCommand,
  calendarCommand,
  closePlanCommand,
  dissolveAgencyCommand,
  importAgenciesCommand,
  importCommand,
  indicatorsCommand,
  indicatorsImportCommand,
  inviteCommand,
  listAgenciesCommand,
  listPlansCommand,
  mergeAgenciesCommand,
  migrateCommand,
  parseCommand,
  renameAgencyCommand,
  reportCommand,
  startCommand,
  tickCommand,
} from "./cli/commands.ts";
import { errorLine } from "./error-text.ts";
import { LocalizedError } from "./i18n/localized-error.ts";
import { projectRoot } from "./project-root.ts";

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("package.json", projectRoot), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

function buildProgram(): Command {
  const program = new Command("nhacviec")
    .description("Nhắc Việc: quarterly-report reminders for provincial action plans")
    .version(packageVersion(), "-V, --version", "print the version")
    .exitOverride()
    .showHelpAfterError()
    .enablePositionalOptions();

  program
    .command("start")
    .description("run the bot (console chat when no token is set)")
    .option(
      "--at <instant>",
      "console only: run at this simulated instant, advancing in real time (e.g. 2020-03-13T08:00, in APP_TZ)",
    )
    .action(startCommand);
  program
    .command("migrate")
    .description("apply pending database migrations")
    .option("--json", "print JSON")
    .action(migrateCommand);
  program
    .command("import")
    .description("load a plan catalogue (.json, .csv, .xlsx) or a built-in plan")
    .argument("[file]", "catalogue file")
    .option(
      "--builtin [name]",
      "import a built-in plan: the Gia Lai plan (Resolution 17/NQ-CP) by default, CDS2026 (the 2026 example), or all",
    )
    .option("--plan <code>", "plan code for a CSV/XLSX file (default: from the file name)")
    .option(
      "--short-code <code>",
      "the plan's short code, e.g. CDS2026 (default: the file's, or from the code)",
    )
    .option(
      "--first-report <YYYY-Qn>",
      "the plan's first reporting period (default: the file's report_schedule_note, else Q1 of its first year)",
    )
    .option("--title <title>", "plan title for a CSV/XLSX file")
    .option("--dry-run", "show what the import would change, and write nothing")
    .option("--create-agencies", "register agency names the registry does not know (else an error)")
    .option("--json", "print the summary as JSON")
    .action(importCommand);

  const agencies = program
    .command("agencies")
    .description("list agencies with their people; `agencies add` and `agencies rename` edit them")
    .option("--json", "print JSON")
    .enablePositionalOptions()
    .action(listAgenciesCommand);
  agencies
    .command("add")
    .description("register an agency")
    .argument("<name>", 'full name, e.g. "Sở Ngoại vụ"')
    .option(
      "--kind <kind>",
      "department | sector | district | commune | ward | other (default: from the name)",
    )
    .option("--code <code>", "short code (default: from the name)")
    .option("--json", "print JSON")
    .action(addAgencyCommand);
  agencies
    .command("rename")
    .description("rename an agency; the old name stays an alias")
    .argument("<agency>", "code or current name")
    .argument("<new-name>", "the new name")
    .option("--json", "print JSON")
    .action(renameAgencyCommand);
  agencies
    .command("merge")
    .description("merge an agency into another from a date: its open tasks, people and name pass on")
    .argument("<from>", "code or name of the agency merged")
    .argument("<into>", "code or name of the agency it joins")
    .requiredOption("--on <date>", "the day it takes effect, YYYY-MM-DD (not in the future)")
    .option("--dry-run", "show what would move, write nothing")
    .option("--json", "print JSON")
    .action(mergeAgenciesCommand);
  agencies
    .command("dissolve")
    .description("dissolve an agency from a date; its open tasks pass to each --to agency, or need an owner")
    .argument("<agency>", "code or name")
    .requiredOption("--on <date>", "the day it takes effect, YYYY-MM-DD (not in the future)")
    .option("--to <agency...>", "agencies taking its open tasks (communes, or a department)")
    .option("--dry-run", "show what would move, write nothing")
    .option("--json", "print JSON")
    .action(dissolveAgencyCommand);
  agencies
    .command("import")
    .description("load a list of communes and wards: columns Tên, Loại (xã/phường), Mã")
    .argument("<file>", ".csv file")
    .option("--json", "print JSON")
    .action(importAgenciesCommand);

  const plans = program
    .command("plans")
    .description("list the plans with their span, status and counts; `plans close` stops one")
    .option("--at <instant>", "as if the time were this ISO 8601 instant (which plans have ended)")
    .option("--json", "print JSON")
    .enablePositionalOptions()
    .action(listPlansCommand);
  plans
    .command("close")
    .description("close a plan: no more reminders from now; its history stays reportable")
    .argument("<plan>", "short code (NQ17, any case) or full code")
    .option("--at <instant>", "close as of this past ISO 8601 instant (default: now)")
    .option("--dry-run", "show what would close, write nothing")
    .option("--json", "print JSON")
    .action(closePlanCommand);

  program
    .command("invite")
    .description("create one-time invite codes for an agency and role, or for every lead agency")
    .option("--agency <agency>", "agency code or name (required for officials)")
    .option("--role <role>", "official | coordinator", "official")
    .option("--count <n>", "this many invites (per agency with --all)")
    .option("--all", "an invite for every agency that leads at least one task")
    .option("--out <file>", "write the invites to a .csv or .xlsx file")
    .option("--force", "overwrite an existing --out file")
    .option("--json", "print {code, telegram_link, expires_at}; an array with --count or --all")
    .action(inviteCommand);
  program
    .command("behind")
    .description("who is behind for a period: not reported, blocked, overdue, stale (README: Coordinators)")
    .option("--at <instant>", "as if the time were this ISO 8601 instant")
    .option("--quarter <period>", "the period, e.g. 2020-Q1 (default: the one containing --at)")
    .option(
      "--plan <code>",
      "only this plan's tasks: its short code (CDS2026) or full code (default: every plan)",
    )
    .option("--json", "print JSON")
    .action(behindCommand);
  const indicators = program
    .command("indicators")
    .description("the plan's indicators (chỉ tiêu) for a period: figures, targets met, who has not reported")
    .option("--quarter <period>", "the period, e.g. 2020-Q3 (default: the one containing --at)")
    .option("--at <instant>", "as if the time were this ISO 8601 instant")
    .option("--json", "print JSON")
    .enablePositionalOptions()
    .action(indicatorsCommand);
  indicators
    .command("import")
    .description(
      "load a plan's targets from .json, .csv or .xlsx (columns: STT, Chỉ tiêu, Giai đoạn, Mục tiêu (%), Cấp, Cách tính)",
    )
    .argument("<file>", "targets file")
    .requiredOption("--plan <code>", "the plan's code, e.g. gia-lai-nq17-2019")
    .option("--dry-run", "show what the import would change, and write nothing")
    .option("--json", "print the summary as JSON")
    .action(indicatorsImportCommand);
  program
    .command("parse")
    .description("read status messages from stdin, one a line; print one JSON line each")
    .option("--at <iso>", "reference date for expected dates (default: today in APP_TZ)")
    .action(parseCommand);
  program
    .command("report")
    .description("the quarter's report: every assignment, its latest status, the agencies' summary")
    .requiredOption("--quarter <period>", "the period, e.g. 2020-Q1")
    .requiredOption(
      "--out <file>",
      "output file: .docx (the written report), .xlsx, .csv, .json, or .png (the chart)",
    )
    .option(
      "--plan <code>",
      "only this plan's tasks: its short code (CDS2026) or full code (default: every plan)",
    )
    .option("--at <instant>", "as if the time were this ISO 8601 instant (days late count to it)")
    .action(reportCommand);
  program
    .command("tick")
    .description("run the scheduler once: plan due reminders and deliver the outbox (idempotent)")
    .option("--at <instant>", "as if the time were this ISO 8601 instant")
    .option("--json", "print JSON")
    .action(tickCommand);
  program
    .command("calendar")
    .description("the report periods of a year: due dates, data windows, reminder times")
    .option("--year <year>", "the year (default: this year in APP_TZ)")
    .option("--json", "print JSON")
    .action(calendarCommand);
  program
    .command("backup")
    .description("a consistent copy of the SQLite database, safe while the bot runs")
    .argument("<file>", "target file")
    .option("--force", "overwrite an existing target file")
    .action(backupCommand);
  return program;
}

/** Runs the CLI; returns the process exit code. Errors are one line on stderr, never a stack. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    // The locale is read from the environment directly: the configuration itself may be what failed.
    // Loaded only on errors, so --help stays light.
    const { createTranslator } = await import("./i18n/translator.ts");
    const translator = createTranslator(process.env.LOCALE === "en" ? "en" : "vi");
    const known = error instanceof LocalizedError;
    const line = known
      ? error.describe(translator)
      : translator.t("cli-unexpected-error", { problem: errorLine(error) });
    process.stderr.write(`nhacviec: ${line}\n`);
    // The stack is for whoever debugs, on request (LOG_LEVEL=debug or trace).
    if (!known && /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? "") && error instanceof Error) {
      process.stderr.write(`${error.stack}\n`);
    }
    return known ? error.exitCode : 1;
  }
}
