// The route table is the one place a command's role and help live: the router refuses officials
// before any coordinator handler runs (commands and buttons alike), and every command the menu
// advertises has its line in the help.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpLineIds } from "../../src/conversation/features/help.ts";
import { ADVERTISED_COMMANDS, BUTTON_ROUTES, COMMAND_ROUTES } from "../../src/conversation/routes.ts";
import type { Role } from "../../src/domain/vocabulary.ts";
import { createTranslator } from "../../src/i18n/translator.ts";
import type { IncomingButton, IncomingMessage } from "../../src/messages.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, inviteFor, type TestApp } from "../support/test-app.ts";

describeEachDatabase("the route table", (database) => {
  const OFFICIAL = "official-y-te";
  const COORDINATOR = "coordinator";

  let app: TestApp;
  let refusal: string;

  function message(userId: string, text: string): IncomingMessage {
    const sentAt = app.clock.now();
    return {
      channel: "console",
      userId,
      chatId: userId,
      displayName: userId,
      text,
      messageId: null,
      sentAt,
      replyToMessageId: null,
    };
  }

  async function say(userId: string, text: string): Promise<string> {
    const replies = await app.conversation.handle(message(userId, text));
    return replies.map((reply) => reply.text).join("\n");
  }

  async function press(userId: string, data: string): Promise<string> {
    const button: IncomingButton = {
      channel: "console",
      userId,
      chatId: userId,
      displayName: userId,
      data,
      pressId: `press-${data}`,
      messageId: null,
      pressedAt: app.clock.now(),
    };
    return (await app.conversation.handleButton(button)).map((reply) => reply.text).join("\n");
  }

  async function link(userId: string, agency: string | null, role: Role): Promise<void> {
    const invite = await inviteFor(app, agency, role);
    expect(await say(userId, `/start ${invite.code}`)).toContain("Liên kết thành công");
  }

  async function countRows(table: "outbox" | "audit_log" | "status_updates"): Promise<number> {
    return (
      await app.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
  }

  beforeAll(async () => {
    app = await createTestApp({ database, at: "2020-03-10T02:00:00Z" });
    refusal = app.translator.t("behind-coordinators-only");
    await link(OFFICIAL, "so-y-te", "official");
    await link(COORDINATOR, null, "coordinator");
  });
  afterAll(async () => {
    await app.dispose();
  });

  const coordinatorNames = COMMAND_ROUTES.filter((route) => route.role === "coordinator").flatMap((route) => [
    ...route.names,
  ]);

  describe("the router enforces each route's role", () => {
    it("keeps the coordinators' commands to coordinators (the table says which)", () => {
      expect(coordinatorNames.sort()).toEqual(
        [
          "baocao",
          "behind",
          "bieudo",
          "chart",
          "cham",
          "chuabaocao",
          "late",
          "nhac",
          "nudge",
          "report",
          "status",
          "tinhhinh",
        ].sort(),
      );
    });

    it.each(coordinatorNames)(
      "refuses /%s to an official, before the command does anything",
      async (name) => {
        const before = await Promise.all([countRows("outbox"), countRows("audit_log")]);
        expect(await say(OFFICIAL, `/${name} Sở Y tế`)).toBe(refusal);
        expect(await Promise.all([countRows("outbox"), countRows("audit_log")])).toEqual(before);
      },
    );

    it("answers every other command to an official, and every coordinator command to a coordinator", async () => {
      for (const route of COMMAND_ROUTES.filter((r) => r.role === "linked")) {
        for (const name of route.names) expect(await say(OFFICIAL, `/${name}`), name).not.toBe(refusal);
      }
      for (const route of COMMAND_ROUTES.filter((r) => r.role === "coordinator")) {
        expect(await say(COORDINATOR, `/${route.names[0]}`), route.names[0]).not.toBe(refusal);
      }
    });

    it("refuses the coordinators' buttons to an official and routes the rest by their codec's prefix", async () => {
      const roleOf = (prefix: string) => BUTTON_ROUTES.find((route) => route.prefix === prefix)?.role;
      expect(["n", "b", "o"].map(roleOf)).toEqual(["coordinator", "coordinator", "coordinator"]);
      expect(["u", "k"].map(roleOf)).toEqual(["linked", "linked"]);
      for (const route of BUTTON_ROUTES) {
        const answer = await press(OFFICIAL, `${route.prefix}:1`);
        if (route.role === "coordinator") expect(answer, route.prefix).toBe(refusal);
        else expect(answer, route.prefix).toBe(app.translator.t("button-expired"));
      }
      expect(await press(COORDINATOR, "n:999999")).toBe(app.translator.t("nudge-expired-button"));
      expect(await countRows("status_updates")).toBe(0);
    });
  });

  describe("the help is generated from the route table", () => {
    const advertised = ADVERTISED_COMMANDS.map(({ command }) => command);

    it("gives every advertised command a line in the help of a role that may use it", () => {
      // /start is for people not linked yet: their help is the not-linked explanation itself.
      for (const command of advertised.filter((name) => name !== "start")) {
        const route = COMMAND_ROUTES.find((r) => r.names[0] === command);
        const roles: Role[] = route?.role === "coordinator" ? ["coordinator"] : ["official", "coordinator"];
        const lines = roles.flatMap((role) => (route?.help[role] ? [route.help[role]] : []));
        expect(lines, command).not.toEqual([]);
      }
    });

    it("starts each help line with its command, in both languages, and shows officials only their commands", () => {
      for (const locale of ["vi", "en"] as const) {
        const { t } = createTranslator(locale);
        for (const route of COMMAND_ROUTES) {
          for (const id of Object.values(route.help))
            expect(t(id), id).toMatch(new RegExp(`^/${route.names[0]}\\b`));
        }
      }
      const officialLines = helpLineIds(COMMAND_ROUTES, "official");
      for (const route of COMMAND_ROUTES.filter((r) => r.role === "coordinator")) {
        expect(officialLines).not.toContain(route.help.coordinator);
      }
    });

    it("answers /trogiup with the role's intro and lines, a coordinator's own commands first", async () => {
      const official = await say(OFFICIAL, "/trogiup");
      expect(official.split("\n").slice(2)).toEqual(
        ["/nhiemvu", "/conlai", "/capnhat", "/chitieu", "/vang", "/kenh", "/lienket", "/trogiup"].map(
          (name) => expect.stringMatching(`^${name}\\b`),
        ),
      );
      const coordinator = await say(COORDINATOR, "/help");
      expect(coordinator.split("\n")[0]).toBe(app.translator.t("help-coordinator"));
      expect(coordinator.split("\n").map((line) => line.split(" ")[0])).toEqual([
        "Anh/chị",
        "Các",
        "/cham",
        "/cham",
        "/tinhhinh",
        "/nhac",
        "/baocao",
        "/bieudo",
        "/nhiemvu",
        "/chitieu",
        "/kenh",
        "/lienket",
        "/trogiup",
      ]);
    });
  });
});
