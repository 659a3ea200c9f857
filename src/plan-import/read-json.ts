// Reads a plan catalogue in the JSON shape of plan/gia-lai-nq17-2019.json. Each task is validated
// on its own so one broken task becomes a RowProblem instead of failing the whole file.

import { type core, z } from "zod";
import {
  type CatalogueReadResult,
  type CatalogueSection,
  type CatalogueTask,
  type PlanIdentityOptions,
  planIdentity,
  type RowProblem,
  taskCode,
} from "./catalogue.ts";

/** "title is missing" when absent, else `title must be <what>`. */
const typeError = (field: string, what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${field} is missing` : `${field} must be ${what}`;

const optionalText = (field: string) =>
  z
    .string({ error: typeError(field, "text") })
    .nullable()
    .optional();
const agencyList = (field: string) =>
  z.array(z.string({ error: `${field} items must be strings` }), {
    error: typeError(field, "a list of strings"),
  });

const taskSchema = z.object(
  {
    code: z
      .string({ error: typeError("code", "text") })
      .trim()
      .nullable()
      .optional(),
    number: z
      .union([z.number().int().positive(), z.string().trim().regex(/^\d+$/).transform(Number)], {
        error: "number must be a positive whole number",
      })
      .nullable()
      .optional(),
    title: z
      .string({ error: typeError("title", "text") })
      .trim()
      .min(1, { error: "title is empty" }),
    lead: agencyList("lead"),
    cooperating: agencyList("cooperating").nullable().optional(),
    period_2019_2020: optionalText("period_2019_2020"),
    period_2021_2025: optionalText("period_2021_2025"),
    // Later plans may have other periods: a generic list replaces the two Gia Lai columns.
    timeframes: z
      .array(z.string({ error: "timeframes items must be strings or null" }).nullable(), {
        error: typeError("timeframes", "a list of strings"),
      })
      .optional(),
    note: optionalText("note"),
    synthetic: z.boolean({ error: typeError("synthetic", "true or false") }).optional(),
  },
  { error: "task must be an object" },
);

const sectionSchema = z.object(
  {
    code: z
      .string({ error: typeError("section code", "text") })
      .trim()
      .min(1, { error: "section code is empty" }),
    title: z.string({ error: typeError("section title", "text") }).trim(),
    tasks: z.array(z.unknown(), { error: "tasks must be a list" }).optional(),
  },
  { error: "section must be an object" },
);

const fileSchema = z.object(
  {
    plan: z
      .object({
        code: z.string({ error: "plan.code must be text" }).trim().min(1).optional(),
        title: z.string({ error: "plan.title must be text" }).trim().min(1).optional(),
        issuer: z.string().nullable().optional(),
      })
      .optional(),
    sections: z.array(z.unknown(), { error: typeError("sections", "a list") }),
  },
  { error: "the file must hold a JSON object" },
);

function describeIssues(issues: core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      // Our own messages already name the field.
      const field = issue.path[0];
      return path === "" || (typeof field === "string" && issue.message.includes(field))
        ? issue.message
        : `${path}: ${issue.message}`;
    })
    .join("; ");
}

function cleanItems(items: string[] | null | undefined): string[] {
  return (items ?? []).map((item) => item.trim()).filter((item) => item !== "");
}

function emptyToNull(text: string | null | undefined): string | null {
  return text == null || text.trim() === "" ? null : text;
}

type TaskInput = z.infer<typeof taskSchema>;

/** Task number and code from whichever of `code` / `number` is present; a string on mismatch. */
function resolveNumber(task: TaskInput, sectionCode: string): number | string {
  const code = task.code ?? "";
  let fromCode: number | null = null;
  if (code !== "") {
    const match = /^(?:([IVXLCDM]+)\.)?(\d+)$/i.exec(code);
    if (match === null) return `code "${code}" is not of the form ${sectionCode}.<number>`;
    if (match[1] !== undefined && match[1].toUpperCase() !== sectionCode.toUpperCase()) {
      return `code "${code}" does not belong to section ${sectionCode}`;
    }
    fromCode = Number(match[2]);
  }
  const number = task.number ?? null;
  if (fromCode === null && number === null) return "has neither a code nor a number";
  if (fromCode !== null && number !== null && fromCode !== number) {
    return `code "${code}" does not match number ${number}`;
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
  if (!file.success) {
    throw new Error(
      `Not a plan catalogue (expected { plan, sections: [...] }): ${describeIssues(file.error.issues)}`,
    );
  }
  const fallback = planIdentity(options.sourcePath ?? "plan", options);
  const problems: RowProblem[] = [];
  const sections: CatalogueSection[] = [];
  const tasks: CatalogueTask[] = [];
  const taskCodes = new Set<string>();
  let ordinal = 0;

  file.data.sections.forEach((rawSection, sectionIndex) => {
    const section = sectionSchema.safeParse(rawSection);
    if (!section.success) {
      // Keep the task positions of later sections stable.
      ordinal += looseTaskCount(rawSection);
      problems.push({
        row: null,
        reason: `sections[${sectionIndex}]: ${describeIssues(section.error.issues)}; its tasks were skipped`,
      });
      return;
    }
    const sectionCode = section.data.code.toUpperCase();
    if (sections.some((s) => s.code === sectionCode)) {
      problems.push({
        row: null,
        reason: `sections[${sectionIndex}]: section ${sectionCode} appears again; its tasks join the first one`,
      });
    } else {
      sections.push({ code: sectionCode, title: section.data.title });
    }

    (section.data.tasks ?? []).forEach((rawTask, taskIndex) => {
      ordinal += 1;
      const where = `sections[${sectionIndex}].tasks[${taskIndex}] (section ${sectionCode}, task #${taskIndex + 1})`;
      const parsed = taskSchema.safeParse(rawTask);
      if (!parsed.success) {
        problems.push({ row: ordinal, reason: `${where}: ${describeIssues(parsed.error.issues)}` });
        return;
      }
      const task = parsed.data;
      const number = resolveNumber(task, sectionCode);
      if (typeof number === "string") {
        problems.push({ row: ordinal, reason: `${where}: ${number}` });
        return;
      }
      const code = taskCode(sectionCode, number);
      const lead = cleanItems(task.lead);
      if (lead.length === 0) {
        problems.push({ row: ordinal, reason: `${where}: task ${code} has no lead agency` });
        return;
      }
      if (taskCodes.has(code)) {
        problems.push({
          row: ordinal,
          reason: `${where}: task ${code} appears twice; the later one was skipped`,
        });
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
  return {
    catalogue: {
      code: options.planCode ?? plan.code ?? fallback.code,
      title: options.title ?? plan.title ?? fallback.title,
      issuer: emptyToNull(plan.issuer),
      sections,
      tasks,
    },
    problems,
  };
}

/** Parses JSON text first; a syntax error is thrown with the source named. */
export function readJsonCatalogueText(text: string, options: JsonReadOptions = {}): CatalogueReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const where = options.sourcePath ?? "JSON catalogue";
    throw new Error(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  return readJsonCatalogue(data, options);
}
