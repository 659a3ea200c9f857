// A coordinator's nudge: remind one agency's officials now, through the outbox, at most once an hour.
import type { Db } from "../db/database.ts";
import type { NewOutboxMessage } from "../delivery/outbox-message.ts";
import { enqueueOutbox } from "../delivery/outbox-store.ts";
import { isMissingUpdate } from "../domain/assignment-status.ts";
import { periodContaining, type ReportingPeriod } from "../domain/calendar.ts";
import { dateText, periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { recordAudit } from "../store/audit.ts";
import type { ChannelName } from "../store/people.ts";
import { codeList } from "./behind-text.ts";
import { loadCalendarRules } from "./calendar-rules.ts";
import { loadAssignmentSnapshots } from "./period-snapshot.ts";

export const NUDGE_INTERVAL_MS = 60 * 60 * 1000;
const NUDGE_ACTION = "nudge";

export interface NudgeAgency {
  id: number;
  code: string;
  name: string;
}

export type NudgeResult =
  | { outcome: "sent"; recipients: number; missing: string[] }
  | { outcome: "too_soon"; lastAt: Date; nextAt: Date }
  | { outcome: "nothing_missing"; period: ReportingPeriod }
  | { outcome: "no_officials" };

export interface NudgeRequest {
  agency: NudgeAgency;
  coordinator: { personId: number; name: string };
  now: Date;
  zone: string;
  translator: Translator;
}

async function lastNudgeAt(db: Db, agencyCode: string): Promise<Date | null> {
  const row = await db
    .selectFrom("audit_log")
    .select("at")
    .where("action", "=", NUDGE_ACTION)
    .where("subject", "=", agencyCode)
    .orderBy("at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.at) : null;
}

function tooSoon(lastAt: Date): NudgeResult {
  return { outcome: "too_soon", lastAt, nextAt: new Date(lastAt.getTime() + NUDGE_INTERVAL_MS) };
}

async function officialAccounts(db: Db, agencyId: number) {
  return db
    .selectFrom("people")
    .innerJoin("channel_accounts", "channel_accounts.person_id", "people.id")
    .select([
      "people.id as personId",
      "channel_accounts.id as accountId",
      "channel_accounts.channel",
      "channel_accounts.chat_id as chatId",
    ])
    .where("people.agency_id", "=", agencyId)
    .where("people.role", "=", "official")
    .where("channel_accounts.blocked_at", "is", null)
    .execute();
}

/**
 * Plans a nudge to every linked official of the agency about the open tasks it has not reported in
 * the current period. The outbox key carries the hour bucket, so two coordinators pressing at once
 * plan one nudge; the audit log gives the "once an hour" answer its time.
 */
export async function nudgeAgency(db: Db, request: NudgeRequest): Promise<NudgeResult> {
  const { agency, now, translator } = request;
  const last = await lastNudgeAt(db, agency.code);
  if (last && now.getTime() - last.getTime() < NUDGE_INTERVAL_MS) return tooSoon(last);
  const period = periodContaining(now, await loadCalendarRules(db, request.zone));
  const snapshots = await loadAssignmentSnapshots(db, {
    until: now,
    periodKey: period.key,
    agencyId: agency.id,
  });
  const missing = snapshots.filter((snapshot) => isMissingUpdate(snapshot, period.year));
  if (missing.length === 0) return { outcome: "nothing_missing", period };
  const accounts = await officialAccounts(db, agency.id);
  if (accounts.length === 0) return { outcome: "no_officials" };
  const codes = missing.map((snapshot) => snapshot.taskCode);
  const text = translator.t("nudge-message", {
    coordinator: request.coordinator.name,
    agency: agency.name,
    period: periodName(translator, period),
    due: dateText(period.dueDateLocal),
    count: codes.length,
    codes: codeList(codes, 12),
    example: codes[0] ?? "",
  });
  const hour = now.toISOString().slice(0, 13);
  const messages: NewOutboxMessage[] = accounts.map((account) => ({
    key: `nudge:${agency.id}:${hour}:${account.accountId}`,
    kind: "nudge",
    personId: account.personId,
    accountId: account.accountId,
    channel: account.channel as ChannelName,
    chatId: account.chatId,
    payload: { text },
    assignmentIds: missing.map((snapshot) => snapshot.assignmentId),
    periodKey: period.key,
    notBefore: now,
  }));
  return db.transaction().execute(async (trx) => {
    const inserted = await enqueueOutbox(trx, messages, now);
    if (inserted === 0) return tooSoon((await lastNudgeAt(trx, agency.code)) ?? now);
    await recordAudit(
      trx,
      {
        actor: `person:${request.coordinator.personId}`,
        action: NUDGE_ACTION,
        subject: agency.code,
        details: { agencyId: agency.id, period: period.key, recipients: inserted, missing: codes },
      },
      now,
    );
    return { outcome: "sent", recipients: inserted, missing: codes };
  });
}
