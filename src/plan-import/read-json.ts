// Reads a plan catalogue in the JSON shape of plan/gia-lai-nq17-2019.json. Each task is validated
// on its own so one broken task becomes a RowProblem instead of failing the whole file.

import { type core, z } from "zod";
import { normalizePlanShortCode } from "../domain/plan-short-code.ts";
import {
  CatalogueFileError,
  type CatalogueReadResult,
  type CatalogueSection,
  type CatalogueTask,
  type FirstReport,
  type PlanIdentityOptions,
  planIdentity,
  type RowProblem,
  rowWarning,
  skippedRow,
  taskCode,
} from "./catalogue.ts";

// Every schema error says what the field should have been, as a token that
// `import-problem-json-field` turns into words in the admin's language.
const EXPECTED = [
  "missing",
  "empty",
  "text",
  "text-list",
  "text-items",
  "whole-number",
  "yes-no",
  "list",
  "object",
] as const;
type Expected = (typeof EXPECTED)[number];

/** `what`, or "missing" when the field is absent. */
const expecting = (what: Expected) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "missing" : what;

const optionalText = z
  .string({ error: expecting("text") })
  .nullable()
  .optional();
const agencyList = z.array(z.string({ error: "text-items" }), { error: expecting("text-list") });

const taskSchema = z.object(
  {
    code: z
      .string({ error: expecting("text") })
      .trim()
      .nullable()
      .optional(),
    number: z
      .union([z.number().int().positive(), z.string().trim().regex(/^\d+$/).transform(Number)], {
        error: "whole-number",
      })
      .nullable()
      .optional(),
    title: z
      .string({ error: expecting("text") })
      .trim()
      .min(1, { error: "empty" }),
    lead: agencyList,
    cooperating: agencyList.nullable().optional(),
    period_2019_2020: optionalText,
    period_2021_2025: optionalText,
    // Later plans may have other periods: a generic list replaces the two Gia Lai columns.
    timeframes: z
      .array(z.string({ error: "text-items" }).nullable(), { error: expecting("text-list") })
      .optional(),
    note: optionalText,
    synthetic: z.boolean({ error: expecting("yes-no") }).optional(),
  },
  { error: "object" },
);

const sectionSchema = z.object(
  {
    code: z
      .string({ error: expecting("text") })
      .trim()
      .min(1, { error: "empty" }),
    title: z.string({ error: expecting("text") }).trim(),
    tasks: z.array(z.unknown(), { error: "list" }).optional(),
  },
  { error: "object" },
);

const fileSchema = z.object({
  plan: z
    .object({
      code: z.string().trim().min(1).optional(),
      short_code: z.string().trim().min(1).optional(),
      title: z.string().trim().min(1).optional(),
      issuer: z.string().nullable().optional(),
    })
    .optional(),
  report_schedule_note: z.unknown().optional(),
  sections: z.array(z.unknown()),
});

// "Riêng năm 2026, bắt đầu thực hiện và báo cáo từ Quý II": the plan's first reporting period.
const firstReportSchema = z.object({
  first_year: z.number().int().min(2000).max(2200),
  first_quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
});

/** The note's first period; a note that names none is only words, one that names a wrong one stops the import. */
function noteFirstReport(note: unknown): FirstReport | undefined {
  if (note === null || typeof note !== "object") return undefined;
  if (!("first_year" in note) && !("first_quarter" in note)) return undefined;
  const read = firstReportSchema.safeParse(note);
  if (!read.success) {
    const { first_year: year, first_quarter: quarter } = note as Record<string, unknown>;
    throw new CatalogueFileError("import-json-first-report-bad", {
      year: JSON.stringify(year ?? null),
      quarter: JSON.stringify(quarter ?? null),
    });
  }
  return { year: read.data.first_year, quarter: read.data.first_quarter };
}

/** One skipped-row problem per schema issue, naming the field and what it should be. */
function fieldProblems(place: string, issues: core.$ZodIssue[]): RowProblem[] {
  return issues.map((issue) =>
    skippedRow(null, "import-problem-json-field", {
      place,
      field: issue.path.length > 0 ? String(issue.path[0]) : "",
      expected: (EXPECTED as readonly string[]).includes(issue.message) ? issue.message : "invalid",
    }),
  );
}

function cleanItems(items: string[] | null | undefined): string[] {
  return (items ?? []).map((item) => item.trim()).filter((item) => item !== "");
}

function emptyToNull(text: string | null | undefined): string | null {
  return text == null || text.trim() === "" ? null : text;
}

type TaskInput = z.infer<typeof taskSchema>;

/** Task number from whichever of `code` / `number` is present, or the problem with them. */
function resolveNumber(task: TaskInput, sectionCode: string, place: string): number | RowProblem {
  const code = task.code ?? "";
  const problem = (messageId: string) => skippedRow(null, messageId, { place, code, section: sectionCode });
  let fromCode: number | null = null;
  if (code !== "") {
    const match = /^(?:([IVXLCDM]+)\.)?(\d+)$/i.exec(code);
    if (match === null) return problem("import-problem-json-code-form");
    if (match[1] !== undefined && match[1].toUpperCase() !== sectionCode.toUpperCase()) {
      return problem("import-problem-json-code-section");
    }
    fromCode = Number(match[2]);
  }
  const number = task.number ?? null;
  if (fromCode === null && number === null) return problem("import-problem-json-no-code");
  if (fromCode !== null && number !== null && fromCode !== number) {
    return skippedRow(null, "import-problem-json-code-number", { place, code, number });
  }
  return fromCode ?? number ?? 0;
}

function looseTaskCount(rawSection: unknown): number {
  const tasks = z.object({ tasks: z.array(z.unknown()) }).safeParse(rawSection);
  return tasks.success ? tasks.data.tasks.length : 0;
}

export interface JsonReadOptions extends PlanIdentityOptions {
  /** File path, used for the plan code and title when neither the options nor the file give one. */
  sourcePath?: string;
}

/** Reads already-parsed JSON. Throws only when the data is not a catalogue at all. */
export function readJsonCatalogue(data: unknown, options: JsonReadOptions = {}): CatalogueReadResult {
  const file = fileSchema.safeParse(data);
  if (!file.success) throw new CatalogueFileError("import-file-not-catalogue");
  const fallback = planIdentity(options.sourcePath ?? "plan", options);
  const problems: RowProblem[] = [];
  const sections: CatalogueSection[] = [];
  const tasks: CatalogueTask[] = [];
  const taskCodes = new Set<string>();

  file.data.sections.forEach((rawSection, sectionIndex) => {
    const sectionPlace = `sections[${sectionIndex}]`;
    const section = sectionSchema.safeParse(rawSection);
    if (!section.success) {
      problems.push(
        ...fieldProblems(sectionPlace, section.error.issues),
        skippedRow(null, "import-problem-json-section-skipped", {
          place: sectionPlace,
          count: looseTaskCount(rawSection),
        }),
      );
      return;
    }
    const sectionCode = section.data.code.toUpperCase();
    if (sections.some((s) => s.code === sectionCode)) {
      problems.push(
        rowWarning(null, "import-problem-json-section-again", { place: sectionPlace, section: sectionCode }),
      );
    } else {
      sections.push({ code: sectionCode, title: section.data.title });
    }

    (section.data.tasks ?? []).forEach((rawTask, taskIndex) => {
      const place = `${sectionPlace}.tasks[${taskIndex}]`;
      const parsed = taskSchema.safeParse(rawTask);
      if (!parsed.success) {
        problems.push(...fieldProblems(place, parsed.error.issues));
        return;
      }
      const task = parsed.data;
      const number = resolveNumber(task, sectionCode, place);
      if (typeof number !== "number") {
        problems.push(number);
        return;
      }
      const code = taskCode(sectionCode, number);
      const lead = cleanItems(task.lead);
      if (lead.length === 0) {
        problems.push(skippedRow(null, "import-problem-task-no-lead", { task: code }));
        return;
      }
      if (taskCodes.has(code)) {
        problems.push(skippedRow(null, "import-problem-json-task-again", { place, task: code }));
        return;
      }
      taskCodes.add(code);
      tasks.push({
        code,
        sectionCode,
        number,
        title: task.title,
        lead,
        cooperating: cleanItems(task.cooperating),
        timeframes: (task.timeframes ?? [task.period_2019_2020, task.period_2021_2025]).map(emptyToNull),
        note: emptyToNull(task.note),
        synthetic: task.synthetic ?? false,
        sourceRow: null,
      });
    });
  });

  const plan = file.data.plan ?? {};
  const shortCode = options.shortCode ?? fileShortCode(plan.short_code);
  const firstReport = options.firstReport ?? noteFirstReport(file.data.report_schedule_note);
  return {
    catalogue: {
      code: options.planCode ?? plan.code ?? fallback.code,
      ...(shortCode === undefined ? {} : { shortCode }),
      ...(firstReport === undefined ? {} : { firstReport }),
      title: options.title ?? plan.title ?? fallback.title,
      issuer: emptyToNull(plan.issuer),
      sections,
      tasks,
    },
    problems,
  };
}

/** The file's `plan.short_code`, normalized; one that cannot be a short code stops the import. */
function fileShortCode(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const code = normalizePlanShortCode(text);
  if (code === null) throw new CatalogueFileError("import-short-code-bad", { code: text });
  return code;
}

/** Parses JSON text first; a syntax error is a CatalogueFileError. */
export function readJsonCatalogueText(text: string, options: JsonReadOptions = {}): CatalogueReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CatalogueFileError("import-file-bad-json", { problem: (error as Error).message });
  }
  return readJsonCatalogue(data, options);
}
