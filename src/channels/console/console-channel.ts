import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { SettableClock } from "../../clock.ts";
import type { Conversation } from "../../conversation/conversation.ts";
import { localDateOf } from "../../domain/calendar.ts";
import { readInstant } from "../../domain/date-time-input.ts";
import { dateTimeText } from "../../i18n/display.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { Logger } from "../../logger.ts";
import type { Reply, ReplyButton } from "../../messages.ts";
import { numberChoices } from "../numbered-choices.ts";
import { type ConsoleCommand, readConsoleCommand } from "./console-commands.ts";
import { ConsoleScreen } from "./console-screen.ts";

export interface ConsoleChannelOptions {
  conversation: Conversation;
  translator: Translator;
  /** The conversation's clock; `:ngay` moves it. */
  clock: SettableClock;
  /** The calendar's zone (APP_TZ), for the dates typed after `:ngay` and shown. */
  zone: string;
  input: Readable;
  output: Writable;
  /** Where files the bot sends (reports) are saved. */
  documentsFolder: string;
  initialUser?: string;
  /** The time of a date typed without one after `:ngay` (REMINDER_TIME, so that day's reminder shows). */
  timeOfDay?: { hour: number; minute: number };
  /** Runs the scheduler once after `:ngay` moved the clock. */
  onClockMoved?: () => Promise<void>;
  /** Nothing is read before this settles (the start's first scheduler run prints above the prompt). */
  ready?: Promise<unknown>;
  /** Readline's terminal mode (history, arrow keys); by default when both streams are terminals. */
  terminal?: boolean;
  logger?: Logger;
}

const MAX_HISTORY = 200;

/** A terminal chat: each typed line is a message from the current console user. */
class ConsoleSession {
  private user: string;
  private messageCounter = 0;
  /** The buttons of the latest message to each console user, numbered as printed, for ":bam 2". */
  private readonly buttons = new Map<string, ReplyButton[]>();

  constructor(
    private readonly options: ConsoleChannelOptions,
    private readonly screen: ConsoleScreen,
  ) {
    this.user = options.initialUser ?? "canbo";
  }

  private say(text: string): void {
    this.screen.print(text);
  }

  prompt(): void {
    this.screen.prompt(this.options.translator.t("console-prompt", { user: this.user }));
  }

  /** The replies as printed, buttons numbered; the buttons are remembered for the recipient. */
  private render(replies: Reply[], recipient: string): string {
    const numbered = numberChoices(replies);
    this.buttons.set(recipient, numbered.buttons);
    return replies
      .map((reply, index) => {
        const lines = [reply.text, ...(numbered.lines[index] ?? [])];
        if (reply.document) lines.push(this.saveDocument(reply.document.fileName, reply.document.bytes));
        if (reply.photo) lines.push(this.saveDocument(reply.photo.fileName, reply.photo.bytes));
        return `🤖 ${lines.join("\n").replaceAll("\n", "\n   ")}`;
      })
      .join("\n");
  }

  private saveDocument(fileName: string, bytes: Uint8Array): string {
    mkdirSync(this.options.documentsFolder, { recursive: true });
    const path = join(this.options.documentsFolder, fileName);
    writeFileSync(path, bytes);
    return this.options.translator.t("console-document-saved", { path });
  }

  private identity() {
    return { channel: "console" as const, userId: this.user, chatId: this.user, displayName: this.user };
  }

  private async send(text: string): Promise<void> {
    const { conversation, clock } = this.options;
    this.messageCounter += 1;
    const replies = await conversation.handle({
      ...this.identity(),
      text,
      messageId: `console-${clock.now().getTime()}-${this.messageCounter}`,
      sentAt: clock.now(),
      replyToMessageId: null,
    });
    this.say(this.render(replies, this.user));
  }

  private async press(number: number): Promise<void> {
    const { conversation, clock, translator } = this.options;
    const button = this.buttons.get(this.user)?.[number - 1];
    if (!button) {
      this.say(translator.t("console-no-button", { number, user: this.user }));
      return;
    }
    this.messageCounter += 1;
    const replies = await conversation.handleButton({
      ...this.identity(),
      data: button.data,
      pressId: `console-press-${this.messageCounter}`,
      messageId: null,
      pressedAt: clock.now(),
    });
    this.say(this.render(replies, this.user));
  }

  /** `:ngay` shows the clock; `:ngay 13/3/2020 [08:00]` moves it there and runs the scheduler. */
  private async moveClock(text: string): Promise<void> {
    const { clock, zone, translator } = this.options;
    const { t } = translator;
    if (text === "") {
      this.say(t("console-clock", { at: dateTimeText(clock.now(), zone) }));
      return;
    }
    const time = this.options.timeOfDay ?? { hour: 8, minute: 0 };
    const year = Number(localDateOf(clock.now(), zone).slice(0, 4));
    const instant = readInstant(text, { year, ...time }, zone);
    if (instant === null) {
      this.say(t("console-bad-date", { value: text }));
      return;
    }
    clock.set(instant);
    this.say(t("console-clock-moved", { at: dateTimeText(instant, zone) }));
    await this.options.onClockMoved?.();
  }

  /** Answers a console command here; false when the person asked to quit. */
  private async command(command: ConsoleCommand): Promise<boolean> {
    const { t } = this.options.translator;
    switch (command.kind) {
      case "quit":
        return false;
      case "help":
        this.say(t("console-help"));
        break;
      case "switch":
        if (command.user === null) this.say(t("console-user-missing"));
        else {
          this.user = command.user;
          this.say(t("console-user-switched", { user: this.user }));
        }
        break;
      case "press":
        if (command.number === null) this.say(t("console-press-missing"));
        else await this.press(command.number);
        break;
      case "date":
        await this.moveClock(command.text);
        break;
      case "unknown":
        this.say(t("console-unknown-command", { command: command.name }));
        break;
    }
    return true;
  }

  /** Handles one typed line; false when the person asked to quit. */
  async line(raw: string): Promise<boolean> {
    const text = raw.trim();
    const command = readConsoleCommand(text);
    try {
      if (command) return await this.command(command);
      if (text !== "") await this.send(text);
    } catch (error) {
      this.options.logger?.error({ err: error }, "console message failed");
      this.say(this.options.translator.t("internal-error"));
    }
    return true;
  }

  /** A scheduled message (a reminder) for a console account, shown in the chat. */
  deliver(chatId: string, reply: Reply): void {
    const header = this.options.translator.t("console-delivered", { user: chatId });
    this.say(`${header}\n${this.render([reply], chatId)}`);
  }

  bye(): void {
    this.say(this.options.translator.t("console-bye"));
  }
}

export interface ConsoleChannel {
  /** Resolves when the person quits or the input ends. */
  finished: Promise<void>;
  deliver(chatId: string, reply: Reply): void;
}

function isTerminal(stream: Readable | Writable): boolean {
  return "isTTY" in stream && stream.isTTY === true;
}

/**
 * A chat in the terminal for trying the bot without any token; the current user can be switched to
 * try an official's and a coordinator's side, ":bam <n>" presses a button and ":ngay" moves the clock.
 */
export function startConsoleChannel(options: ConsoleChannelOptions): ConsoleChannel {
  const terminal = options.terminal ?? (isTerminal(options.input) && isTerminal(options.output));
  const readline = createInterface({
    input: options.input,
    output: options.output,
    terminal,
    historySize: MAX_HISTORY,
    removeHistoryDuplicates: true,
  });
  const screen = new ConsoleScreen(readline, options.output, terminal);
  const session = new ConsoleSession(options, screen);
  // Ctrl-C in terminal mode ends the chat like Ctrl-D and ":thoat".
  readline.on("SIGINT", () => readline.close());
  const finished = new Promise<void>((resolve) => {
    let quitting = false;
    // Lines are handled one after another, like messages in one chat.
    let queue: Promise<unknown> = (options.ready ?? Promise.resolve()).then(() => session.prompt());
    readline.on("line", (line) => {
      queue = queue.then(async () => {
        if (quitting) return;
        screen.accept(line);
        if (await session.line(line)) session.prompt();
        else {
          quitting = true;
          readline.close();
        }
      });
    });
    readline.on("close", () => {
      void queue.then(() => {
        screen.end();
        session.bye();
        resolve();
      });
    });
  });
  return { finished, deliver: (chatId, reply) => session.deliver(chatId, reply) };
}
