// Reports (issue 14): the exact definitions of docs/REPORTS.md as a pure reference computation.
export { computeReport, reportFromObserved } from "./compute-report.ts";
export { conversationPasses, csatAverage, figuresFor, observationsIn, type Scope } from "./aggregate.ts";
export { observe, type ConversationView, type Observed } from "./observe.ts";
export { holderAt, unreadBefore, type ConversationTrace, type Observation } from "./observations.ts";
export { emptyBands, nearestRank, timeStat } from "./percentiles.ts";
export { DURATION_BAND_COUNT, DURATION_BAND_LIMITS, durationBand, durationBandRange, durationBands } from "./duration-bands.ts";
export { bucketsBetween, weekdayHour, type Bucket } from "./time-buckets.ts";
export { measure, type Interval } from "./clock.ts";
export { slaHistory } from "./sla-outcomes.ts";
export * from "./types.ts";
export { conversationFactRows, type FactRow } from "./facts.ts";
export { personResolver } from "./contacts.ts";
export { inRecordOrder } from "./event-data.ts";
