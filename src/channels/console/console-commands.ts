// The console's own commands: a line starting with ":" is for the terminal chat itself and is never
// sent to the bot, so a missing argument gets a hint here instead of a bot reply (or a stored update).
import { foldText } from "../../domain/vietnamese.ts";

export type ConsoleCommand =
  | { kind: "switch"; user: string | null }
  | { kind: "press"; number: number | null }
  /** An empty text asks for the clock; anything else moves it. */
  | { kind: "date"; text: string }
  | { kind: "help" }
  | { kind: "quit" }
  | { kind: "unknown"; name: string };

// Names as typed, with or without diacritics (":người", ":bấm", ":ngày"), Vietnamese first.
const NAMES: Record<string, ConsoleCommand["kind"]> = {
  nguoi: "switch",
  user: "switch",
  bam: "press",
  press: "press",
  ngay: "date",
  date: "date",
  trogiup: "help",
  help: "help",
  thoat: "quit",
  quit: "quit",
  exit: "quit",
};

/** The command a typed line holds; null for a message to the bot. */
export function readConsoleCommand(line: string): ConsoleCommand | null {
  const match = /^:(\S*)\s*(.*)$/s.exec(line.trim());
  if (!match) return null;
  const [, typedName = "", rest = ""] = match;
  const argument = rest.trim();
  switch (NAMES[foldText(typedName)]) {
    case "switch":
      return { kind: "switch", user: argument === "" ? null : argument };
    case "press":
      return { kind: "press", number: /^\d{1,3}$/.test(argument) ? Number(argument) : null };
    case "date":
      return { kind: "date", text: argument };
    case "help":
      return { kind: "help" };
    case "quit":
      return { kind: "quit" };
    default:
      return { kind: "unknown", name: `:${typedName}` };
  }
}
