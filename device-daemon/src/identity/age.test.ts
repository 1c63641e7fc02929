import { describe, expect, it } from 'vitest';
import { ageOn } from './age';
import { serviceDate } from '../core/hall-time';

describe('ageOn', () => {
  it('counts whole years, turning on the birthday itself', () => {
    expect(ageOn('1960-06-15', '2025-06-14')).toBe(64);
    expect(ageOn('1960-06-15', '2025-06-15')).toBe(65);
    expect(ageOn('1960-06-15', '2025-12-31')).toBe(65);
  });

  it('a 29 February birthday counts from 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageOn('2000-02-29', '2021-03-01')).toBe(21);
  });
});

describe('serviceDate (the hall-local day ages count on)', () => {
  it('is the hall-local calendar day', () => {
    expect(serviceDate(new Date('2025-06-14T16:30:00Z'), 'Asia/Shanghai')).toBe('2025-06-15');
    expect(serviceDate(new Date('2025-06-14T15:30:00Z'), 'Asia/Shanghai')).toBe('2025-06-14');
  });
});
