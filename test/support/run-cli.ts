import { type ChildProcess, execFile, type StdioOptions, spawn } from "node:child_process";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { runCli as runCliEntry } from "../../src/cli.ts";

const binary = fileURLToPath(new URL("../../bin/nhacviec.mjs", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `nhacviec` binary in a child process, as an admin would (slow: keep these few). */
export function runCliProcess(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [binary, ...args],
      { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** `nhacviec start` as a real process with exactly `env` (plus PATH and HOME), as an operator runs it. */
export function startBotProcess(env: Record<string, string>, stdio: StdioOptions = "ignore"): ChildProcess {
  return spawn(process.execPath, [binary, "start"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio,
  });
}

/** The exit code of a child process, once it has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

type Write = typeof process.stdout.write;

function capture(stream: NodeJS.WriteStream, into: string[]): () => void {
  const original = stream.write;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    callback?.();
    return true;
  }) as Write;
  return () => {
    stream.write = original;
  };
}

let running = false;

/**
 * Runs the CLI's entry point (`runCli`) inside the test process, with exactly `env` as the
 * environment and stdout/stderr captured: the same code path as the binary, without paying a
 * process start. Calls are serialized, since they share the process's environment and streams.
 */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<CliResult> {
  if (running) throw new Error("runCli: one in-process CLI run at a time");
  running = true;
  const savedEnv = { ...process.env };
  const stdout: string[] = [];
  const stderr: string[] = [];
  const restoreOut = capture(process.stdout, stdout);
  const restoreErr = capture(process.stderr, stderr);
  const stdinDescriptor = Object.getOwnPropertyDescriptor(process, "stdin");
  if (input !== undefined) {
    Object.defineProperty(process, "stdin", { value: Readable.from([input]), configurable: true });
  }
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, { PATH: savedEnv.PATH ?? "", HOME: savedEnv.HOME ?? "" }, env);
  try {
    const code = await runCliEntry(args);
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    if (stdinDescriptor) Object.defineProperty(process, "stdin", stdinDescriptor);
    restoreOut();
    restoreErr();
    running = false;
  }
}
