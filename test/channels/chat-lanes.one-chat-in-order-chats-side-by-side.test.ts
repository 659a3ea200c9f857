import { describe, expect, it } from "vitest";
import { ChatLanes } from "../../src/channels/telegram/chat-lanes.ts";

/** A task the test finishes by hand, recording when it started. */
function heldTask(log: string[], name: string) {
  let finish: (value: string) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const task = () => {
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { task, finish: (value = name) => finish(value), fail: (error: Error) => fail(error) };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("ChatLanes", () => {
  it("runs one chat's tasks one after another, in the order given", async () => {
    const lanes = new ChatLanes();
    const log: string[] = [];
    const first = heldTask(log, "a1");
    const second = heldTask(log, "a2");
    const third = heldTask(log, "a3");
    const results = [first, second, third].map((held) => lanes.run("a", held.task));
    await turn();
    expect(log).toEqual(["start a1"]);
    first.finish();
    await turn();
    expect(log).toEqual(["start a1", "start a2"]);
    second.finish();
    await turn();
    third.finish();
    expect(await Promise.all(results)).toEqual(["a1", "a2", "a3"]);
    expect(log).toEqual(["start a1", "start a2", "start a3"]);
  });

  it("runs different chats side by side", async () => {
    const lanes = new ChatLanes();
    const log: string[] = [];
    const a = heldTask(log, "a");
    const b = heldTask(log, "b");
    const results = [lanes.run("a", a.task), lanes.run("b", b.task)];
    await turn();
    expect(log).toEqual(["start a", "start b"]);
    b.finish();
    a.finish();
    expect(await Promise.all(results)).toEqual(["a", "b"]);
  });

  it("goes on after a failed task, whose caller sees the failure", async () => {
    const lanes = new ChatLanes();
    const log: string[] = [];
    const failing = heldTask(log, "bad");
    const next = heldTask(log, "next");
    const failed = lanes.run("a", failing.task);
    const after = lanes.run("a", next.task);
    const thrown = lanes.run("a", () => {
      throw new Error("thrown at once");
    });
    const last = lanes.run("a", async () => "last");
    failing.fail(new Error("boom"));
    await expect(failed).rejects.toThrow("boom");
    await turn();
    next.finish();
    expect(await after).toBe("next");
    await expect(thrown).rejects.toThrow("thrown at once");
    expect(await last).toBe("last");
  });

  it("frees a chat's lane once its tasks are done, and starts a later task at once", async () => {
    const lanes = new ChatLanes();
    const log: string[] = [];
    expect(await lanes.run("a", async () => "done")).toBe("done");
    await turn();
    const later = heldTask(log, "later");
    const result = lanes.run("a", later.task);
    expect(log).toEqual(["start later"]);
    later.finish();
    expect(await result).toBe("later");
  });
});
