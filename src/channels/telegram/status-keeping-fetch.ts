/**
 * grammY reads every answer of the Bot API as JSON. A proxy's 502 page (HTML) then fails as a
 * network error without its status; this fetch hands grammY such an answer as the Bot API's own
 * error shape, so it becomes a GrammyError "502 Bad Gateway" and is recorded and retried as one.
 */
export async function statusKeepingFetch(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const response = await fetch(input, init);
  if (response.ok || response.headers.get("content-type")?.includes("json")) return response;
  await response.body?.cancel();
  return Response.json(
    { ok: false, error_code: response.status, description: response.statusText || `HTTP ${response.status}` },
    { status: response.status },
  );
}
