// Entry point for plan catalogue files: picks the reader by extension.

import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { projectRoot } from "../project-root.ts";
import { type CatalogueReadResult, type PlanIdentityOptions, planIdentity } from "./catalogue.ts";
import { readCsvCatalogue } from "./read-csv.ts";
import { readJsonCatalogueText } from "./read-json.ts";
import { readXlsxCatalogue } from "./read-xlsx.ts";

const BUILTIN_PLAN = new URL("src/plan-import/builtin/gia-lai-nq17-2019.json", projectRoot);

async function readBytes(path: string | URL): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new Error(`Cannot read catalogue file ${String(path)}: ${(error as Error).message}`);
  }
}

/** Reads a .json, .csv or .xlsx catalogue. Throws for other extensions and unreadable files. */
export async function readCatalogueFile(
  path: string,
  options: PlanIdentityOptions = {},
): Promise<CatalogueReadResult> {
  const extension = extname(path).toLowerCase();
  if (![".json", ".csv", ".xlsx"].includes(extension)) {
    const shown = extension === "" ? "(none)" : extension;
    throw new Error(`Unsupported catalogue file extension ${shown} for ${path}: use .json, .csv or .xlsx`);
  }
  const bytes = await readBytes(path);
  const identity = planIdentity(path, options);
  try {
    switch (extension) {
      case ".json":
        return readJsonCatalogueText(bytes.toString("utf8"), { ...options, sourcePath: path });
      case ".csv":
        return readCsvCatalogue(bytes.toString("utf8"), identity);
      default:
        return await readXlsxCatalogue(bytes, identity);
    }
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.includes(path) ? message : `${path}: ${message}`);
  }
}

/** The Gia Lai NQ17 plan shipped with the product. */
export async function builtinCatalogue(): Promise<CatalogueReadResult> {
  const text = (await readBytes(BUILTIN_PLAN)).toString("utf8");
  return readJsonCatalogueText(text, { sourcePath: BUILTIN_PLAN.pathname });
}
