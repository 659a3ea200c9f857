import { Command, CommanderError } from "commander";
import { backupCommand, migrateCommand } from "./cli/admin-commands.ts";
import { addAgencyCommand, listAgenciesCommand, renameAgencyCommand } from "./cli/agencies-command.ts";
import { behindCommand } from "./cli/behind-command.ts";
import { calendarCommand } from "./cli/calendar-command.ts";
import { CliError } from "./cli/context.ts";
import { importCommand } from "./cli/import-command.ts";
import { inviteCommand } from "./cli/invite-command.ts";
import { parseCommand } from "./cli/parse-command.ts";
import { reportCommand } from "./cli/report-command.ts";
import { startCommand } from "./cli/start-command.ts";
import { tickCommand } from "./cli/tick-command.ts";
import { LocalizedError } from "./i18n/localized-error.ts";
import { createTranslator } from "./i18n/translator.ts";

function buildProgram(): Command {
  const program = new Command("nhacviec")
    .description("Nhắc Việc: quarterly-report reminders for provincial action plans")
    .exitOverride()
    .showHelpAfterError()
    .enablePositionalOptions();

  program
    .command("start")
    .description("run the bot (console chat when no token is set)")
    .action(startCommand);
  program
    .command("migrate")
    .description("apply pending database migrations")
    .option("--json", "print JSON")
    .action(migrateCommand);
  program
    .command("import")
    .description("load a plan catalogue (.json, .csv, .xlsx) or the built-in Gia Lai plan")
    .argument("[file]", "catalogue file")
    .option("--builtin", "import the built-in Gia Lai plan (Resolution 17/NQ-CP)")
    .option("--plan <code>", "plan code for a CSV/XLSX file (default: from the file name)")
    .option("--title <title>", "plan title for a CSV/XLSX file")
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
    .option("--kind <kind>", "department | sector | district | commune | other (default: from the name)")
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

  program
    .command("invite")
    .description("create a one-time invite code for an agency and role")
    .option("--agency <agency>", "agency code or name (required for officials)")
    .requiredOption("--role <role>", "official | coordinator")
    .option("--json", "print {code, telegram_link, expires_at}")
    .action(inviteCommand);
  program
    .command("behind")
    .description("who is behind for a period (SPEC §5)")
    .option("--at <instant>", "as if the time were this ISO 8601 instant")
    .option("--quarter <period>", "the period, e.g. 2020-Q1 (default: the one containing --at)")
    .option("--json", "print JSON")
    .action(behindCommand);
  program
    .command("parse")
    .description("read status messages from stdin, one a line; print one JSON line each")
    .option("--at <iso>", "reference date for expected dates (default: today in APP_TZ)")
    .action(parseCommand);
  program
    .command("report")
    .description("the quarter's report: every assignment, its latest status, the agencies' summary")
    .requiredOption("--quarter <period>", "the period, e.g. 2020-Q1")
    .requiredOption("--out <file>", "output file: .xlsx, .csv or .json")
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
    .action(backupCommand);
  return program;
}

/** Runs the CLI; returns the process exit code. Errors are one line on stderr. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof LocalizedError) {
      // The locale is read from the environment directly: the configuration itself may be what failed.
      const translator = createTranslator(process.env.LOCALE === "en" ? "en" : "vi");
      process.stderr.write(`nhacviec: ${error.describe(translator)}\n`);
      return error instanceof CliError ? error.exitCode : 1;
    }
    process.stderr.write(
      `nhacviec: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
