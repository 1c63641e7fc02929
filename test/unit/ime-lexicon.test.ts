import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLexicon, LEXICON_FILE } from '../../scripts/ime-lexicon';

describe('the on-screen keyboard lexicon', () => {
  it('is what scripts/ime-lexicon.ts builds (run it after changing the words or the list)', () => {
    expect(JSON.parse(readFileSync(LEXICON_FILE, 'utf8'))).toEqual(buildLexicon());
  });
});
