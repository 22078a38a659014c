// Outbox: durable sends to the platforms, claimed, retried with backoff, settled after a crash.
// The capability's public surface: other modules import this file, never its insides.
export { OutboxDispatcher } from "./outbox-dispatcher.ts";
