import { int, obj, opt, str, type Infer } from '../config/schema-dsl';

export const evaluationConfig = obj({
  /** Where ratings are delivered: HTTP POST, one JSON rating per request, `Idempotency-Key: <rating id>`. */
  upstream: opt(
    obj({
      url: str({ pattern: /^https?:\/\//, hint: 'an http(s) URL' }),
    }),
  ),
  /** Days after service after which an unrated ticket counts as 基本满意. */
  defaultAfterDays: opt(int({ min: 1, max: 60 }), 7),
});
export type EvaluationConfig = Infer<typeof evaluationConfig>;
