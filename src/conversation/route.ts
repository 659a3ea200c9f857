// The shape of the route table (routes.ts) and the one rule the router applies before a handler.
import type { Role } from "../domain/vocabulary.ts";
import type { Reply } from "../messages.ts";
import type { LinkedPerson } from "../store/people.ts";
import type { ButtonHandler, CommandHandler, Turn } from "./turn.ts";

/** Who may use a route: anyone linked, or coordinators only (officials get the polite refusal). */
export type RouteRole = "linked" | "coordinator";

interface CommandRouteBase {
  /** Vietnamese first (the name the menu and the help show), then the aliases. */
  names: readonly [string, ...string[]];
  /** The locale id of its line in each role's help; a role without one does not see it there. */
  help: Partial<Record<Role, string>>;
  /** The locale id of its description in the channel's command menu; absent: not advertised. */
  menu?: string;
}

export type CommandRoute = CommandRouteBase &
  (
    | { role: RouteRole; handler: CommandHandler }
    /** Open to people not linked yet (linking itself). */
    | { role: "anyone"; handler: (turn: Turn, args: string) => Promise<Reply[]> }
  );

export interface ButtonRoute {
  /** The prefix of the callback data, as its codec defines it ("u" in "u:d:12"). */
  prefix: string;
  role: RouteRole;
  handler: ButtonHandler;
}

export function mayUse(role: RouteRole, person: LinkedPerson): boolean {
  return role === "linked" || person.role === "coordinator";
}
