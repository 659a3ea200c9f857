import { performance } from "node:perf_hooks";
import { LocalizedError } from "../../i18n/localized-error.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { Logger } from "../../logger.ts";
import type { GetMeAttempts } from "../telegram/bot-info.ts";
import { type ZaloApi, ZaloApiError, type ZaloBotInfo } from "./zalo-api.ts";

export interface ZaloBotInfoOptions extends GetMeAttempts {
  api: ZaloApi;
  apiRoot: string;
  translator: Translator;
  logger: Logger;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Asks Zalo who the bot is (getMe), as the Telegram start does: a timeout per attempt, doubling
 * pauses, a log line per failed attempt; a refused token (401, 404) is final at once.
 */
export async function fetchZaloBotInfo(options: ZaloBotInfoOptions): Promise<ZaloBotInfo> {
  const { api, attempts, timeoutMs, retryMs, translator, logger } = options;
  let problem = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const started = performance.now();
    try {
      return await api.getMe(timeoutMs);
    } catch (error) {
      if (error instanceof ZaloApiError && (error.code === 401 || error.code === 404)) {
        throw new LocalizedError("zalo-token-refused");
      }
      problem =
        performance.now() - started >= timeoutMs
          ? translator.t("telegram-no-answer", { seconds: timeoutMs / 1000 })
          : error instanceof Error
            ? error.message
            : String(error);
      logger.warn({ attempt, attempts }, translator.t("zalo-getme-failed", { attempt, attempts, problem }));
      if (attempt < attempts) await sleep(retryMs * 2 ** (attempt - 1));
    }
  }
  throw new LocalizedError("zalo-unreachable", { apiRoot: options.apiRoot, attempts, problem });
}
