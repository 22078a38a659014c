// SLA countdowns (list rows, conversation header); the public surface of the area.
export { SlaCountdown } from "./SlaCountdown.tsx";
export { slaWords } from "./sla-words.ts";
