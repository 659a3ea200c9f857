// `npm run build`, also run by `prepare` (so `npm install` and `npm ci` build): bundles the CLI and the
// migrations into JavaScript in dist/ with esbuild, then records which sources it built from
// (bin/build-stamp.mjs); the bin runs dist/ only while the sources still match, else the sources.
// Bundled because a process start pays per module file: Kysely alone is 263 files (~180 ms CPU and
// ~19 MiB to load them one by one, ~20 ms and ~3 MiB as one). Each command's module stays its own chunk,
// loaded by its command only (src/cli/commands.ts). Type checking is `npm run typecheck`'s job.
// `--optional` (prepare): a missing esbuild or a failed build leaves dist/ unbuilt without failing the
// install; the CLI then runs the sources through tsx.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { STAMP_FILE, sourceFingerprint } from "../bin/build-stamp.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

// Pure JavaScript, loaded at every start: one chunk instead of hundreds of files (pino's transports,
// which would run a bundled file in a worker, are not used: logs go to stderr). Every other dependency
// stays in node_modules: native addons (better-sqlite3, @napi-rs/canvas) and the heavy ones that only
// some commands load (exceljs, docx, chart.js, pg, hono), so that they can be seen staying unloaded.
const BUNDLED = [
  "kysely",
  "zod",
  "grammy",
  "@grammyjs/auto-retry",
  "@fluent/bundle",
  "dayjs",
  "commander",
  "dotenv",
  "node-cron",
  "pino",
];

/**
 * @param {string} reason
 * @returns {never}
 */
function notBuilt(reason) {
  process.stderr.write(`nhacviec build: ${reason}; dist/ not built, the CLI runs the sources through tsx.\n`);
  process.exit(process.argv.includes("--optional") ? 0 : 1);
}

/**
 * esbuild writes ASCII but leaves the letters of regular expressions (/[đĐ]/) as they are, and V8 holds a
 * module's source with a single such letter in two bytes a character: 1 MiB more for the largest chunk.
 * Escaped (\u0111) they mean the same in a regular expression, a string or a comment.
 * @param {string} folder
 */
function asciiOnly(folder) {
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".js"))) {
    const path = join(folder, name);
    const source = readFileSync(path, "utf8");
    // An escaped letter (/\đ/) would turn into an escaped backslash: refuse rather than change its meaning.
    if (/\\[\u0080-\uffff]/.test(source)) notBuilt(`${path}: a non-ASCII character after a backslash`);
    const escaped = source.replace(
      /[\u0080-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    if (escaped !== source) writeFileSync(path, escaped);
  }
}

/** @type {typeof import("esbuild")} */
let esbuild;
try {
  esbuild = await import("esbuild"); // installed with tsx
} catch {
  notBuilt("esbuild is not installed");
}

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const external = Object.keys(manifest.dependencies).filter((name) => !BUNDLED.includes(name));
/** @type {Record<string, string>} out path (under dist/) → source */
const entryPoints = { "src/cli": "src/cli.ts" };
for (const file of readdirSync(join(root, "migrations")).filter((name) => name.endsWith(".ts"))) {
  entryPoints[`migrations/${file.slice(0, -3)}`] = `migrations/${file}`;
}

// Taken before building: a source edited during the build leaves the build stale, not wrongly current.
const fingerprint = sourceFingerprint(root);
// From empty: a deleted source (a migration!) must not live on in dist/.
rmSync(join(root, "dist"), { recursive: true, force: true });
try {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir: "dist",
    // Chunks sit beside dist/src/cli.js: src/project-root.ts finds the project two folders up from either.
    chunkNames: "src/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Renamed classes would lose their names, and node-fetch (in grammY) checks a signal's class by name.
    keepNames: true,
    minifyWhitespace: true,
    external,
    // node-fetch (in grammY) takes Node's own URL and loads whatwg-url (with a 290 KB Unicode table) only
    // as a fallback for Node < 10.
    alias: { "whatwg-url": "./scripts/whatwg-url-node.cjs" },
    // The CommonJS packages bundled (grammY's node-fetch…) require Node's modules.
    banner: {
      js: 'import { createRequire as bundleRequireFrom } from "node:module"; const require = bundleRequireFrom(import.meta.url);',
    },
    logLevel: "warning",
  });
} catch {
  notBuilt("esbuild failed (errors above)"); // and no stamp is written
}
for (const folder of ["src", "migrations"]) asciiOnly(join(root, "dist", folder));
writeFileSync(join(root, STAMP_FILE), `${JSON.stringify({ fingerprint })}\n`);
process.stdout.write("nhacviec build: dist/ is up to date.\n");
