import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { isBuildCurrent, STAMP_FILE, sourceFingerprint } from "../../bin/build-stamp.mjs";
import { tempDirectory } from "../support/test-app.ts";

const repository = fileURLToPath(new URL("../../", import.meta.url));
let project: string;

/**
 * A miniature project around the real bin/: its sources and its "build" each answer with their own
 * name (and exit code), so the output says which one the bin ran. The sources are TypeScript that
 * only tsx can run.
 */
beforeAll(() => {
  project = tempDirectory("nhacviec-bin-");
  mkdirSync(join(project, "bin"));
  for (const file of ["nhacviec.mjs", "build-stamp.mjs"]) {
    copyFileSync(join(repository, "bin", file), join(project, "bin", file));
  }
  symlinkSync(join(repository, "node_modules"), join(project, "node_modules"), "dir");
  writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');
  mkdirSync(join(project, "src"));
  mkdirSync(join(project, "migrations"));
  writeFileSync(
    join(project, "src", "cli.ts"),
    'export async function runCli(argv: string[]): Promise<number> {\n  process.stdout.write("sources " + argv.join(" "));\n  return 3;\n}\n',
  );
});

function build(): void {
  mkdirSync(join(project, "dist", "src"), { recursive: true });
  writeFileSync(
    join(project, "dist", "src", "cli.js"),
    'export async function runCli(argv) {\n  process.stdout.write("dist " + argv.join(" "));\n  return 4;\n}\n',
  );
  writeFileSync(join(project, STAMP_FILE), JSON.stringify({ fingerprint: sourceFingerprint(project) }));
}

function runBin(): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(project, "bin", "nhacviec.mjs"), "--x"], (error, stdout) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout });
    });
  });
}

describe("the nhacviec bin", () => {
  it("runs the sources while nothing is built, dist/ once built, the sources again once one changes", async () => {
    expect(await runBin()).toEqual({ code: 3, stdout: "sources --x" });
    build();
    expect(await runBin()).toEqual({ code: 4, stdout: "dist --x" });
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(project, "src", "cli.ts"), later, later);
    expect(await runBin()).toEqual({ code: 3, stdout: "sources --x" });
  });

  it("counts an added or a deleted source, or a missing stamp (an interrupted build), as stale", () => {
    build();
    expect(isBuildCurrent(project)).toBe(true);
    const added = join(project, "migrations", "0002_new.ts");
    writeFileSync(added, "export {};\n");
    expect(isBuildCurrent(project)).toBe(false);
    build();
    expect(isBuildCurrent(project)).toBe(true);
    rmSync(added);
    expect(isBuildCurrent(project)).toBe(false);
    build();
    rmSync(join(project, STAMP_FILE));
    expect(isBuildCurrent(project)).toBe(false);
  });
});
