import type { Notification } from "@inbox/shared/api/content";
import type { DueJob } from "../scheduling/jobs.ts";
import { PushDispatcher, type PushDispatchDeps } from "./push-dispatcher.ts";
import { PushQueue } from "./push-queue.ts";
import type { PushSender } from "./push-sender.ts";
import { VapidKeyStore } from "./vapid.ts";

export interface WebPushOptions {
  /** Puts messages on the wire (Node: the `web-push` library); none: this server sends no pushes. */
  sender?: PushSender;
  /** VAPID `sub`, the operator's contact for push services (PUSH_CONTACT): mailto: or https:. */
  subject?: string;
  /** PUSH_ALLOW_LOOPBACK: subscriptions may point at http://127.0.0.1 (tests' push service stand-in). */
  allowLoopback?: boolean;
}

/** The default VAPID contact when the operator names none (push services want one; it is never mailed by us). */
const DEFAULT_SUBJECT = "mailto:push@inbox.invalid";

/**
 * Web Push for the server (issue 16): the VAPID keys, the queue that triggers fill, and the
 * dispatcher that sends it. Without a sender the keys are still kept, nothing is queued, and the
 * PWA is told push is not available here.
 */
export class WebPush implements DueJob {
  readonly keys: VapidKeyStore;
  readonly allowLoopback: boolean;
  private readonly queue: PushQueue;
  private readonly dispatcher: PushDispatcher | null;

  constructor(core: PushDispatchDeps, opts: WebPushOptions = {}) {
    this.keys = new VapidKeyStore(core);
    this.allowLoopback = opts.allowLoopback === true;
    this.dispatcher = opts.sender ? new PushDispatcher(core, opts.sender, this.keys, opts.subject ?? DEFAULT_SUBJECT) : null;
    this.queue = new PushQueue(core, () => void this.dispatcher?.kick());
  }

  get available(): boolean {
    return this.dispatcher !== null;
  }

  /** The key browsers subscribe with; null when this server sends no pushes. */
  async publicKey(): Promise<string | null> {
    return this.available ? (await this.keys.get()).publicKey : null;
  }

  notified(userId: string, n: Notification): void {
    if (this.available) this.queue.notified(userId, n);
  }

  offered(...args: Parameters<PushQueue["offered"]>): void {
    if (this.available) this.queue.offered(...args);
  }

  /** Resolves once what triggers asked for is queued and the passes under way are over (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.queue.pending.size) await Promise.all([...this.queue.pending]);
    await this.dispatcher?.idle();
  }

  runDue(now: number): Promise<number | null> {
    return this.dispatcher ? this.dispatcher.runDue(now) : Promise.resolve(null);
  }

  kick(): Promise<void> {
    return this.dispatcher?.kick() ?? Promise.resolve();
  }

  start(): void {
    this.dispatcher?.start();
  }

  stop(): void {
    this.dispatcher?.stop();
  }

  async idle(): Promise<void> {
    await this.settled();
  }
}
