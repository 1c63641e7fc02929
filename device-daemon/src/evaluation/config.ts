import { arr, int, obj, opt, str, type Infer } from '../config/schema-dsl';
import { upstreamConfig } from './upstream/config';

const date = str({ pattern: /^\d{4}-\d{2}-\d{2}$/, hint: 'a date "YYYY-MM-DD"' });

/** Complaints seen in pilots (reference/hall.md, 好差评): the list a person picks from for 不满意 / 非常不满意. */
export const DEFAULT_REASONS = ['服务态度不好', '要求材料过多', '多次跑动', '等候时间过长', '指引不清楚', '系统故障'];

export const evaluationConfig = obj({
  /** Where ratings and 差评工单 steps are delivered: see upstream/config.ts and docs/UPSTREAM.md. */
  upstream: opt(upstreamConfig),
  /** Days after service after which an unrated ticket counts as 基本满意. */
  defaultAfterDays: opt(int({ min: 1, max: 60 }), 7),
  /** How often the 7-day default rule looks for unrated tickets. */
  defaultSweepMinutes: opt(int({ min: 1, max: 1440 }), 60),
  /** Reasons offered for 不满意 / 非常不满意; a person may also type one. */
  reasons: opt(arr(str({ min: 1, max: 30 }), { min: 1, max: 20 }), DEFAULT_REASONS),
  /** Every 不满意 / 非常不满意 opens a follow-up (差评工单) due within this many working days. */
  followUp: opt(
    obj({
      deadlineWorkingDays: opt(int({ min: 1, max: 60 }), 5),
      /** Public holidays (no work) in the hall's calendar. */
      holidays: opt(arr(date), []),
      /** Weekend days that are working days (调休). */
      workingWeekends: opt(arr(date), []),
      /** Days after a 差评工单 is closed until the rater's phone and masked name are erased. */
      retentionDays: opt(int({ min: 1, max: 3650 }), 180),
    }),
    {},
  ),
});
export type EvaluationConfig = Infer<typeof evaluationConfig>;
