import { describe, expect, it } from "vitest";
import type { Conversation, Message } from "@inbox/shared";
import { queryFromMessages } from "@inbox/shared/domain/similar";
import { rankHeld, said } from "./similar-local.ts";

type Held = Pick<Conversation, "id" | "status" | "teamId" | "assigneeId" | "contactName" | "channel" | "lastActivityAt">;
const conv = (id: string, o: Partial<Held> = {}): Held => ({ id, status: "resolved", teamId: "support", assigneeId: null, contactName: id, channel: "webchat", lastActivityAt: 1, ...o });
let position = 0;
const msg = (senderKind: Message["senderKind"], text: string) => ({ senderKind, content: { kind: "text" as const, text }, position: ++position });

const HELD = [conv("password"), conv("delivery"), conv("hidden", { teamId: "billing" }), conv("open-other", { status: "open" }), conv("open")];
const MESSAGES = new Map([
  ["password", [msg("customer", "How do I reset my password?"), msg("agent", "Use Forgot password on the sign-in page."), msg("customer", "Worked, thanks")]],
  ["delivery", [msg("customer", "My parcel has not arrived"), msg("agent", "It ships tomorrow.")]],
  ["hidden", [msg("customer", "password reset link expired")]],
  ["open-other", [msg("customer", "reset password please")]],
  ["open", [msg("customer", "Hello"), msg("customer", "I can't reset my password")]],
]);
const ana = { id: "ana", role: "agent" as const, permissions: undefined, teamIds: ["support"] };

describe("similar conversations ranked on the device", () => {
  const query = queryFromMessages(said(MESSAGES.get("open")!));

  it("finds the resolved chat about the same problem, with the agent's last reply as the answer", () => {
    const [first] = rankHeld(HELD, MESSAGES, { openId: "open", query, viewer: ana, limit: 5 });
    expect(first).toMatchObject({ id: "password", answer: "Use Forgot password on the sign-in page." });
    expect(first?.problem).toContain("reset my password");
  });

  it("leaves out the open chat, unresolved chats and chats the person may not see", () => {
    const ids = rankHeld(HELD, MESSAGES, { openId: "open", query, viewer: ana, limit: 5 }).map((r) => r.id);
    expect(ids).not.toContain("open");
    expect(ids).not.toContain("open-other");
    expect(ids).not.toContain("hidden");
  });

  it("reads pictures' captions and skips messages without words", () => {
    expect(said([{ senderKind: "customer", position: 1, content: { kind: "image", url: "https://x/y.png", mimeType: "image/png", caption: "broken screen" } }])[0]?.text).toBe("broken screen");
    expect(said([{ senderKind: "customer", position: 1, content: { kind: "audio", url: "https://x/y.ogg", mimeType: "audio/ogg", voice: true } }])[0]?.text).toBe("");
  });
});
