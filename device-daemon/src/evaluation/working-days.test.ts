import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './working-days';

const plain = { holidays: [], workingWeekends: [] };

describe('working-day deadlines', () => {
  it('skips weekends; the day of the rating does not count', () => {
    // 2025-03-07 is a Friday.
    expect(addWorkingDays('2025-03-07', 1, plain)).toBe('2025-03-10');
    expect(addWorkingDays('2025-03-07', 5, plain)).toBe('2025-03-14');
    // Rated on a Saturday: Monday is the first working day.
    expect(addWorkingDays('2025-03-08', 1, plain)).toBe('2025-03-10');
    expect(addWorkingDays('2025-03-10', 15, plain)).toBe('2025-03-31');
  });

  it('skips holidays and counts weekend days declared working (调休)', () => {
    // National Day 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked.
    const cal = {
      holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
      workingWeekends: ['2025-09-28', '2025-10-11'],
    };
    expect(isWorkingDay('2025-09-28', cal)).toBe(true);
    expect(isWorkingDay('2025-10-02', cal)).toBe(false);
    expect(addWorkingDays('2025-09-26', 1, cal)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-30', 1, cal)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 3, cal)).toBe('2025-10-11');
  });

  it('crosses a month and a year end', () => {
    expect(addWorkingDays('2024-12-31', 1, plain)).toBe('2025-01-01');
    expect(addWorkingDays('2024-02-28', 1, plain)).toBe('2024-02-29');
  });
});
