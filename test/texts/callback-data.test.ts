import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ButtonAction, decodeButton, encodeButton } from "../../src/texts/callback-data.ts";

const ACTIONS: ButtonAction[] = ["done", "doing", "blocked", "pick"];

describe("task button callback data", () => {
  it("round-trips every action within Telegram's 64 bytes", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), fc.integer({ min: 1, max: 999_999_999_999 }), (action, id) => {
        const data = encodeButton({ action, assignmentId: id });
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
        expect(decodeButton(data)).toEqual({ action, assignmentId: id });
      }),
    );
    expect(decodeButton(encodeButton({ action: "percent", assignmentId: 7, value: 75 }))).toEqual({
      action: "percent",
      assignmentId: 7,
      value: 75,
    });
  });

  it.each(["", "u", "u:x:1", "u:d:", "u:d:abc", "n:5", "u:p:1:101", "u:d:1:50", "u:d:1:2:3"])(
    "rejects %j as not ours (the bot then says the button expired)",
    (data) => {
      expect(decodeButton(data)).toBeNull();
    },
  );
});
