import { describe, expect, it } from 'vitest';
import { LEVELS, levelName, needsReason, stars } from './levels';

describe('rating levels', () => {
  it('are the five policy levels, best first, and only the last two need a reason', () => {
    expect(LEVELS.map((l) => l.name)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(LEVELS.filter((l) => needsReason(l.level)).map((l) => l.name)).toEqual(['不满意', '非常不满意']);
    expect(levelName(4)).toBe('满意');
    expect(stars(2)).toBe('★★☆☆☆');
  });
});
