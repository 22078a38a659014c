export type SentimentTrend = "improving" | "worsening" | "steady";

// Each older message counts this much less than the next; the last third of the messages
// (at least one) is "recent". A change under the dead band is noise, not a trend.
const DECAY = 0.7;
const DEAD_BAND = 0.25;

function weightedMean(scores: readonly number[]): number {
  let sum = 0;
  let weights = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = DECAY ** (scores.length - 1 - i);
    sum += w * scores[i]!;
    weights += w;
  }
  return weights === 0 ? 0 : sum / weights;
}

/** Customer messages' scores in time order; null when fewer than 3. Decay-weighted recent vs earlier with a dead band. */
export function sentimentTrend(scores: readonly number[]): SentimentTrend | null {
  if (scores.length < 3) return null;
  const recentCount = Math.max(1, Math.floor(scores.length / 3));
  const recent = weightedMean(scores.slice(-recentCount));
  const earlier = weightedMean(scores.slice(0, -recentCount));
  const change = recent - earlier;
  if (change > DEAD_BAND) return "improving";
  if (change < -DEAD_BAND) return "worsening";
  return "steady";
}
