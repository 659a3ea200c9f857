import type { Kysely } from "kysely";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/schema.ts";
import type { ReportSettings } from "../domain/written-report.ts";
import type { Translator } from "../i18n/translator.ts";
import type { IncomingButton, IncomingMessage, Reply } from "../messages.ts";
import type { ConversationState } from "../store/conversation-state.ts";
import type { LinkedPerson } from "../store/people.ts";

export interface ConversationDeps {
  db: Kysely<Database>;
  translator: Translator;
  clock: Clock;
  /** The calendar's zone (APP_TZ). */
  zone: string;
  /** STALE_AFTER_DAYS: an open assignment with no update for longer is stale. */
  staleAfterDays: number;
  /** Who issues and signs the written report (REPORT_ keys). */
  reportSettings: ReportSettings;
  /** Throws DatabaseVanishedError when the database file was deleted or replaced (file-watch.ts). */
  checkDatabase?: () => void;
}

/** One incoming message with what the core knows about its sender. */
export interface Turn {
  message: IncomingMessage;
  person: LinkedPerson | null;
  deps: ConversationDeps;
}

export type LinkedTurn = Turn & { person: LinkedPerson };

export type CommandHandler = (turn: LinkedTurn, args: string) => Promise<Reply[]>;

/** A plain-text turn with what the bot remembers of the chat, read once by the router. */
export type TextTurn = LinkedTurn & { state: ConversationState };

/**
 * Reads a plain-text message; null when the text is not for this handler, at once where it can tell
 * without the database (a message passes several handlers before the one that reads it).
 */
export type TextHandler = (turn: TextTurn) => Promise<Reply[] | null> | null;

/** Handles a press of a button whose callback data starts with the handler's prefix. */
export type ButtonHandler = (turn: LinkedTurn, press: IncomingButton) => Promise<Reply[]>;

export function say(text: string): Reply[] {
  return [{ text }];
}
