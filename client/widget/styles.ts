/** The widget's stylesheet, inside its shadow root so the page's CSS can't reach it and ours
 * can't leak out. px units only: the page's root font size must not scale the widget. */
export const STYLES = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

.root {
  --accent: #4f46e5;
  --on-accent: #ffffff;
  --bg: #ffffff;
  --fg: #1f2328;
  --muted: #6b7280;
  --line: #e5e7eb;
  --bubble: #f1f3f5;
  --danger: #b91c1c;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg);
  -webkit-font-smoothing: antialiased;
}

button, input, textarea { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }

.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  width: 56px; height: 56px; border-radius: 50%; border: 0; padding: 0;
  display: grid; place-items: center;
  background: var(--accent); color: var(--on-accent);
  box-shadow: 0 6px 20px rgba(0, 0, 0, .22);
  transition: transform .15s ease, box-shadow .15s ease;
}
.launcher:hover { transform: translateY(-1px) scale(1.04); box-shadow: 0 8px 24px rgba(0, 0, 0, .26); }
.launcher svg { width: 26px; height: 26px; }
.badge {
  position: absolute; top: -2px; right: -2px; min-width: 20px; height: 20px; padding: 0 5px;
  border-radius: 10px; background: #dc2626; color: #fff; font-size: 12px; font-weight: 600;
  line-height: 20px; text-align: center; box-shadow: 0 0 0 2px #fff;
}

.root--left .launcher, .root--left .panel { right: auto; left: 20px; }
.panel {
  position: fixed; right: 20px; bottom: 88px; z-index: 2147483000;
  width: 370px; height: min(600px, calc(100vh - 108px));
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--bg); border-radius: 16px;
  box-shadow: 0 12px 48px rgba(0, 0, 0, .22), 0 0 0 1px rgba(0, 0, 0, .04);
  animation: pop .16s ease-out;
}
@keyframes pop { from { opacity: 0; transform: translateY(8px) scale(.98); } }
@media (prefers-reduced-motion: reduce) { .panel { animation: none; } .launcher { transition: none; } }
@media (max-width: 480px) {
  .root--left .panel { left: 0; }
  .panel { right: 0; bottom: 0; width: 100vw; height: 100%; border-radius: 0; }
  .panel:not([hidden]) ~ .launcher { display: none; }
}

.header {
  display: flex; align-items: center; gap: 8px; padding: 14px 12px 14px 18px;
  background: var(--accent); color: var(--on-accent);
}
.titles { flex: 1; min-width: 0; }
.avatar { flex: none; width: 36px; height: 36px; border-radius: 50%; object-fit: cover; background: #fff; }
.title { margin: 0; font-size: 16px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.subtitle { margin: 2px 0 0; font-size: 12.5px; opacity: .85; }
.icon-btn {
  flex: none; width: 32px; height: 32px; border: 0; border-radius: 8px; padding: 0;
  display: grid; place-items: center; background: transparent; color: inherit;
}
.icon-btn:hover { background: rgba(127, 127, 127, .18); }
.icon-btn svg { width: 18px; height: 18px; }

.alert {
  display: flex; align-items: flex-start; gap: 8px; margin: 10px 12px 0; padding: 8px 8px 8px 12px;
  border-radius: 10px; background: #fef2f2; color: var(--danger); font-size: 14px;
  border: 1px solid #fecaca;
}
.alert-text { flex: 1; padding-top: 4px; }
.alert .icon-btn { width: 28px; height: 28px; }

.status, .unavailable { margin: auto; padding: 24px; text-align: center; color: var(--muted); }
.unavailable { margin: 0; padding: 14px 18px; border-top: 1px solid var(--line); background: #fafafa; }
.unavailable--alone { flex: 1; display: grid; place-items: center; border: 0; background: none; }

.intro { flex: 1; overflow-y: auto; padding: 20px 18px; display: flex; flex-direction: column; gap: 6px; }
.greeting { margin: 0 0 8px; font-size: 15px; white-space: pre-wrap; overflow-wrap: anywhere; }
.hint { margin: 0 0 8px; color: var(--muted); font-size: 13.5px; }
.intro label { font-size: 13.5px; font-weight: 500; margin-top: 6px; }
.intro input, .intro textarea, .ask-email input {
  width: 100%; padding: 10px 12px; border: 1px solid #d1d5db; border-radius: 10px; background: #fff;
}
.intro textarea { resize: vertical; min-height: 90px; }
.intro input:focus, .intro textarea:focus, .ask-email input:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 25%, transparent); }
.primary {
  margin-top: 14px; padding: 11px 16px; border: 0; border-radius: 10px; font-weight: 600;
  background: var(--accent); color: var(--on-accent);
}
.primary:disabled { opacity: .6; cursor: default; }

.log {
  flex: 1; overflow-y: auto; padding: 16px 14px 8px; display: flex; flex-direction: column; gap: 10px;
  overscroll-behavior: contain;
}
.msg { display: flex; flex-direction: column; max-width: 82%; align-self: flex-start; }
.msg--customer { align-self: flex-end; align-items: flex-end; }
.msg--system { align-self: center; max-width: 90%; text-align: center; }
.sender { font-size: 12px; color: var(--muted); margin: 0 0 3px 4px; }
.bubble {
  padding: 9px 13px; border-radius: 16px 16px 16px 4px; background: var(--bubble);
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.msg--customer .bubble { background: var(--accent); color: var(--on-accent); border-radius: 16px 16px 4px 16px; }
.msg--system .bubble { background: transparent; color: var(--muted); font-size: 13px; padding: 2px 8px; }
.msg--pending .bubble { opacity: .75; }
.msg--failed .bubble { opacity: .6; }
.bubble img, .bubble video { display: block; max-width: 100%; border-radius: 10px; }
.bubble audio { max-width: 100%; }
.bubble a { color: inherit; }
.caption { margin-top: 6px; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.choice {
  padding: 6px 12px; border-radius: 999px; border: 1px solid var(--accent); background: #fff;
  color: var(--accent); font-size: 14px;
}
.choice:disabled { opacity: .5; cursor: default; }
.choice--chosen, .choice--chosen:disabled { opacity: 1; background: var(--accent); color: var(--on-accent); }
.meta { font-size: 11.5px; color: var(--muted); margin: 3px 4px 0; }
.msg--failed .meta { color: var(--danger); }
.link-btn { border: 0; background: none; padding: 0; color: inherit; text-decoration: underline; font-size: inherit; }

.notice {
  margin: 10px 12px 0; padding: 8px 12px; border-radius: 10px; font-size: 14px;
  background: #f0fdf4; color: #166534; border: 1px solid #bbf7d0;
}
.typing { margin: 0; padding: 2px 16px 6px; font-size: 12.5px; color: var(--muted); font-style: italic; }
.ask-email { display: flex; flex-direction: column; gap: 8px; padding: 12px 14px; border-top: 1px solid var(--line); background: #fafafa; font-size: 14px; }
.ask-email input { width: 100%; padding: 9px 12px; border: 1px solid #d1d5db; border-radius: 10px; background: #fff; }
.ask-actions { display: flex; align-items: center; gap: 14px; }
.ask-actions .primary { margin-top: 0; }
.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px 12px; border-top: 1px solid var(--line); }
.composer textarea {
  flex: 1; resize: none; min-height: 42px; max-height: 140px; padding: 10px 12px;
  border: 1px solid #d1d5db; border-radius: 12px; background: #fff; line-height: 1.4;
}
.composer textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 25%, transparent); }
.send {
  height: 42px; padding: 0 16px; border: 0; border-radius: 12px; font-weight: 600;
  background: var(--accent); color: var(--on-accent);
}
`;
