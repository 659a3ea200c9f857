import { PassThrough } from "node:stream";
import {
  type ConsoleChannel,
  type ConsoleChannelOptions,
  startConsoleChannel,
} from "../../src/channels/console/console-channel.ts";
import { Conversation } from "../../src/conversation/conversation.ts";
import type { IncomingMessage, Reply } from "../../src/messages.ts";
import type { TestApp } from "./test-app.ts";

/** The real conversation core, noting every text that reached it (to prove what stays in the console). */
export class RecordingConversation extends Conversation {
  readonly texts: string[] = [];
  override async handle(message: IncomingMessage): Promise<Reply[]> {
    this.texts.push(message.text);
    return super.handle(message);
  }
}

export interface TestConsole {
  input: PassThrough;
  channel: ConsoleChannel;
  conversation: RecordingConversation;
  printed(): string;
  /** Everything printed since the last call. */
  fresh(): string;
}

/** The console channel on in-memory streams, over the test app's real core and database. */
export function openTestConsole(app: TestApp, options: Partial<ConsoleChannelOptions> = {}): TestConsole {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  let seen = 0;
  output.on("data", (chunk: Buffer) => {
    printed += chunk.toString("utf8");
  });
  const conversation = new RecordingConversation(app.conversation.deps);
  const channel = startConsoleChannel({
    conversation,
    translator: app.translator,
    clock: app.clock,
    zone: app.config.APP_TZ,
    input,
    output,
    documentsFolder: app.directory,
    ...options,
  });
  return {
    input,
    channel,
    conversation,
    printed: () => printed,
    fresh: () => {
      const text = printed.slice(seen);
      seen = printed.length;
      return text;
    },
  };
}

/** Types the lines into the console chat, ends the input and returns everything it printed. */
export async function chat(
  app: TestApp,
  lines: string[],
  options: Partial<ConsoleChannelOptions> = {},
): Promise<{ printed: string; sentToBot: string[] }> {
  const console = openTestConsole(app, options);
  console.input.end(`${lines.join("\n")}\n`);
  await console.channel.finished;
  return { printed: console.printed(), sentToBot: console.conversation.texts };
}
