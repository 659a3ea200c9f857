import { Api } from "grammy";
import type { Config } from "../config.ts";
import { dateTimeText } from "../i18n/display.ts";
import { createInvite } from "../services/linking.ts";
import type { Role } from "../store/people.ts";
import { CliError, printJson, printLines, withApp } from "./context.ts";

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

export async function inviteCommand(options: {
  agency?: string;
  role: string;
  json?: boolean;
}): Promise<void> {
  if (options.role !== "official" && options.role !== "coordinator") {
    throw new CliError("cli-invite-bad-role", { role: options.role });
  }
  const role: Role = options.role;
  await withApp(async (app) => {
    const invite = await createInvite(
      app.database.db,
      { agency: options.agency ?? null, role, createdBy: "cli", ttlDays: app.config.INVITE_TTL_DAYS },
      app.clock.now(),
    );
    const username = await botUsername(app.config);
    const link = username ? `https://t.me/${username}?start=${invite.code}` : null;
    if (options.json) {
      return printJson({
        code: invite.code,
        telegram_link: link,
        expires_at: invite.expiresAt.toISOString(),
        role: invite.role,
        agency: invite.agencyCode,
      });
    }
    const { t } = app.translator;
    printLines([
      t("cli-invite-created", { role: t(`role-${role}`), agency: invite.agencyName ?? "—" }),
      `  ${t("cli-invite-code")}: ${invite.code}`,
      `  ${t("cli-invite-link")}: ${link ?? t("cli-invite-no-link")}`,
      `  ${t("cli-invite-expires")}: ${dateTimeText(invite.expiresAt, app.config.APP_TZ)}`,
    ]);
  });
}
