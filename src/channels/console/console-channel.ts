import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Clock } from "../../clock.ts";
import type { Conversation } from "../../conversation/conversation.ts";
import type { Reply } from "../../conversation/types.ts";
import type { Translator } from "../../i18n/translator.ts";

export interface ConsoleChannelOptions {
  conversation: Conversation;
  translator: Translator;
  clock: Clock;
  input: Readable;
  output: Writable;
  initialUser?: string;
}

const SWITCH_USER = /^:(nguoi|user)\s+(\S.*)$/i;
const QUIT = /^:(thoat|quit|exit)$/i;

function render(reply: Reply): string {
  const lines = [reply.text];
  for (const row of reply.buttons ?? []) lines.push(row.map((button) => `[${button.label}]`).join("  "));
  if (reply.document) lines.push(`📎 ${reply.document.fileName} (${reply.document.bytes.length} bytes)`);
  return lines.map((line) => `🤖 ${line.replaceAll("\n", "\n   ")}`).join("\n");
}

/**
 * A chat in the terminal for trying the bot without any token: each typed line is a message from
 * the current console user, who can be switched to try an official's and a coordinator's side.
 */
export function runConsoleChannel(options: ConsoleChannelOptions): Promise<void> {
  const { conversation, translator, clock, output } = options;
  let user = options.initialUser ?? "canbo";
  let messageCounter = 0;
  const rl = createInterface({ input: options.input, terminal: false });
  const write = (text: string) => output.write(`${text}\n`);
  const prompt = () => output.write(`${translator.t("console-prompt", { user })} `);

  return new Promise((resolve) => {
    let queue = Promise.resolve();
    rl.on("line", (line) => {
      // Lines are handled one after another, like messages in one chat.
      queue = queue.then(async () => {
        const text = line.trim();
        if (text === "") {
          prompt();
          return;
        }
        if (QUIT.test(text)) {
          rl.close();
          return;
        }
        const switchTo = SWITCH_USER.exec(text)?.[2];
        if (switchTo) {
          user = switchTo.trim();
          write(translator.t("console-user-switched", { user }));
          prompt();
          return;
        }
        messageCounter += 1;
        const replies = await conversation.handle({
          channel: "console",
          userId: user,
          chatId: user,
          displayName: user,
          text,
          messageId: `console-${messageCounter}`,
          sentAt: clock.now(),
          replyToMessageId: null,
        });
        for (const reply of replies) write(render(reply));
        prompt();
      });
    });
    rl.on("close", () => {
      void queue.then(() => {
        write(translator.t("console-bye"));
        resolve();
      });
    });
    prompt();
  });
}
