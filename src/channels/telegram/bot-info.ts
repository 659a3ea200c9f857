import { performance } from "node:perf_hooks";
import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { errorCode, errorLine } from "../../error-text.ts";
import { LocalizedError } from "../../i18n/localized-error.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { Logger } from "../../logger.ts";

export interface GetMeAttempts {
  attempts: number;
  /** Each attempt's limit: an API that never answers must not leave the start silent. */
  timeoutMs: number;
  /** The pause after the first failed attempt, doubling after each next one. */
  retryMs: number;
}

export interface BotInfoOptions extends GetMeAttempts {
  token: string;
  apiRoot: string;
  translator: Translator;
  logger: Logger;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Why an attempt failed, in one line without the token (network errors may quote the request's URL). */
function failureOf(error: unknown, token: string): string {
  if (error instanceof GrammyError) return `${error.error_code}: ${error.description}`;
  const cause = error instanceof HttpError ? error.error : error;
  return (errorCode(cause) || errorLine(cause)).replaceAll(token, "***");
}

/**
 * Asks Telegram who the bot is (getMe): a timeout per attempt, doubling pauses between attempts, a
 * log line for each failed one. A refused token (401, 404) is final at once. A plain Api, not the
 * bot's: its auto-retry would retry network failures forever, silently.
 */
export async function fetchBotInfo(options: BotInfoOptions): Promise<UserFromGetMe> {
  const { attempts, timeoutMs, retryMs, token, translator, logger } = options;
  // The client's own timeout aborts the request, so nothing keeps the process alive afterwards.
  const api = new Api(token, { apiRoot: options.apiRoot, timeoutSeconds: timeoutMs / 1000 });
  let problem = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const started = performance.now();
    try {
      return await api.getMe();
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new LocalizedError("telegram-token-refused");
      }
      const timedOut = performance.now() - started >= timeoutMs;
      problem = timedOut
        ? translator.t("telegram-no-answer", { seconds: timeoutMs / 1000 })
        : failureOf(error, token);
      logger.warn(
        { attempt, attempts },
        translator.t("telegram-getme-failed", { attempt, attempts, problem }),
      );
      if (attempt < attempts) await sleep(retryMs * 2 ** (attempt - 1));
    }
  }
  throw new LocalizedError("telegram-unreachable", { apiRoot: options.apiRoot, attempts, problem });
}
