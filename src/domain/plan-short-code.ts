// A plan's short code: what an official types before a task code when two plans share it
// ("CDS2026 II.2 xong") and what lists show beside a task. Capital letters and digits only, so that
// it reads the same typed in any case and never looks like a task code ("II.2") or a number.

const MAX_LENGTH = 16;

/** "cds2026" → "CDS2026"; null when the text cannot be a short code (empty, too long, a bare number). */
export function normalizePlanShortCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9-]*$/.test(code) || code.length > MAX_LENGTH) return null;
  return code;
}

/**
 * The short code a plan gets when its catalogue names none: the first part of its code holding both
 * letters and digits ("gia-lai-nq17-2019" → "NQ17"), else the parts run together ("ke-hoach-cds-2021"
 * → "KEHOACHCDS2021", cut to fit), "PLAN" when nothing is left.
 */
export function derivedPlanShortCode(planCode: string): string {
  const parts = planCode
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((part) => part !== "");
  const mixed = parts.find((part) => /[A-Z]/.test(part) && /[0-9]/.test(part));
  const joined = (mixed ?? parts.join("")).replace(/^[0-9]+/, "").slice(0, MAX_LENGTH);
  return joined === "" ? "PLAN" : joined;
}

/** The first of `wanted`, `wanted2`, `wanted3`… that no other plan holds. */
export function freePlanShortCode(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${wanted.slice(0, MAX_LENGTH - String(suffix).length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
