// A throwaway PostgreSQL cluster for the tests and the benches: initdb in a temporary folder, a port
// of its own on 127.0.0.1, no password (trust), fsync off (the cluster dies with the run). Only the
// server binaries are needed (Debian's `postgresql` package); nothing outside the folder is touched.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PostgresServer {
  /** The maintenance database's URL (postgres://postgres@127.0.0.1:PORT/postgres). */
  url: string;
  stop(): void;
}

/** The folder holding initdb and pg_ctl: on PATH, else Debian's versioned folder; null when absent. */
export function postgresBinaries(): string | null {
  for (const folder of (process.env.PATH ?? "").split(":")) {
    if (folder !== "" && existsSync(join(folder, "initdb")) && existsSync(join(folder, "pg_ctl")))
      return folder;
  }
  const debian = "/usr/lib/postgresql";
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((version) => existsSync(join(debian, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(debian, versions[0], "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` system user. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/** Starts a fresh cluster; throws (naming the step) when the binaries exist but the start fails. */
export async function startPostgresServer(binaries: string): Promise<PostgresServer> {
  const folder = mkdtempSync(join(tmpdir(), "nhacviec-pg-"));
  const data = join(folder, "data");
  const user = runAs();
  if (user) {
    chownSync(folder, user.uid, user.gid);
    chmodSync(folder, 0o700);
  }
  const port = await freePort();
  const run = (program: string, args: string[]) =>
    execFileSync(join(binaries, program), args, { stdio: "pipe", ...(user ?? {}), cwd: folder });
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
  const settings = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${folder}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  run("pg_ctl", ["-D", data, "-o", settings, "-l", join(folder, "server.log"), "-w", "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
