// "/vang 15/3", "/vang", "/vang huy" and plain "nghỉ phép đến 15/3": while away, a person gets no
// reminders; the agency's other officials still do (stand-ins).
import { isAwayOn, parseAwayDate, parseAwayMessage } from "../../domain/away-message.ts";
import { localDateOf } from "../../domain/calendar.ts";
import { isReachable } from "../../domain/reminder-plan.ts";
import { foldText } from "../../domain/vietnamese.ts";
import { dateText } from "../../i18n/display.ts";
import type { Reply } from "../../messages.ts";
import { latestAbsence, recordAbsence } from "../../store/absences.ts";
import { listRecipients } from "../../store/recipients.ts";
import { type LinkedTurn, say } from "../turn.ts";

const CANCEL_WORDS = new Set(["huy", "cancel", "off", "het vang", "da ve", "back"]);

function today(turn: LinkedTurn): string {
  return localDateOf(turn.deps.clock.now(), turn.deps.zone);
}

/** Records the absence and says who stands in. */
async function setAway(turn: LinkedTurn, until: string): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  const { db, clock } = turn.deps;
  const from = today(turn);
  await recordAbsence(db, turn.person.personId, { from, until }, clock.now());
  const lines = [t("away-set", { until: dateText(until) })];
  if (turn.person.role === "official" && turn.person.agencyId !== null) {
    const agency = turn.person.agencyName ?? "—";
    const standIns = (await listRecipients(db, { agencyId: turn.person.agencyId })).filter(
      (r) => r.role === "official" && r.personId !== turn.person.personId && isReachable(r, from),
    );
    lines.push(
      standIns.length > 0
        ? t("away-stand-ins", { agency, names: standIns.map((r) => r.name).join(", ") })
        : t("away-no-stand-in", { agency }),
    );
  }
  lines.push(t("away-cancel-hint"));
  return say(lines.join("\n"));
}

export async function awayCommand(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  const { db, clock } = turn.deps;
  const date = today(turn);
  if (args === "") {
    const absence = await latestAbsence(db, turn.person.personId);
    return say(
      absence?.until && isAwayOn(absence, date)
        ? t("away-current", { until: dateText(absence.until) })
        : t("away-none"),
    );
  }
  if (CANCEL_WORDS.has(foldText(args))) {
    await recordAbsence(db, turn.person.personId, { from: date, until: null }, clock.now());
    return say(t("away-cancelled"));
  }
  const until = parseAwayDate(args, date);
  return until ? setAway(turn, until) : say(t("away-bad-date", { text: args }));
}

/** Plain "nghỉ phép đến 15/3", "em đi công tác đến 20/6"; null for anything else. */
export function awayTextHandler(turn: LinkedTurn): Promise<Reply[]> | null {
  const away = parseAwayMessage(turn.message.text, localDateOf(turn.message.sentAt, turn.deps.zone));
  return away ? setAway(turn, away.until) : null;
}
