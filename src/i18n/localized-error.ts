import type { MessageArgs, Translator } from "./translator.ts";

/** An error whose text lives in locales/: thrown with a message id, shown in the person's language. */
export class LocalizedError extends Error {
  /** The CLI's exit status when this error ends a command. */
  readonly exitCode: number = 1;

  constructor(
    readonly messageId: string,
    readonly args: MessageArgs = {},
  ) {
    super(messageId);
  }

  describe(translator: Translator): string {
    return translator.t(this.messageId, this.args);
  }
}
