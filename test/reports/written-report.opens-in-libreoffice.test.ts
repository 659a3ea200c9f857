// A real reader opens the written report: LibreOffice (headless) converts the DOCX to PDF, and the
// PDF has A4 portrait pages then the landscape appendix, the form's first page without a page
// number, and page numbers from page 2. Needs `soffice` and poppler's pdfinfo/pdftotext (`.ci/run`
// installs libreoffice-writer-nogui and poppler-utils); skipped, saying so, where they are missing.
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedThirdQuarter } from "../support/report-fixtures.ts";
import { runCli } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const available = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: "ignore" }).status === 0;
const READER =
  available("soffice", ["--version"]) && available("pdfinfo", ["-v"]) && available("pdftotext", ["-v"]);

let app: TestApp;
let pdf: string;

beforeAll(async () => {
  if (!READER) return;
  app = await createTestApp({ at: "2020-09-25T02:00:00Z" });
  await seedThirdQuarter(app);
  const env = { DATABASE_URL: `sqlite:${app.databasePath}`, LOG_LEVEL: "silent" };
  const docx = join(app.directory, "bc.docx");
  const at = "2020-09-25T09:00:00+07:00";
  expect((await runCli(["report", "--quarter", "2020-Q3", "--out", docx, "--at", at], env)).code).toBe(0);
  // A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
  const profile = pathToFileURL(join(app.directory, "lo-profile")).href;
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      app.directory,
      docx,
    ],
    { stdio: "ignore", timeout: 120_000 },
  );
  pdf = join(app.directory, "bc.pdf");
}, 180_000);
afterAll(() => app?.dispose());

const pageText = (page: number) =>
  execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
  });

describe.skipIf(!READER)(
  "the written report opened by LibreOffice (skipped without soffice, pdfinfo and pdftotext)",
  () => {
    it("prints A4 portrait pages, then the appendix on landscape pages", () => {
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "100", pdf], { encoding: "utf8" });
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
        Math.round(Number(m[1])),
        Math.round(Number(m[2])),
      ]);
      expect(sizes.length).toBeGreaterThanOrEqual(4);
      expect(sizes[0]).toEqual([595, 842]);
      expect(sizes.at(-1)).toEqual([842, 595]);
    });

    it("shows the form on page 1 without a page number, and numbers the pages from 2", () => {
      const first = pageText(1);
      expect(first).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      expect(first).toContain("Độc lập - Tự do - Hạnh phúc");
      expect(first).toContain("BÁO CÁO");
      expect(first.trim().split("\n")[0]).not.toMatch(/^\s*1\s*$/);
      expect(pageText(2).trim().split("\n")[0]?.trim()).toBe("2");
      expect(pageText(3).trim().split("\n")[0]?.trim()).toBe("3");
    });
  },
);
