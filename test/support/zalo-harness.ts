import { ZaloApi } from "../../src/channels/zalo/zalo-api.ts";
import { startZalo, type ZaloChannel } from "../../src/channels/zalo/zalo-channel.ts";
import { createZaloPacer } from "../../src/channels/zalo/zalo-sender.ts";
import type { FileLinks } from "../../src/http/file-links.ts";
import { fileLinksFor } from "../../src/http/start-http.ts";
import { createLogger } from "../../src/logger.ts";
import { type FakeZalo, startFakeZalo, type ZaloSentMessage } from "../fakes/zalo-api-server.ts";
import { createTestApp, type TestApp } from "./test-app.ts";

export interface ZaloHarness {
  app: TestApp;
  fake: FakeZalo;
  zalo: ZaloChannel;
  /** The links the channel makes, for an HTTP server to serve; undefined without a public base URL. */
  fileLinks: FileLinks | undefined;
  /** The env for a CLI run on this app's database that delivers to the fake Zalo. */
  env: Record<string, string>;
  /** Sends a text as a Zalo user (stamped with the app's clock) and waits for `count` bot messages. */
  say(userId: string, text: string, count?: number): Promise<ZaloSentMessage[]>;
  close(): Promise<void>;
}

/**
 * The real Zalo channel (long polling) against the fake Zalo Bot API, on a real SQLite file; on
 * `options.app` (another harness's, which stays its owner's to dispose) for a person on two channels.
 */
export async function startZaloHarness(
  options: { app?: TestApp; env?: Record<string, string> } = {},
): Promise<ZaloHarness> {
  const app = options.app ?? (await createTestApp({ env: options.env }));
  // As `start` does: file links when PUBLIC_BASE_URL (or WEBHOOK_URL) is set, else the notice.
  const fileLinks = fileLinksFor(app.config, app);
  const fake = await startFakeZalo();
  const zalo = await startZalo({
    api: new ZaloApi({ token: fake.token, apiRoot: fake.apiRoot }),
    apiRoot: fake.apiRoot,
    getMe: { attempts: 1, timeoutMs: 5000, retryMs: 1 },
    pacer: createZaloPacer(50),
    conversation: app.conversation,
    translator: app.translator,
    logger: createLogger("silent"),
    pollSeconds: 1,
    fileLinks,
  });
  const harness: ZaloHarness = {
    app,
    fake,
    zalo,
    fileLinks,
    env: {
      DATABASE_URL: `sqlite:${app.databasePath}`,
      LOG_LEVEL: "silent",
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
    },
    async say(userId, text, count = 1) {
      const since = fake.sent.length;
      fake.sendUserMessage({ userId, text, date: app.clock.now().getTime() });
      return fake.waitForMessages(userId, count, since);
    },
    async close() {
      await zalo.stop(2000);
      await fake.close();
      if (!options.app) await app.dispose();
    },
  };
  return harness;
}
