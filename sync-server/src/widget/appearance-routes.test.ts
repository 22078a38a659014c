import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { WidgetConfigResponseSchema } from "@inbox/shared";
import { auditLog } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// A 1×1 PNG, and text that says it is one.
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==";
const FAKE_PNG = `data:image/png;base64,${btoa("<svg onload=alert(1)></svg>")}`;

let server: TestServer;
let site: string;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  site = server.seed!.inboxIds.site!;
  admin = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

const look = {
  color: "#FACC15",
  greeting: "Hello! Ask us anything.",
  greetings: { "pt-BR": "Olá! Pergunte o que quiser.", es: "¡Hola! Pregúntanos lo que quieras." },
  position: "bottom-left",
  avatar: PNG,
  teamName: "Acme support",
  leaveMessage: false,
};
const save = (token: string, body: unknown, inbox = site) => server.api(`/api/admin/inboxes/${inbox}/widget`, { method: "POST", token, json: body });

describe("the widget's appearance, set in Settings and served to the widget", () => {
  it("an admin saves it (audited, picture not copied into the log); the public config serves it with no secrets", async () => {
    const res = await save(admin, look);
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { appearance: { color: string }; textColor: string; contrast: number };
    // Yellow is light: the widget writes on it in dark text, and says how well that reads.
    expect(saved.appearance.color).toBe("#facc15");
    expect(saved.textColor).toBe("#000000");
    expect(saved.contrast).toBeGreaterThanOrEqual(4.5);

    const config = WidgetConfigResponseSchema.parse(await (await server.api(`/api/widget/${site}/config`)).json());
    expect(config).toMatchObject({ color: "#facc15", greeting: "Hello! Ask us anything.", position: "bottom-left", avatar: PNG, teamName: "Acme support", mode: "live" });
    expect(config.greetings.es).toBe("¡Hola! Pregúntanos lo que quieras.");
    const raw = JSON.stringify(await (await server.api(`/api/widget/${site}/config`)).json());
    expect(raw).not.toMatch(/secret|token|webhook/i);

    const [entry] = await server.core.db.select().from(auditLog).where(and(eq(auditLog.action, "inbox.widget_changed"), eq(auditLog.target, site)));
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry!.data)).not.toContain("iVBOR");
    expect(entry!.data).toMatchObject({ to: { color: "#facc15", avatar: "set", avatarChanged: true } });
  });

  it("refuses in words a colour that is not one, a greeting too long, a picture that is not a picture", async () => {
    const bad = await save(admin, { ...look, color: "red; background:url(x)" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("six hexadecimal digits");
    const long = await save(admin, { ...look, greetings: { es: "x".repeat(501) } });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("at most 500 characters");
    const fake = await save(admin, { ...look, avatar: FAKE_PNG });
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain("not a PNG, JPEG or WebP picture");
    const svg = await save(admin, { ...look, avatar: "data:image/svg+xml;base64,PHN2Zy8+" });
    expect(svg.status).toBe(400);
  });

  it("only people who manage channels may change it, only for web chat inboxes of their workspace", async () => {
    const agent = await server.login("ana@demo.inbox");
    expect((await save(agent, look)).status).toBe(403);
    expect((await server.api(`/api/admin/inboxes/${site}/widget`, { method: "POST", json: look })).status).toBe(401);
    const whatsapp = server.seed!.inboxIds.whatsapp!;
    const other = await save(admin, look, whatsapp);
    expect(other.status).toBe(400);
    expect(await other.text()).toContain("Only web chat inboxes");
    expect((await save(admin, look, "no-such-inbox")).status).toBe(404);
  });
});
