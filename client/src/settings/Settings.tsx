/**
 * Settings: admins see the channels (state, webhook URLs, connecting, routing) and the content
 * agents reuse; supervisors see only that content (canned responses, knowledge base). The
 * server enforces the same split. Needs the server: nothing here is kept on the device, except
 * business hours and SLA policies (admins), people and the custom roles' names (those who manage
 * people), shown offline from the device's copy.
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
import { AiSettingsSection } from "./ai/AiSettings.tsx";
import { RolesSettings } from "./roles/RolesSettings.tsx";
import { createRolesStore } from "./roles/roles-api.ts";

export function Settings() {
  const { session, local } = useAppState();
  const teams = () => session.me()?.teams ?? [];
  const sections = () => settingsSectionsFor(session.me()?.user);

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
        <Show when={sections().people || sections().roles}>
          {(_shown) => {
            // One fetch of the custom roles for both sections: a role made in Roles is offered in People & teams at once.
            const roles = createRolesStore(local.db());
            return (
              <>
                <Show when={sections().people}>
                  <PeopleSettings roles={roles} />
                </Show>
                <Show when={sections().roles}>
                  <RolesSettings store={roles} />
                </Show>
              </>
            );
          }}
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
        <Show when={sections().ai}>
          <AiSettingsSection />
        </Show>
        <Show when={sections().audit}>
          <AuditSettings />
        </Show>
      </div>
    </main>
  );
}
