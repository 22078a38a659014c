/**
 * Node side of the Workers tests: a real libSQL server (sqld) migrated with the bundled
 * migrations over `@libsql/client/web` (what `npm run db:migrate` does remotely) and seeded with
 * the demo workspace, plus the Telegram fake and a mail server on loopback so the Worker's sends really go out
 * over HTTP. Their addresses reach the Worker as bindings (vitest.workers.config.ts).
 */
import { eq } from "drizzle-orm";
import { FakePlatform } from "@inbox/connectors/testing";
import { telegramHandler } from "@inbox/connectors/telegram/fake.ts";
import type { TestProject } from "vitest/node";
import * as schema from "../src/db/schema.ts";
import { DEMO_PASSWORD } from "../src/testing/test-server.ts";
import { startEdgeDatabase } from "./edge-database.ts";
import { startFakePushService } from "../src/testing/fake-push-service.ts";
import { startSmtpFake } from "../src/testing/smtp-fake.ts";
import { startMailbox } from "./mailbox.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseAuthToken: string;
    secretKey: string;
    telegramApi: string;
    telegramInboxId: string;
    telegramSecretToken: string;
    demoPassword: string;
    pushService: string;
    pushDevice: string;
    smtpUrl: string;
    smtpBadPasswordUrl: string;
    smtpMailbox: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { db, secrets, secretKey, sqld, stop } = await startEdgeDatabase(DEMO_PASSWORD);

  // The fake Telegram Bot API; `/__sent` lists what the Worker sent, for the tests to check.
  const normal = telegramHandler();
  const telegram: FakePlatform = await new FakePlatform((req) =>
    req.path === "/__sent" ? { status: 200, body: telegram.requests.filter((r) => r.path.endsWith("/sendMessage")).map((r) => r.json()) } : normal(req),
  ).start();
  const inbox = (await db.query.inboxes.findMany()).find((i) => i.channel === "telegram")!;
  // A real (not simulator-wired) Telegram inbox: its API is wherever the operator points Telegram
  // (PLATFORM_API_URLS, set to the fake in vitest.workers.config.ts).
  const { apiBaseUrl: _simulator, ...settings } = inbox.settings;
  await db.update(schema.inboxes).set({ settings }).where(eq(schema.inboxes.id, inbox.id));
  const credentials = await secrets.open(inbox.secretsEnc!);

  project.provide("databaseUrl", sqld.url);
  project.provide("databaseAuthToken", sqld.authToken ?? "");
  project.provide("secretKey", secretKey);
  project.provide("telegramApi", telegram.baseUrl);
  project.provide("telegramInboxId", inbox.id);
  project.provide("telegramSecretToken", credentials.secretToken ?? "");
  project.provide("demoPassword", DEMO_PASSWORD);
  // A browser push service stand-in and one device of it (its subscription as JSON).
  const push = await startFakePushService();
  project.provide("pushService", push.url);
  project.provide("pushDevice", JSON.stringify(push.newDevice()));

  // The operator's mail server stand-in (the one Node's mailer tests use), and the mail it took
  // as JSON over HTTP for the tests inside workerd to read.
  const smtp = await startSmtpFake({ user: "inbox-mailer", password: "s3cret:pass/word" });
  const mailbox = await startMailbox(smtp);
  project.provide("smtpUrl", smtp.url);
  project.provide("smtpBadPasswordUrl", smtp.url.replace(encodeURIComponent("s3cret:pass/word"), "wrong-password"));
  project.provide("smtpMailbox", mailbox.url);

  return async () => {
    await mailbox.close();
    await smtp.close();
    await telegram.stop();
    await push.close();
    await stop();
  };
}
