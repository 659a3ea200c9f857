// `npm run build`, also run by `prepare` (so `npm install` and `npm ci` build): compiles src/ and
// migrations/ to JavaScript in dist/ (tsconfig.build.json), then records which sources it compiled
// (bin/build-stamp.mjs); the bin runs dist/ only while the sources still match, else the sources.
// `--optional` (prepare): a missing compiler (an install without dev dependencies) or a failed
// compile leaves dist/ unbuilt without failing the install; the CLI then runs the sources through tsx.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { STAMP_FILE, sourceFingerprint } from "../bin/build-stamp.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const compiler = join(root, "node_modules", "typescript", "bin", "tsc");

/** @param {string} reason */
function notBuilt(reason) {
  process.stderr.write(`nhacviec build: ${reason}; dist/ not built, the CLI runs the sources through tsx.\n`);
  process.exit(process.argv.includes("--optional") ? 0 : 1);
}

if (!existsSync(compiler)) notBuilt("TypeScript is not installed");
// Taken before compiling: a source edited during the build leaves the build stale, not wrongly current.
const fingerprint = sourceFingerprint(root);
// From empty: a deleted source (a migration!) must not live on in dist/.
rmSync(join(root, "dist"), { recursive: true, force: true });
try {
  execFileSync(process.execPath, [compiler, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
} catch {
  notBuilt("tsc failed (errors above)"); // and no stamp is written
}
writeFileSync(join(root, STAMP_FILE), `${JSON.stringify({ fingerprint })}\n`);
process.stdout.write("nhacviec build: dist/ is up to date.\n");
