export interface WebhookUrls {
  telegram?: string;
  zalo?: string;
}

/**
 * Where each platform posts its updates: WEBHOOK_URL itself when one platform runs, or
 * WEBHOOK_URL + `/telegram` and + `/zalo` when both do. The server serves each at its URL's path.
 */
export function webhookUrlsOf(
  webhookUrl: string,
  platforms: { telegram: boolean; zalo: boolean },
): WebhookUrls {
  if (platforms.telegram && platforms.zalo) {
    const base = webhookUrl.replace(/\/+$/, "");
    return { telegram: `${base}/telegram`, zalo: `${base}/zalo` };
  }
  if (platforms.telegram) return { telegram: webhookUrl };
  if (platforms.zalo) return { zalo: webhookUrl };
  return {};
}

/** The path a platform's requests arrive at (what a reverse proxy passes on unchanged). */
export const pathOf = (url: string) => new URL(url).pathname;
