import { Type, type Static } from 'typebox';
import { section } from '../config/kit';
import { upstreamConfig } from './upstream/config';

const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', expected: 'a date "YYYY-MM-DD"' });

/** Complaints seen in pilots (docs/DOMAIN.md, 好差评): the list a person picks from for 不满意 / 非常不满意. */
export const DEFAULT_REASONS = ['服务态度不好', '要求材料过多', '多次跑动', '等候时间过长', '指引不清楚', '系统故障'];

export const evaluationConfig = section({
  /** Where ratings and 差评工单 steps are delivered: see upstream/config.ts and docs/UPSTREAM.md. */
  upstream: Type.Optional(upstreamConfig),
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
    /** Days after a 差评工单 is closed until the rater's phone and masked name are erased. */
    retentionDays: Type.Integer({ minimum: 1, maximum: 3650, default: 180 }),
  }),
});
export type EvaluationConfig = Static<typeof evaluationConfig>;
