import { Api } from "grammy";
import type { App } from "../app.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import { isOneOf, ROLES, type Role } from "../domain/vocabulary.ts";
import { dateTimeText } from "../i18n/display.ts";
import { type CreatedInvite, createInvites } from "../services/linking.ts";
import { listAgencies } from "../store/agencies.ts";
import { leadAgencyIds } from "../store/assignments.ts";
import { CliError, printJson, printLines, withApp } from "./context.ts";
import {
  type InviteListFormat,
  type InviteWithLink,
  inviteListFormatOf,
  renderInviteList,
} from "./invite-list.ts";
import { checkOutputFile, writeOutputFile } from "./output-file.ts";

interface InviteOptions {
  agency?: string;
  role: string;
  count?: string;
  all?: boolean;
  out?: string;
  force?: boolean;
  json?: boolean;
}

// More at once is almost surely a typo; an agency rarely has more than a handful of officials.
const MAX_COUNT = 100;

/** The bot's username for deep links: configured, or asked of Telegram when a token is set. */
async function botUsername(config: Config): Promise<string | null> {
  if (config.BOT_USERNAME) return config.BOT_USERNAME.replace(/^@/, "");
  if (!config.BOT_TOKEN) return null;
  try {
    const me = await new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }).getMe();
    return me.username;
  } catch {
    return null;
  }
}

function parseRole(role: string): Role {
  if (isOneOf(ROLES, role)) return role;
  throw new CliError("cli-invite-bad-role", { role });
}

function parseCount(count: string | undefined): number {
  if (count === undefined) return 1;
  const n = /^\d+$/.test(count) ? Number(count) : Number.NaN;
  if (!(n >= 1 && n <= MAX_COUNT)) throw new CliError("cli-invite-bad-count", { max: MAX_COUNT, count });
  return n;
}

function parseOut(options: InviteOptions): { file: string; format: InviteListFormat; force: boolean } | null {
  if (options.out === undefined) return null;
  const format = inviteListFormatOf(options.out);
  if (format === null) throw new CliError("cli-invite-bad-extension", { file: options.out });
  const force = options.force === true;
  checkOutputFile("invite", options.out, force);
  return { file: options.out, format, force };
}

/**
 * With --all: every agency that leads live work, in the registry's order. An agency that leads
 * nothing has nothing to report, so an official of it would only get an empty task list.
 */
async function targetAgencies(db: Db, options: InviteOptions): Promise<(string | null)[]> {
  if (!options.all) return [options.agency ?? null];
  const leads = await leadAgencyIds(db);
  const agencies = (await listAgencies(db)).filter((agency) => leads.has(agency.id));
  if (agencies.length === 0) throw new CliError("cli-invite-no-lead-agencies");
  return agencies.map((agency) => agency.code);
}

function inviteJson({ invite, link }: InviteWithLink) {
  return {
    code: invite.code,
    telegram_link: link,
    expires_at: invite.expiresAt.toISOString(),
    role: invite.role,
    agency: invite.agencyCode,
  };
}

function singleInviteLines(app: App, { invite, link }: InviteWithLink): string[] {
  const { t } = app.translator;
  return [
    t("cli-invite-created", { role: t(`role-${invite.role}`), agency: invite.agencyName ?? "—" }),
    `  ${t("cli-invite-code")}: ${invite.code}`,
    `  ${t("cli-invite-link")}: ${link ?? t("cli-invite-no-link")}`,
    `  ${t("cli-invite-expires")}: ${dateTimeText(invite.expiresAt, app.config.APP_TZ)}`,
  ];
}

function batchLine(app: App, { invite, link }: InviteWithLink): string {
  const { t } = app.translator;
  return t("cli-invite-line", {
    agency: invite.agencyName ?? "—",
    role: t(`role-${invite.role}`),
    code: invite.code,
    link: link ?? "—",
    expires: dateTimeText(invite.expiresAt, app.config.APP_TZ),
  });
}

/**
 * `nhacviec invite`: one invite; `--count N` of them; `--all`: for every agency that leads work.
 * `--out invites.csv|.xlsx` writes them as a list. The batch and its file succeed or fail together.
 */
export async function inviteCommand(options: InviteOptions): Promise<void> {
  const role = parseRole(options.role);
  const count = parseCount(options.count);
  if (options.all && options.agency !== undefined) throw new CliError("cli-invite-all-and-agency");
  const out = parseOut(options);
  await withApp(async (app) => {
    const username = await botUsername(app.config);
    const now = app.clock.now();
    const requests = (await targetAgencies(app.database.db, options)).flatMap((agency) =>
      Array.from({ length: count }, () => ({
        agency,
        role,
        createdBy: "cli",
        ttlDays: app.config.INVITE_TTL_DAYS,
      })),
    );
    const withLink = (invite: CreatedInvite): InviteWithLink => ({
      invite,
      link: username ? `https://t.me/${username}?start=${invite.code}` : null,
    });
    let written = false;
    const created = await createInvites(app.database.db, requests, now, async (batch) => {
      // Written before the commit: if the file cannot be written, no invite exists without its list.
      // A repeated transaction rewrites the file it wrote itself.
      if (!out) return;
      const bytes = await renderInviteList(
        out.format,
        app.translator,
        batch.map(withLink),
        app.config.APP_TZ,
      );
      await writeOutputFile("invite", out.file, bytes, out.force || written);
      written = true;
    });
    const invites = created.map(withLink);
    const batch = options.all === true || options.count !== undefined;
    printInvites(app, invites, { batch, json: options.json === true, file: out?.file ?? null });
    if (username === null && (batch || out !== null)) {
      process.stderr.write(`${app.translator.t("cli-invite-no-link-note")}\n`);
    }
  });
}

/** A single invite prints as it always did (an object, or a block of lines); a batch as an array, or one line each. */
function printInvites(
  app: App,
  invites: InviteWithLink[],
  how: { batch: boolean; json: boolean; file: string | null },
): void {
  const single = how.batch ? undefined : invites[0];
  if (how.json) printJson(single ? inviteJson(single) : invites.map(inviteJson));
  else if (how.file !== null) {
    printLines([app.translator.t("cli-invite-written", { count: invites.length, file: how.file })]);
  } else if (single) printLines(singleInviteLines(app, single));
  else printLines(invites.map((invite) => batchLine(app, invite)));
}
