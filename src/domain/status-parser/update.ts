// What the status parser gives for each task a message speaks of (README: status updates).

import type { UpdateStatus } from "../vocabulary.ts";

export interface ParsedUpdate {
  /** Canonical task code ("II.2"), "#3" for the 3rd item of the list the bot last showed, or null. */
  taskRef: string | null;
  /**
   * The plan word typed with the task code ("CDS2026 II.2", "II.2 (CDS)"), upper-cased; present only when
   * the message names one, for the caller to look up among the plans' short codes.
   */
  plan?: string;
  status: UpdateStatus | null;
  /** Integer 0–100. */
  progress: number | null;
  /** The obstacle's words as typed. */
  blocker: string | null;
  /** Expected completion date, YYYY-MM-DD. */
  eta: string | null;
  /** A progress figure over 100 as typed (150 for "150%"), which `progress` cannot hold; else null. */
  progressOver100: number | null;
  /**
   * Present when the words state the task both done and not done ("II.2 xong, chưa làm"): `status` is the
   * precedence's pick, a guess the caller confirms with the person before storing it.
   */
  unsure?: true;
}
