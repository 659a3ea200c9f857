import { type App, createApp, createDelivery, createSchedulerTick, type TickReport } from "../app.ts";
import { printTo } from "../channels/console/console-sender.ts";
import { type Clock, ManualClock, systemClock } from "../clock.ts";
import { databaseProblemOf } from "../db/database-error.ts";
import { dateTimeText } from "../i18n/display.ts";
import { countUnsentOutbox } from "../store/outbox.ts";
import { CliError, parseInstant, printJson, printLines, readConfig } from "./context.ts";

// Exit status of a tick after which some message failed for good (an outage outlived its expiry),
// apart from accounts that blocked the bot, which are the people's choice and exit 0.
const EXIT_UNDELIVERED = 3;

function clockAt(at: string | undefined): Clock {
  return at === undefined ? systemClock : new ManualClock(parseInstant(at));
}

function reportLines(app: App, report: TickReport, channels: string[], pending: number): string[] {
  const { t } = app.translator;
  const { plan, delivery } = report;
  const total = Object.values(plan.planned).reduce((sum, n) => sum + n, 0);
  const period = plan.reminderRound?.period ?? plan.overdueRound?.period ?? "—";
  const at = dateTimeText(new Date(plan.at), app.config.APP_TZ);
  const lines = [t("tick-planned", { at, period, count: total })];
  for (const [kind, count] of Object.entries(plan.planned)) {
    if (count > 0) lines.push(`  ${t("tick-planned-kind", { kind: t(`outbox-kind-${kind}`), count })}`);
  }
  if (plan.unreachable.length > 0) {
    lines.push(
      t("tick-unreachable", {
        agencies: plan.unreachable
          .map((u) => `${u.agency} (${t(`unreachable-reason-${u.reason}`)})`)
          .join("; "),
      }),
    );
  }
  if (channels.length === 0) lines.push(t("tick-no-channel"));
  lines.push(t("tick-delivered", { ...delivery, failed: delivery.failed - delivery.blocked }));
  lines.push(
    ...delivery.failures.map(
      (f) => `  ${t(f.blocked ? "tick-failure-blocked" : "tick-failure", { key: f.key, reason: f.reason })}`,
    ),
  );
  if (delivery.deferred > 0) lines.push(t("tick-deferred", { count: delivery.deferred }));
  if (pending > 0) lines.push(t("tick-pending", { count: pending }));
  return lines;
}

/**
 * `nhacviec tick [--at ISO] [--json]`: plans what is due as if the time were `--at`, then delivers
 * the outbox. Idempotent. Console-channel messages are printed on stderr, keeping stdout for the report.
 */
export async function tickCommand(options: { at?: string; json?: boolean }): Promise<void> {
  const clock = clockAt(options.at);
  const app = await createApp(readConfig(), { clock });
  const delivery = createDelivery(app.config, {
    db: app.database.db,
    clock,
    logger: app.logger,
    console: printTo(process.stderr),
  });
  try {
    const report = await createSchedulerTick(app, delivery)();
    const pending = await countUnsentOutbox(app.database.db);
    if (options.json) printJson({ ...report, pending });
    else
      printLines(
        reportLines(
          app,
          report,
          delivery.channels.filter((c) => c !== "console"),
          pending,
        ),
      );
    const undelivered = report.delivery.failures.filter((failure) => !failure.blocked).length;
    if (undelivered > 0) throw new CliError("tick-undelivered", { count: undelivered }, EXIT_UNDELIVERED);
  } catch (error) {
    throw databaseProblemOf(error, app.database) ?? error;
  } finally {
    delivery.close();
    await app.close();
  }
}
