// Indicators (chỉ tiêu) in chat: "chỉ tiêu 2: 45%" stores the agency's figure for the period the
// message falls in; `/chitieu` lists the agency's indicators as choices, and a choice asks for the
// figure; a coordinator's `/chitieu` shows the province's table (README: indicators).
import { readFigure, valueInRange } from "../../domain/indicator-definition.ts";
import { type IndicatorMessage, readIndicatorMessage } from "../../domain/indicator-message.ts";
import { reaches } from "../../domain/indicator-report.ts";
import { periodName } from "../../i18n/display.ts";
import type { IncomingButton, Reply, ReplyButton } from "../../messages.ts";
import {
  indicatorRowLines,
  metText,
  shortIndicatorText,
  targetText,
  valueText,
} from "../../reports/indicator-text.ts";
import { loadIndicatorReport } from "../../services/indicator-report.ts";
import {
  agencyKindOf,
  findIndicatorFor,
  findLiveIndicator,
  indicatorsForAgency,
  periodOfMessage,
} from "../../services/indicator-values.ts";
import { setPending } from "../../store/conversation-state.ts";
import { appendIndicatorValue, type StoredIndicator } from "../../store/indicators.ts";
import { decodeIndicatorChoice, encodeIndicatorChoice } from "../../texts/indicator-choice-codec.ts";
import { type LinkedTurn, say, type TextTurn } from "../turn.ts";

const BUTTONS_PER_ROW = 3;

function indicatorLabel(turn: LinkedTurn, indicator: StoredIndicator): string {
  const { definition } = indicator;
  return turn.deps.translator.t("indicator-label", {
    number: definition.number,
    text: shortIndicatorText(definition.text),
    target: targetText(turn.deps.translator, definition),
  });
}

/** Asks for an indicator's figure; the next message with a number is stored (pendingIndicatorHandler). */
async function askFigure(turn: LinkedTurn, indicator: StoredIndicator): Promise<Reply[]> {
  const { deps, person } = turn;
  await setPending(
    deps.db,
    person.accountId,
    { kind: "indicator_value", indicatorId: indicator.id },
    deps.clock.now(),
  );
  const period = await periodOfMessage(deps.db, deps.zone, turn.message.sentAt);
  return say(
    deps.translator.t("indicator-ask-value", {
      indicator: indicatorLabel(turn, indicator),
      agency: person.agencyName ?? "",
      period: periodName(deps.translator, period),
      number: indicator.definition.number,
    }),
  );
}

/** Stores the figure (before the reply confirms it), or asks again about a value out of range. */
async function storeFigure(turn: LinkedTurn, indicator: StoredIndicator, value: number): Promise<Reply[]> {
  const { deps, person, message } = turn;
  const { t } = deps.translator;
  const { definition } = indicator;
  const now = deps.clock.now();
  if (!valueInRange(definition.unit, value)) {
    await setPending(deps.db, person.accountId, { kind: "indicator_value", indicatorId: indicator.id }, now);
    return say(
      t(definition.unit === "rank" ? "indicator-out-of-range-rank" : "indicator-out-of-range-percent", {
        number: definition.number,
        value: valueText(deps.translator, definition, value),
      }),
    );
  }
  if (person.agencyId === null) return say(t("indicator-no-agency"));
  const period = await periodOfMessage(deps.db, deps.zone, message.sentAt);
  await appendIndicatorValue(deps.db, {
    indicatorId: indicator.id,
    agencyId: person.agencyId,
    periodKey: period.key,
    value,
    personId: person.personId,
    channel: message.channel,
    rawText: message.text,
    sentAt: message.sentAt,
    receivedAt: now,
  });
  await setPending(deps.db, person.accountId, null, now);
  return say(
    t("indicator-stored", {
      indicator: indicatorLabel(turn, indicator),
      agency: person.agencyName ?? "",
      period: periodName(deps.translator, period),
      value: valueText(deps.translator, definition, value),
      met: metText(deps.translator, reaches(definition, value)),
    }),
  );
}

/** "chỉ tiêu N": the agency's indicator N, or why there is none. */
async function indicatorNumbered(turn: LinkedTurn, number: number): Promise<StoredIndicator | Reply[]> {
  const { deps, person } = turn;
  const { t } = deps.translator;
  const kind = person.agencyId === null ? null : await agencyKindOf(deps.db, person.agencyId);
  if (kind === null) return say(t("indicator-no-agency"));
  const period = await periodOfMessage(deps.db, deps.zone, turn.message.sentAt);
  const lookup = await findIndicatorFor(deps.db, number, kind, period.year);
  if (lookup.kind === "found") return lookup.indicator;
  if (lookup.kind === "other-level") {
    return say(t("indicator-other-level", { number, level: lookup.indicator.definition.level ?? "" }));
  }
  return say(t("indicator-unknown", { number }));
}

function howToReport(turn: LinkedTurn, number: number): Reply[] {
  return say(turn.deps.translator.t("indicator-how-to", { number }));
}

/**
 * "chỉ tiêu 2: 45%" and its variants, and the answer to a figure asked for. Before the status
 * parser, so "chỉ tiêu 2: 45%" is never read as task 2 at 45%.
 */
export function indicatorTextHandler(turn: TextTurn): Promise<Reply[]> | null {
  const read = readIndicatorMessage(turn.message.text);
  if (read !== null) return indicatorMessage(turn, read);
  const { pending } = turn.state;
  return pending?.kind === "indicator_value" ? figureAsked(turn, pending.indicatorId) : null;
}

async function indicatorMessage(turn: TextTurn, read: IndicatorMessage): Promise<Reply[]> {
  const found = await indicatorNumbered(turn, read.number);
  if (Array.isArray(found)) return found;
  if (read.kind === "ask") return askFigure(turn, found);
  if (read.kind === "unreadable") return howToReport(turn, read.number);
  return storeFigure(turn, found, read.value);
}

/** The text after the bot asked for an indicator's figure. */
async function figureAsked(turn: TextTurn, indicatorId: number): Promise<Reply[]> {
  const { deps, person, message } = turn;
  const indicator = await findLiveIndicator(deps.db, indicatorId);
  const value = readFigure(message.text);
  if (indicator && value !== null) return storeFigure(turn, indicator, value);
  // Not a number: the question lapses (a status update must not stay trapped behind it).
  await setPending(deps.db, person.accountId, null, deps.clock.now());
  return howToReport(turn, indicator?.definition.number ?? 1);
}

/** `/chitieu [N]`: the agency's indicators as choices (a coordinator: the province's table). */
export async function indicatorsFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const { deps, person } = turn;
  const { t } = deps.translator;
  const number = /^\d{1,3}$/.test(args.trim()) ? Number(args.trim()) : null;
  if (number !== null) {
    const found = await indicatorNumbered(turn, number);
    return Array.isArray(found) ? found : askFigure(turn, found);
  }
  const period = await periodOfMessage(deps.db, deps.zone, turn.message.sentAt);
  const kind = person.agencyId === null ? null : await agencyKindOf(deps.db, person.agencyId);
  if (kind === null) {
    if (person.role !== "coordinator") return say(t("indicator-no-agency"));
    const rows = await loadIndicatorReport(deps.db, period, deps.clock.now());
    if (rows.length === 0) return say(t("indicator-none", { period: periodName(deps.translator, period) }));
    const lines = rows.flatMap((row) => indicatorRowLines(deps.translator, row));
    return say(
      [t("indicator-table-title", { period: periodName(deps.translator, period) }), ...lines].join("\n"),
    );
  }
  const indicators = await indicatorsForAgency(deps.db, kind, period.year);
  if (indicators.length === 0)
    return say(t("indicator-none", { period: periodName(deps.translator, period) }));
  const buttons: ReplyButton[][] = [];
  indicators.forEach((indicator, index) => {
    const button = {
      label: t("indicator-button", { number: indicator.definition.number }),
      data: encodeIndicatorChoice(indicator.id),
    };
    if (index % BUTTONS_PER_ROW === 0) buttons.push([button]);
    else buttons[buttons.length - 1]?.push(button);
  });
  const lines = indicators.map((indicator) => indicatorLabel(turn, indicator));
  return [
    {
      text: [
        t("indicator-list-title", {
          agency: person.agencyName ?? "",
          period: periodName(deps.translator, period),
        }),
        ...lines,
        "",
        t("indicator-list-choose"),
      ].join("\n"),
      buttons,
    },
  ];
}

/** A press of one of /chitieu's choices: asks for that indicator's figure. */
export async function indicatorChoiceButton(turn: LinkedTurn, press: IncomingButton): Promise<Reply[]> {
  const id = decodeIndicatorChoice(press.data);
  const indicator = id === null ? null : await findLiveIndicator(turn.deps.db, id);
  if (!indicator) return say(turn.deps.translator.t("button-expired"));
  return askFigure(turn, indicator);
}
