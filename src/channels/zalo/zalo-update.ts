// The shape of a Zalo update, checked at the edge: as getUpdates returns it and as a webhook body
// delivers it (with or without the `{ok, result}` wrapper). Ids may come as numbers; they are kept as text.
import { z } from "zod";

const id = z.union([z.string(), z.number()]).transform(String);

const zaloUpdate = z.object({
  event_name: z.string(),
  message: z
    .object({
      message_id: id,
      from: z.object({ id, display_name: z.string().optional(), is_bot: z.boolean().optional() }),
      chat: z.object({ id, chat_type: z.string().optional() }),
      /** Milliseconds since the epoch. */
      date: z.number(),
      text: z.string().optional(),
      caption: z.string().optional(),
    })
    .optional(),
});

export type ZaloUpdate = z.infer<typeof zaloUpdate>;
export type ZaloMessage = NonNullable<ZaloUpdate["message"]>;

/** Thrown for a body that is not a Zalo update: the webhook answers 400. */
export class ZaloUpdateShapeError extends Error {
  constructor(problem: string) {
    super(`not a Zalo update: ${problem}`);
    this.name = "ZaloUpdateShapeError";
  }
}

function parseOne(value: unknown): ZaloUpdate {
  const result = zaloUpdate.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ZaloUpdateShapeError(`${issue?.message ?? "invalid"} at ${issue?.path.join(".") ?? "?"}`);
}

/** The update of a body, unwrapped from `{ok, result}` when wrapped. */
export function zaloUpdateOf(body: unknown): ZaloUpdate {
  const wrapped = typeof body === "object" && body !== null && "result" in body && "ok" in body;
  return parseOne(wrapped ? (body as { result: unknown }).result : body);
}

/** getUpdates' result: one update (as documented), a list (tolerated), or nothing; each checked when handled. */
export function zaloUpdatesOf(result: unknown): unknown[] {
  if (result === null || result === undefined) return [];
  return Array.isArray(result) ? result : [result];
}
