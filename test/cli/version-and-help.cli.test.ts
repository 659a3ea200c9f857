import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli, runCliProcess } from "../support/run-cli.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
const COMMANDS = ["start", "migrate", "import", "agencies", "invite", "behind", "report", "tick", "backup"];

/**
 * The packages a module loads before it runs anything: its static imports, followed through the
 * project's own modules (`import type` loads nothing; dynamic import() is not followed).
 */
function staticPackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?"([^"]+)";/gm)) {
    const [, typeOnly, specifier = ""] = match;
    if (typeOnly) continue;
    if (specifier.startsWith(".")) {
      for (const name of staticPackages(resolve(dirname(file), specifier), seen)) packages.add(name);
    } else packages.add(specifier);
  }
  return packages;
}

describe("nhacviec --version and --help", () => {
  it("prints the package's version", async () => {
    for (const flag of ["--version", "-V"]) {
      const result = await runCli([flag], {});
      expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    }
  });

  it("lists every command", async () => {
    const result = await runCli(["--help"], {});
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    expect(result.stdout).toContain("-V, --version");
  });

  it("loads commander alone before a command runs: each command's module is imported lazily", () => {
    const packages = [...staticPackages(join(root, "src", "cli.ts"))].filter(
      (name) => !name.startsWith("node:"),
    );
    expect(packages).toEqual(["commander"]);
  });

  it("answers --help and --version from the real binary", async () => {
    const help = await runCliProcess(["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: nhacviec \[options\] \[command\]/);
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    const printed = await runCliProcess(["--version"], {});
    expect(printed).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});
