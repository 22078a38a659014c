/** Joins the parts of a composite key (team, inbox, channel; kind, metric, outcome): a character no name holds. */
export const SEP = "\u001f";

/** The rollup's bucket: an hour, in ms. */
export const HOUR_MS = 3_600_000;
