import { existsSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { CliError } from "./cli-error.ts";
import { problemOf } from "./context.ts";

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Refuses, before any work, an output file whose folder does not exist, or that exists already
 * without `--force`: one line naming the folder or the file.
 */
export function checkOutputFile(command: string, file: string, force: boolean): void {
  const folder = dirname(resolve(file));
  if (!isFolder(folder)) throw new CliError("cli-out-no-folder", { command, folder });
  if (!force && existsSync(file)) throw new CliError("cli-out-exists", { command, file });
}

/** Writes the file; without `force` it is created only if still absent, even if one appeared meanwhile. */
export async function writeOutputFile(
  command: string,
  file: string,
  bytes: Uint8Array,
  force: boolean,
): Promise<void> {
  await writeFile(file, bytes, { flag: force ? "w" : "wx" }).catch((error: unknown) => {
    throw new CliError("cli-out-write-failed", { command, file, problem: problemOf(error) });
  });
}
