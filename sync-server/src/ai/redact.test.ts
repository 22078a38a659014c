import { describe, expect, it } from "vitest";
import { luhn, redact } from "./redact.ts";

describe("redaction before text leaves the server", () => {
  it("replaces email addresses", () => {
    expect(redact("Write to maria.oliveira+pedidos@exemplo.com.br or JOHN@Example.org.").text).toBe("Write to [email] or [email].");
  });

  it("replaces Brazilian phone numbers in their usual forms", () => {
    for (const phone of ["+55 (11) 91234-5678", "(11) 91234-5678", "11 91234-5678", "+5511912345678", "(21) 3456-7890", "0800 123 4567", "011 3456-7890"]) {
      expect(redact(`Ligue ${phone} por favor`), phone).toEqual({ text: "Ligue [phone] por favor", count: 1 });
    }
  });

  it("replaces international numbers and leaves short numbers, dates and prices", () => {
    expect(redact("Call +1 415.555.0100 today").text).toBe("Call [phone] today");
    expect(redact("Order 4521, 3 items, R$ 1.234,56 on 2026-12-06 at 10:30").text).toBe("Order 4521, 3 items, R$ 1.234,56 on 2026-12-06 at 10:30");
  });

  it("replaces card numbers that pass the Luhn check, and only those", () => {
    expect(redact("Card 4111 1111 1111 1111 exp 12/29").text).toBe("Card [card number] exp 12/29");
    expect(redact("Card 5500-0000-0000-0004.").text).toBe("Card [card number].");
    expect(redact("Amex 378282246310005").text).toBe("Amex [card number]");
    // Sixteen digits that fail the check stay (an order or tracking number), and are no phone either.
    expect(redact("Tracking 1234 5678 9012 3456").text).toBe("Tracking 1234 5678 9012 3456");
    expect(luhn("4111111111111111")).toBe(true);
    expect(luhn("4111111111111112")).toBe(false);
  });

  it("counts what it replaced, and leaves other text as it was", () => {
    const r = redact("Olá! Meu e-mail é ana@x.com, telefone (11) 98765-4321 e cartão 4111111111111111.");
    expect(r).toEqual({ text: "Olá! Meu e-mail é [email], telefone [phone] e cartão [card number].", count: 3 });
    expect(redact("Nothing to hide here.")).toEqual({ text: "Nothing to hide here.", count: 0 });
  });
});
