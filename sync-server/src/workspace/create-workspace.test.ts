import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { createWorkspace } from "./create-workspace.ts";

// A real deployment starts from an empty database: the admin created here can sign in and sees
// an empty workspace of their own (not the demo's).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(() => server.stop());

describe("creating the first workspace", () => {
  it("its admin signs in, is an admin of the new workspace, and sees no one else's conversations", async () => {
    await createWorkspace(server.core.db, { workspaceName: "Acme Support", adminName: "Alice", adminEmail: "Alice@Acme.example", adminPassword: "correct horse battery" });
    const token = await server.login("alice@acme.example", "correct horse battery");
    const me = await (await server.api("/api/me", { token })).json();
    expect(me.user ?? me).toMatchObject({ name: "Alice", role: "admin" });
    const list = await (await server.api("/api/conversations", { token })).json();
    expect(list.conversations).toEqual([]);
  });

  it("refuses a short password and an email that already has an account, in words", async () => {
    await expect(createWorkspace(server.core.db, { workspaceName: "X", adminName: "Y", adminEmail: "y@x.example", adminPassword: "short" })).rejects.toThrow(/at least 12 characters/);
    await expect(
      createWorkspace(server.core.db, { workspaceName: "Other", adminName: "Al", adminEmail: "alice@acme.example", adminPassword: "another long password" }),
    ).rejects.toThrow("There is already an account for alice@acme.example.");
  });
});
