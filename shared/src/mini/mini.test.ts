import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type * as zm from "zod/mini";
import { ApiErrorSchema } from "../api/errors.ts";
import { MeResponseSchema } from "../api/auth.ts";
import { ListViewSchema, SavedViewSchema } from "../domain/list-view.ts";
import { ApiErrorMini, ListViewMini, MeResponseMini, SavedViewMini } from "./index.ts";

// Same output type as the classic schema, or this file does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [
  Same<zm.infer<typeof MeResponseMini>, z.infer<typeof MeResponseSchema>>,
  Same<zm.infer<typeof ListViewMini>, z.infer<typeof ListViewSchema>>,
  Same<zm.infer<typeof SavedViewMini>, z.infer<typeof SavedViewSchema>>,
  Same<zm.infer<typeof ApiErrorMini>, z.infer<typeof ApiErrorSchema>>,
] = [true, true, true, true];

const user = {
  id: "u1",
  workspaceId: "w1",
  email: "ana@demo.inbox",
  name: "Ana Souza",
  role: "agent",
  teamIds: ["t1"],
  maxConcurrentChats: 5,
  availability: "available",
  locale: "en",
};
const permissions = {
  conversations: "assigned",
  reply: true,
  manageContacts: true,
  deleteContacts: false,
  exportData: false,
  manageContent: false,
  viewReports: false,
  supervise: false,
  manageChannels: false,
  managePeople: false,
  viewAudit: false,
  configureAI: false,
};
const me = { user, workspace: { id: "w1", name: "Demo", createdAt: 1 }, teams: [{ id: "t1", workspaceId: "w1", name: "Support" }] };
const meWith = (patch: Record<string, unknown>) => ({ ...me, user: { ...user, ...patch } });

const meSamples: unknown[] = [
  me,
  { ...me, extra: 1, account: { twoFactorEnabled: true, mustEnrolTwoFactor: false, avatar: null } },
  { ...me, account: { twoFactorEnabled: true, mustEnrolTwoFactor: false } },
  meWith({ permissions }),
  meWith({ permissions: { ...permissions, conversations: "everything" } }),
  meWith({ permissions: { ...permissions, viewAudit: undefined } }),
  meWith({ customRole: { id: "r1", name: "Lead" } }),
  meWith({ customRole: null }),
  meWith({ customRole: { id: "r1", name: "" } }),
  meWith({ role: "owner" }),
  meWith({ email: "not an email" }),
  meWith({ name: "" }),
  meWith({ name: "x".repeat(121) }),
  meWith({ maxConcurrentChats: 0 }),
  meWith({ maxConcurrentChats: 2.5 }),
  meWith({ maxConcurrentChats: 101 }),
  meWith({ availability: "gone" }),
  meWith({ locale: "fr" }),
  meWith({ teamIds: [""] }),
  meWith({ id: "x".repeat(129) }),
  { ...me, workspace: { id: "w1", name: "Demo", createdAt: -1 } },
  { ...me, teams: [{ id: "t1", name: "Support" }] },
  { ...me, user: undefined },
  null,
  "me",
  [],
];

const viewSamples: unknown[] = [
  {},
  { tab: "mine", channels: ["whatsapp"], statuses: ["open"], labels: ["  vip  "], teamIds: ["t1"], priorities: ["urgent"], sort: "priority" },
  { tab: "someone" },
  { channels: ["fax"] },
  { statuses: ["closed"] },
  { labels: ["   "] },
  { labels: ["x".repeat(65)] },
  { teamIds: Array.from({ length: 51 }, (_, i) => `t${i}`) },
  { teamIds: Array.from({ length: 50 }, (_, i) => `t${i}`) },
  { priorities: ["medium"] },
  { sort: "alphabetical" },
  { sort: "oldest_waiting", extra: true },
  null,
  42,
];

const savedSamples: unknown[] = [
  { id: "v1", name: "VIP", view: {}, createdAt: 1, updatedAt: 2 },
  { id: "v1", name: "VIP", view: { tab: "nobody" }, createdAt: 1, updatedAt: 2 },
  { id: "", name: "VIP", view: {}, createdAt: 1, updatedAt: 2 },
  { id: "v1", name: "VIP", view: {}, createdAt: 1.5, updatedAt: 2 },
  { id: "v1", view: {}, createdAt: 1, updatedAt: 2 },
];

const errorSamples: unknown[] = [
  { error: { code: "not_found", message: "No such conversation." } },
  { error: { code: "validation_failed", message: "Check the form.", fields: { email: "Enter an email." } } },
  { error: { code: "validation_failed", message: "Check the form.", fields: { email: 1 } } },
  { error: { code: "teapot", message: "?" } },
  { error: { code: "internal" } },
  { message: "Internal Server Error" },
];

/** Both schemas accept the same samples and give the same data (defaults, trimming, stripped keys). */
function agree(classic: z.ZodType, mini: zm.ZodMiniType, samples: unknown[]) {
  for (const sample of samples) {
    const a = classic.safeParse(sample);
    const b = mini.safeParse(sample);
    expect({ sample, success: b.success, data: b.data }).toEqual({ sample, success: a.success, data: a.data });
  }
}

describe("zod/mini twins of the start-up schemas", () => {
  it("keep the classic schema's output type", () => {
    expect(sameTypes.every(Boolean)).toBe(true);
  });

  it("accept and reject the remembered user as MeResponseSchema does", () => {
    agree(MeResponseSchema, MeResponseMini, meSamples);
    // Each sample above decides something: some pass, most fail.
    expect(meSamples.filter((s) => MeResponseMini.safeParse(s).success).length).toBe(5);
  });

  it("read the list's saved views as ListViewSchema and SavedViewSchema do", () => {
    agree(ListViewSchema, ListViewMini, viewSamples);
    agree(SavedViewSchema, SavedViewMini, savedSamples);
  });

  it("read the API's error bodies as ApiErrorSchema does", () => {
    agree(ApiErrorSchema, ApiErrorMini, errorSamples);
  });

  it("offer every value of every enumeration the classic schemas offer", () => {
    const userShape = MeResponseSchema.shape.user.shape;
    const miniUser = MeResponseMini.def.shape.user.def.shape;
    for (const key of ["role", "availability", "locale"] as const) {
      for (const value of userShape[key].options) expect(miniUser[key].safeParse(value).success, `${key} ${value}`).toBe(true);
    }
    for (const code of ApiErrorSchema.shape.error.shape.code.options) {
      expect(ApiErrorMini.safeParse({ error: { code, message: "" } }).success, code).toBe(true);
    }
    const view = ListViewSchema.shape;
    for (const tab of view.tab.unwrap().options) expect(ListViewMini.safeParse({ tab }).success).toBe(true);
    for (const sort of view.sort.unwrap().options) expect(ListViewMini.safeParse({ sort }).success).toBe(true);
  });
});
