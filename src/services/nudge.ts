// A coordinator's nudge: remind one agency's officials now, through the outbox, at most once an hour.
import type { Kysely } from "kysely";
import { writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { type WorkToChase, workToChase } from "../domain/behind.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import { outboxKeys } from "../domain/outbox-keys.ts";
import { scheduledAccounts } from "../domain/scheduled-channels.ts";
import type { ChannelName, ScheduledChannel } from "../domain/vocabulary.ts";
import { dateText, periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { lastAuditAt, recordAudit } from "../store/audit.ts";
import { enqueueOutbox } from "../store/outbox.ts";
import type { NewOutboxMessage } from "../store/outbox-message.ts";
import { reachableOfficialAccounts } from "../store/people.ts";
import { codeList } from "../texts/behind-text.ts";
import { taskLabel } from "../texts/task-label.ts";
import { loadBehind } from "./behind-query.ts";

/** Each official's accounts on the channels they chose (`/kenh`), like scheduled messages. */
function onChosenChannels<
  T extends { personId: number; channel: ChannelName; scheduledChannel: ScheduledChannel },
>(accounts: T[]): T[] {
  const people = new Set(accounts.map((account) => account.personId));
  return [...people].flatMap((personId) => {
    const own = accounts.filter((account) => account.personId === personId);
    return scheduledAccounts(own, own[0]?.scheduledChannel ?? "both");
  });
}

export const NUDGE_INTERVAL_MS = 60 * 60 * 1000;
const NUDGE_ACTION = "nudge";

export interface NudgeAgency {
  id: number;
  code: string;
  name: string;
}

export type NudgeResult =
  | { outcome: "sent"; recipients: number; period: ReportingPeriod; missing: string[]; overdue: string[] }
  | { outcome: "too_soon"; lastAt: Date; nextAt: Date }
  | { outcome: "nothing_missing"; period: ReportingPeriod; owed: number }
  | { outcome: "no_officials" };

export interface NudgeRequest {
  agency: NudgeAgency;
  coordinator: { personId: number; name: string };
  now: Date;
  zone: string;
  translator: Translator;
  /** The period of the list the nudge came from ("2020-Q2"); the current one when undefined. */
  quarter?: string;
}

function lastNudgeAt(db: Db, agencyCode: string): Promise<Date | null> {
  return lastAuditAt(db, NUDGE_ACTION, agencyCode);
}

function tooSoon(lastAt: Date): NudgeResult {
  return { outcome: "too_soon", lastAt, nextAt: new Date(lastAt.getTime() + NUDGE_INTERVAL_MS) };
}

type Chased = WorkToChase["all"][number];

/**
 * A task as the agency's officials read it: "CDS2026 II.2" when the agency has work in several plans
 * (README: several plans at once), else "II.2", as their own lists show it.
 */
function chasedLabel(translator: Translator, snapshots: readonly Chased[]): (task: Chased) => string {
  const several = new Set(snapshots.map((snapshot) => snapshot.plan)).size > 1;
  return (task) => taskLabel(translator.t, task.taskCode, several ? task.plan : null);
}

function nudgeText(
  request: NudgeRequest,
  period: ReportingPeriod,
  work: WorkToChase,
  label: (task: Chased) => string,
): string {
  const { t } = request.translator;
  const codes = (list: WorkToChase["missing"]) => codeList(list.map(label), 12);
  const who = { coordinator: request.coordinator.name, agency: request.agency.name };
  const lines =
    work.missing.length > 0
      ? [
          t("nudge-message", {
            ...who,
            period: periodName(request.translator, period),
            due: dateText(period.dueDateLocal),
            count: work.missing.length,
            codes: codes(work.missing),
          }),
        ]
      : [t("nudge-message-overdue-only", { ...who, count: work.overdue.length, codes: codes(work.overdue) })];
  if (work.missing.length > 0 && work.overdue.length > 0) {
    lines.push(t("nudge-message-overdue", { count: work.overdue.length, codes: codes(work.overdue) }));
  }
  const [first] = work.all;
  lines.push(t("nudge-message-reply", { example: first ? label(first) : "" }));
  return lines.join("\n");
}

/**
 * Plans a nudge to every linked official of the agency about what who-is-behind holds against it
 * for the period: the owed updates still missing, and its overdue unfinished tasks (past years'
 * too), in its own transaction. The outbox key carries the hour bucket, so two coordinators pressing at once plan one nudge;
 * the audit log gives the "once an hour" answer its time. Throws PeriodError for a bad quarter.
 */
export async function nudgeAgency(db: Kysely<Database>, request: NudgeRequest): Promise<NudgeResult> {
  const { agency, now, zone } = request;
  const last = await lastNudgeAt(db, agency.code);
  if (last && now.getTime() - last.getTime() < NUDGE_INTERVAL_MS) return tooSoon(last);
  const { period, snapshots } = await loadBehind(db, {
    at: now,
    quarter: request.quarter,
    zone,
    staleAfterDays: Number.MAX_SAFE_INTEGER,
    agencyId: agency.id,
  });
  const work = workToChase(snapshots, period, now, zone);
  if (work.all.length === 0) {
    return { outcome: "nothing_missing", period, owed: work.owedCount };
  }
  const accounts = onChosenChannels(await reachableOfficialAccounts(db, agency.id));
  if (accounts.length === 0) return { outcome: "no_officials" };
  const label = chasedLabel(request.translator, snapshots);
  const text = nudgeText(request, period, work, label);
  const missing = work.missing.map(label);
  const overdue = work.overdue.map(label);
  const messages: NewOutboxMessage[] = accounts.map((account) => ({
    key: outboxKeys.nudge(agency.id, now, account.accountId),
    kind: "nudge",
    personId: account.personId,
    accountId: account.accountId,
    channel: account.channel,
    chatId: account.chatId,
    payload: { text },
    assignmentIds: work.all.map((snapshot) => snapshot.assignmentId),
    periodKey: period.key,
    notBefore: now,
  }));
  return writeTransaction(db, async (trx) => {
    const inserted = await enqueueOutbox(trx, messages, now);
    if (inserted === 0) return tooSoon((await lastNudgeAt(trx, agency.code)) ?? now);
    await recordAudit(
      trx,
      {
        actor: `person:${request.coordinator.personId}`,
        action: NUDGE_ACTION,
        subject: agency.code,
        details: { agencyId: agency.id, period: period.key, recipients: inserted, missing, overdue },
      },
      now,
    );
    return { outcome: "sent", recipients: inserted, period, missing, overdue };
  });
}
