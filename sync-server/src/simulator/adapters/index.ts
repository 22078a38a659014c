import type { SimAdapter } from "../sim-adapter.ts";
import { instagramSim } from "./instagram.ts";
import { lineSim } from "./line.ts";
import { messengerSim } from "./messenger.ts";
import { telegramSim } from "./telegram.ts";
import { wechatSim } from "./wechat.ts";
import { whatsappSim } from "./whatsapp.ts";

/** One adapter per platform connector that ships a fake (connectors/<platform>/fake.ts). */
export function simulatorAdapters(): Partial<Record<string, SimAdapter>> {
  return { whatsapp: whatsappSim, messenger: messengerSim, instagram: instagramSim, telegram: telegramSim, wechat: wechatSim, line: lineSim };
}
