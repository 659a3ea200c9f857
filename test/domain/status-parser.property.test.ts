// Whatever arrives in a chat, the parser answers within its contract and never throws (README: status updates; what can go wrong).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import type { ParsedUpdate } from "../../src/domain/status-parser/update.ts";

const STATUSES = new Set(["done", "in_progress", "not_started", "blocked"]);
const TASK_REF = /^(?:[IVX]+\.\d{1,2}|#\d{1,2})$/;

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

function expectWithinContract(updates: readonly ParsedUpdate[]): void {
  expect(Array.isArray(updates)).toBe(true);
  expect(updates.length).toBeLessThanOrEqual(50);
  for (const u of updates) {
    // "unsure" only on an unsure reading, and then true (issue 16).
    expect(
      Object.keys(u)
        .filter((key) => key !== "unsure" || u.unsure !== true)
        .sort(),
    ).toEqual(["blocker", "eta", "progress", "progressOver100", "status", "taskRef"]);
    expect(u.taskRef === null || TASK_REF.test(u.taskRef)).toBe(true);
    expect(u.status === null || STATUSES.has(u.status)).toBe(true);
    expect(
      u.progress === null || (Number.isInteger(u.progress) && u.progress >= 0 && u.progress <= 100),
    ).toBe(true);
    expect(u.eta === null || isRealDate(u.eta)).toBe(true);
    expect(
      u.status === "blocked" ? typeof u.blocker === "string" && u.blocker.trim() !== "" : u.blocker === null,
    ).toBe(true);
    expect(
      u.progressOver100 === null || (Number.isInteger(u.progressOver100) && u.progressOver100 > 100),
    ).toBe(true);
    expect(u.progress === null || u.progressOver100 === null).toBe(true);
    expect(u.status !== null || u.progress !== null || u.eta !== null || u.progressOver100 !== null).toBe(
      true,
    );
  }
}

const referenceDate = fc
  .date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

// Pieces of real messages, so random text often looks like an update and exercises the rules.
const fragment = fc.constantFrom(
  "II.2",
  "ii-3",
  "2.4",
  "nv 3",
  "#2",
  "số 1",
  "nhiệm vụ 2 mục V",
  "xong",
  "chưa xong",
  "hoàn thành",
  "ht",
  "đang làm",
  "dang cho",
  "chờ",
  "vướng",
  "không vướng gì",
  "tắc",
  "công tác",
  "kết quả",
  "thiếu kinh phí",
  "tạm dừng",
  "chưa thể",
  "80%",
  "100 %",
  "150%",
  "0%",
  "được 30",
  "sáu mươi lăm phần trăm",
  "dự kiến xong 30/3",
  "trước 15/4/2020",
  "29/2",
  "31/2",
  "ngày 5 tháng 1",
  "quý 3",
  ";",
  "\n",
  ",",
  "?",
  "😁",
  "ạ",
  "anh",
);

const messageLike = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(" "));

describe("status parser contract", () => {
  it("holds for arbitrary unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), referenceDate, (text, at) => {
        expectWithinContract(parseStatusMessage(text, at));
      }),
      { numRuns: 500 },
    );
  });

  it("holds for strings of control characters, surrogates and emoji", () => {
    const odd = fc.constantFrom(
      "\u0000",
      "\u0007",
      "\u001b",
      "\u007f",
      "\u200b",
      "\u200d",
      "\ufeff",
      "\ud800",
      "\udfff",
    );
    const piece = fc.oneof(odd, fragment, fc.string({ unit: "grapheme", maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), referenceDate, (pieces, at) => {
        expectWithinContract(parseStatusMessage(pieces.join(""), at));
      }),
      { numRuns: 500 },
    );
  });

  it("holds for message-like text and any reference date", () => {
    fc.assert(
      fc.property(messageLike, fc.oneof(referenceDate, fc.string({ maxLength: 12 })), (text, at) => {
        expectWithinContract(parseStatusMessage(text, at));
      }),
      { numRuns: 1000 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(messageLike, referenceDate, (text, at) => {
        expect(parseStatusMessage(text, at)).toEqual(parseStatusMessage(text, at));
      }),
      { numRuns: 200 },
    );
  });

  it("handles 10,000-character messages quickly", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 10_000, maxLength: 10_000 }),
        referenceDate,
        (text, at) => {
          const started = performance.now();
          expectWithinContract(parseStatusMessage(text, at));
          expect(performance.now() - started).toBeLessThan(1_000);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("handles huge real-looking input within the caps", () => {
    const pasted = "II.2 đang làm 60%, vướng kinh phí; ".repeat(2_000);
    const lines = "số 1 xong\n".repeat(5_000);
    for (const text of [pasted, lines, "x".repeat(100_000), ";".repeat(50_000), "\n".repeat(50_000)]) {
      const started = performance.now();
      expectWithinContract(parseStatusMessage(text, "2021-06-15"));
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it("treats SQL and markup as plain text", () => {
    const hostile = [
      "'; DROP TABLE updates; --",
      "II.2 xong'; DELETE FROM agencies WHERE '1'='1",
      "1 OR 1=1; SELECT * FROM users",
      "<script>alert('x')</script> II.3 đang làm",
      "{{constructor.constructor(1)}} #2 100%",
      "%s%s%s%n 80%%",
      "../../etc/passwd",
    ];
    for (const text of hostile) expectWithinContract(parseStatusMessage(text, "2021-06-15"));
    expect(parseStatusMessage("'; DROP TABLE updates; --", "2021-06-15")).toEqual([]);
  });

  it("survives values outside its type from untyped callers", () => {
    const loose = parseStatusMessage as (text: unknown, at: unknown) => ParsedUpdate[];
    for (const value of [undefined, null, 42, {}, [], Symbol("x")]) {
      expect(loose(value, "2021-06-15")).toEqual([]);
      expectWithinContract(loose("II.2 dự kiến xong 30/6", value));
    }
  });
});
