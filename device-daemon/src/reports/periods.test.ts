import { describe, expect, it } from 'vitest';
import { closedPeriods, daysBetween } from './periods';

describe('the closed part of a range as rollup periods', () => {
  it('takes whole closed months as months and the days left over at either end as days', () => {
    const p = closedPeriods('2026-09-29', '2026-12-01', '2026-12-01');
    expect(p.months).toEqual(['2026-10', '2026-11']);
    expect(p.days).toEqual(['2026-09-29', '2026-09-30']);
  });

  it('keeps the current month as days before today, and leaves today and the future out', () => {
    const p = closedPeriods('2026-11-01', '2026-12-31', '2026-12-03');
    expect(p.months).toEqual(['2026-11']);
    expect(p.days).toEqual(['2026-12-01', '2026-12-02']);
    expect(closedPeriods('2026-12-03', '2026-12-03', '2026-12-03')).toEqual({ months: [], days: [] });
  });

  it('knows February of a leap year and a range inside one month', () => {
    expect(closedPeriods('2028-02-01', '2028-02-29', '2028-03-01').months).toEqual(['2028-02']);
    expect(closedPeriods('2028-02-01', '2028-02-28', '2028-03-01')).toEqual({ months: [], days: daysBetween('2028-02-01', '2028-02-28') });
  });
});
