// A plan that has ended says so plainly: /nhiemvu, /conlai, /cham and "ai chưa báo cáo?" open with
// this notice, so that an empty period never reads as "everyone has reported"; the answer follows,
// since work left unfinished when the plan ended is still overdue.
import { localDateOf } from "../domain/calendar.ts";
import { shortTitle } from "../domain/short-title.ts";
import type { Translator } from "../i18n/translator.ts";
import type { Reply } from "../messages.ts";
import { type EndedPlans, endedPlansAt } from "../services/plan-span.ts";
import type { Turn } from "./turn.ts";

/** The notice; on the console it names the demo clock, which can replay a quarter of the plan. */
export function planEndedText(
  translator: Translator,
  ended: EndedPlans,
  currentYear: number,
  onConsole: boolean,
): string {
  const { t } = translator;
  // Years are passed as text: Fluent would format the number 2025 as "2.025" in Vietnamese.
  const notice = t("plan-ended", {
    plans: ended.titles.map((title) => shortTitle(title)).join("; "),
    year: String(ended.endYear),
    current: String(currentYear),
  });
  const { year, month } = ended.demo;
  const hint = onConsole
    ? t("plan-ended-console-hint", {
        date: `13/${month}/${year}`,
        iso: `${year}-${String(month).padStart(2, "0")}-13T08:00`,
      })
    : t("plan-ended-hint");
  return `${notice}\n${hint}`;
}

/** The notice when every plan has ended or been closed by this (real or simulated) time; null otherwise. */
async function planEndedNotice(turn: Turn): Promise<string | null> {
  const { deps } = turn;
  const now = deps.clock.now();
  const year = Number(localDateOf(now, deps.zone).slice(0, 4));
  const ended = await endedPlansAt(deps.db, now, deps.zone);
  if (ended === null) return null;
  return planEndedText(deps.translator, ended, year, turn.message.channel === "console");
}

/** The answer, opened by the ended-plan notice when every plan has ended. */
export async function withPlanEndedNotice(turn: Turn, answer: () => Promise<Reply[]>): Promise<Reply[]> {
  const [notice, replies] = await Promise.all([planEndedNotice(turn), answer()]);
  if (notice === null) return replies;
  const [first, ...rest] = replies;
  return first ? [{ ...first, text: `${notice}\n\n${first.text}` }, ...rest] : [{ text: notice }];
}
