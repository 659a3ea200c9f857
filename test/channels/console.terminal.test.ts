import { afterEach, describe, expect, it, vi } from "vitest";
import { openTestConsole, type TestConsole } from "../support/console-chat.ts";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

const ESC = String.fromCharCode(27);
const UP = `${ESC}[A`;
// Cursor moves and line clearing, to read what a terminal would show.
const CONTROL_SEQUENCE = new RegExp(`${ESC}\\[\\d*[A-Za-z]`, "g");
const visible = (text: string) => text.replace(CONTROL_SEQUENCE, "");
const CTRL_D = "\x04";
const REMINDER = {
  text: "⏰ Nhắc báo cáo Quý I/2020",
  buttons: [[{ label: "✅ Xong II.9", data: "u:1:done" }]],
};

/** Waits until the console printed `count` answers and the prompt after the last of them. */
async function answered(terminal: TestConsole, count: number): Promise<void> {
  await vi.waitFor(() => {
    const printed = terminal.printed();
    expect(printed.split("\n🤖 ").length - 1).toBeGreaterThanOrEqual(count);
    expect(visible(printed).endsWith("canbo> ")).toBe(true);
  });
}

describe("console on a terminal (readline terminal mode over a fake TTY stream)", () => {
  it("keeps history on the arrow keys, redraws the prompt with the typed text after a reminder, ends on Ctrl-D", async () => {
    app = await createTestApp({ at: "2020-03-10T02:00:00Z" });
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const terminal = openTestConsole(app, { terminal: true });
    await answered(terminal, 0);
    terminal.input.write("/conlai\r");
    await answered(terminal, 1);
    terminal.input.write(`${UP}\r`);
    await answered(terminal, 2);
    expect(terminal.conversation.texts).toEqual(["/conlai", "/conlai"]);

    terminal.input.write("II.9 đang");
    await vi.waitFor(() => expect(terminal.printed().endsWith("II.9 đang")).toBe(true));
    terminal.fresh();
    terminal.channel.deliver("canbo", REMINDER);
    const redraw = terminal.fresh();
    // The prompt line is cleared, the reminder printed, and the prompt drawn again with the typed text.
    expect(
      redraw.startsWith(`${ESC}[1G${ESC}[0J📬 Tin nhắn theo lịch gửi tới «canbo»:\n🤖 ⏰ Nhắc báo cáo`),
    ).toBe(true);
    expect(redraw).toContain("[1] ✅ Xong II.9\n");
    expect(visible(redraw).endsWith("Xong II.9\ncanbo> II.9 đang")).toBe(true);
    terminal.input.write(" 60%\r");
    await answered(terminal, 4);
    expect(terminal.conversation.texts.at(-1)).toBe("II.9 đang 60%");
    expect(terminal.printed()).toContain("Đã ghi nhận II.9: đang thực hiện 60%");

    terminal.input.write(CTRL_D);
    await terminal.channel.finished;
    expect(visible(terminal.printed()).endsWith("canbo> \nTạm biệt!\n")).toBe(true);
  });
});

describe("console off a terminal (a pipe)", () => {
  it("echoes each line after its prompt, and prints a reminder on a line of its own, then the prompt again", async () => {
    app = await createTestApp({ at: "2020-03-10T02:00:00Z" });
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const terminal = openTestConsole(app);
    await answered(terminal, 0);
    terminal.input.write(":ngay\n");
    await vi.waitFor(() => expect(terminal.printed()).toMatch(/khác.\ncanbo> $/));
    terminal.channel.deliver("canbo", REMINDER);
    terminal.input.end();
    await terminal.channel.finished;
    expect(terminal.printed()).toBe(
      [
        "canbo> :ngay",
        "🕗 Đồng hồ của console: 10/03/2020 09:00. Gõ «:ngay 13/3/2020» hoặc «:ngay 13/3/2020 08:00» để chuyển tới ngày khác.",
        "canbo> ",
        "📬 Tin nhắn theo lịch gửi tới «canbo»:",
        "🤖 ⏰ Nhắc báo cáo Quý I/2020",
        "   [1] ✅ Xong II.9",
        "canbo> ",
        "Tạm biệt!",
        "",
      ].join("\n"),
    );
  });
});
