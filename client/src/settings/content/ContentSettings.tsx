/** The settings sections for what agents reuse: canned responses and the knowledge base. */
import type { Team } from "@inbox/shared";
import { ArticlesAdmin } from "./ArticlesAdmin.tsx";
import { CannedAdmin } from "./CannedAdmin.tsx";

export function ContentSettings(props: { teams: readonly Team[] }) {
  return (
    <>
      <CannedAdmin teams={props.teams} />
      <ArticlesAdmin />
    </>
  );
}
