import { describe, expect, it } from 'vitest';
import { encodeSamId, formatSamId } from './sam-id';

describe('SAM id in its printed form (vendor document 5.1)', () => {
  it('prints the 16 reply bytes as the module label does', () => {
    const bytes = Buffer.from('0500010009b8320105be1200adc5b111', 'hex');
    expect(formatSamId(bytes)).toBe('05.01-20101129-0001228293-0296863149');
    expect(encodeSamId('05.01-20101129-0001228293-0296863149')).toEqual(bytes);
  });

  it('pads the serial fields to ten digits and refuses a short reply', () => {
    const bytes = encodeSamId('05.01-20240115-0000000007-4294967295');
    expect(formatSamId(bytes)).toBe('05.01-20240115-0000000007-4294967295');
    expect(formatSamId(bytes.subarray(0, 15))).toBeUndefined();
  });
});
