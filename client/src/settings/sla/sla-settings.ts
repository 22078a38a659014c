/**
 * The workspace calendar and SLA policies as Settings shows them: kept on the device (Dexie
 * `kv`, key `settings:sla`) so the section renders offline from the last copy, fetched from the
 * server when it opens, and changed through the admin API (online only: the server decides and
 * records each change). Admins only; the server refuses anyone else.
 */
import type { BusinessCalendar, SlaPolicy, SlaPolicyInput } from "@inbox/shared";
import {
  BusinessHoursResponseSchema,
  SlaPolicyDeleteResponseSchema,
  SlaPolicyResponseSchema,
  SlaSettingsResponseSchema,
  type SlaSettingsResponse,
} from "@inbox/shared/api/sla";
import { createSignal, type Accessor } from "solid-js";
import { asApiError, request } from "../../api/http.ts";
import type { LocalDb } from "../../local/db.ts";

export const KV_SLA_SETTINGS = "settings:sla";

export const slaApi = {
  settings: () => request("/api/admin/sla", { schema: SlaSettingsResponseSchema }),
  saveCalendar: (calendar: BusinessCalendar) => request("/api/admin/business-hours", { method: "PUT", body: { calendar }, schema: BusinessHoursResponseSchema }),
  createPolicy: (policy: SlaPolicyInput) => request("/api/admin/sla-policies", { method: "POST", body: { policy }, schema: SlaPolicyResponseSchema }),
  updatePolicy: (id: string, policy: SlaPolicyInput) =>
    request(`/api/admin/sla-policies/${encodeURIComponent(id)}`, { method: "PUT", body: { policy }, schema: SlaPolicyResponseSchema }),
  deletePolicy: (id: string) => request(`/api/admin/sla-policies/${encodeURIComponent(id)}`, { method: "DELETE", schema: SlaPolicyDeleteResponseSchema }),
};

export interface SlaSettingsStore {
  /** Null until the device's copy or the server answers. */
  data: Accessor<SlaSettingsResponse | null>;
  /** True once the server answered in this session (false: what shows is the device's copy). */
  fresh: Accessor<boolean>;
  loadError: Accessor<string | null>;
  reload(): void;
  /** Each resolves when the server saved it, or rejects with an ApiError to show. */
  saveCalendar(calendar: BusinessCalendar): Promise<BusinessCalendar>;
  savePolicy(id: string | null, policy: SlaPolicyInput): Promise<SlaPolicy>;
  deletePolicy(id: string): Promise<void>;
}

const byName = (a: SlaPolicy, b: SlaPolicy) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

export function createSlaSettings(db: LocalDb | null): SlaSettingsStore {
  const [data, setData] = createSignal<SlaSettingsResponse | null>(null);
  const [fresh, setFresh] = createSignal(false);
  const [loadError, setLoadError] = createSignal<string | null>(null);

  const keep = (next: SlaSettingsResponse) => {
    const sorted = { ...next, policies: [...next.policies].sort(byName) };
    setData(sorted);
    void db?.kv.put({ key: KV_SLA_SETTINGS, value: sorted }).catch(() => {});
  };

  void db?.kv.get(KV_SLA_SETTINGS).then(
    (row) => {
      const stored = SlaSettingsResponseSchema.safeParse(row?.value);
      if (stored.success && !fresh()) setData(stored.data);
    },
    () => {},
  );

  const reload = () => {
    slaApi.settings().then(
      (answer) => {
        setFresh(true);
        setLoadError(null);
        keep(answer);
      },
      (err: unknown) => setLoadError(asApiError(err).message),
    );
  };
  reload();

  const current = (): SlaSettingsResponse => data() ?? { calendar: { timezone: "UTC", hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] }, policies: [] };

  return {
    data,
    fresh,
    loadError,
    reload,
    async saveCalendar(calendar) {
      const answer = await slaApi.saveCalendar(calendar).catch((err: unknown) => Promise.reject(asApiError(err)));
      keep({ ...current(), calendar: answer.calendar });
      return answer.calendar;
    },
    async savePolicy(id, input) {
      const { policy } = await (id ? slaApi.updatePolicy(id, input) : slaApi.createPolicy(input)).catch((err: unknown) => Promise.reject(asApiError(err)));
      keep({ ...current(), policies: [...current().policies.filter((p) => p.id !== policy.id), policy] });
      return policy;
    },
    async deletePolicy(id) {
      await slaApi.deletePolicy(id).catch((err: unknown) => Promise.reject(asApiError(err)));
      keep({ ...current(), policies: current().policies.filter((p) => p.id !== id) });
    },
  };
}
