/** What `GET /api/manage/reports/statistics` answers; the UI imports these type-only. */

/** Counts and durations (minutes, nearest-rank, to half a minute) of one row of a table. */
export interface TicketFigures {
  key: string;
  label: string;
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  waitMedian: number | null;
  waitP90: number | null;
  serviceMedian: number | null;
  serviceP90: number | null;
}

export interface RatingFigures {
  count: number;
  /** 满意率: ratings of 基本满意 or better (defaults for unrated services included) over all ratings, in percent. */
  satisfactionRate: number | null;
  /** level (5 非常满意 … 1 非常不满意) → count. */
  levels: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** Ratings given by default (not rated within the deadline), counted in `count` as 基本满意. */
  defaults: number;
}

export interface Statistics {
  from: string;
  to: string;
  /** Days counted; today (when in the range) is counted live, closed days from their rollups. */
  days: number;
  totals: TicketFigures;
  byCategory: TicketFigures[];
  byWindow: TicketFigures[];
  byStaff: TicketFigures[];
  /** Arrivals (tickets issued) by local hour of issue, 00–23, only hours with tickets. */
  byHour: TicketFigures[];
  /** Tickets issued by day of the week, 周一 … 周日 (key 1 … 7). */
  byWeekday: { key: string; label: string; issued: number; days: number }[];
  ratings: RatingFigures;
  ratingsByStaff: (RatingFigures & { key: string; label: string })[];
  /** Reasons given with 不满意 / 非常不满意, most frequent first. */
  badReasons: { reason: string; count: number }[];
  workorders: { open: number; closed: number; overdue: number };
}
