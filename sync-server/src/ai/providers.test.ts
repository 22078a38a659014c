import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_OPENAI_KEY, startFakeOpenAi, type FakeOpenAi } from "../testing/fake-openai.ts";
import { AiError } from "./provider.ts";
import { AiProviders } from "./providers.ts";
import { retryAfterSeconds } from "./openai-compatible.ts";
import { workersAi, type WorkersAiBinding } from "./workers-ai.ts";

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.behave({ kind: "reply" });
  fake.received.length = 0;
});

const loopback = () => new AiProviders({ allowPrivateUrls: true, timeoutMs: 2_000 });
const provider = (key: string | null = FAKE_OPENAI_KEY, model = "gpt-test") => loopback().build({ provider: "openai-compatible", baseUrl: fake.baseUrl, model, apiKey: key })!;
const failure = async (p: Promise<unknown>): Promise<AiError> => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AiError);
  return err as AiError;
};
const ask = [{ role: "user" as const, content: "Hello there" }];

describe("an OpenAI-compatible endpoint", () => {
  it("sends the model, the messages and the Bearer key, and reads choices[0].message.content", async () => {
    fake.answerWith(() => "  Hi! How can I help?  ");
    expect(await provider().complete({ messages: [{ role: "system", content: "Be brief." }, ...ask] })).toBe("Hi! How can I help?");
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]).toMatchObject({ authorization: `Bearer ${FAKE_OPENAI_KEY}`, model: "gpt-test", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hello there" }] });
  });

  it("says a refused key, an unknown model, a busy provider (with its Retry-After) and a broken one in words", async () => {
    expect((await failure(provider("wrong").complete({ messages: ask }))).kind).toBe("unauthorized");
    fake.behave({ kind: "unknown_model" });
    const unknown = await failure(provider().complete({ messages: ask }));
    expect(unknown.kind).toBe("model_not_found");
    expect(unknown.message).toContain('"gpt-test"');
    fake.behave({ kind: "rate_limited", retryAfter: "17" });
    const busy = await failure(provider().complete({ messages: ask }));
    expect([busy.kind, busy.retryAfterSeconds]).toEqual(["rate_limited", 17]);
    expect(busy.message).toBe("The AI provider is receiving too many requests. Try again in 17 seconds.");
    fake.behave({ kind: "server_error" });
    expect((await failure(provider().complete({ messages: ask }))).kind).toBe("unavailable");
  });

  it("gives up after its timeout, and on the caller's abort", async () => {
    fake.behave({ kind: "slow", delayMs: 5_000 });
    const late = await failure(provider().complete({ messages: ask, timeoutMs: 200 }));
    expect(late.kind).toBe("timeout");
    expect(late.message).toContain("did not answer");
    const controller = new AbortController();
    const pending = provider().complete({ messages: ask, signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).kind).toBe("cancelled");
  });

  it("refuses an answer it cannot read, and an address nobody listens on", async () => {
    fake.behave({ kind: "malformed" });
    expect((await failure(provider().complete({ messages: ask }))).kind).toBe("malformed");
    const closed = loopback().build({ provider: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", model: "m", apiKey: null })!;
    expect((await failure(closed.complete({ messages: ask }))).kind).toBe("network");
  });

  it("never calls loopback or private addresses unless the server allows them", async () => {
    const guarded = new AiProviders({ timeoutMs: 2_000 });
    expect(guarded.baseUrlProblem(fake.baseUrl)).toMatch(/https/);
    expect(guarded.baseUrlProblem("https://127.0.0.1/v1")).toMatch(/private or local/);
    expect(guarded.baseUrlProblem("https://10.0.0.8/v1")).toMatch(/private or local/);
    expect(guarded.baseUrlProblem("https://api.openai.com/v1")).toBeNull();
    const p = guarded.build({ provider: "openai-compatible", baseUrl: fake.baseUrl, model: "m", apiKey: FAKE_OPENAI_KEY })!;
    expect((await failure(p.complete({ messages: ask }))).kind).toBe("refused_address");
    expect(fake.received).toHaveLength(0);
    expect(loopback().baseUrlProblem(fake.baseUrl)).toBeNull();
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(retryAfterSeconds("30")).toBe(30);
    expect(retryAfterSeconds(new Date(1_000_000 + 12_000).toUTCString(), 1_000_000)).toBe(12);
    expect(retryAfterSeconds("soon")).toBeUndefined();
  });
});

describe("the Workers AI binding", () => {
  const binding = (run: WorkersAiBinding["run"]): WorkersAiBinding => ({ run });

  it("runs the model with the messages and reads `response`", async () => {
    const calls: unknown[] = [];
    const p = workersAi(binding(async (model, inputs) => (calls.push({ model, inputs }), { response: " Olá! " })), "@cf/meta/llama-3.1-8b-instruct");
    expect(await p.complete({ messages: ask })).toBe("Olá!");
    expect(calls).toEqual([{ model: "@cf/meta/llama-3.1-8b-instruct", inputs: { messages: ask } }]);
  });

  it("says its failures in words", async () => {
    expect((await failure(workersAi(binding(() => Promise.reject(new Error("5007: No such model @cf/x"))), "@cf/x").complete({ messages: ask }))).kind).toBe("model_not_found");
    expect((await failure(workersAi(binding(() => Promise.reject(new Error("3040: Capacity temporarily exceeded"))), "m").complete({ messages: ask }))).kind).toBe("rate_limited");
    expect((await failure(workersAi(binding(async () => ({ result: 1 })), "m").complete({ messages: ask }))).kind).toBe("malformed");
    const never = workersAi(binding(() => new Promise(() => undefined)), "m");
    expect((await failure(never.complete({ messages: ask, timeoutMs: 100 }))).kind).toBe("timeout");
    expect(new AiProviders().build({ provider: "workers-ai", baseUrl: "", model: "m", apiKey: null })).toBeNull();
  });
});
