// `/nhac <agency>` and the 🔔 button beside an agency: remind its officials now (once an hour).
import { dateTimeText, periodName } from "../../i18n/display.ts";
import type { IncomingButton, Reply } from "../../messages.ts";
import { type NudgeAgency, type NudgeResult, nudgeAgency } from "../../services/nudge.ts";
import { PeriodError } from "../../services/reporting-period.ts";
import { findAgencyById } from "../../store/agencies.ts";
import { decodeCoordinatorButton } from "../../texts/coordinator-buttons.ts";
import { type LinkedTurn, say } from "../turn.ts";
import { resolveAgencyOrExplain } from "./agency-status.ts";

/** Nudges the agency about a period: the one of the list the button was under, else the current one. */
async function nudgeAnswer(turn: LinkedTurn, agency: NudgeAgency, quarter?: string): Promise<Reply[]> {
  const { deps, person } = turn;
  const { t } = deps.translator;
  const now = deps.clock.now();
  let result: NudgeResult;
  try {
    result = await nudgeAgency(deps.db, {
      agency,
      coordinator: { personId: person.personId, name: person.name },
      now,
      zone: deps.zone,
      translator: deps.translator,
      quarter,
    });
  } catch (error) {
    if (error instanceof PeriodError) return say(error.describe(deps.translator));
    throw error;
  }
  switch (result.outcome) {
    case "sent":
      return say(
        t("nudge-sent", {
          agency: agency.name,
          people: result.recipients,
          period: periodName(deps.translator, result.period),
          missing: result.missing.length,
          overdue: result.overdue.length,
        }),
      );
    case "too_soon": {
      // Today's nudges show the time only; older ones the date as well.
      const time = (instant: Date) => {
        const full = dateTimeText(instant, deps.zone);
        return full.slice(0, 10) === dateTimeText(now, deps.zone).slice(0, 10) ? full.slice(11) : full;
      };
      return say(
        t("nudge-too-soon", { agency: agency.name, time: time(result.lastAt), next: time(result.nextAt) }),
      );
    }
    case "nothing_missing":
      return say(
        t("nudge-nothing-missing", {
          agency: agency.name,
          period: periodName(deps.translator, result.period),
          owed: result.owed,
        }),
      );
    case "no_officials":
      return say(t("nudge-no-officials", { agency: agency.name, code: agency.code }));
  }
}

export async function nudgeFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  if (args.trim() === "") return say(turn.deps.translator.t("nudge-usage"));
  const resolved = await resolveAgencyOrExplain(turn, args);
  if ("replies" in resolved) return resolved.replies;
  const agency = await findAgencyById(turn.deps.db, resolved.agency.id);
  if (!agency) return say(turn.deps.translator.t("nudge-usage"));
  return nudgeAnswer(turn, agency);
}

/** The 🔔 button: callback data "n:<agencyId>:<period>" (see coordinator-buttons.ts). */
export async function handleNudgeButton(turn: LinkedTurn, press: IncomingButton): Promise<Reply[]> {
  const expired = () => say(turn.deps.translator.t("nudge-expired-button"));
  const decoded = decodeCoordinatorButton(press.data);
  if (decoded?.kind !== "nudge") return expired();
  const agency = await findAgencyById(turn.deps.db, decoded.agencyId);
  if (!agency) return expired();
  return nudgeAnswer(turn, agency, decoded.periodKey ?? undefined);
}
