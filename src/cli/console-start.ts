// `npm start` with no token: a chat in this terminal on the demo database, with the built-in plan,
// invite codes for both roles, and a clock that can run in a past quarter (`--at`, `:ngay`).

import { dirname } from "node:path";
import { type App, startReminderScheduler } from "../app.ts";
import { startConsoleChannel } from "../channels/console/console-channel.ts";
import type { SettableClock } from "../clock.ts";
import { planEndedText } from "../conversation/plan-ended.ts";
import { localDateOf } from "../domain/calendar.ts";
import { ROLES } from "../domain/vocabulary.ts";
import { dateTimeText } from "../i18n/display.ts";
import { builtinCatalogue } from "../plan-import/read-catalogue.ts";
import { importBuiltinIndicators } from "../services/indicator-import.ts";
import { createInvite } from "../services/linking.ts";
import { importPlan } from "../services/plan-import.ts";
import { endedPlansBefore } from "../services/plan-span.ts";
import { listLinkedAccounts } from "../store/people.ts";
import { hasAnyPlan } from "../store/plans.ts";

const DEMO_AGENCY = "so-tttt";

interface ConsoleStart {
  lines: string[];
  /** Who types first: the person linked on an earlier start, if any. */
  initialUser: string;
}

/**
 * What the console needs to be tried: the built-in plan on first run, and an invite for each role
 * nobody has linked yet in the console (fresh each start, so lost or expired codes are no dead end).
 * Later starts name the people already linked and how to make more invites.
 */
async function prepareConsole(app: App): Promise<ConsoleStart> {
  const { t } = app.translator;
  const db = app.database.db;
  const now = app.clock.now();
  const lines: string[] = [];
  if (!(await hasAnyPlan(db))) {
    const read = await builtinCatalogue();
    const summary = await importPlan(db, read, { actor: "console", now, source: "builtin" });
    await importBuiltinIndicators(db, now, "console");
    lines.push(t("console-plan-loaded", { plan: summary.planCode, tasks: summary.tasksRead }));
  }
  const linked = await listLinkedAccounts(db, "console");
  const missingRoles = ROLES.filter((role) => !linked.some((person) => person.role === role));
  if (missingRoles.length > 0) lines.push(t("console-demo-invites"));
  for (const role of missingRoles) {
    const invite = await createInvite(
      db,
      {
        agency: role === "official" ? DEMO_AGENCY : null,
        role,
        createdBy: "console",
        ttlDays: app.config.INVITE_TTL_DAYS,
      },
      now,
    );
    lines.push(
      `  ${t(`console-demo-invite-${role}`, { agency: invite.agencyName ?? DEMO_AGENCY, code: invite.code })}`,
    );
  }
  if (linked.length > 0) {
    const users = linked.map((person) =>
      t("console-linked-user", { user: person.chatId, role: person.role, agency: person.agencyName ?? "" }),
    );
    lines.push(t("console-linked-users", { users: users.join(", ") }));
    lines.push(t("console-invite-hint", { agency: DEMO_AGENCY }));
  }
  const year = Number(localDateOf(now, app.config.APP_TZ).slice(0, 4));
  const ended = await endedPlansBefore(db, year);
  if (ended) lines.push(planEndedText(app.translator, ended, year, true));
  lines.push(t("console-usage"));
  const firstLinked = linked.find((person) => person.role === "official") ?? linked[0];
  return { lines, initialUser: firstLinked?.chatId ?? "canbo" };
}

/** Runs the console chat until the person quits; reminders are planned on the console's clock. */
export async function runConsole(app: App, clock: SettableClock, simulated: boolean): Promise<void> {
  const { t } = app.translator;
  const { config } = app;
  const banner = [t("console-banner", { database: app.database.label })];
  if (simulated) banner.push(t("console-simulated-clock", { at: dateTimeText(clock.now(), config.APP_TZ) }));
  const start = await prepareConsole(app);
  process.stdout.write(`${[...banner, ...start.lines].join("\n")}\n`);
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let reminders: ReturnType<typeof startReminderScheduler> | undefined;
  const terminal = startConsoleChannel({
    conversation: app.conversation,
    translator: app.translator,
    clock,
    zone: config.APP_TZ,
    input: process.stdin,
    output: process.stdout,
    documentsFolder: app.database.sqlitePath ? dirname(app.database.sqlitePath) : process.cwd(),
    initialUser: start.initialUser,
    timeOfDay: config.REMINDER_TIME,
    onClockMoved: async () => reminders?.tickNow(),
    ready,
    logger: app.logger,
  });
  reminders = startReminderScheduler(app, { console: terminal.deliver });
  // The start's first run (a reminder due at this instant) prints before the first prompt.
  void reminders.started.then(markReady);
  await terminal.finished;
  await reminders.stop();
}
