import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

// Problems and file errors carry their message ids as plain strings (not t("…") calls, which
// test/i18n/locales.test.ts checks), so a misspelt id would only show when an admin hits it.
describe("the import's problem and file-error messages", () => {
  it("exist in both locales for every id the import code uses", () => {
    const sources = [
      ...readdirSync(join(root, "src/plan-import")).map((name) => join("src/plan-import", name)),
      "src/services/plan-import.ts",
    ].filter((path) => path.endsWith(".ts"));
    const used = new Set(
      sources.flatMap((path) =>
        [...readFileSync(join(root, path), "utf8").matchAll(/"(import-(?:problem|file)-[a-z-]+)"/g)].map(
          (match) => match[1] ?? "",
        ),
      ),
    );
    expect(used.size).toBeGreaterThan(20);
    for (const locale of ["vi", "en"]) {
      const text = readFileSync(join(root, "locales", `${locale}.ftl`), "utf8");
      const defined = new Set([...text.matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((match) => match[1]));
      expect(
        [...used].filter((id) => !defined.has(id)),
        locale,
      ).toEqual([]);
    }
  });
});
