import { describe, expect, it } from 'vitest';
import { ProgressParser } from './progress';

describe('scanimage -p progress parser', () => {
  it('reads carriage-return separated records split anywhere across chunks', () => {
    const p = new ProgressParser();
    expect(p.push('Output format is not set, using pnm as a default.\nProgr').percents).toEqual([]);
    const u = p.push('ess: 2.3%\rProgress: 4.7%\rProgress: 1');
    expect(u.percents).toEqual([2.3, 4.7]);
    expect(p.push('00.0%\r').percents).toEqual([100]);
    expect(p.end()).toEqual({ percents: [], lines: [] });
  });

  it('keeps message lines apart, including an unterminated last one', () => {
    const p = new ProgressParser();
    const u = p.push('Output format is not set, using pnm as a default.\nProgress: 50.0%\r');
    expect(u.lines).toEqual(['Output format is not set, using pnm as a default.']);
    p.push('scanimage: sane_read: Document feeder jammed');
    expect(p.end().lines).toEqual(['scanimage: sane_read: Document feeder jammed']);
  });

  it('clamps nonsense percentages into 0..100', () => {
    expect(new ProgressParser().push('Progress: 130.0%\r').percents).toEqual([100]);
  });
});
