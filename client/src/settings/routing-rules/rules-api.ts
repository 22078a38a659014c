/**
 * Routing rules as Settings shows them (admins): fetched when the section opens, every change
 * sent to the server, which checks, records and audits it; the list is read again after each.
 * Online only: a rule decides where customers' chats go, so it is never edited from a stale copy.
 */
import { RoutingRuleResponseSchema, RoutingRulesResponseSchema, RuleTestResponseSchema, type RoutingRulesResponse, type RuleTestRequest } from "@inbox/shared/api/routing-rules";
import type { RoutingRuleInput } from "@inbox/shared/domain/routing-rules";
import { createSignal, type Accessor } from "solid-js";
import { z } from "zod";
import { asApiError, request } from "../../api/http.ts";

const BASE = "/api/admin/routing-rules";
const id = (v: string) => encodeURIComponent(v);

export const rulesApi = {
  list: () => request(BASE, { schema: RoutingRulesResponseSchema }),
  create: (rule: RoutingRuleInput) => request(BASE, { method: "POST", body: rule, schema: RoutingRuleResponseSchema }),
  update: (ruleId: string, rule: RoutingRuleInput) => request(`${BASE}/${id(ruleId)}`, { method: "PUT", body: rule, schema: RoutingRuleResponseSchema }),
  setEnabled: (ruleId: string, enabled: boolean) => request(`${BASE}/${id(ruleId)}/enabled`, { method: "POST", body: { enabled }, schema: RoutingRuleResponseSchema }),
  remove: (ruleId: string) => request(`${BASE}/${id(ruleId)}`, { method: "DELETE", schema: z.object({ deleted: z.literal(true) }) }),
  reorder: (ids: string[]) => request(`${BASE}/order`, { method: "POST", body: { ids }, schema: z.object({ rules: z.array(RoutingRuleResponseSchema.shape.rule) }) }),
  test: (body: RuleTestRequest) => request(`${BASE}/test`, { method: "POST", body, schema: RuleTestResponseSchema }),
};

export interface RulesStore {
  data: Accessor<RoutingRulesResponse | null>;
  loadError: Accessor<string | null>;
  reload(): Promise<void>;
}

export function createRulesStore(): RulesStore {
  const [data, setData] = createSignal<RoutingRulesResponse | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const reload = () =>
    rulesApi.list().then(
      (answer) => {
        setLoadError(null);
        setData(answer);
      },
      (err: unknown) => {
        setLoadError(asApiError(err).message);
      },
    );
  void reload();
  return { data, loadError, reload };
}
