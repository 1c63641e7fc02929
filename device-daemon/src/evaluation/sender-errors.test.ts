import { describe, expect, it } from 'vitest';
import { withoutSecrets } from './sender';

describe('delivery failures as stored', () => {
  it('never keep credentials or the query of the upstream URL (issue 12 #8)', () => {
    const url = 'https://rate.example/api/r?access_token=T0KEN';
    const stored = withoutSecrets(`request to ${url} failed; redirected to https://u:pw@other.example/x`, url);
    expect(stored).not.toMatch(/T0KEN|u:pw|pw@/);
    expect(stored).toContain('https://rate.example/api/r');
    expect(withoutSecrets('x'.repeat(1000), url)).toHaveLength(300);
  });
});
