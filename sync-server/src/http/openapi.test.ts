import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(() => server.stop());

describe("/openapi.json", () => {
  it("describes every REST route with the schemas that validate it", async () => {
    const doc = (await (await server.api("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } }; "x-roles": unknown }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/conversations", "/api/conversations/{id}/messages", "/api/widget/{inboxId}/messages"]),
    );
    const login = doc.paths["/api/auth/login"]!.post!;
    expect(login.requestBody!.content["application/json"].schema.required).toEqual(["email", "password"]);
    expect(login["x-roles"]).toBe("public");
    expect(doc.paths["/api/conversations/{id}/messages"]!.post!["x-roles"]).toEqual({ permission: "reply" });
  });

  it("answers health checks, without the whole server's traffic figures unless the operator's token comes with it", async () => {
    expect(await (await server.api("/healthz")).json()).toEqual({ ok: true, overloaded: null });
    expect(await (await server.api("/healthz", { token: "not-the-operator-token-but-long-enough-1234" })).json()).toEqual({ ok: true, overloaded: null });
  });
});
