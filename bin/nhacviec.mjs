#!/usr/bin/env node
// Runs the JavaScript build in dist/ when it was built from the sources as they are now (`npm run
// build`, also run by npm install/ci); otherwise the TypeScript sources through tsx, so a developer
// editing src/ never runs stale code, and the CLI works with no build at all.
import { fileURLToPath, pathToFileURL } from "node:url";
import { isBuildCurrent } from "./build-stamp.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
let entry = "dist/src/cli.js";
if (!isBuildCurrent(root)) {
  const { register } = await import("tsx/esm/api");
  register();
  entry = "src/cli.ts";
}
/** @type {typeof import("../src/cli.ts")} */
const cli = await import(pathToFileURL(`${root}${entry}`).href);
process.exitCode = await cli.runCli(process.argv.slice(2));
