import { MeResponseSchema } from "@inbox/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../i18n/locale.ts";
import { ApiError, errorFromResponse, networkMessage, onUnauthenticated, request } from "./http.ts";

const me = {
  user: {
    id: "u1",
    workspaceId: "w1",
    email: "ana@example.com",
    name: "Ana",
    role: "agent",
    teamIds: ["t1"],
    maxConcurrentChats: 5,
    availability: "available",
    locale: "en",
  },
  workspace: { id: "w1", name: "Acme", createdAt: 1 },
  teams: [{ id: "t1", workspaceId: "w1", name: "Support" }],
};

function respond(status: number, body: string) {
  const fetchMock = vi.fn(async () => new Response(status === 204 ? null : body, { status }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("errorFromResponse", () => {
  it("uses the server's user-facing message and code", async () => {
    const body = JSON.stringify({ error: { code: "invalid_credentials", message: "Wrong email or password." } });
    const err = await errorFromResponse(401, body);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe("invalid_credentials");
    expect(err.message).toBe("Wrong email or password.");
    expect(err.status).toBe(401);
  });

  it("words a refusal's reason code in the user's language, keeping the server's sentence for anything else", async () => {
    const blocked = JSON.stringify({
      error: { code: "channel_unavailable", message: "English from the server", fields: { reason: "window_closed_template", hours: "24" } },
    });
    expect((await errorFromResponse(409, blocked)).message).toMatch(/^This customer last wrote more than 24 hours ago.*approved template\.$/);
    setLocale("pt-BR");
    try {
      expect((await errorFromResponse(409, blocked)).message).toBe(
        "Este cliente escreveu pela última vez há mais de 24 horas, então este canal não permite uma resposta livre agora. Ele precisa escrever de novo primeiro, ou envie um modelo aprovado.",
      );
      const locked = JSON.stringify({ error: { code: "rate_limited", message: "x", fields: { reason: "sign_in_locked_account", seconds: "300" } } });
      expect((await errorFromResponse(429, locked)).message).toBe("Tentativas de entrada com erro demais nesta conta. Tente de novo em 5 minutos.");
      // A reason this client does not know, or a form's field called "reason": the server's words stand.
      const unknown = JSON.stringify({ error: { code: "conflict", message: "There is already an account for a@b.c.", fields: { reason: "email_taken" } } });
      expect((await errorFromResponse(409, unknown)).message).toBe("There is already an account for a@b.c.");
      expect((await errorFromResponse(502, "")).message).toBe("O servidor teve um problema. Tente de novo em instantes.");
    } finally {
      setLocale("en");
    }
  });

  it("keeps per-field problems for forms", async () => {
    const body = JSON.stringify({ error: { code: "validation_failed", message: "Check the form.", fields: { text: "Too long" } } });
    expect((await errorFromResponse(422, body)).fields).toEqual({ text: "Too long" });
  });

  it("falls back to words by status when the body is not the contract's shape", async () => {
    expect((await errorFromResponse(502, "<html>Bad gateway</html>")).message).toMatch(/server had a problem/i);
    expect((await errorFromResponse(502, "")).code).toBe("internal");
    expect((await errorFromResponse(401, "{}")).code).toBe("unauthenticated");
    expect((await errorFromResponse(404, "null")).code).toBe("not_found");
  });
});

describe("request", () => {
  it("sends JSON with same-origin credentials and returns the validated body", async () => {
    const fetchMock = respond(200, JSON.stringify(me));
    const result = await request("/api/me", { schema: MeResponseSchema });
    expect(result.user.name).toBe("Ana");
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/me");
    expect(init.credentials).toBe("same-origin");
    expect(init.method).toBe("GET");
  });

  it("posts a JSON body", async () => {
    const fetchMock = respond(204, "");
    await request("/api/x", { body: { a: 1 } });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe("POST");
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("throws the server's error as an ApiError", async () => {
    respond(401, JSON.stringify({ error: { code: "invalid_credentials", message: "Wrong email or password." } }));
    await expect(request("/api/auth/login", { body: {} })).rejects.toMatchObject({
      code: "invalid_credentials",
      message: "Wrong email or password.",
    });
  });

  it("rejects a response that does not match the schema", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    respond(200, JSON.stringify({ user: { id: "u1" } }));
    await expect(request("/api/me", { schema: MeResponseSchema })).rejects.toMatchObject({ code: "bad_response" });
  });

  it("turns a failed fetch into a network error with a readable message", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(request("/api/me")).rejects.toMatchObject({ code: "network", message: networkMessage() });
  });

  it("tells listeners when the session is gone, but not on a wrong password", async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    respond(401, JSON.stringify({ error: { code: "invalid_credentials", message: "Wrong email or password." } }));
    await request("/api/auth/login", { body: {} }).catch(() => {});
    expect(listener).not.toHaveBeenCalled();
    respond(401, JSON.stringify({ error: { code: "unauthenticated", message: "Please sign in." } }));
    await request("/api/me").catch(() => {});
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});
