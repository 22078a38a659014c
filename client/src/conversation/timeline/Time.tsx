/** A timeline entry's clock time, with the full date and time as its tooltip. */
import { formatClock, formatDateTime } from "../../format/time.ts";

export function Time(props: { at: number }) {
  return (
    <time datetime={new Date(props.at).toISOString()} title={formatDateTime(props.at)}>
      {formatClock(props.at)}
    </time>
  );
}
