// Plain-text questions from coordinators; everyone else's text, and text that is no question, passes on.
import { matchCoordinatorQuestion } from "../../domain/coordinator-question.ts";
import { parseTaskCode } from "../../domain/task-code.ts";
import { refuseUnlessCoordinator } from "../coordinator-only.ts";
import type { LinkedTurn } from "../turn.ts";
import type { Reply } from "../types.ts";
import { agencyStatusAnswer } from "./agency-status.ts";
import { behindAnswer } from "./behind.ts";
import { taskStatusAnswer } from "./task-status.ts";

export async function coordinatorQuestionHandler(turn: LinkedTurn): Promise<Reply[] | null> {
  if (turn.person.role !== "coordinator") return null;
  const question = matchCoordinatorQuestion(turn.message.text);
  if (question === null) return null;
  if (question.kind === "behind") return behindAnswer(turn, 1);
  if (question.kind === "task") return taskStatusAnswer(turn, question.code);
  return agencyStatusAnswer(turn, question.name);
}

/** `/tinhhinh <agency or task code>`: the same answers as the questions in words. */
export async function situationFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const refusal = refuseUnlessCoordinator(turn);
  if (refusal) return refusal;
  if (args === "") return behindAnswer(turn, 1);
  const code = parseTaskCode(args);
  if (code) return taskStatusAnswer(turn, code);
  return agencyStatusAnswer(turn, args);
}
