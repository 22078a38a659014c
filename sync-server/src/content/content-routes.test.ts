import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article, CannedResponse } from "@inbox/shared/api/content";
import { and, eq } from "drizzle-orm";
import { PasswordHasher } from "../auth/index.ts";
import { kbArticles } from "../db/schema.ts";
import { nodeScrypt } from "../node/node-scrypt.ts";
import { createWorkspace } from "../workspace/index.ts";
import { startTestServer, TEST_PASSWORD_PARAMS, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let admin: string;
let sam: string;
let ana: string;
let bruno: string;
beforeAll(async () => {
  server = await startTestServer();
  const [a, s, n, b] = await Promise.all(["admin", "supervisor", "ana", "bruno"].map((u) => server.login(`${u}@demo.inbox`)));
  [admin, sam, ana, bruno] = [a!, s!, n!, b!];
});
afterAll(() => server.stop());

async function canned(token: string): Promise<CannedResponse[]> {
  const res = await server.api("/api/canned-responses", { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { cannedResponses: CannedResponse[] }).cannedResponses;
}

async function articles(token: string, q = ""): Promise<Article[]> {
  const res = await server.api(`/api/kb/articles?q=${encodeURIComponent(q)}`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { articles: Article[] }).articles;
}

describe("canned responses", () => {
  it("agents get the workspace's and their own teams' responses, not other teams'", async () => {
    const anas = (await canned(ana)).map((c) => c.shortcut);
    const brunos = (await canned(bruno)).map((c) => c.shortcut);
    expect(anas).toEqual(expect.arrayContaining(["hello", "saudacao", "order-status"]));
    expect(anas).not.toContain("quote");
    expect(brunos).toEqual(expect.arrayContaining(["hello", "saudacao", "quote"]));
    expect(brunos).not.toContain("order-status");
  });

  it("supervisors manage them; a bad or taken shortcut is refused in words; each change is audited", async () => {
    const body = { shortcut: "refund", title: "Refund", text: "Hi {{contact.first_name}}, your refund is on its way.", teamId: null };
    expect((await server.api("/api/admin/canned-responses", { method: "POST", token: ana, json: body })).status).toBe(403);

    const bad = await server.api("/api/admin/canned-responses", { method: "POST", token: sam, json: { ...body, shortcut: "Has Spaces" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.shortcut).toMatch(/lower-case/);

    const created = await server.api("/api/admin/canned-responses", { method: "POST", token: sam, json: body });
    expect(created.status).toBe(201);
    const { cannedResponse } = (await created.json()) as { cannedResponse: CannedResponse };
    expect((await canned(ana)).some((c) => c.shortcut === "refund")).toBe(true);

    const taken = await server.api("/api/admin/canned-responses", { method: "POST", token: admin, json: { ...body, title: "Another" } });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { message: string } }).error.message).toContain("/refund is already used");

    const renamed = await server.api(`/api/admin/canned-responses/${cannedResponse.id}`, { method: "PUT", token: admin, json: { ...body, shortcut: "refund-sent" } });
    expect(renamed.status).toBe(200);
    expect((await server.api(`/api/admin/canned-responses/${cannedResponse.id}`, { method: "DELETE", token: admin })).status).toBe(204);
    expect((await canned(ana)).some((c) => c.id === cannedResponse.id)).toBe(false);

    await server.core.writer.drain();
    const audit = await server.core.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.target, cannedResponse.id) });
    expect(audit.map((a) => a.action)).toEqual(["canned_response.created", "canned_response.updated", "canned_response.deleted"]);
  });

  it("a response scoped to a team is hidden from the other team's agents", async () => {
    const me = (await (await server.api("/api/me", { token: bruno })).json()) as { teams: { id: string; name: string }[] };
    const sales = me.teams.find((t) => t.name === "Sales")!;
    const res = await server.api("/api/admin/canned-responses", { method: "POST", token: admin, json: { shortcut: "discount", title: "Discount", text: "10% off", teamId: sales.id } });
    expect(res.status).toBe(201);
    expect((await canned(bruno)).some((c) => c.shortcut === "discount")).toBe(true);
    expect((await canned(ana)).some((c) => c.shortcut === "discount")).toBe(false);
  });
});

describe("knowledge base", () => {
  it("agents find published articles by words in the title or body, title matches first, accents ignored", async () => {
    const found = await articles(ana, "returns");
    expect(found[0]!.title).toBe("Returns and exchanges");
    expect((await articles(ana, "spam folder")).map((a) => a.title)).toEqual(["Resetting your password"]);
    expect(await articles(ana, "100%")).toEqual([]);
    // Accents and case do not matter, as in the offline search on the device.
    expect((await articles(ana, "DEVOLUCOES")).map((a) => a.title)).toEqual(["Trocas e devoluções"]);
  });

  it("drafts are visible to editors only, and their public page does not exist until published", async () => {
    const res = await server.api("/api/admin/kb/articles", { method: "POST", token: sam, json: { title: "Holiday hours (draft)", body: "Closed on the 25th.", published: false } });
    expect(res.status).toBe(201);
    const { article } = (await res.json()) as { article: Article };
    expect(article.slug).toBe("holiday-hours-draft");
    expect((await articles(ana, "holiday")).length).toBe(0);
    expect((await articles(sam, "holiday")).length).toBe(1);
    expect((await fetch(`${server.url}/kb/${server.seed!.workspaceId}/${article.slug}`)).status).toBe(404);

    await server.api(`/api/admin/kb/articles/${article.id}`, { method: "PUT", token: sam, json: { title: "Holiday hours", body: "Closed on the 25th.", published: true } });
    expect((await articles(ana, "holiday"))[0]).toMatchObject({ title: "Holiday hours", slug: "holiday-hours-draft" });
    expect((await fetch(`${server.url}/kb/${server.seed!.workspaceId}/${article.slug}`)).status).toBe(200);
  });

  it("the public page shows an article's markup as text, never as HTML", async () => {
    const res = await server.api("/api/admin/kb/articles", { method: "POST", token: admin, json: { title: "<img src=x onerror=alert(1)>", body: "**Bold** <script>alert(1)</script>\n\n- one", published: true } });
    const { article } = (await res.json()) as { article: Article };
    const page = await (await fetch(`${server.url}/kb/${server.seed!.workspaceId}/${article.slug}`)).text();
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("<strong>Bold</strong>");
    expect(page).toContain("<li>one</li>");
  });

  it("slugs are per workspace: another workspace's article of the same title has its own page, and neither shows the other", async () => {
    await createWorkspace(
      server.core.db,
      { workspaceName: "Rival Co", adminName: "Rita", adminEmail: "rita@rival.example", adminPassword: "a long enough password" },
      { passwords: new PasswordHasher(nodeScrypt, TEST_PASSWORD_PARAMS) },
    );
    const rita = await server.login("rita@rival.example", "a long enough password");
    const ritaWorkspace = ((await (await server.api("/api/me", { token: rita })).json()) as { workspace: { id: string } }).workspace.id;
    const res = await server.api("/api/admin/kb/articles", { method: "POST", token: rita, json: { title: "Trocas e devoluções", body: "Rival's own policy.", published: true } });
    expect(res.status).toBe(201);
    const { article } = (await res.json()) as { article: Article };
    // The same slug as the demo workspace's article: slugs are no longer unique across the server.
    expect(article.slug).toBe("trocas-e-devolucoes");
    expect(await (await fetch(`${server.url}/kb/${ritaWorkspace}/trocas-e-devolucoes`)).text()).toContain("Rival&#39;s own policy.");
    const ours = await (await fetch(`${server.url}/kb/${server.seed!.workspaceId}/trocas-e-devolucoes`)).text();
    expect(ours).toContain("<h1>Trocas e devoluções</h1>");
    expect(ours).not.toContain("Rival");
    // Rita's workspace id with our other slugs shows nothing.
    expect((await fetch(`${server.url}/kb/${ritaWorkspace}/resetting-your-password`)).status).toBe(404);
  });

  it("an old /kb/<slug> link of an article from before per-workspace slugs still leads to it; newer articles never answer one", async () => {
    const slug = "resetting-your-password";
    expect((await fetch(`${server.url}/kb/${slug}`, { redirect: "manual" })).status).toBe(404);
    // What migration 0017 marks on every article that existed when slugs were server-wide.
    await server.core.db.update(kbArticles).set({ legacyLink: true }).where(and(eq(kbArticles.slug, slug), eq(kbArticles.workspaceId, server.seed!.workspaceId!)));
    const old = await fetch(`${server.url}/kb/${slug}`, { redirect: "manual" });
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/kb/${server.seed!.workspaceId}/${slug}`);
    expect(await (await fetch(`${server.url}/kb/${slug}`)).text()).toContain("<h1>Resetting your password</h1>");
  });

  it("agents may not write articles", async () => {
    const res = await server.api("/api/admin/kb/articles", { method: "POST", token: bruno, json: { title: "Mine", body: "x", published: true } });
    expect(res.status).toBe(403);
  });
});
