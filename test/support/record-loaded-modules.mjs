// `node --import ./test/support/record-loaded-modules.mjs …` appends the URL of every module the process
// loads to the file named by RECORD_LOADED_MODULES, one a line: ES modules as a loader hook sees them
// (in Node's hooks thread), CommonJS ones from require's cache when the process exits.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";
import { isMainThread } from "node:worker_threads";

const file = process.env.RECORD_LOADED_MODULES ?? "";

/**
 * @param {string} url
 * @param {object} context
 * @param {(url: string, context: object) => Promise<unknown>} nextLoad
 */
export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}

if (isMainThread && file !== "") {
  register(import.meta.url);
  process.on("exit", () => {
    const cached = Object.keys(createRequire(import.meta.url).cache).map((path) => pathToFileURL(path).href);
    appendFileSync(file, `${cached.join("\n")}\n`);
  });
}
