import { describe, expect, it } from 'vitest';
import { dayText, momentDayText } from './dates';

describe('citizen dates', () => {
  it('writes «12月8日» this year and «2026年12月8日» otherwise, never an ISO date', () => {
    expect(dayText('2026-12-08', 'auto', 2026)).toBe('12月8日');
    expect(dayText('2027-01-04', 'auto', 2026)).toBe('2027年1月4日');
    expect(dayText('2026-12-08', 'always', 2026)).toBe('2026年12月8日');
    expect(dayText('2026-12-08', 'never', 2020)).toBe('12月8日');
    expect(dayText('长期')).toBe('长期');
  });

  it('takes a moment to the hall-local day', () => {
    // 2026-12-07 16:30 UTC is already 12月8日 in Beijing time.
    expect(momentDayText('2026-12-07T16:30:00Z', 'Asia/Shanghai', 'always')).toBe('2026年12月8日');
    expect(momentDayText('not a date')).toBe('not a date');
  });
});
