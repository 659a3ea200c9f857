// `/nhac <agency>` and the 🔔 button beside an agency: remind its officials now (once an hour).
import { dateTimeText, periodName } from "../../i18n/display.ts";
import { type NudgeAgency, nudgeAgency } from "../../services/nudge.ts";
import { findAgencyById } from "../../store/agencies.ts";
import { decodeCoordinatorButton } from "../coordinator-buttons.ts";
import { refuseUnlessCoordinator } from "../coordinator-only.ts";
import { type LinkedTurn, say } from "../turn.ts";
import type { IncomingButton, Reply } from "../types.ts";
import { resolveAgencyOrExplain } from "./agency-status.ts";

async function nudgeAnswer(turn: LinkedTurn, agency: NudgeAgency): Promise<Reply[]> {
  const { deps, person } = turn;
  const { t } = deps.translator;
  const now = deps.clock.now();
  const result = await nudgeAgency(deps.db, {
    agency,
    coordinator: { personId: person.personId, name: person.name },
    now,
    zone: deps.zone,
    translator: deps.translator,
  });
  switch (result.outcome) {
    case "sent":
      return say(
        t("nudge-sent", { agency: agency.name, people: result.recipients, count: result.missing.length }),
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
    case "nothing_missing": {
      const period = periodName(deps.translator, result.period);
      return say(t("nudge-nothing-missing", { agency: agency.name, period }));
    }
    case "no_officials":
      return say(t("nudge-no-officials", { agency: agency.name, code: agency.code }));
  }
}

export async function nudgeFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const refusal = refuseUnlessCoordinator(turn);
  if (refusal) return refusal;
  if (args.trim() === "") return say(turn.deps.translator.t("nudge-usage"));
  const resolved = await resolveAgencyOrExplain(turn, args);
  if ("replies" in resolved) return resolved.replies;
  const agency = await findAgencyById(turn.deps.db, resolved.agency.id);
  if (!agency) return say(turn.deps.translator.t("nudge-usage"));
  return nudgeAnswer(turn, agency);
}

/** The 🔔 button: callback data "n:<agencyId>" (see coordinator-buttons.ts). */
export async function handleNudgeButton(turn: LinkedTurn, press: IncomingButton): Promise<Reply[]> {
  const refusal = refuseUnlessCoordinator(turn);
  if (refusal) return refusal;
  const decoded = decodeCoordinatorButton(press.data);
  const agency = decoded?.kind === "nudge" ? await findAgencyById(turn.deps.db, decoded.agencyId) : null;
  if (!agency) return say(turn.deps.translator.t("nudge-expired-button"));
  return nudgeAnswer(turn, agency);
}
