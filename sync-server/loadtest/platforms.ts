import { isMetaChannel } from "@inbox/connectors";
import { platformConnectors } from "@inbox/connectors/registry";
import type { FakePlatform } from "@inbox/connectors/testing";
import { demoCredentials } from "../src/demo/index.ts";
import { simulatorAdapters } from "../src/simulator/adapters/index.ts";
import { epochNow, findReply } from "./marker.ts";

export const PLATFORM_CHANNELS = ["whatsapp", "messenger", "instagram", "telegram", "line", "wechat"] as const;
export type PlatformChannel = (typeof PLATFORM_CHANNELS)[number];
export type ChannelCredentials = Record<PlatformChannel, Record<string, string>>;

export interface Platforms {
  credentials: ChannelCredentials;
  /** PLATFORM_API_URLS for the server: every channel's API is its fake here. */
  apiUrls: string;
  stop(): Promise<void>;
}

/**
 * Each platform's fake (connectors/<platform>/fake.ts, through the simulator's adapters) on a
 * loopback port in this process, with one set of credentials per channel (every team's inbox of
 * a channel shares them, as one business's numbers and pages would share an app). Agents' replies
 * reach the customer here: `onReply` gets how long each took from the agent's click, and when that was.
 */
export async function startPlatforms(onReply: (ms: number, sentAt: number) => void): Promise<Platforms> {
  const adapters = simulatorAdapters();
  const connectors = new Map(platformConnectors().map((c) => [c.channel, c]));
  const credentials = {} as ChannelCredentials;
  const fakes: FakePlatform[] = [];
  const urls: string[] = [];
  for (const channel of PLATFORM_CHANNELS) {
    const creds = demoCredentials(connectors.get(channel)!);
    // Meta's optional App ID must be Meta's number; the load uses each inbox's own webhook URL.
    if (isMetaChannel(channel)) delete creds.appId;
    credentials[channel] = creds;
    const fake = await adapters[channel]!.createFake(creds).start();
    fake.respondWith((req) => {
      const sentAt = req.method === "POST" ? findReply(req.text) : null;
      if (sentAt !== null) onReply(epochNow() - sentAt, sentAt);
      return fake.normal(req);
    });
    fakes.push(fake);
    urls.push(`${channel}=${fake.baseUrl}`);
  }
  // The fakes keep every request for tests to read; a long run would keep them all.
  const forget = setInterval(() => {
    for (const f of fakes) f.requests.length = 0;
  }, 5000);
  return {
    credentials,
    apiUrls: urls.join(","),
    async stop() {
      clearInterval(forget);
      await Promise.all(fakes.map((f) => f.stop()));
    },
  };
}
