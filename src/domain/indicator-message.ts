// How an official reports an indicator's figure in chat: "chỉ tiêu 2: 45%", "chi tieu 2 45%",
// "CT2: 45,5%", "chỉ tiêu số 2 = 45" (README: indicators). Pure.
import { readFigure } from "./indicator-definition.ts";
import { foldText } from "./vietnamese.ts";

export type IndicatorMessage =
  /** "chỉ tiêu 2: 45%" */
  | { kind: "value"; number: number; value: number }
  /** "chỉ tiêu 2": the figure is asked for. */
  | { kind: "ask"; number: number }
  /** "chỉ tiêu 2: khoảng một nửa": not a number. */
  | { kind: "unreadable"; number: number };

const INDICATOR_MESSAGE = /^(?:chi tieu|ct)\s*(?:so\s*)?(\d{1,3})\s*(?:[:=]|-(?!\d))?\s*(.*)$/;

/** The figure a message reports, or null when it does not start by naming an indicator. */
export function readIndicatorMessage(text: string): IndicatorMessage | null {
  const match = INDICATOR_MESSAGE.exec(foldText(text));
  if (!match) return null;
  const number = Number(match[1]);
  const rest = (match[2] ?? "").replace(/[.!]+$/, "").trim();
  if (rest === "") return { kind: "ask", number };
  const value = readFigure(rest);
  return value === null ? { kind: "unreadable", number } : { kind: "value", number, value };
}
