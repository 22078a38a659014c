/** The Reports screen: the app's header above the reports (the area itself loads on demand). */
import { Reports } from "../../reports/index.ts";
import { AppHeader } from "../AppHeader.tsx";

export function ReportsScreen() {
  return (
    <div class="app-shell">
      <AppHeader />
      <Reports />
    </div>
  );
}
