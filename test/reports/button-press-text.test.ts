// A button press is stored as the text the button stood for; the report shows what the official did.
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n/translator.ts";
import { sentText } from "../../src/reports/report-columns.ts";

const vi = createTranslator("vi");
const en = createTranslator("en");

describe("the sent text of a report row", () => {
  it.each([
    ["[nút] ✅ Xong I.5", "Bấm nút: Xong"],
    ["[nút] ⏳ II.2 60%", "Bấm nút: Đang làm 60%"],
    ["[button] ✅ Done I.5", "Bấm nút: Xong"],
    ["[button] ⏳ II.2 100%", "Bấm nút: Đang làm 100%"],
  ])("reads the stored press %s as «%s»", (raw, shown) => {
    expect(sentText(vi, raw)).toBe(shown);
  });

  it("says it in the reader's language", () => {
    expect(sentText(en, "[nút] ✅ Xong I.5")).toBe("Pressed: Done");
    expect(sentText(en, "[nút] ⏳ II.2 60%")).toBe("Pressed: In progress 60%");
  });

  it("keeps what an official typed, brackets and all", () => {
    expect(sentText(vi, "II.2 xong [nút] đã bấm")).toBe("II.2 xong [nút] đã bấm");
    expect(sentText(vi, "[ghi chú] ✅ xong")).toBe("[ghi chú] ✅ xong");
    expect(sentText(vi, null)).toBeNull();
  });
});
