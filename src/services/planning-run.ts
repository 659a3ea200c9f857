// One planner run's reading and writing (README: reminders and delivery). It asks the database who still
// lacks a round's message before anything else, then goes through the agencies a chunk at a time:
// their assignments and officials read, their messages rendered once per agency and written in one
// short transaction per chunk, then the event loop gets a turn (README: never frozen); a country's run
// leaves the write-ahead log's checkpoints to a worker thread meanwhile. Planning is idempotent by
// key, so a run stopped between two chunks is completed by the next tick.
import { writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import type { CheckpointHold } from "../db/wal-checkpoints.ts";
import type { AssignmentFacts } from "../domain/assignment-status.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import { byVietnamese, sortByName } from "../domain/collation.ts";
import { outboxKeys } from "../domain/outbox-keys.ts";
import {
  type AgencyStanding,
  accountsLacking,
  isReachable,
  type LackingChannels,
  type Recipient,
  type RecipientAccount,
  reachableOfficials,
} from "../domain/reminder-plan.ts";
import type { ChannelName, OutboxKind, Role } from "../domain/vocabulary.ts";
import { type Absence, latestAbsences } from "../store/absences.ts";
import { accountsLackingKey, enqueueOutbox, undeliveredPeople } from "../store/outbox.ts";
import type { NewOutboxMessage } from "../store/outbox-message.ts";
import type { OutboxContent } from "../store/outbox-texts.ts";
import {
  agencyFacts,
  type FactsRequest,
  type LeadAgency,
  type LiveTask,
  leadAgencies,
  liveTasks,
} from "../store/planning-snapshots.ts";
import { listRecipients, officialsOfAgencies } from "../store/recipients.ts";
import type { SummaryFacts, UnreachableAgency } from "../texts/reminder-texts.ts";
import { createYieldPoint, type YieldPoint } from "../yield-point.ts";
import { factsAsOf } from "./period-snapshot.ts";
import type { PlannerDeps, PlanReport } from "./reminder-planner.ts";

/**
 * Agencies read and written per chunk: at 100 tasks and 20 officials each, 2,000 assignments and
 * 400 messages, a few milliseconds a statement. Fewer, larger chunks write fewer pages twice.
 */
const AGENCY_CHUNK = 20;
/**
 * A run writing for this many agencies or more (a few megabytes of texts) leaves the log's
 * checkpoints to a worker thread (db/wal-checkpoints.ts); a province's smaller runs commit as usual.
 */
const CHECKPOINTS_OFF_LOOP_FROM = 100;
/** People per statement asking who lacks a round's message: a few milliseconds each. */
const PERSON_PAGE = 2_500;

/** Who still lacks one kind of message of a round, as the outbox's keys say. */
export interface Audience {
  kind: OutboxKind;
  /** The round's key prefix (`roundKeyPrefixes`). */
  prefix: string;
  lacking: LackingChannels;
  /** The agencies of the people lacking it. */
  agencyIds: ReadonlySet<number | null>;
}

/** A person to write to, on the accounts that still lack the round's message. */
export interface Target {
  recipient: Recipient;
  accounts: RecipientAccount[];
}

/** The coordinators who can be told now and still lack the round's message. */
export interface CoordinatorTargets {
  audience: Audience;
  targets: Target[];
}

/** When a round's messages may go out, and until when. */
export interface RoundTiming {
  period: ReportingPeriod;
  notBefore: Date;
  expiresAt: Date | null;
}

export interface AgencyChunk {
  agencies: readonly LeadAgency[];
  tasks: ReadonlyMap<number, LiveTask>;
  /** The agency's officials, blocked and away ones too. */
  officialsOf(agencyId: number): Recipient[];
  /**
   * The chunk's live assignments with what was reported before `until` for a period, agency by
   * agency, each one's in plan order.
   */
  facts(until: Date, periodKey: string): Promise<AssignmentFacts[]>;
  /** Adds one content's messages to the chunk's transaction. */
  plan(targets: readonly Target[], audience: Audience, timing: RoundTiming, content: OutboxContent): void;
}

/**
 * A few agencies' live assignments with what was reported before `until` for a period, agency by
 * agency, each one's in plan order. The facts tables say what every assignment comes to now; one on
 * which something was sent since `until` (a past deadline) is read as who-is-behind reads it then.
 */
export async function chunkFacts(
  db: Db,
  request: FactsRequest,
  pause: YieldPoint,
): Promise<AssignmentFacts[]> {
  const { facts, unsettled } = await agencyFacts(db, request);
  await pause();
  if (unsettled.length === 0) return facts;
  const asOfThen = await factsAsOf(
    db,
    unsettled.map((assignment) => assignment.assignmentId),
    request,
  );
  await pause();
  for (const assignment of unsettled) {
    const then = asOfThen.get(assignment.assignmentId);
    if (then === undefined) continue;
    assignment.latestStatus = then.latestStatus;
    assignment.latestInPeriod = then.latestInPeriod;
    assignment.lastReportedAt = then.lastReportedAt;
  }
  return facts;
}

export class PlanningRun {
  /** Gives the event loop a turn once the current slice is spent: after each statement, each agency. */
  readonly pause: YieldPoint;
  private catalogue: Promise<{ tasks: Map<number, LiveTask>; agencies: LeadAgency[] }> | null = null;
  private everyonesAbsence: Promise<Map<number, Absence>> | null = null;

  constructor(
    readonly deps: PlannerDeps,
    readonly now: Date,
    readonly localDate: string,
    private readonly report: PlanReport,
  ) {
    this.pause = (deps.yieldPoint ?? createYieldPoint)();
  }

  /** The people of a role whose accounts lack the round's key, a page of people per statement. */
  async lacking(role: Role, kind: OutboxKind, prefix: string): Promise<Audience> {
    const lacking = new Map<number, Set<ChannelName>>();
    const agencyIds = new Set<number | null>();
    let afterPersonId: number | null = 0;
    while (afterPersonId !== null) {
      const page = await accountsLackingKey(this.deps.db, {
        role,
        keyPrefix: prefix,
        afterPersonId,
        pageSize: PERSON_PAGE,
      });
      for (const account of page.accounts) {
        const channels = lacking.get(account.personId) ?? new Set<ChannelName>();
        lacking.set(account.personId, channels.add(account.channel));
        agencyIds.add(account.agencyId);
      }
      afterPersonId = page.next;
      await this.pause();
    }
    return { kind, prefix, lacking, agencyIds };
  }

  /** The coordinators to tell (reachable now) among those lacking the round's message. */
  async lackingCoordinators(kind: OutboxKind, prefix: string): Promise<CoordinatorTargets> {
    const audience = await this.lacking("coordinator", kind, prefix);
    if (audience.lacking.size === 0) return { audience, targets: [] };
    const coordinators = await listRecipients(this.deps.db, {
      personIds: [...audience.lacking.keys()],
      role: "coordinator",
      absences: await this.absences(),
    });
    const reachable = coordinators.filter((c) => isReachable(c, this.localDate));
    return { audience, targets: this.targets(reachable, audience) };
  }

  /** The people among these who still lack the audience's message, on the accounts that lack it. */
  targets(people: readonly Recipient[], audience: Audience): Target[] {
    return people
      .map((recipient) => ({ recipient, accounts: accountsLacking(recipient, audience.lacking) }))
      .filter((target) => target.accounts.length > 0);
  }

  /** The officials to write to about an agency's tasks; records the agency when nobody can be reached. */
  reach(
    period: ReportingPeriod,
    standing: AgencyStanding,
    officials: readonly Recipient[],
    unreachable: UnreachableAgency[],
  ): Recipient[] {
    const { reachable, unreachable: reason } = reachableOfficials(officials, this.localDate);
    if (reason) {
      unreachable.push({ agencyName: standing.agencyName, reason });
      this.report.unreachable.push({ period: period.key, agency: standing.agencyName, reason });
    }
    return reachable;
  }

  /**
   * Visits the agencies that lead a live task, in Vietnamese order, a chunk at a time: every one of
   * them (coordinators are to be told about all), or only those of officials lacking the round's
   * message. Each chunk's messages are written in one transaction, then the event loop gets a turn.
   */
  async eachAgencyChunk(
    officials: Audience | null,
    everyAgency: boolean,
    visit: (chunk: AgencyChunk) => Promise<void>,
  ): Promise<void> {
    if (!everyAgency && (officials?.agencyIds.size ?? 0) === 0) return;
    const { tasks, agencies } = await this.loadCatalogue();
    const visited = everyAgency ? agencies : agencies.filter((a) => officials?.agencyIds.has(a.id));
    const absences = await this.absences();
    await this.pause();
    const checkpoints = visited.length >= CHECKPOINTS_OFF_LOOP_FROM ? this.deps.walCheckpoints : null;
    let hold: CheckpointHold | null = null;
    try {
      for (let start = 0; start < visited.length; start += AGENCY_CHUNK) {
        const chunkAgencies = visited.slice(start, start + AGENCY_CHUNK);
        const messages = await this.visitChunk(chunkAgencies, tasks, absences, visit);
        if (messages.length > 0) {
          hold ??= (await checkpoints?.hold(this.deps.db)) ?? null;
          await this.enqueue(messages);
          hold?.request();
        }
        // Never inside the transaction: the chat's queries would wait for it.
        await this.pause();
      }
    } finally {
      await hold?.release();
    }
  }

  /** Reads a chunk's officials, lets `visit` plan for it, and answers the messages it planned. */
  private async visitChunk(
    agencies: readonly LeadAgency[],
    tasks: ReadonlyMap<number, LiveTask>,
    absences: ReadonlyMap<number, Absence>,
    visit: (chunk: AgencyChunk) => Promise<void>,
  ): Promise<NewOutboxMessage[]> {
    const officials = await officialsOfAgencies(
      this.deps.db,
      agencies.map((agency) => agency.id),
      absences,
    );
    await this.pause();
    const byAgency = new Map<number, Recipient[]>();
    for (const official of officials) {
      const agencyId = official.agencyId ?? 0;
      const colleagues = byAgency.get(agencyId) ?? [];
      byAgency.set(agencyId, colleagues);
      colleagues.push(official);
    }
    const messages: NewOutboxMessage[] = [];
    await visit({
      agencies,
      tasks,
      officialsOf: (agencyId) => byAgency.get(agencyId) ?? [],
      facts: (until, periodKey) =>
        chunkFacts(this.deps.db, { agencies, tasks, until, periodKey }, this.pause),
      plan: (targets, audience, timing, content) =>
        messages.push(...this.messagesTo(targets, audience, timing, content)),
    });
    return messages;
  }

  /** Plans one content for these coordinators. */
  async planFor(
    coordinators: CoordinatorTargets,
    timing: RoundTiming,
    content: OutboxContent,
  ): Promise<void> {
    await this.enqueue(this.messagesTo(coordinators.targets, coordinators.audience, timing, content));
  }

  /** The rest of a coordinators' summary: who blocked the bot, whom messages could not reach. */
  async summaryFacts(
    period: ReportingPeriod,
    standings: AgencyStanding[],
    unreachable: UnreachableAgency[],
  ): Promise<SummaryFacts> {
    const { db } = this.deps;
    const absences = await this.absences();
    const blocked = await listRecipients(db, { role: "official", blockedOnly: true, absences });
    const blockedBot = blocked.sort(
      (a, b) => byVietnamese(a.agencyName ?? "", b.agencyName ?? "") || byVietnamese(a.name, b.name),
    );
    const people = (await undeliveredPeople(db, [period.key], this.now)).get(period.key);
    const undelivered = people ? await listRecipients(db, { personIds: [...people], absences }) : [];
    const { tasks } = await this.loadCatalogue();
    return { standings, unreachable, blockedBot, undelivered, tasks };
  }

  private messagesTo(
    targets: readonly Target[],
    audience: Audience,
    timing: RoundTiming,
    content: OutboxContent,
  ): NewOutboxMessage[] {
    return targets.flatMap(({ recipient, accounts }) =>
      accounts.map((account) => ({
        key: outboxKeys.onChannel(outboxKeys.ofPerson(audience.prefix, recipient.personId), account.channel),
        kind: audience.kind,
        personId: recipient.personId,
        accountId: account.accountId,
        channel: account.channel,
        chatId: account.chatId,
        // The same objects for every recipient: the content is stored once.
        payload: content.payload,
        assignmentIds: content.assignmentIds,
        periodKey: timing.period.key,
        notBefore: timing.notBefore,
        expiresAt: timing.expiresAt,
      })),
    );
  }

  /** One short transaction; counts what was really inserted (another instance may have planned some). */
  private async enqueue(messages: NewOutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const kinds = [...new Set(messages.map((m) => m.kind))];
    const counts = await writeTransaction(this.deps.db, async (trx) => {
      const inserted: [OutboxKind, number][] = [];
      for (const kind of kinds) {
        const ofKind = messages.filter((m) => m.kind === kind);
        inserted.push([kind, await enqueueOutbox(trx, ofKind, this.now)]);
      }
      return inserted;
    });
    for (const [kind, count] of counts) this.report.planned[kind] += count;
  }

  private loadCatalogue(): Promise<{ tasks: Map<number, LiveTask>; agencies: LeadAgency[] }> {
    this.catalogue ??= Promise.all([liveTasks(this.deps.db), leadAgencies(this.deps.db)]).then(
      ([tasks, agencies]) => ({ tasks, agencies: sortByName(agencies, (agency) => agency.name) }),
    );
    return this.catalogue;
  }

  private absences(): Promise<Map<number, Absence>> {
    this.everyonesAbsence ??= latestAbsences(this.deps.db);
    return this.everyonesAbsence;
  }
}
