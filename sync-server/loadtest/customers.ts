import type { FixtureTeam } from "./fixture.ts";
import { PLATFORM_CHANNELS, type PlatformChannel } from "./platforms.ts";

export type CustomerChannel = "webchat" | PlatformChannel;

/**
 * How customers spread over channels (percent): web chat and WhatsApp carry most support
 * traffic, then Meta's two inboxes, Telegram, LINE and WeChat.
 */
export const CHANNEL_MIX: Readonly<Record<CustomerChannel, number>> = { webchat: 25, whatsapp: 25, messenger: 12, instagram: 12, telegram: 10, line: 8, wechat: 8 };

const SLOTS: CustomerChannel[] = (Object.entries(CHANNEL_MIX) as [CustomerChannel, number][]).flatMap(([c, n]) => Array<CustomerChannel>(n).fill(c));

export interface CustomerSeat {
  n: number;
  team: number;
  channel: CustomerChannel;
  inboxId: string;
}

/**
 * Customer `n` of the run: teams take turns, and the channel follows the mix (37 is prime to
 * 100, so every hundred customers hold the mix exactly).
 */
export function seatOf(n: number, teams: readonly Pick<FixtureTeam, "inboxes">[]): CustomerSeat {
  const team = n % teams.length;
  const channel = SLOTS[(n * 37) % 100]!;
  return { n, team, channel, inboxId: teams[team]!.inboxes[channel]! };
}

export const isPlatform = (c: CustomerChannel): c is PlatformChannel => (PLATFORM_CHANNELS as readonly string[]).includes(c);

const LINES = [
  "Hi, where is my order? It was due yesterday.",
  "Can I change the delivery address?",
  "The parcel arrived damaged, what should I do?",
  "I was charged twice for the same invoice.",
  "Do you have this in a larger size?",
  "How do I reset my password?",
  "Is the warranty still valid after a year?",
  "Thanks! One more question about the refund.",
];

export const customerLine = (seq: number): string => LINES[seq % LINES.length]!;
