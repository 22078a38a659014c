import { z } from "zod";
import {
  RoutingRuleResponseSchema,
  RoutingRulesResponseSchema,
  RuleEnabledRequestSchema,
  RuleOrderRequestSchema,
  RuleTestRequestSchema,
  RuleTestResponseSchema,
} from "@inbox/shared/api/routing-rules";
import { RoutingRuleInputSchema } from "@inbox/shared/domain/routing-rules";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestActor } from "../http/audit-actor.ts";
import { ruleChoices } from "./rules-choices.ts";
import { createRule, deleteRule, listRules, reorderRules, setRuleEnabled, updateRule, type RulesAdminDeps } from "./rules-store.ts";
import { testRules } from "./rules-test.ts";

const BASE = "/api/admin/routing-rules";

/** Routing rules (admins): list, write, order, switch on and off, delete, and try on a sample message. */
export function registerRoutingRuleRoutes(api: ApiRegistry, core: RulesAdminDeps): void {
  api.userRoute(
    { method: "get", path: BASE, summary: "The workspace's routing rules in evaluation order, and what the editor offers to pick from", tag: "admin", access: ["admin"], response: RoutingRulesResponseSchema },
    async ({ user }) => {
      const [rules, choices] = await Promise.all([listRules(core, user.workspaceId), ruleChoices(core, user.workspaceId)]);
      return { rules, choices };
    },
  );
  api.userRoute(
    { method: "post", path: BASE, summary: "Add a routing rule (evaluated after the existing ones)", tag: "admin", access: ["admin"], body: RoutingRuleInputSchema, response: RoutingRuleResponseSchema, status: 201 },
    async ({ c, user, body }) => ({ rule: await createRule(core, user, requestActor(c, user), body) }),
  );
  api.userRoute(
    {
      method: "post",
      path: `${BASE}/test`,
      summary: "Which rules a sample customer message would fire and what they would do (with an unsaved draft in place of its rule); changes nothing",
      tag: "admin",
      access: ["admin"],
      body: RuleTestRequestSchema,
      response: RuleTestResponseSchema,
    },
    async ({ user, body }) => testRules(core, user.workspaceId, body),
  );
  api.userRoute(
    { method: "post", path: `${BASE}/order`, summary: "Put the rules in a new order (every rule of the workspace, once)", tag: "admin", access: ["admin"], body: RuleOrderRequestSchema, response: z.object({ rules: RoutingRuleResponseSchema.shape.rule.array() }) },
    async ({ c, user, body }) => ({ rules: await reorderRules(core, user, requestActor(c, user), body.ids) }),
  );
  api.userRoute(
    { method: "put", path: `${BASE}/:id`, summary: "Change a routing rule", tag: "admin", access: ["admin"], body: RoutingRuleInputSchema, response: RoutingRuleResponseSchema },
    async ({ c, user, params, body }) => ({ rule: await updateRule(core, user, requestActor(c, user), params.id!, body) }),
  );
  api.userRoute(
    { method: "post", path: `${BASE}/:id/enabled`, summary: "Switch a routing rule on or off", tag: "admin", access: ["admin"], body: RuleEnabledRequestSchema, response: RoutingRuleResponseSchema },
    async ({ c, user, params, body }) => ({ rule: await setRuleEnabled(core, user, requestActor(c, user), params.id!, body.enabled) }),
  );
  api.userRoute(
    { method: "delete", path: `${BASE}/:id`, summary: "Delete a routing rule", tag: "admin", access: ["admin"], response: z.object({ deleted: z.literal(true) }) },
    async ({ c, user, params }) => {
      await deleteRule(core, user, requestActor(c, user), params.id!);
      return { deleted: true as const };
    },
  );
}
