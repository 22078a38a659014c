import { describe, expect, it } from "vitest";
import { Admission, DEFAULT_ADMISSION_LIMITS, admissionLimitsFrom } from "./admission.ts";
import { HttpError } from "./http-error.ts";

function admission(load: { webhookBacklog?: number; writeQueue?: number; eventLoopLagMs?: number }) {
  const gauges = { webhookBacklog: 0, writeQueue: 0, eventLoopLagMs: 0, ...load };
  return new Admission({ webhookBacklog: 10, writeQueue: 20, eventLoopLagMs: 500, retryAfterSeconds: 7 }, {
    webhookBacklog: () => gauges.webhookBacklog,
    writeQueue: () => gauges.writeQueue,
    eventLoopLagMs: () => gauges.eventLoopLagMs,
  });
}

const refusal = (f: () => void): HttpError => {
  try {
    f();
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error("not refused");
};

describe("admission control", () => {
  it("takes everything while every gauge is within its limit (a limit is the most allowed)", () => {
    const a = admission({ webhookBacklog: 10, writeQueue: 20, eventLoopLagMs: 500 });
    expect(a.overload()).toBeNull();
    expect(() => a.admitWebhook(true)).not.toThrow();
    expect(() => a.admitWidgetMessage("busy")).not.toThrow();
  });

  it("names which gauge is over: the stored backlog, the write queue, or the event loop's lag", () => {
    expect(admission({ webhookBacklog: 11 }).overload()).toBe("webhook_backlog");
    expect(admission({ writeQueue: 21 }).overload()).toBe("write_queue");
    expect(admission({ eventLoopLagMs: 501 }).overload()).toBe("event_loop_lag");
  });

  it("refuses redelivering platforms and the widget with 503 and Retry-After; keeps the others, and counts both", () => {
    const a = admission({ eventLoopLagMs: 900 });
    const webhook = refusal(() => a.admitWebhook(true));
    expect({ status: webhook.status, code: webhook.code, headers: webhook.headers }).toEqual({ status: 503, code: "overloaded", headers: { "Retry-After": "7" } });
    expect(refusal(() => a.admitWidgetMessage("We're very busy.")).message).toBe("We're very busy.");
    expect(() => a.admitWebhook(false)).not.toThrow();
    expect(a.figures()).toMatchObject({ overloaded: "event_loop_lag", eventLoopLagMs: 900, refusedWebhooks: 1, refusedWidgetMessages: 1, keptWhileOverloaded: 1 });
  });

  it("reads its limits from the environment, with safe defaults, and refuses nonsense in words", () => {
    expect(admissionLimitsFrom({})).toEqual(DEFAULT_ADMISSION_LIMITS);
    expect(admissionLimitsFrom({ OVERLOAD_WEBHOOK_BACKLOG: "50", OVERLOAD_EVENT_LOOP_LAG_MS: "" })).toEqual({ ...DEFAULT_ADMISSION_LIMITS, webhookBacklog: 50 });
    expect(() => admissionLimitsFrom({ OVERLOAD_RETRY_AFTER_SECONDS: "0" })).toThrow(/OVERLOAD_RETRY_AFTER_SECONDS must be a whole number of at least 1/);
    expect(() => admissionLimitsFrom({ OVERLOAD_WRITE_QUEUE: "lots" })).toThrow(/OVERLOAD_WRITE_QUEUE/);
  });
});
