import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Clock } from "../../clock.ts";
import type { Conversation } from "../../conversation/conversation.ts";
import type { Reply, ReplyButton } from "../../conversation/types.ts";
import type { Translator } from "../../i18n/translator.ts";

export interface ConsoleChannelOptions {
  conversation: Conversation;
  translator: Translator;
  clock: Clock;
  input: Readable;
  output: Writable;
  /** Where files the bot sends (reports) are saved. */
  documentsFolder: string;
  initialUser?: string;
}

const SWITCH_USER = /^:(nguoi|user)\s+(\S.*)$/i;
const PRESS = /^:(bam|press)\s+(\d+)$/i;
const QUIT = /^:(thoat|quit|exit)$/i;

/** A terminal chat: each typed line is a message from the current console user. */
class ConsoleSession {
  private user: string;
  private messageCounter = 0;
  /** The buttons of the bot's last answer, numbered as printed, so ":bam 2" presses the second. */
  private buttons: ReplyButton[] = [];

  constructor(private readonly options: ConsoleChannelOptions) {
    this.user = options.initialUser ?? "canbo";
  }

  private write(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  prompt(): void {
    this.options.output.write(`${this.options.translator.t("console-prompt", { user: this.user })} `);
  }

  private render(replies: Reply[]): void {
    this.buttons = replies.flatMap((reply) => (reply.buttons ?? []).flat());
    let number = 0;
    for (const reply of replies) {
      const lines = [reply.text];
      for (const row of reply.buttons ?? []) {
        lines.push(
          row
            .map((button) => {
              number += 1;
              return `[${number}] ${button.label}`;
            })
            .join("   "),
        );
      }
      if (reply.document) lines.push(this.saveDocument(reply.document.fileName, reply.document.bytes));
      this.write(`🤖 ${lines.join("\n").replaceAll("\n", "\n   ")}`);
    }
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

  /** Handles one typed line; false when the person asked to quit. */
  async line(raw: string): Promise<boolean> {
    const text = raw.trim();
    const { conversation, translator, clock } = this.options;
    if (QUIT.test(text)) return false;
    const switchTo = SWITCH_USER.exec(text)?.[2];
    const press = PRESS.exec(text)?.[2];
    if (switchTo) {
      this.user = switchTo.trim();
      this.buttons = [];
      this.write(translator.t("console-user-switched", { user: this.user }));
    } else if (press) {
      const button = this.buttons[Number(press) - 1];
      if (!button) this.write(translator.t("console-no-button", { number: press }));
      else {
        this.messageCounter += 1;
        const pressId = `console-press-${this.messageCounter}`;
        this.render(
          await conversation.handleButton({
            ...this.identity(),
            data: button.data,
            pressId,
            messageId: null,
            pressedAt: clock.now(),
          }),
        );
      }
    } else if (text !== "") {
      this.messageCounter += 1;
      this.render(
        await conversation.handle({
          ...this.identity(),
          text,
          messageId: `console-${clock.now().getTime()}-${this.messageCounter}`,
          sentAt: clock.now(),
          replyToMessageId: null,
        }),
      );
    }
    return true;
  }

  /** A scheduled message (a reminder) for a console account, shown in the chat. */
  deliver(chatId: string, reply: Reply): void {
    this.write(this.options.translator.t("console-delivered", { user: chatId }));
    this.render([reply]);
    this.prompt();
  }

  bye(): void {
    this.write(this.options.translator.t("console-bye"));
  }
}

export interface ConsoleChannel {
  /** Resolves when the person quits or the input ends. */
  finished: Promise<void>;
  deliver(chatId: string, reply: Reply): void;
}

/**
 * A chat in the terminal for trying the bot without any token; the current user can be switched to
 * try an official's and a coordinator's side, and ":bam <n>" presses a button.
 */
export function startConsoleChannel(options: ConsoleChannelOptions): ConsoleChannel {
  const session = new ConsoleSession(options);
  const rl = createInterface({ input: options.input, terminal: false });
  const finished = new Promise<void>((resolve) => {
    let queue = Promise.resolve();
    rl.on("line", (line) => {
      // Lines are handled one after another, like messages in one chat.
      queue = queue.then(async () => {
        if (await session.line(line)) session.prompt();
        else rl.close();
      });
    });
    rl.on("close", () => {
      void queue.then(() => {
        session.bye();
        resolve();
      });
    });
    session.prompt();
  });
  return { finished, deliver: (chatId, reply) => session.deliver(chatId, reply) };
}
