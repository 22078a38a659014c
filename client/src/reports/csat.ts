/**
 * CSAT in the words of docs/REPORTS.md §3.4: satisfaction is the share of ratings that are 4 or
 * 5, the average is the mean rating, the response rate is ratings per question asked. Each is
 * null when there is nothing to divide by.
 */
import type { ReportResponse } from "@inbox/shared/api/reports";

export type Csat = ReportResponse["totals"]["csat"];

export interface CsatSummary {
  /** Ratings of 4 or 5 ÷ ratings (0–1). */
  satisfaction: number | null;
  average: number | null;
  /** Ratings ÷ questions asked in the period (0–1, above 1 when ratings answer questions asked before it). */
  responseRate: number | null;
  /** Each rating's share of the ratings, 1 to 5 (0–1). */
  shares: [number, number, number, number, number];
}

export function csatSummary(c: Csat): CsatSummary {
  const share = (n: number) => (c.rated ? n / c.rated : 0);
  return {
    satisfaction: c.rated ? (c.ratings[3] + c.ratings[4]) / c.rated : null,
    average: c.rated ? (c.average ?? c.ratings.reduce((sum, n, i) => sum + n * (i + 1), 0) / c.rated) : null,
    responseRate: c.asked ? c.rated / c.asked : null,
    shares: [share(c.ratings[0]), share(c.ratings[1]), share(c.ratings[2]), share(c.ratings[3]), share(c.ratings[4])],
  };
}
