/** The /simulator page: act as a customer on any channel, see what the inbox sent back. */
export const SIMULATOR_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Channel simulator — Inbox demo</title>
<style>
  :root { font-family: system-ui, sans-serif; color: #1f2937; background: #f1f5f9; }
  body { margin: 0; }
  header { background: #312e81; color: #fff; padding: 1rem 1.5rem; }
  header p { margin: .25rem 0 0; opacity: .85; }
  main { display: grid; grid-template-columns: minmax(18rem, 26rem) 1fr; gap: 1.25rem; padding: 1.25rem; max-width: 72rem; margin: auto; }
  section { background: #fff; border-radius: 12px; padding: 1rem 1.25rem; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  h2 { font-size: 1.05rem; margin: .25rem 0 .75rem; }
  label { display: block; font-size: .85rem; font-weight: 600; margin: .6rem 0 .2rem; }
  input, select, textarea { width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #cbd5e1; border-radius: 8px; font: inherit; }
  button { margin-top: .75rem; padding: .5rem .9rem; border-radius: 8px; border: 1px solid #4338ca; background: #4338ca; color: #fff; font: inherit; cursor: pointer; }
  button.secondary { background: #fff; color: #4338ca; }
  .row { display: flex; gap: .5rem; flex-wrap: wrap; }
  #status { margin-top: .75rem; font-size: .9rem; }
  ol { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .5rem; }
  li { border: 1px solid #e2e8f0; border-radius: 8px; padding: .5rem .75rem; font-size: .9rem; }
  li .meta { color: #64748b; font-size: .8rem; }
  li.failed { border-color: #fca5a5; background: #fef2f2; }
  .hint { color: #64748b; font-size: .85rem; }
</style>
</head>
<body>
<header>
  <h1>Channel simulator</h1>
  <p>Act as a customer on WhatsApp, Messenger, Instagram, Telegram, WeChat or LINE. Your messages reach the inbox as the platform's own signed webhooks; what agents send back shows here. For web chat, use the <a href="/demo" style="color:#c7d2fe">demo website</a>.</p>
</header>
<main>
  <section aria-labelledby="customer-title">
    <h2 id="customer-title">You, the customer</h2>
    <label for="channel">Channel</label>
    <select id="channel"></select>
    <label for="customer-name">Your name</label>
    <input id="customer-name" autocomplete="off">
    <label for="customer-id">Your id on this channel</label>
    <input id="customer-id" autocomplete="off">
    <label for="kind">Message kind</label>
    <select id="kind">
      <option value="text">Text</option>
      <option value="image">Photo</option>
      <option value="voice">Voice note</option>
      <option value="file" id="kind-file">File (PDF)</option>
      <option value="location">Location</option>
      <option value="button">Button answer</option>
    </select>
    <label for="text">Message</label>
    <textarea id="text" rows="3">Hello! I have a question about my order.</textarea>
    <button id="send" type="button">Send as customer</button>
    <div id="status" role="status" aria-live="polite"></div>
    <h2 style="margin-top:1.25rem">Make the platform fail</h2>
    <p class="hint">Each button makes this channel's platform answer the inbox's next sends with its documented error.</p>
    <div class="row">
      <button type="button" class="secondary" data-failure="token_expired">Expire the access token</button>
      <button type="button" class="secondary" data-failure="blocked">Customer blocks the business</button>
      <button type="button" class="secondary" data-failure="rate_limited">Hit the rate limit</button>
      <button type="button" class="secondary" data-failure="none">Back to normal</button>
    </div>
  </section>
  <section aria-labelledby="sent-title">
    <h2 id="sent-title">Sent by the inbox through the platform's API</h2>
    <p id="channel-state" class="hint"></p>
    <ol id="sent" role="log" aria-label="Sent by the inbox"></ol>
  </section>
</main>
<script src="/simulator/app.js"></script>
</body>
</html>`;

// Plain browser JavaScript (served as /simulator/app.js, so the page needs no inline script).
export const SIMULATOR_SCRIPT = `"use strict";
const $ = (id) => document.getElementById(id);
let channels = [];
const current = () => channels.find((c) => c.id === $("channel").value);

async function api(path, body) {
  const res = await fetch(path, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {});
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((json.error && json.error.message) || ("HTTP " + res.status));
  return json;
}

function say(text) { $("status").textContent = text; }

async function load() {
  channels = (await api("/simulator/api/channels")).channels;
  const select = $("channel");
  select.replaceChildren(...channels.map((c) => { const o = document.createElement("option"); o.value = c.id; o.textContent = c.name + " (" + c.channel + ")"; return o; }));
  pick();
}

function pick() {
  const c = current();
  if (!c) return;
  $("customer-name").value = c.sample.name;
  $("customer-id").value = c.sample.externalId;
  // Some platforms' customers cannot send files (WeChat Official Accounts).
  $("kind-file").disabled = !c.files;
  if (!c.files && $("kind").value === "file") $("kind").value = "text";
  refresh();
}

function actionFromForm() {
  const kind = $("kind").value;
  const text = $("text").value.trim();
  if (kind === "text") return { kind, text: text || "Hello" };
  if (kind === "image") return { kind, caption: text || undefined };
  if (kind === "voice") return { kind };
  if (kind === "file") return { kind };
  if (kind === "location") return { kind, latitude: -23.5614, longitude: -46.6559, name: text || "Avenida Paulista" };
  return { kind: "button", id: "yes", title: text.slice(0, 20) || "Yes" };
}

async function send() {
  const c = current();
  if (!c) return;
  try {
    const r = await api("/simulator/api/inboxes/" + c.id + "/customer", { customer: { externalId: $("customer-id").value.trim(), name: $("customer-name").value.trim() }, action: actionFromForm() });
    say(r.status === 200 ? "Delivered to the inbox's webhook (HTTP 200)." : "The inbox answered HTTP " + r.status + ": " + r.body);
  } catch (e) { say("Could not send: " + e.message); }
}

async function fail(failure) {
  const c = current();
  if (!c) return;
  try {
    await api("/simulator/api/inboxes/" + c.id + "/failure", { failure });
    say(failure === "none" ? "The platform answers normally again." : "The platform will now answer with: " + failure.replace("_", " ") + ".");
  } catch (e) { say("Could not change the platform: " + e.message); }
}

async function refresh() {
  const c = current();
  if (!c) return;
  try {
    const r = await api("/simulator/api/inboxes/" + c.id + "/sent");
    const state = r.status === "rate_limited" && r.pausedUntil ? "paused until " + new Date(r.pausedUntil).toLocaleTimeString() : r.status;
    $("channel-state").textContent = "Channel state in the inbox: " + state;
    $("sent").replaceChildren(...r.sent.slice().reverse().map((s) => {
      const li = document.createElement("li");
      if (s.status >= 400) li.className = "failed";
      const meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = new Date(s.at).toLocaleTimeString() + " · " + s.kind + (s.to ? " to " + s.to : "") + " · platform answered " + s.status;
      const body = document.createElement("div");
      body.textContent = s.text || "";
      li.append(meta, body);
      return li;
    }));
  } catch (e) { $("channel-state").textContent = e.message; }
}

$("channel").addEventListener("change", pick);
$("send").addEventListener("click", send);
document.querySelectorAll("[data-failure]").forEach((b) => b.addEventListener("click", () => fail(b.dataset.failure)));
setInterval(refresh, 1500);
load().catch((e) => say("The simulator is not available: " + e.message));
`;

/** What a signed-out visitor gets at /simulator: the simulator speaks for a workspace's customers. */
export const SIGN_IN_FIRST_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to use the channel simulator — Inbox demo</title>
<style>
  :root { font-family: system-ui, sans-serif; color: #1f2937; background: #f1f5f9; }
  main { max-width: 32rem; margin: 4rem auto; background: #fff; border-radius: 12px; padding: 1.5rem; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
</style>
</head>
<body>
<main>
  <h1>Sign in first</h1>
  <p>The channel simulator acts as your workspace's customers and shows what your team sent them, so it is only for signed-in members of the workspace.</p>
  <p><a href="/">Sign in to the inbox</a> in this browser, then open <a href="/simulator">/simulator</a> again.</p>
</main>
</body>
</html>`;
