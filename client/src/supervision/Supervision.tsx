/**
 * The Supervision screen: the live boards of the teams this user may see (a picker, or all of
 * them), and the wall display (`/supervision/wall`): large type, no controls, one team at a time,
 * rotating. Runs unattended: one clock timer, one rotation timer, and only the shown teams' board
 * rooms open (a rotated-out team's room is closed with its reactive owner; the conversation
 * list's rooms are set aside while the wall display shows).
 */
import { createEffect, createMemo, createSignal, For, onCleanup, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { BoardView } from "./Board.tsx";
import { createBoard } from "./board-room.ts";
import { t } from "./messages.ts";

/** How long the wall display shows each team; `?every=<seconds>` (at least 2) sets it for one screen. */
export const WALL_ROTATE_MS = 15_000;

function rotateMs(): number {
  const every = Number(new URLSearchParams(location.search).get("every"));
  return Number.isFinite(every) && every >= 2 ? every * 1000 : WALL_ROTATE_MS;
}
const ALL = "";

export function Supervision(props: { wall: boolean }) {
  const { session, local, router, selection, conversations } = useAppState();
  const teams = () => session.me()?.teams ?? [];
  const [picked, setPicked] = createSignal(ALL);
  const [rotation, setRotation] = createSignal(0);
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));
  // Read once: the address loses its query when the board's link turns it into the wall display.
  const every = rotateMs();
  // The same screen turns into the wall display and back (its link, the browser's back button):
  // what the wall needs follows props.wall, set up when it shows and undone when it stops.
  createEffect(() => {
    if (!props.wall) return;
    // A TV shows the boards all day: the list's rooms would grow with every change it never shows.
    onCleanup(conversations.setAside());
    const rotate = setInterval(() => setRotation((r) => (r + 1) % Math.max(1, teams().length)), every);
    onCleanup(() => clearInterval(rotate));
  });
  const shown = createMemo(() => {
    const all = teams().map((team) => team.id);
    if (props.wall) return all.length ? [all[rotation() % all.length]!] : [];
    return picked() === ALL ? all : all.filter((id) => id === picked());
  });
  const open = (conversationId: string) => {
    selection.select(conversationId);
    router.navigate({ screen: "inbox" });
  };
  return (
    <main class="supervision" classList={{ "supervision-wall": props.wall }} aria-label={t("supervision")}>
      <Show when={!props.wall}>
        <div class="supervision-controls">
          <label>
            {t("team")}{" "}
            <select value={picked()} onChange={(e) => setPicked(e.currentTarget.value)}>
              <option value={ALL}>{t("allTeams")}</option>
              <For each={teams()}>{(team) => <option value={team.id}>{team.name}</option>}</For>
            </select>
          </label>
          <a class="btn" href="/supervision/wall" onClick={(e) => (e.preventDefault(), router.navigate({ screen: "supervision", wall: true }))}>
            {t("wall")}
          </a>
        </div>
      </Show>
      <Show when={teams().length > 0} fallback={<p>{t("noTeams")}</p>}>
        <For each={shown()}>
          {(teamId) => {
            // Each shown team owns its room: rotating or picking another team closes it.
            const view = createBoard(teamId, local.db());
            return (
              <Show when={view.board()} fallback={<p class="board-empty">{view.status() === "forbidden" ? t("forbidden") : t("loading")}</p>}>
                {(board) => <BoardView board={board()} now={now} live={view.live()} wall={props.wall} onOpen={open} />}
              </Show>
            );
          }}
        </For>
      </Show>
    </main>
  );
}
