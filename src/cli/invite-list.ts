// The invite list an admin hands out when onboarding many agencies at once: one row per invite.

import { dateTimeText } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { writeCsvSheet } from "../reports/csv-report.ts";
import type { CellValue, Sheet } from "../reports/report-columns.ts";
import { reportFormatOf } from "../reports/report-file.ts";
import type { CreatedInvite } from "../services/linking.ts";

export type InviteListFormat = "csv" | "xlsx";

export interface InviteWithLink {
  invite: CreatedInvite;
  /** The Telegram deep link, or null while the bot's username is unknown. */
  link: string | null;
}

export function inviteListFormatOf(file: string): InviteListFormat | null {
  const format = reportFormatOf(file);
  return format === "csv" || format === "xlsx" ? format : null;
}

const text = (value: string | null): CellValue => (value ? { kind: "text", value } : { kind: "empty" });

function inviteSheet(translator: Translator, rows: InviteWithLink[], zone: string): Sheet<InviteWithLink> {
  const { t } = translator;
  const column = (id: string, width: number, value: (row: InviteWithLink) => CellValue) => ({
    header: t(id),
    width,
    value,
  });
  return {
    name: t("invite-sheet"),
    rows,
    columns: [
      column("invite-col-agency", 40, (r) => text(r.invite.agencyName)),
      column("invite-col-agency-code", 18, (r) => text(r.invite.agencyCode)),
      column("invite-col-role", 18, (r) => text(t(`role-${r.invite.role}`))),
      column("invite-col-code", 20, (r) => text(r.invite.code)),
      column("invite-col-link", 52, (r) => text(r.link)),
      // Text in the local Vietnamese form, the same in CSV and XLSX, as it is read aloud or printed.
      column("invite-col-expires", 18, (r) => text(dateTimeText(r.invite.expiresAt, zone))),
    ],
  };
}

/** The invite list as CSV (UTF-8 with BOM) or XLSX (header row, widths, frozen header). */
export async function renderInviteList(
  format: InviteListFormat,
  translator: Translator,
  rows: InviteWithLink[],
  zone: string,
): Promise<Uint8Array> {
  const sheet = inviteSheet(translator, rows, zone);
  if (format === "csv") return writeCsvSheet(sheet);
  // exceljs takes a while to load: only when an XLSX file is asked for.
  const { writeXlsxSheets } = await import("../reports/xlsx-report.ts");
  return writeXlsxSheets([sheet]);
}
