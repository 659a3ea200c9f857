import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { projectRoot } from "../project-root.ts";

export type Locale = "vi" | "en";
export type MessageArgs = Record<string, FluentVariable>;

export interface Translator {
  readonly locale: Locale;
  t(id: string, args?: MessageArgs): string;
}

const localesFolder = new URL("locales/", projectRoot);
const bundles = new Map<Locale, FluentBundle>();

function bundleFor(locale: Locale): FluentBundle {
  const cached = bundles.get(locale);
  if (cached) return cached;
  // Isolation marks would show as stray characters in chat clients and terminals.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const source = readFileSync(new URL(`${locale}.ftl`, localesFolder), "utf8");
  const errors = bundle.addResource(new FluentResource(source));
  if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map(String).join("; ")}`);
  bundles.set(locale, bundle);
  return bundle;
}

/** Vietnamese first: a message missing from another locale falls back to vi. */
export function createTranslator(locale: Locale): Translator {
  const chain = locale === "vi" ? [bundleFor("vi")] : [bundleFor(locale), bundleFor("vi")];
  return {
    locale,
    t(id, args) {
      for (const bundle of chain) {
        const message = bundle.getMessage(id);
        if (message?.value) return bundle.formatPattern(message.value, args);
      }
      throw new Error(`missing message "${id}" in locales`);
    },
  };
}
