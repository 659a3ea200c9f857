import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chat } from "../support/console-chat.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, inviteFor, type TestApp } from "../support/test-app.ts";

describeEachDatabase("the console chat", (database) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await createTestApp({ database, at: "2020-03-10T02:00:00Z" });
  });
  afterEach(async () => {
    await app.dispose();
  });

  describe("the console chat", () => {
    it("links, lists what is owed and records an update through numbered buttons", async () => {
      const invite = await inviteFor(app, "so-y-te");
      const { printed } = await chat(app, [`/start ${invite.code}`, "/conlai", ":bam 2", ":bam 2", ":thoat"]);
      expect(printed).toContain("Liên kết thành công");
      expect(printed).toContain("chưa báo cáo Quý I/2020");
      expect(printed).toMatch(/\[2\] ⏳ Đang làm/);
      expect(printed).toContain("bao nhiêu phần trăm");
      expect(printed).toContain("đang thực hiện 50%");
      expect(printed).toContain("Tạm biệt!");
      const stored = await app.database.db.selectFrom("status_updates").selectAll().execute();
      expect(stored.map((row) => [row.channel, row.status, row.progress])).toEqual([
        ["console", "in_progress", 50],
      ]);
    });

    it("switches the sender, so one terminal can try both roles", async () => {
      const { printed } = await chat(app, [":nguoi dieuphoi", "xin chào"]);
      expect(printed).toContain("«dieuphoi»");
      expect(printed).toContain("dieuphoi> ");
      expect(printed).toContain("chưa được liên kết");
      expect(await app.database.db.selectFrom("people").selectAll().execute()).toEqual([]);
    });

    it("says so when a button number does not exist", async () => {
      expect((await chat(app, [":bam 9"])).printed).toContain("Không có nút số 9");
    });
  });
});
