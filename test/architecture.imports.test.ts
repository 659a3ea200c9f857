// Imports run one way (docs/architecture.md): each layer imports only the layers listed for it, so
// a module that reaches up (delivery into the chat core, a service into the CLI's wiring) fails here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { describe, expect, it } from "vitest";

type Layer =
  | "domain"
  | "leaf"
  | "db"
  | "config"
  | "store"
  | "texts"
  | "plan-import"
  | "reports"
  | "services"
  | "delivery"
  | "conversation"
  | "channels"
  | "http"
  | "root";

// Checked in order, first match wins; every file under src/ must match one.
const LAYER_OF: ReadonlyArray<[RegExp, Layer]> = [
  [/^domain\//, "domain"],
  [/^(messages|clock|logger|project-root|error-text|yield-point)\.ts$|^i18n\//, "leaf"],
  [/^db\//, "db"],
  [/^config\.ts$/, "config"],
  [/^store\//, "store"],
  [/^texts\//, "texts"],
  [/^plan-import\//, "plan-import"],
  [/^reports\//, "reports"],
  [/^services\//, "services"],
  [/^delivery\//, "delivery"],
  [/^conversation\//, "conversation"],
  [/^channels\//, "channels"],
  // Deciding whether a server runs and registering webhooks is wiring: the composition root's.
  [/^(app|cli|main)\.ts$|^cli\/|^http\/start-http\.ts$/, "root"],
  [/^http\//, "http"],
];

/** Paths the table above names one by one; a stale one (the file moved) must be removed from it. */
const NAMED_FILES = ["http/start-http.ts"];

const BELOW_STORE: Layer[] = ["domain", "leaf", "db"];
const BELOW_SERVICES: Layer[] = [...BELOW_STORE, "config", "store", "texts", "plan-import"];

// What each layer may import besides itself. Texts sit below services, delivery and the chat core
// (a reminder, a chat reply and a drain all read them) and above no store. Plan files and reports
// are file formats: pure readers and writers over domain types, used by services and features.
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  domain: [],
  leaf: ["domain"],
  db: ["domain", "leaf"],
  config: [...BELOW_STORE],
  store: [...BELOW_STORE],
  texts: [...BELOW_STORE],
  "plan-import": ["domain", "leaf"],
  reports: ["domain", "leaf"],
  services: BELOW_SERVICES,
  delivery: [...BELOW_STORE, "config", "store", "texts"],
  conversation: [...BELOW_SERVICES, "reports", "services"],
  channels: [...BELOW_SERVICES, "reports", "services", "conversation", "delivery"],
  // The one HTTP server: webhooks hand updates to the channels, /healthz reads the database.
  http: [...BELOW_SERVICES, "reports", "services", "conversation", "delivery", "channels"],
  root: [...BELOW_SERVICES, "reports", "services", "conversation", "delivery", "channels", "http"],
};

const SRC = join(import.meta.dirname, "..", "src");

function layerOf(path: string): Layer | null {
  return LAYER_OF.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

// `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`; only the project's own
// (relative) modules matter here.
const SPECIFIER = /\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

/** `from` → `to` pairs, as paths relative to src/, for every relative import in `files`. */
function importsOf(files: ReadonlyMap<string, string>): Array<{ from: string; to: string }> {
  return [...files].flatMap(([from, text]) =>
    [...text.matchAll(SPECIFIER)].map((match) => ({
      from,
      to: posix.normalize(posix.join(posix.dirname(from), match[1] ?? "")),
    })),
  );
}

/** Every import that points against the direction, as "from (layer) → to (layer)". */
function upwardImports(files: ReadonlyMap<string, string>): string[] {
  return importsOf(files).flatMap(({ from, to }) => {
    const source = layerOf(from);
    const target = layerOf(to);
    if (source === null || target === null || source === target) return [];
    return MAY_IMPORT[source].includes(target) ? [] : [`${from} (${source}) → ${to} (${target})`];
  });
}

function readSources(): Map<string, string> {
  return new Map(
    sourceFiles(SRC).map((path) => [relative(SRC, path).split("\\").join("/"), readFileSync(path, "utf8")]),
  );
}

describe("imports run one way", () => {
  const sources = readSources();

  it("places every source file in a layer", () => {
    expect([...sources.keys()].filter((path) => layerOf(path) === null)).toEqual([]);
  });

  it("names only files that exist", () => {
    expect(NAMED_FILES.filter((path) => !existsSync(join(SRC, path)))).toEqual([]);
  });

  it("has no import pointing to a higher layer", () => {
    expect(upwardImports(sources)).toEqual([]);
  });

  it("reports an import against the direction", () => {
    const files = new Map([
      ["delivery/drain.ts", 'import { handle } from "../conversation/conversation.ts";'],
      ["services/nudge.ts", 'const app = await import("../app.ts");'],
      ["texts/format.ts", 'export { findPerson } from "../store/people.ts";'],
      ["conversation/turn.ts", 'import type { Reply } from "../messages.ts";'],
    ]);
    expect(upwardImports(files)).toEqual([
      "delivery/drain.ts (delivery) → conversation/conversation.ts (conversation)",
      "services/nudge.ts (services) → app.ts (root)",
      "texts/format.ts (texts) → store/people.ts (store)",
    ]);
  });
});
