// `/trogiup`: the intro for the person's role, then the help line of each command that role sees, as
// the route table lists them; the commands only coordinators may use lead a coordinator's help.
import type { Role } from "../../domain/vocabulary.ts";
import type { Reply } from "../../messages.ts";
import type { CommandRoute } from "../route.ts";
import { type LinkedTurn, say } from "../turn.ts";

/** The locale ids of a role's help lines, in the order the help shows them. */
export function helpLineIds(routes: readonly CommandRoute[], role: Role): string[] {
  const rank = (route: CommandRoute) => (route.role === "coordinator" ? 0 : 1);
  return [...routes]
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((route) => {
      const id = route.help[role];
      return id === undefined ? [] : [id];
    });
}

const INTRO: Record<Role, string> = { official: "help-official", coordinator: "help-coordinator" };

export async function helpFeature(turn: LinkedTurn, routes: readonly CommandRoute[]): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  const { role } = turn.person;
  return say(
    [t(INTRO[role]), t("help-commands"), ...helpLineIds(routes, role).map((id) => t(id))].join("\n"),
  );
}
