import { describe, expect, it } from "vitest";
import { commandEntities, parseTelegramHtml } from "./html-entities.ts";

describe("the fake Bot API's message text", () => {
  it("validates Telegram HTML", () => {
    expect(parseTelegramHtml('<b>a</b> &lt;3 <a href="https://x">y</a> &amp; &#65;')).toEqual({
      plain: "a <3 y & A",
    });
    expect(parseTelegramHtml("<b>open")).toHaveProperty("error");
    expect(parseTelegramHtml("<div>x</div>")).toHaveProperty("error");
    expect(parseTelegramHtml("1 < 2")).toHaveProperty("error");
  });

  it("marks bot commands, with UTF-16 offsets", () => {
    expect(commandEntities("/start ABC")).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    expect(commandEntities("Chào 🙂 /nhiemvu@nhacviec_bot nhé")).toEqual([
      { type: "bot_command", offset: 8, length: 21 },
    ]);
    expect(commandEntities("a/b không phải lệnh")).toEqual([]);
  });
});
