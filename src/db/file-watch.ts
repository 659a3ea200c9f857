import { statSync } from "node:fs";

/** The database file the process opened was deleted or replaced while it runs. */
export class DatabaseVanishedError extends Error {
  constructor(readonly path: string) {
    super(`the database file ${path} was deleted or replaced after it was opened`);
  }
}

/**
 * SQLite keeps writing to a file that was deleted (the open descriptor still works), so everything
 * confirmed after a deletion would be lost at the next start. Remembering the file's device and
 * inode at open lets the bot notice (one stat, a few microseconds) before it confirms anything.
 */
export interface FileWatch {
  /** Throws DatabaseVanishedError when the file is gone or another file is at its path. */
  check(): void;
  /** Called once, at the first check that finds the file gone. */
  onVanished(listener: (error: DatabaseVanishedError) => void): void;
}

function identityOf(path: string): string | null {
  const stats = statSync(path, { throwIfNoEntry: false, bigint: true });
  return stats ? `${stats.dev}:${stats.ino}` : null;
}

/** No file to watch: PostgreSQL, or an in-memory database. */
export const NO_FILE_WATCH: FileWatch = { check() {}, onVanished() {} };

export function watchFile(path: string): FileWatch {
  const opened = identityOf(path);
  const listeners: ((error: DatabaseVanishedError) => void)[] = [];
  let vanished: DatabaseVanishedError | null = null;
  return {
    check() {
      if (vanished) throw vanished;
      if (identityOf(path) === opened) return;
      vanished = new DatabaseVanishedError(path);
      for (const listener of listeners) listener(vanished);
      throw vanished;
    },
    onVanished(listener) {
      listeners.push(listener);
    },
  };
}
