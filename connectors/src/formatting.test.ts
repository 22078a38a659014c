import { describe, expect, it } from "vitest";
import { formatForPlatform } from "./formatting.ts";

const agentText = "**Order 12** is _on its way_.\n- track it [here](https://t.example/12)\n- ~~old~~ `CODE`";

describe("agent formatting per platform", () => {
  it("becomes WhatsApp's own markup", () => {
    expect(formatForPlatform(agentText, "whatsapp")).toBe("*Order 12* is _on its way_.\n• track it here (https://t.example/12)\n• ~old~ ```CODE```");
  });
  it("becomes Telegram HTML with everything else escaped", () => {
    expect(formatForPlatform(agentText + " <script>", "telegram-html")).toBe(
      '<b>Order 12</b> is <i>on its way</i>.\n• track it <a href="https://t.example/12">here</a>\n• <s>old</s> <code>CODE</code> &lt;script&gt;',
    );
  });
  it("becomes plain text elsewhere", () => {
    expect(formatForPlatform(agentText, "plain")).toBe("Order 12 is on its way.\n• track it here (https://t.example/12)\n• old CODE");
  });
});
