import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalogueFile } from "../../src/plan-import/read-catalogue.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nhacviec-read-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A CatalogueFileError with this message id, naming the file. */
function fileError(messageId: string, file: string, args: Record<string, unknown> = {}) {
  return expect.objectContaining({ messageId, args: { file, ...args } });
}

describe("readCatalogueFile", () => {
  it("rejects other extensions, naming the extension", async () => {
    const pdf = join(dir, "plan.pdf");
    await expect(readCatalogueFile(pdf)).rejects.toThrow(
      fileError("import-file-extension", pdf, { extension: ".pdf" }),
    );
    const bare = join(dir, "plan");
    await expect(readCatalogueFile(bare)).rejects.toThrow(
      fileError("import-file-extension", bare, { extension: "none" }),
    );
  });

  it("reports a missing file by its path", async () => {
    const path = join(dir, "missing.json");
    await expect(readCatalogueFile(path)).rejects.toThrow(fileError("import-file-missing", path));
  });

  it("reads JSON with upper-case extension and names the file on bad JSON", async () => {
    const good = join(dir, "Kế hoạch.JSON");
    await writeFile(good, JSON.stringify({ sections: [{ code: "I", title: "Một", tasks: [] }] }));
    const { catalogue } = await readCatalogueFile(good, { title: "Tên" });
    expect(catalogue).toMatchObject({
      code: "ke-hoach",
      title: "Tên",
      sections: [{ code: "I", title: "Một" }],
    });

    const bad = join(dir, "bad.json");
    await writeFile(bad, "{");
    await expect(readCatalogueFile(bad)).rejects.toThrow(
      fileError("import-file-bad-json", bad, { problem: expect.any(String) }),
    );
  });
});
