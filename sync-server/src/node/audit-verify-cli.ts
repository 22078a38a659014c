/**
 * `npm run audit:verify`: checks every workspace's audit log against its hash chain and says,
 * per workspace, that it is intact or where it first breaks. Exits with 1 when any is broken.
 *
 *   DATABASE_URL=libsql://<db>.turso.io DATABASE_AUTH_TOKEN=<token> npm run audit:verify
 *   npm run audit:verify -- --no-seal   # check only what is sealed; write nothing
 *
 * By default entries not sealed yet are sealed first (the same deterministic chain the server
 * writes, so running it beside a live server is safe), so everything written so far is checked.
 */
import { asc } from "drizzle-orm";
import { sealWorkspace, verifyWorkspace } from "../audit/index.ts";
import { loadConfig } from "../config.ts";
import { workspaces } from "../db/schema.ts";
import { WriteQueue } from "../db/write-queue.ts";
import { KeyedMutex } from "../lib/keyed-mutex.ts";
import { openNodeDatabase } from "./open-database.ts";

const seal = !process.argv.includes("--no-seal");
const config = loadConfig(process.env);
const { db, close } = await openNodeDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
const record = { db, writer: new WriteQueue(db), now: Date.now, locks: new KeyedMutex() };
let brokenCount = 0;
try {
  const all = await db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces).orderBy(asc(workspaces.createdAt));
  if (all.length === 0) console.log("audit:verify: there are no workspaces in this database.");
  for (const w of all) {
    if (seal) while (!(await sealWorkspace(record, w.id)));
    const result = await verifyWorkspace(record, w.id);
    const who = `${w.name} (${w.id})`;
    if (result.broken) {
      brokenCount++;
      console.log(`audit:verify: ${who}: BROKEN at entry #${result.broken.id} (${result.checked} intact before it). ${result.broken.message}`);
    } else {
      console.log(`audit:verify: ${who}: chain intact, ${result.checked} ${result.checked === 1 ? "entry" : "entries"} checked${result.headHash ? `; newest hash ${result.headHash}` : ""}.`);
    }
  }
  await record.writer.drain();
  if (brokenCount > 0) {
    console.error(`audit:verify: ${brokenCount} workspace log${brokenCount === 1 ? " is" : "s are"} broken.`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`audit:verify: failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
} finally {
  await close();
}
