import type { Generated } from "kysely";
import type { Quarter } from "../domain/calendar.ts";
import type { IndicatorLevel, IndicatorRule, IndicatorUnit } from "../domain/indicator-definition.ts";
import type {
  AgencyGroup,
  AgencyKind,
  ChannelName,
  OutboxKind,
  OutboxStatus,
  Role,
  ScheduledChannel,
  UpdateStatus,
} from "../domain/vocabulary.ts";

// Table types for Kysely. Instants are ISO 8601 UTC strings; booleans are 0/1 integers so SQLite
// and PostgreSQL store them alike. Text columns holding a closed set of words are typed with its
// union; JSON columns are text, read and written only through db/json-columns.ts.

export interface PlansTable {
  id: Generated<number>;
  code: string;
  /** What officials type and lists show when several plans run ("NQ17", "CDS2026"); unique (0012). */
  short_code: string;
  /** When the plan was closed (`plans close`): its assignments' windows end then. */
  closed_at: string | null;
  title: string;
  issuer: string | null;
  span_from_year: number | null;
  span_to_year: number | null;
  first_report_year: number | null;
  first_report_quarter: Quarter | null;
  created_at: string;
  updated_at: string;
}

export interface SectionsTable {
  id: Generated<number>;
  plan_id: number;
  code: string;
  title: string;
  position: number;
  retired_at: string | null;
}

export interface TasksTable {
  id: Generated<number>;
  plan_id: number;
  section_id: number;
  code: string;
  number: number;
  title: string;
  timeframes: string;
  note: string | null;
  lead_groups: string;
  lead_note: string | null;
  cooperating_note: string | null;
  active_years: string;
  due_date: string | null;
  conditional: number;
  synthetic: number;
  dormant: Generated<number>;
  position: number;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgenciesTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_key: string;
  kind: AgencyKind;
  created_at: string;
  updated_at: string;
  /** When it was merged or dissolved (migration 0011), null while it exists. */
  ended_at: string | null;
  merged_into_id: number | null;
}

export interface AgencyAliasesTable {
  id: Generated<number>;
  agency_id: number;
  alias: string;
  alias_key: string;
}

export interface AgencyGroupsTable {
  id: Generated<number>;
  code: AgencyGroup;
  name: string;
  kinds: string;
}

export interface AssignmentsTable {
  id: Generated<number>;
  task_id: number;
  agency_id: number;
  via_group: AgencyGroup | null;
  retired_at: string | null;
  created_at: string;
  /** Its validity window (migration 0011): in charge at T when active_from < T <= active_until; null is unbounded. */
  active_from: string | null;
  active_until: string | null;
}

export interface CooperationsTable {
  id: Generated<number>;
  task_id: number;
  agency_id: number | null;
  group_code: AgencyGroup | null;
  retired_at: string | null;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  role: Role;
  agency_id: number | null;
  created_at: string;
  /** Defaults to "both" (migration 0006). */
  scheduled_channel: Generated<ScheduledChannel>;
}

export interface ChannelAccountsTable {
  id: Generated<number>;
  person_id: number;
  channel: ChannelName;
  external_user_id: string;
  chat_id: string;
  display_name: string | null;
  blocked_at: string | null;
  linked_at: string;
}

export interface InvitesTable {
  id: Generated<number>;
  code_hash: string;
  agency_id: number | null;
  role: Role;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by_person_id: number | null;
}

/** A `/lienket` code: links another channel's account to the person who asked for it, once. */
export interface LinkCodesTable {
  code_hash: string;
  person_id: number;
  channel: ChannelName;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface StatusUpdatesTable {
  id: Generated<number>;
  assignment_id: number;
  person_id: number | null;
  channel: ChannelName;
  chat_id: string | null;
  message_id: string | null;
  raw_text: string;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
  sent_at: string;
  received_at: string;
  period_key: string;
  message_key: string;
  revision: Generated<number>;
}

/** What an assignment's updates come to in one period (migration 0008; kept by store/assignment-facts.ts). */
export interface AssignmentPeriodFactsTable {
  assignment_id: number;
  period_key: string;
  last_update_id: number | null;
  last_sent_at: string | null;
  status_update_id: number | null;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  status_sent_at: string | null;
  update_count: number;
  first_sent_at: string;
  reported_at: string;
}

/** What an assignment's updates come to over every period: its latest status now (migration 0008). */
export interface AssignmentLatestTable {
  assignment_id: number;
  status_update_id: number | null;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  status_sent_at: string | null;
  reported_at: string;
  /** The largest period key with an effective update (migration 0014); null: none, or not known. */
  latest_updated_period: string | null;
}

export interface InboundUpdatesTable {
  id: Generated<number>;
  channel: ChannelName;
  update_key: string;
  received_at: string;
}

export interface ConversationStateTable {
  account_id: number;
  last_list: string | null;
  last_list_at: string | null;
  pending: string | null;
  updated_at: string;
}

/** The numbered choices last shown in a chat without buttons (Zalo). */
export interface ChatChoicesTable {
  channel: ChannelName;
  chat_id: string;
  buttons: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  key: string;
  kind: OutboxKind;
  person_id: number;
  account_id: number;
  channel: ChannelName;
  chat_id: string;
  /** The shared content (0007_outbox_texts): set by every insert, and carried over for older rows. */
  text_id: number;
  period_key: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: string;
  expires_at: string | null;
  last_error: string | null;
  claim_token: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  platform_message_id: string | null;
  created_at: string;
}

/** A scheduled message's content, stored once and shared by its recipients' outbox rows (0007). */
export interface OutboxTextsTable {
  id: Generated<number>;
  /** sha256 of payload and assignment_ids: one row per distinct content. */
  digest: string;
  payload: string;
  assignment_ids: string;
  created_at: string;
}

/** Who may drain the outbox now (0004_send_lease). */
export interface SendLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface AbsencesTable {
  id: Generated<number>;
  person_id: number;
  from_date: string;
  until_date: string | null;
  created_at: string;
}

/** A plan's numeric target (chỉ tiêu), 0010_indicators. */
export interface IndicatorsTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  metric: string;
  text: string;
  from_year: number;
  to_year: number;
  level: IndicatorLevel | null;
  unit: IndicatorUnit;
  target: number | null;
  target_max: number | null;
  deadline_year: number | null;
  rule: IndicatorRule;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A figure an agency reported for an indicator and period; append-only, the latest counts. */
export interface IndicatorValuesTable {
  id: Generated<number>;
  indicator_id: number;
  agency_id: number;
  period_key: string;
  value: number;
  person_id: number | null;
  channel: ChannelName | "cli";
  raw_text: string;
  sent_at: string;
  received_at: string;
}

export interface Database {
  plans: PlansTable;
  sections: SectionsTable;
  tasks: TasksTable;
  agencies: AgenciesTable;
  agency_aliases: AgencyAliasesTable;
  agency_groups: AgencyGroupsTable;
  assignments: AssignmentsTable;
  cooperations: CooperationsTable;
  people: PeopleTable;
  channel_accounts: ChannelAccountsTable;
  invites: InvitesTable;
  link_codes: LinkCodesTable;
  status_updates: StatusUpdatesTable;
  assignment_period_facts: AssignmentPeriodFactsTable;
  assignment_latest: AssignmentLatestTable;
  audit_log: AuditLogTable;
  inbound_updates: InboundUpdatesTable;
  conversation_state: ConversationStateTable;
  chat_choices: ChatChoicesTable;
  outbox: OutboxTable;
  outbox_texts: OutboxTextsTable;
  absences: AbsencesTable;
  send_leases: SendLeasesTable;
  indicators: IndicatorsTable;
  indicator_values: IndicatorValuesTable;
}
