import { describe, expect, it } from 'vitest';
import { appointmentFirst, chooseLane, nextStreak, transition } from './rules';

describe('counter rules', () => {
  it('interleaves one priority ticket after every `ratio` normal ones', () => {
    let streak = 0;
    const lanes: string[] = [];
    for (let i = 0; i < 9; i++) {
      const lane = chooseLane(streak, 2, { priority: true, normal: true })!;
      lanes.push(lane[0]!);
      streak = nextStreak(streak, lane);
    }
    // A fresh counter has not served normal tickets yet, so it starts with normal ones.
    expect(lanes.join('')).toBe('nnpnnpnnp');
  });

  it('serves whichever lane is not empty, and nothing when both are', () => {
    expect(chooseLane(0, 3, { priority: true, normal: false })).toBe('priority');
    expect(chooseLane(9, 3, { priority: false, normal: true })).toBe('normal');
    expect(chooseLane(0, 3, { priority: false, normal: false })).toBeNull();
  });

  it('allows only the documented transitions', () => {
    expect(transition('start', 'A001', 'called')).toBe('serving');
    expect(transition('done', 'A001', 'serving')).toBe('done');
    expect(() => transition('done', 'A001', 'called')).toThrow(/A001号当前为「已叫号」/);
    expect(() => transition('no-show', 'A001', 'serving')).toThrowError(expect.objectContaining({ code: 'INVALID_TRANSITION', status: 409 }));
    expect(() => transition('hold', 'A001', 'called')).toThrow();
  });
});

describe('appointment tickets ahead of walk-ins', () => {
  it('go first, but after `ahead` appointments in a row a waiting walk-in is called', () => {
    const both = { appointment: true, walkIn: true };
    expect(appointmentFirst(2, [], both)).toBe(true);
    expect(appointmentFirst(2, [true], both)).toBe(true);
    expect(appointmentFirst(2, [true, true], both)).toBe(false);
    expect(appointmentFirst(2, [false, true], both)).toBe(true);
    expect(appointmentFirst(2, [true, true], { appointment: true, walkIn: false })).toBe(true);
    expect(appointmentFirst(0, [], both)).toBe(false);
    expect(appointmentFirst(2, [], { appointment: false, walkIn: true })).toBe(false);
  });
});
