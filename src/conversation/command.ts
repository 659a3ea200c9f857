export interface ParsedCommand {
  name: string;
  args: string;
}

/** Reads "/start abc", "/start@nhacviec_bot abc" or "/NhiemVu"; null for plain text. */
export function parseCommand(text: string): ParsedCommand | null {
  const match = /^\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return null;
  return { name: (match[1] ?? "").toLowerCase(), args: (match[2] ?? "").trim() };
}
