// How errors from libraries and the system are quoted in one-line messages.

/** The first line of an error's text: never a stack, never a multi-line dump. */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}

/** A system or driver error's code (ENOTDIR, ECONNREFUSED, SQLITE_READONLY), or "". */
export function errorCode(error: unknown): string {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
}
