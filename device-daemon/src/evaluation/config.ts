import { Type, type Static } from 'typebox';
import { section, strict } from '../config/kit';
import { httpUrl } from '../config/http-url';

const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', expected: 'a date "YYYY-MM-DD"' });

/** Complaints seen in pilots (docs/DOMAIN.md, 好差评): the list a person picks from for 不满意 / 非常不满意. */
export const DEFAULT_REASONS = ['服务态度不好', '要求材料过多', '多次跑动', '等候时间过长', '指引不清楚', '系统故障'];

export const evaluationConfig = section({
  /** Where ratings are delivered: HTTP POST, one JSON rating per request, `Idempotency-Key: <rating id>`. */
  upstream: Type.Optional(
    strict({
      url: httpUrl(),
      /** A request not answered within this time counts as failed and is retried. */
      timeoutMs: Type.Integer({ minimum: 100, maximum: 120_000, default: 10_000 }),
      /** First retry delay; each failure doubles it up to `maxRetryMs`, with jitter. */
      initialRetryMs: Type.Integer({ minimum: 10, maximum: 3_600_000, default: 2_000 }),
      maxRetryMs: Type.Integer({ minimum: 10, maximum: 86_400_000, default: 600_000 }),
      /** A rating not delivered this long after it was made goes to the dead letter for a technician. */
      deadLetterAfterHours: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 72 }),
      /** Ratings posted at the same time. */
      concurrency: Type.Integer({ minimum: 1, maximum: 32, default: 4 }),
    }),
  ),
  /** Days after service after which an unrated ticket counts as 基本满意. */
  defaultAfterDays: Type.Integer({ minimum: 1, maximum: 60, default: 7 }),
  /** How often the 7-day default rule looks for unrated tickets. */
  defaultSweepMinutes: Type.Integer({ minimum: 1, maximum: 1440, default: 60 }),
  /** Reasons offered for 不满意 / 非常不满意; a person may also type one. */
  reasons: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { minItems: 1, maxItems: 20, default: DEFAULT_REASONS }),
  /** Every 不满意 / 非常不满意 opens a follow-up (差评工单) due within this many working days. */
  followUp: section({
    deadlineWorkingDays: Type.Integer({ minimum: 1, maximum: 60, default: 5 }),
    /** Public holidays (no work) in the hall's calendar. */
    holidays: Type.Array(date, { default: [] }),
    /** Weekend days that are working days (调休). */
    workingWeekends: Type.Array(date, { default: [] }),
  }),
});
export type EvaluationConfig = Static<typeof evaluationConfig>;
