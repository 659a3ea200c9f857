import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n/translator.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

function messageIds(locale: string): string[] {
  const source = readFileSync(join(root, "locales", `${locale}.ftl`), "utf8");
  return [...source.matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((match) => match[1] ?? "").sort();
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("locales", () => {
  it("has every Vietnamese message in English too, and nothing extra", () => {
    expect(messageIds("en")).toEqual(messageIds("vi"));
  });

  it("has every message id the code asks for by name", () => {
    const known = new Set(messageIds("vi"));
    const asked = new Set<string>();
    for (const file of sourceFiles(join(root, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"/g)) asked.add(match[1] ?? "");
    }
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((id) => !known.has(id))).toEqual([]);
  });

  it("addresses the reader one way in Vietnamese: «anh/chị», never «bạn»", () => {
    const texts = readFileSync(join(root, "locales", "vi.ftl"), "utf8")
      .split("\n")
      .filter((line) => !line.startsWith("#"))
      .join("\n");
    expect(texts).not.toMatch(/(?<!\p{L})bạn(?!\p{L})/iu);
    const forms = new Set([...texts.matchAll(/anh\s*[/,]?\s*chị/giu)].map((match) => match[0]));
    expect([...forms].sort()).toEqual(["Anh/chị", "anh/chị"]);
  });

  it("formats every message in both languages, given the variables it names", () => {
    for (const locale of ["vi", "en"] as const) {
      const translator = createTranslator(locale);
      const source = readFileSync(join(root, "locales", `${locale}.ftl`), "utf8");
      // A message runs from its "id =" line to the next line that starts a message or a comment.
      for (const block of source.split(/\n(?=[a-z#])/)) {
        const id = /^([a-z][a-z0-9-]*) =/.exec(block)?.[1];
        if (!id) continue;
        const names = [...block.matchAll(/\$([a-zA-Z]+)/g)].map((match) => match[1] ?? "");
        const args = Object.fromEntries(names.map((name) => [name, "x"]));
        expect(translator.t(id, args).length, `${locale}:${id}`).toBeGreaterThan(0);
      }
    }
  });
});
