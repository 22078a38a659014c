import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { MeResponseSchema } from "@inbox/shared";
import { PreferencesResponseSchema } from "@inbox/shared/api/preferences";
import { events } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("PUT /api/me/preferences", () => {
  it("stores the user's language, returns it with the session's user, and records the change once", async () => {
    const token = await server.login("bruno@demo.inbox");
    const res = await server.api("/api/me/preferences", { method: "PUT", token, json: { locale: "pt-BR" } });
    expect(res.status).toBe(200);
    const body = PreferencesResponseSchema.parse(await res.json());
    expect(body.user).toMatchObject({ email: "bruno@demo.inbox", locale: "pt-BR" });
    expect(body.user).not.toHaveProperty("passwordHash");

    // Another device signing in later gets the same language.
    const other = await server.login("bruno@demo.inbox");
    const me = MeResponseSchema.parse(await (await server.api("/api/me", { token: other })).json());
    expect(me.user.locale).toBe("pt-BR");

    expect((await server.api("/api/me/preferences", { method: "PUT", token, json: { locale: "pt-BR" } })).status).toBe(200);
    const recorded = await server.core.db
      .select()
      .from(events)
      .where(and(eq(events.actorId, body.user.id), eq(events.type, "user.preferences_changed")));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.data).toEqual({ from: { locale: "en" }, to: { locale: "pt-BR" } });
  });

  it("refuses a language the app does not have, and anyone signed out", async () => {
    const token = await server.login("ana@demo.inbox");
    const bad = await server.api("/api/me/preferences", { method: "PUT", token, json: { locale: "fr" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    expect((await server.api("/api/me/preferences", { method: "PUT", json: { locale: "en" } })).status).toBe(401);
  });
});
