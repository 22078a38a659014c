import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Conversation } from "./conversation.ts";
import {
  DEFAULT_LIST_VIEW,
  ListViewSchema,
  activeFilterCount,
  applyView,
  isPlainTab,
  reorderView,
  unreadIn,
  sameView,
  waitingSince,
  withoutFilterValue,
  type ListView,
} from "./list-view.ts";

const HOUR = 3_600_000;

function conv(id: string, over: Partial<Conversation> = {}): Conversation {
  return {
    id,
    workspaceId: "w",
    inboxId: "i",
    channel: "webchat",
    contactId: `contact-${id}`,
    contactName: id,
    teamId: "support",
    status: "open",
    priority: "normal",
    assigneeId: null,
    snoozedUntil: null,
    labels: [],
    unreadCount: 0,
    lastMessagePreview: "",
    firstResponseAt: 1,
    lastActivityAt: 10 * HOUR,
    createdAt: HOUR,
    ...over,
  };
}

const view = (over: Partial<ListView>): ListView => ({ ...DEFAULT_LIST_VIEW, ...over });
const ids = (list: Conversation[]) => list.map((c) => c.id);

describe("filters", () => {
  const list = [
    conv("wa-open", { channel: "whatsapp", status: "open", labels: ["billing"], priority: "high" }),
    conv("wa-resolved", { channel: "whatsapp", status: "resolved" }),
    conv("tg-open", { channel: "telegram", status: "open", teamId: "sales", labels: ["vip", "billing"] }),
    conv("web-pending", { channel: "webchat", status: "pending", assigneeId: "ana", priority: "urgent" }),
  ];

  it("combines kinds with and, choices of one kind with or", () => {
    expect(ids(applyView(list, view({ channels: ["whatsapp"], statuses: ["open"] }), "ana"))).toEqual(["wa-open"]);
    expect(ids(applyView(list, view({ channels: ["whatsapp", "telegram"], statuses: ["open"] }), "ana"))).toEqual(["tg-open", "wa-open"]);
  });

  it("filters by label (any chosen label), team and priority", () => {
    expect(ids(applyView(list, view({ labels: ["billing"] }), "ana")).sort()).toEqual(["tg-open", "wa-open"]);
    expect(ids(applyView(list, view({ labels: ["billing"], teamIds: ["sales"] }), "ana"))).toEqual(["tg-open"]);
    expect(ids(applyView(list, view({ priorities: ["urgent", "high"] }), "ana")).sort()).toEqual(["wa-open", "web-pending"]);
  });

  it("keeps the tab's rule: Mine is the user's, Unassigned leaves resolved ones out", () => {
    expect(ids(applyView(list, view({ tab: "mine" }), "ana"))).toEqual(["web-pending"]);
    expect(ids(applyView(list, view({ tab: "unassigned", channels: ["whatsapp"] }), "ana"))).toEqual(["wa-open"]);
  });

  it("counts conversations with something unread per view", () => {
    const withUnread = list.map((c, i) => ({ ...c, unreadCount: i % 2 === 0 ? 3 : 0 }));
    expect(unreadIn(withUnread, DEFAULT_LIST_VIEW, "ana")).toBe(2);
    expect(unreadIn(withUnread, view({ channels: ["whatsapp"] }), "ana")).toBe(1);
    expect(unreadIn(withUnread, view({ tab: "mine" }), "ana")).toBe(0);
  });

  it("removing a chip's value drops only that value", () => {
    const v = view({ channels: ["whatsapp", "telegram"], statuses: ["open"] });
    const next = withoutFilterValue(v, "channels", "whatsapp");
    expect(next.channels).toEqual(["telegram"]);
    expect(next.statuses).toEqual(["open"]);
    expect(activeFilterCount(next)).toBe(2);
    expect(isPlainTab(next)).toBe(false);
    expect(isPlainTab(view({ tab: "mine" }))).toBe(true);
  });
});

describe("sorts", () => {
  it("newest activity first", () => {
    const list = [conv("a", { lastActivityAt: 1 }), conv("b", { lastActivityAt: 3 }), conv("c", { lastActivityAt: 2 })];
    expect(ids(applyView(list, DEFAULT_LIST_VIEW, "u"))).toEqual(["b", "c", "a"]);
  });

  it("oldest waiting puts the customer who waited longest on top, the rest after by last activity", () => {
    const list = [
      conv("answered", { waitingSince: null, lastActivityAt: 1 * HOUR }),
      // Wrote three times since the reply: the wait counts from the first of them, not the last.
      conv("wrote-again", { waitingSince: 4 * HOUR, lastActivityAt: 9 * HOUR, unreadCount: 3 }),
      conv("old-unanswered", { waitingSince: 2 * HOUR, lastActivityAt: 8 * HOUR }),
      conv("snoozed", { waitingSince: 0, lastActivityAt: 2 * HOUR, status: "snoozed" }),
      conv("cached-before-the-field", { lastActivityAt: 3 * HOUR }),
      conv("resolved", { waitingSince: HOUR, lastActivityAt: 5 * HOUR, status: "resolved" }),
    ];
    expect(ids(applyView(list, view({ sort: "oldest_waiting" }), "u"))).toEqual([
      "old-unanswered",
      "wrote-again",
      "resolved",
      "cached-before-the-field",
      "snoozed",
      "answered",
    ]);
    expect(waitingSince(list[1]!)).toBe(4 * HOUR);
    expect(waitingSince(list[0]!)).toBeNull();
    expect(waitingSince(list[3]!)).toBeNull();
    expect(waitingSince(list[4]!)).toBeNull();
  });

  it("priority goes urgent → low, then oldest waiting within one priority", () => {
    const list = [
      conv("low", { priority: "low", waitingSince: 0 }),
      conv("urgent-new", { priority: "urgent", waitingSince: 5 * HOUR }),
      conv("normal", { priority: "normal" }),
      conv("urgent-old", { priority: "urgent", waitingSince: HOUR }),
      conv("high", { priority: "high" }),
    ];
    expect(ids(applyView(list, view({ sort: "priority" }), "u"))).toEqual(["urgent-old", "urgent-new", "high", "normal", "low"]);
  });

  it("orders ties the same way on every client", () => {
    const a = [conv("y", { lastActivityAt: 5 }), conv("x", { lastActivityAt: 5 })];
    expect(ids(applyView(a, DEFAULT_LIST_VIEW, "u"))).toEqual(["x", "y"]);
    expect(ids(applyView([...a].reverse(), DEFAULT_LIST_VIEW, "u"))).toEqual(["x", "y"]);
  });
});

describe("schema", () => {
  it("fills what a stored view leaves out and refuses unknown values", () => {
    expect(ListViewSchema.parse({ channels: ["whatsapp"] })).toEqual({ ...DEFAULT_LIST_VIEW, channels: ["whatsapp"] });
    expect(ListViewSchema.safeParse({ channels: ["fax"] }).success).toBe(false);
    expect(ListViewSchema.safeParse({ sort: "random" }).success).toBe(false);
  });

  it("compares views ignoring the order of choices", () => {
    expect(sameView(view({ channels: ["webchat", "whatsapp"] }), view({ channels: ["whatsapp", "webchat"] }))).toBe(true);
    expect(sameView(view({ channels: ["webchat"] }), view({ channels: ["webchat"], sort: "priority" }))).toBe(false);
  });
});

describe("reorderView", () => {
  const statuses = ["open", "pending", "snoozed", "resolved"] as const;
  const priorities = ["urgent", "high", "normal", "low"] as const;
  const arbConv = (id: string) =>
    fc.record({
      status: fc.constantFrom(...statuses),
      priority: fc.constantFrom(...priorities),
      assigneeId: fc.constantFrom(null, "me", "other"),
      channel: fc.constantFrom("webchat", "whatsapp", "telegram"),
      lastActivityAt: fc.integer({ min: 0, max: 50 }),
      waitingSince: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      labels: fc.subarray(["vip", "billing"]),
    }).map((over) => conv(id, over as Partial<Conversation>));
  const arbView = fc.record({
    tab: fc.constantFrom("all", "mine", "unassigned"),
    sort: fc.constantFrom("newest", "oldest_waiting", "priority"),
    channels: fc.subarray(["webchat", "whatsapp"]),
    statuses: fc.subarray([...statuses]),
    labels: fc.subarray(["vip"]),
  }).map((v) => ({ ...DEFAULT_LIST_VIEW, ...v }) as ListView);

  it("answers exactly what sorting the whole list again answers, whatever changed and whatever the view", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `c${String(i).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.tuple(...ids.map(arbConv)),
        fc.tuple(...ids.map(arbConv)),
        // A few (put back one by one) or many (merged: a replayed batch changes hundreds at once).
        fc.oneof(
          fc.uniqueArray(fc.nat({ max: ids.length - 1 }), { maxLength: 2 }),
          fc.uniqueArray(fc.nat({ max: ids.length - 1 }), { minLength: 3, maxLength: ids.length }),
        ),
        arbView,
        (list, versions, which, view) => {
          const shown = applyView(list, view, "me");
          const changed = which.map((i) => versions[i]!);
          const now = list.map((c, i) => (which.includes(i) ? versions[i]! : c));
          expect(reorderView(shown, changed, view, "me").map((c) => c.id)).toEqual(applyView(now, view, "me").map((c) => c.id));
        },
      ),
    );
  });
});
