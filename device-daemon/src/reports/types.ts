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
  /** Device faults that began in the range, by kiosk and device (every kiosk of the hall on PostgreSQL). */
  deviceFaults: DeviceFaultFigures[];
}

export interface DeviceFaultFigures {
  kioskId: string;
  device: string;
  /** The technician's name of the device: 票据打印机. */
  label: string;
  faults: number;
  /** Minutes out of service, summed (an open fault counts to now). */
  minutes: number;
  /** Of them, still in fault now. */
  open: number;
}

/** A device in fault now (`error` or `offline`) on some kiosk of the hall. */
export interface DeviceFault {
  kioskId: string;
  device: string;
  label: string;
  state: string;
  reason: string | null;
  since: string;
}

/** The longest wait now in one category: its oldest ticket still waiting today. */
export interface LongestWait {
  categoryId: string;
  number: string;
  issuedAt: string;
  minutes: number;
}

/** What `GET /api/manage/live` answers: what the queue and counter routes do not already say. */
export interface LiveHall {
  longestWaits: LongestWait[];
  deviceFaults: DeviceFault[];
}
