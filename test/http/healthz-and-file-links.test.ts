// GET /healthz and GET /files/<token> through the real HTTP server on a real SQLite file.
import { rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileLinks, type FileLinks } from "../../src/http/file-links.ts";
import { type HttpServer, startHttpServer } from "../../src/http/http-server.ts";
import { createLogger } from "../../src/logger.ts";
import { getPath } from "../support/http-client.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp;
let server: HttpServer;
let links: FileLinks;
const lastTick = new Date("2020-03-10T02:00:00Z");

beforeEach(async () => {
  app = await createTestApp({ withBuiltinPlan: false });
  links = createFileLinks({ baseUrl: "https://bot.example.vn", ttlHours: 24, clock: app.clock });
  server = await startHttpServer({
    port: 0,
    health: { database: app.database, lastTickAt: () => lastTick },
    fileLinks: links,
    logger: createLogger("silent"),
  });
});

afterEach(async () => {
  await server.close();
  await app.dispose();
});

describe("/healthz", () => {
  it("answers 200 with the database, the last tick and the outbox backlog, then 503 once the file is gone", async () => {
    const healthy = await getPath(server.port, "/healthz");
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({
      database: "ok",
      lastTick: lastTick.toISOString(),
      outboxBacklog: 0,
    });
    rmSync(app.databasePath);
    const gone = await getPath(server.port, "/healthz");
    expect(gone.status).toBe(503);
    expect(await gone.json()).toMatchObject({ database: "gone" });
  });

  it("answers 503 while another process holds the database's write lock", async () => {
    const other = new SQLite(app.databasePath);
    other.exec("BEGIN EXCLUSIVE");
    try {
      const locked = await getPath(server.port, "/healthz");
      expect(locked.status).toBe(503);
      expect(await locked.json()).toMatchObject({ database: "locked" });
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect((await getPath(server.port, "/healthz")).status).toBe(200);
  });
});

describe("file links", () => {
  it("download the exact bytes under the file's name, then 404 once expired", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 255, 7]);
    const url = links.create(bytes, "Báo cáo 2020-Q1.xlsx");
    expect(url).toMatch(/^https:\/\/bot\.example\.vn\/files\/[A-Za-z0-9_-]{43}$/);
    const path = new URL(url).pathname;
    const response = await getPath(server.port, path);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("Báo cáo 2020-Q1.xlsx")}`,
    );
    app.clock.advance(24 * 3_600_000 - 1);
    expect((await getPath(server.port, path)).status).toBe(200);
    app.clock.advance(1);
    expect((await getPath(server.port, path)).status).toBe(404);
  });

  it("answer 404 for an unknown token and list nothing", async () => {
    links.create(new Uint8Array([1]), "a.xlsx");
    for (const path of ["/files/unknown", "/files/", "/files", "/"]) {
      expect((await getPath(server.port, path)).status, path).toBe(404);
    }
  });
});
