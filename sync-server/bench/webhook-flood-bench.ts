import { join } from "node:path";
import { createClient } from "@libsql/client";
import { startChild } from "../src/testing/child-process.ts";
import { connectFakeWhatsapp, startFakeWhatsapp, whatsappText } from "../src/testing/fake-whatsapp-inbox.ts";
import { fmt } from "./stats.ts";

// Issue 10: acknowledged is not shown. Signed WhatsApp webhooks flood the server (many senders
// at once, as Meta delivers); the baseline is the rate the server acknowledges them at, measured
// in the same run, and the figure is how fast it processes them (parsed, stored as messages,
// shown) meanwhile, as a ratio. 1.0 means processing keeps up with acknowledgement.

interface ServerInfo {
  url: string;
  dir: string;
  teamId: string;
}

export async function webhookFloodSection(opts: { quick: boolean }): Promise<void> {
  const total = opts.quick ? 1000 : 5000;
  const senders = 32;
  const customers = 200;
  console.log("\n## (g) Webhook processing under a flood (issue 10)");
  console.log(`  ${total} signed WhatsApp webhooks from ${customers} customers, ${senders} deliveries in flight at a time`);
  const whatsapp = await startFakeWhatsapp();
  const server = await startChild<ServerInfo>(new URL("../src/testing/server-process.ts", import.meta.url), { PLATFORM_API_URLS: `whatsapp=${whatsapp.fake.baseUrl}` });
  const db = createClient({ url: `file:${join(server.info.dir, "inbox.db")}` });
  try {
    const login = await fetch(`${server.info.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@demo.inbox", password: "bench-password" }),
    });
    const { token } = (await login.json()) as { token: string };
    const inbox = await connectFakeWhatsapp(server.info.url, token, server.info.teamId, whatsapp);
    const processed = async () =>
      Number((await db.execute({ sql: "select count(*) as n from webhook_events where inbox_id = ? and state <> 'pending'", args: [inbox.inboxId] })).rows[0]!.n);

    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: senders }, async () => {
        while (next < total) {
          const i = next++;
          const c = i % customers;
          const payload = whatsappText({ from: `55119${String(c).padStart(8, "0")}`, name: `Flood ${c}`, id: `wamid.flood.${i}`, text: `message ${i}` });
          const status = await inbox.deliver(server.info.url, payload);
          if (status !== 200) throw new Error(`webhook ${i} answered ${status}`);
        }
      }),
    );
    const floodSeconds = (performance.now() - started) / 1000;
    const doneDuringFlood = await processed();
    for (;;) {
      if ((await processed()) >= total) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const allSeconds = (performance.now() - started) / 1000;
    const acked = total / floodSeconds;
    const during = doneDuringFlood / floodSeconds;
    console.log(`  acknowledged:                    ${fmt(acked, 0)} webhooks/s (baseline)`);
    console.log(`  processed while the flood lasted: ${fmt(during, 0)} webhooks/s  ratio ${fmt(during / acked, 2)} (1.00: keeps up)`);
    console.log(`  waiting when the flood ended:     ${total - doneDuringFlood}; all shown ${fmt(allSeconds - floodSeconds, 1)} s later`);
    await inbox.fake.stop();
  } catch (err) {
    console.log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    db.close();
    await server.stop();
  }
}

// Runnable alone: `npx tsx sync-server/bench/webhook-flood-bench.ts [--quick]`.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  await webhookFloodSection({ quick: process.argv.includes("--quick") });
}
