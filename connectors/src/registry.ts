import type { Connector } from "./connector.ts";
import { instagramConnector } from "../instagram/index.ts";
import { lineConnector } from "../line/index.ts";
import { messengerConnector } from "../messenger/index.ts";
import { telegramConnector } from "../telegram/index.ts";
import { wechatConnector } from "../wechat/index.ts";
import { whatsappConnector } from "../whatsapp/index.ts";

/**
 * Every platform connector, for the runtime entries to hand to the core. Web chat is not here:
 * the core builds it around its own widget hub.
 */
export function platformConnectors(): Connector[] {
  return [whatsappConnector, messengerConnector, instagramConnector, telegramConnector, wechatConnector, lineConnector];
}
