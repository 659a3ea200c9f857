import { LocalizedError } from "../i18n/localized-error.ts";
import type { MessageArgs } from "../i18n/translator.ts";

/** An error the CLI prints as one line on stderr (from locales/), exiting with the given code. */
export class CliError extends LocalizedError {
  constructor(
    messageId: string,
    args: MessageArgs = {},
    override readonly exitCode = 1,
  ) {
    super(messageId, args);
  }
}
