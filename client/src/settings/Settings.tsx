/**
 * Settings: admins see the channels (state, webhook URLs, connecting, routing) and the content
 * agents reuse; supervisors see only that content (canned responses, knowledge base). The
 * server enforces the same split. Needs the server: nothing here is kept on the device, except
 * business hours and SLA policies (admins), shown offline from the device's copy.
 */
import { Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { AuditSettings } from "./audit/AuditSettings.tsx";
import { ChannelSettings } from "./channels/ChannelSettings.tsx";
import { ContentSettings } from "./content/ContentSettings.tsx";
import { t } from "./messages.ts";
import { settingsSectionsFor } from "./settings-access.ts";
import { SlaSettings } from "./sla/SlaSettings.tsx";
import { PeopleSettings } from "./people/PeopleSettings.tsx";
import { RoutingRulesSettings } from "./routing-rules/RoutingRulesSettings.tsx";
import { SecuritySettings } from "./security/SecuritySettings.tsx";
import { RetentionSettings } from "./retention/RetentionSettings.tsx";

export function Settings() {
  const { session } = useAppState();
  const teams = () => session.me()?.teams ?? [];
  const sections = () => settingsSectionsFor(session.me()?.user.role);

  return (
    <main class="settings" aria-labelledby="settings-title">
      <div class="settings-inner">
        <h1 id="settings-title">{sections().channels ? t("adminSettings") : t("settingsTitle")}</h1>
        <Show when={sections().channels}>
          <ChannelSettings teams={teams()} />
        </Show>
        <Show when={sections().content}>
          <ContentSettings teams={teams()} />
        </Show>
        <Show when={sections().sla}>
          <SlaSettings />
        </Show>
        <Show when={sections().people}>
          <PeopleSettings />
        </Show>
        <Show when={sections().routingRules}>
          <RoutingRulesSettings />
        </Show>
        <Show when={sections().security}>
          <SecuritySettings />
        </Show>
        <Show when={sections().retention}>
          <RetentionSettings />
        </Show>
        <Show when={sections().audit}>
          <AuditSettings />
        </Show>
      </div>
    </main>
  );
}
