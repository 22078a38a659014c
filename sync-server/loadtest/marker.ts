/**
 * A customer message carries a probe at its start: `lt<seq>@<sent µs since the epoch>;`. Agents'
 * processes find it in the raw bytes of a room update (Yjs writes strings as UTF-8), so they
 * time the delivery without decoding the document, on the clock every process on this machine
 * shares (performance.timeOrigin + now()). The probe fits well inside the list's 140-character
 * preview, which is where the team room carries it.
 */
export interface Probe {
  seq: number;
  /** When the customer sent it, epoch milliseconds (fractional). */
  sentAt: number;
}

const PROBE = /lt(\d+)@(\d+);/g;

export function probeText(seq: number, sentAt: number, words: string): string {
  return `lt${seq}@${Math.round(sentAt * 1000)}; ${words}`;
}

/** Every probe in a frame, in order; a frame may carry several messages (batched commits). */
export function findProbes(frame: Uint8Array): Probe[] {
  const text = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).toString("latin1");
  const out: Probe[] = [];
  for (const m of text.matchAll(PROBE)) out.push({ seq: Number(m[1]), sentAt: Number(m[2]) / 1000 });
  return out;
}

/** Agents' replies carry `ra@<sent µs>;`, found where the customer reads them (platform fake, widget). */
export function replyText(sentAt: number, words: string): string {
  return `ra@${Math.round(sentAt * 1000)}; ${words}`;
}

const REPLY = /ra@(\d+);/;

export function findReply(text: string): number | null {
  const m = REPLY.exec(text);
  return m ? Number(m[1]) / 1000 : null;
}

/** Now on the clock shared by every process of this machine, epoch milliseconds (fractional). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
