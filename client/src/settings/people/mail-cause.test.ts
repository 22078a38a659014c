import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../i18n/locale.ts";
import { mailCause } from "./mail-cause.ts";

afterEach(() => setLocale("en"));

describe("why an invitation email was not sent, in the admin's language", () => {
  it("says the cause in Portuguese, and what the mail server said as it said it", () => {
    setLocale("pt-BR");
    expect(mailCause({ reason: "auth", server: "smtp.acme.example:587", detail: "535 Authentication failed" })).toBe(
      "o servidor de e-mail smtp.acme.example:587 não aceitou o usuário e a senha (resposta dele: 535 Authentication failed)",
    );
    expect(mailCause({ reason: "refused", server: "127.0.0.1:2525" })).toBe("o servidor de e-mail 127.0.0.1:2525 recusou a conexão");
  });

  it("says it in English as the server's own sentence does", () => {
    expect(mailCause({ reason: "timeout", server: "smtp.acme.example:587" })).toBe("the mail server smtp.acme.example:587 did not answer in time");
  });
});
