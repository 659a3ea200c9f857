/** Posts a body to the bot's HTTP server as a platform would, with or without its secret header. */
export async function postWebhook(
  port: number,
  path: string,
  body: string | object,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const getPath = (port: number, path: string) => fetch(`http://127.0.0.1:${port}${path}`);
