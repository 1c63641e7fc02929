import { describe, expect, it } from 'vitest';
import { compareRows, firstNumber } from '../bench/results';

describe('bench results comparison', () => {
  it('reads the first number of a cell', () => {
    expect(firstNumber('1.23 ms / 4.5 ms')).toBe(1.23);
    expect(firstNumber('0.185 of bare')).toBe(0.185);
    expect(firstNumber('n/a')).toBeUndefined();
  });

  it('pairs rows by area and metric and gives the change of the first number', () => {
    const previous = { at: 't', quick: true, node: 'v20', rows: [{ area: 'queue', metric: 'p50', value: '2.00 ms' }] };
    const rows = compareRows(previous, [
      { area: 'queue', metric: 'p50', value: '1.50 ms' },
      { area: 'scan', metric: 'pages', value: '10' },
    ]);
    expect(rows[0]).toMatchObject({ value: '2.00 ms -> 1.50 ms', ratio: '-25.0%' });
    expect(rows[1]).toMatchObject({ ratio: 'new' });
  });
});
