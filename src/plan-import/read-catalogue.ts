// Entry point for plan catalogue files: picks the reader by extension.

import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { projectRoot } from "../project-root.ts";
import { type BuiltinPlan, GIA_LAI_NQ17 } from "./builtin-plans.ts";
import {
  CatalogueFileError,
  type CatalogueReadResult,
  type PlanIdentityOptions,
  planIdentity,
} from "./catalogue.ts";
import { readCsvCatalogue } from "./read-csv.ts";
import { readJsonCatalogueText } from "./read-json.ts";

const BUILTIN_FOLDER = new URL("src/plan-import/builtin/", projectRoot);

async function readBytes(path: string | URL): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new CatalogueFileError("import-file-missing");
    throw new CatalogueFileError("import-file-unreadable", { problem: (error as Error).message });
  }
}

async function readByExtension(
  path: string,
  extension: string,
  options: PlanIdentityOptions,
): Promise<CatalogueReadResult> {
  const bytes = await readBytes(path);
  const identity = planIdentity(path, options);
  switch (extension) {
    case ".json":
      return readJsonCatalogueText(bytes.toString("utf8"), { ...options, sourcePath: path });
    case ".csv":
      return readCsvCatalogue(bytes.toString("utf8"), identity);
    default: {
      // exceljs loads for an .xlsx file only: the console's built-in plan is JSON.
      const { readXlsxCatalogue } = await import("./read-xlsx.ts");
      return await readXlsxCatalogue(bytes, identity);
    }
  }
}

/**
 * Reads a .json, .csv or .xlsx catalogue. A file that cannot be read as a catalogue throws a
 * CatalogueFileError whose arguments name the file (`file`).
 */
export async function readCatalogueFile(
  path: string,
  options: PlanIdentityOptions = {},
): Promise<CatalogueReadResult> {
  const extension = extname(path).toLowerCase();
  try {
    if (![".json", ".csv", ".xlsx"].includes(extension)) {
      throw new CatalogueFileError("import-file-extension", { extension: extension || "none" });
    }
    return await readByExtension(path, extension, options);
  } catch (error) {
    if (!(error instanceof CatalogueFileError)) throw error;
    throw new CatalogueFileError(error.messageId, { ...error.args, file: path });
  }
}

/** A plan shipped with the product: the Gia Lai NQ17 plan unless another is named. */
export async function builtinCatalogue(
  plan: BuiltinPlan = GIA_LAI_NQ17,
  options: Pick<PlanIdentityOptions, "shortCode" | "firstReport"> = {},
): Promise<CatalogueReadResult> {
  const url = new URL(plan.file, BUILTIN_FOLDER);
  const text = (await readBytes(url)).toString("utf8");
  return readJsonCatalogueText(text, { ...options, sourcePath: url.pathname });
}
