import { CHANNEL_TYPES } from "@inbox/shared";
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../i18n/locale.ts";
import { CREDENTIAL_FIELDS, credentialsFor, formFieldErrors, missingCredentials } from "./channel-credentials.ts";

afterEach(() => setLocale("en"));

describe("credential fields per channel", () => {
  it("asks each channel for exactly what its platform issues", () => {
    const keys = Object.fromEntries(CHANNEL_TYPES.map((c) => [c, CREDENTIAL_FIELDS[c].map((f) => f.key)]));
    expect(keys).toEqual({
      whatsapp: ["accessToken", "phoneNumberId", "appSecret", "verifyToken", "appId"],
      messenger: ["pageAccessToken", "pageId", "appSecret", "verifyToken", "appId"],
      instagram: ["accessToken", "igAccountId", "appSecret", "verifyToken", "appId"],
      telegram: ["botToken", "secretToken"],
      wechat: ["appId", "appSecret", "token", "encodingAesKey"],
      line: ["channelAccessToken", "channelSecret"],
      webchat: [],
    });
  });

  it("labels every field and hides secrets, not ids", () => {
    const whatsapp = CREDENTIAL_FIELDS.whatsapp;
    expect(whatsapp.map((f) => f.label())).toEqual(["Access token", "Phone number ID", "App secret", "Verify token", "App ID (optional)"]);
    expect(whatsapp.filter((f) => !f.secret).map((f) => f.key)).toEqual(["phoneNumberId", "appId"]);
    for (const c of CHANNEL_TYPES) for (const f of CREDENTIAL_FIELDS[c]) expect(f.label().trim()).not.toBe("");
    expect(CREDENTIAL_FIELDS.line.every((f) => f.secret)).toBe(true);
  });

  it("Meta's App ID may be left empty (the inbox then has only its own webhook URL)", () => {
    expect(missingCredentials("messenger", { pageAccessToken: "t", pageId: "1", appSecret: "s", verifyToken: "v" })).toEqual({});
  });

  it("WeChat's EncodingAESKey may be left empty (plaintext mode); the other fields may not", () => {
    expect(missingCredentials("wechat", { appId: "wx1", appSecret: "s", token: "t" })).toEqual({});
    expect(Object.keys(missingCredentials("wechat", { appId: "wx1" }))).toEqual(["appSecret", "token"]);
  });

  it("sends only the chosen channel's fields, trimmed", () => {
    expect(credentialsFor("telegram", { botToken: " 123:abc\n", secretToken: "s", accessToken: "other channel's" })).toEqual({
      botToken: "123:abc",
      secretToken: "s",
    });
  });

  it("says which fields are still empty", () => {
    expect(missingCredentials("line", { channelAccessToken: "  " })).toEqual({
      channelAccessToken: "Channel access token is required.",
      channelSecret: "Channel secret is required.",
    });
    expect(missingCredentials("webchat", {})).toEqual({});
  });

  it("puts the server's field errors next to the form's inputs", () => {
    expect(
      formFieldErrors({ "credentials.botToken": "A bot token looks like 123456789:AA…", encodingAesKey: "43 letters", "settings.apiBaseUrl": "bad", name: "Too long" }),
    ).toEqual({ botToken: "A bot token looks like 123456789:AA…", encodingAesKey: "43 letters", apiBaseUrl: "bad", name: "Too long" });
    expect(formFieldErrors(undefined)).toEqual({});
  });

  it("shows a shared schema's own message in the admin's language", () => {
    setLocale("pt-BR");
    expect(formFieldErrors({ "settings.apiBaseUrl": "A channel's API address is set by the server's operator, not per channel." })).toEqual({
      apiBaseUrl: "O endereço da API de um canal é definido pelo operador do servidor, não por canal.",
    });
  });
});
