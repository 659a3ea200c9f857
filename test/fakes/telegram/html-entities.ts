// Message text as Telegram reads it: HTML parse mode (rejected when malformed) and bot_command entities.
import type { MessageEntity } from "grammy/types";
import { badRequest } from "./api-error.ts";

const HTML_TAGS: ReadonlySet<string> = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
  "tg-time",
]);

function decodeEntity(entity: string): string {
  switch (entity) {
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "amp":
      return "&";
    case "quot":
      return '"';
    default: {
      const code = entity.startsWith("#x") ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
  }
}

/**
 * Checks Telegram's HTML parse mode rules (supported tags only, properly nested, a bare "<" is an error)
 * and returns the plain text Telegram would store. Bots that forget to escape user text fail here
 * exactly as they would against the real API.
 */
export function parseTelegramHtml(text: string): { plain: string } | { error: string } {
  const byteOffset = (index: number): number => Buffer.byteLength(text.slice(0, index), "utf8");
  const stack: string[] = [];
  let plain = "";
  let i = 0;
  const special = /[<&]/g;
  while (i < text.length) {
    special.lastIndex = i;
    const found = special.exec(text);
    if (found === null) {
      plain += text.slice(i);
      break;
    }
    plain += text.slice(i, found.index);
    i = found.index;
    if (text[i] === "&") {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(text.slice(i, i + 12));
      if (m?.[1] !== undefined) {
        plain += decodeEntity(m[1]);
        i += m[0].length;
      } else {
        plain += "&";
        i++;
      }
      continue;
    }
    const close = text.indexOf(">", i);
    if (close < 0) return { error: `Unclosed start tag at byte offset ${byteOffset(i)}` };
    if (text[i + 1] === "/") {
      const name = text
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const top = stack.pop();
      if (top === undefined) return { error: `Unexpected end tag at byte offset ${byteOffset(i)}` };
      if (name !== "" && name !== top) {
        return {
          error: `Unmatched end tag at byte offset ${byteOffset(i)}, expected "</${top}>", found "</${name}>"`,
        };
      }
    } else {
      const inner = text.slice(i + 1, close);
      const name = /^([a-zA-Z][a-zA-Z0-9-]*)/.exec(inner)?.[1]?.toLowerCase() ?? "";
      if (!HTML_TAGS.has(name)) {
        return { error: `Unsupported start tag "${name}" at byte offset ${byteOffset(i)}` };
      }
      if (name === "span" && !/class\s*=\s*["']?tg-spoiler/i.test(inner)) {
        return { error: `Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(i)}` };
      }
      stack.push(name);
    }
    i = close + 1;
  }
  const open = stack.at(-1);
  if (open !== undefined) return { error: `Can't find end tag corresponding to start tag "${open}"` };
  return { plain };
}

/** The plain text of a message after its parse mode is applied, or a 400 like Telegram's. */
export function renderText(text: string, parseMode: unknown): string {
  if (typeof parseMode === "string" && parseMode.toLowerCase() === "html") {
    const result = parseTelegramHtml(text);
    if ("error" in result) throw badRequest(`can't parse entities: ${result.error}`);
    return result.plain;
  }
  return text;
}

/** bot_command entities, which grammY's `bot.command()` relies on. Offsets are UTF-16 units, as in JS. */
export function commandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const re = /(^|\s)(\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?)(?=$|\s)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const command = m[2] ?? "";
    entities.push({ type: "bot_command", offset: m.index + (m[1]?.length ?? 0), length: command.length });
  }
  return entities;
}
