import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS, ProgressParser } from './progress';

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

  it('keeps a bounded tail when a backend writes without CR or LF, and still reads the next record', () => {
    const p = new ProgressParser();
    for (let i = 0; i < 1000; i++) p.push('x'.repeat(1000));
    expect(p.push('\rProgress: 50.0%\r').percents).toEqual([50]);
    p.push('y'.repeat(100_000));
    const [rest] = p.end().lines;
    expect(rest!.length).toBe(MAX_RECORD_CHARS);
  });
});
