// Plain-text questions from coordinators, answered; the same questions from officials, politely refused.
import { matchCoordinatorQuestion } from "../../domain/coordinator-question.ts";
import { parseTaskCode } from "../../domain/task-code.ts";
import type { Reply } from "../../messages.ts";
import { coordinatorsOnly } from "../coordinator-only.ts";
import type { LinkedTurn } from "../turn.ts";
import { agencyStatusAnswer } from "./agency-status.ts";
import { behindAnswer } from "./behind.ts";
import { taskStatusAnswer } from "./task-status.ts";

export function coordinatorQuestionHandler(turn: LinkedTurn): Promise<Reply[]> | null {
  if (turn.person.role !== "coordinator") return null;
  const question = matchCoordinatorQuestion(turn.message.text);
  if (question === null) return null;
  if (question.kind === "behind") return behindAnswer(turn, 1);
  if (question.kind === "task") return taskStatusAnswer(turn, question.code);
  return agencyStatusAnswer(turn, question.name);
}

/**
 * An official asking a coordinator's question ("ai chưa báo cáo?", "tình hình Sở Y tế") is told politely
 * that it is for coordinators. Mounted after the status handler, so words that read as an update
 * ("tiến độ II.2 đạt 80%") are recorded first.
 */
export function officialQuestionHandler(turn: LinkedTurn): Promise<Reply[]> | null {
  if (turn.person.role === "coordinator" || matchCoordinatorQuestion(turn.message.text) === null) return null;
  return Promise.resolve(coordinatorsOnly(turn));
}

/** `/tinhhinh <agency or task code>`: the same answers as the questions in words. */
export async function situationFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  if (args === "") return behindAnswer(turn, 1);
  const code = parseTaskCode(args);
  if (code) return taskStatusAnswer(turn, code);
  return agencyStatusAnswer(turn, args);
}
