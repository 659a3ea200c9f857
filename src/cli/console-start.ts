// `npm start` with no token: a chat in this terminal on the demo database, with the built-in plans,
// invite codes for both roles, and a clock that can run in a past quarter (`--at`, `:ngay`).

import { dirname } from "node:path";
import { type App, startReminderScheduler } from "../app.ts";
import { startConsoleChannel } from "../channels/console/console-channel.ts";
import type { SettableClock } from "../clock.ts";
import { planEndedText } from "../conversation/plan-ended.ts";
import { localDateOf } from "../domain/calendar.ts";
import { planSpanText } from "../domain/plan-status.ts";
import { shortTitle } from "../domain/short-title.ts";
import { ROLES } from "../domain/vocabulary.ts";
import { dateTimeText } from "../i18n/display.ts";
import { BUILTIN_PLANS } from "../plan-import/builtin-plans.ts";
import { builtinCatalogue } from "../plan-import/read-catalogue.ts";
import { importBuiltinPlan } from "../services/builtin-plan-import.ts";
import { createInvite } from "../services/linking.ts";
import { endedPlansAt } from "../services/plan-span.ts";
import { agenciesLeadingMost, liveTasksInPlanOrder } from "../store/assignments.ts";
import { listLinkedAccounts } from "../store/people.ts";
import { planSummaries } from "../store/plan-summaries.ts";
import { hasAnyPlan } from "../store/plans.ts";

// The demo official's agency when no plan runs this year: the one leading most NQ17 tasks.
const FALLBACK_DEMO_AGENCY = "so-tttt";

/** Loads every built-in plan (NQ17 with its targets, the 2026 example) and lists them. */
async function loadBuiltinPlans(app: App, now: Date): Promise<string[]> {
  const { t } = app.translator;
  const db = app.database.db;
  for (const plan of BUILTIN_PLANS) {
    await importBuiltinPlan(db, plan, await builtinCatalogue(plan), { actor: "console", now });
  }
  const plans = await planSummaries(db);
  return [
    t("console-plans-loaded", { count: plans.length }),
    ...plans.map(
      (plan) =>
        `  ${t("console-plan-loaded", {
          plan: plan.shortCode,
          title: shortTitle(plan.title, 70),
          span: planSpanText(plan),
          tasks: plan.liveTasks,
        })}`,
    ),
  ];
}

/** The agency whose official tries the console: the one leading most of this year's tasks. */
async function demoAgency(app: App, year: number): Promise<string> {
  const tasks = await liveTasksInPlanOrder(app.database.db);
  const ofYear = tasks.filter((task) => task.activeYears.includes(year)).map((task) => task.id);
  const [busiest] = await agenciesLeadingMost(app.database.db, ofYear);
  return busiest?.code ?? FALLBACK_DEMO_AGENCY;
}

interface ConsoleStart {
  lines: string[];
  /** Who types first: the person linked on an earlier start, if any. */
  initialUser: string;
}

/**
 * What the console needs to be tried: the built-in plans on first run, and an invite for each role
 * nobody has linked yet in the console (fresh each start, so lost or expired codes are no dead end).
 * Later starts name the people already linked and how to make more invites.
 */
async function prepareConsole(app: App): Promise<ConsoleStart> {
  const { t } = app.translator;
  const db = app.database.db;
  const now = app.clock.now();
  const lines = (await hasAnyPlan(db)) ? [] : await loadBuiltinPlans(app, now);
  const year = Number(localDateOf(now, app.config.APP_TZ).slice(0, 4));
  const agency = await demoAgency(app, year);
  const linked = await listLinkedAccounts(db, "console");
  const missingRoles = ROLES.filter((role) => !linked.some((person) => person.role === role));
  if (missingRoles.length > 0) lines.push(t("console-demo-invites"));
  for (const role of missingRoles) {
    const invite = await createInvite(
      db,
      {
        agency: role === "official" ? agency : null,
        role,
        createdBy: "console",
        ttlDays: app.config.INVITE_TTL_DAYS,
      },
      now,
    );
    lines.push(
      `  ${t(`console-demo-invite-${role}`, { agency: invite.agencyName ?? agency, code: invite.code })}`,
    );
  }
  if (linked.length > 0) {
    const users = linked.map((person) =>
      t("console-linked-user", { user: person.chatId, role: person.role, agency: person.agencyName ?? "" }),
    );
    lines.push(t("console-linked-users", { users: users.join(", ") }));
    lines.push(t("console-invite-hint", { agency }));
  }
  const ended = await endedPlansAt(db, now, app.config.APP_TZ);
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
