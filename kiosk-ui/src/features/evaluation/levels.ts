/** The five levels fixed by policy (GB/T 39734), best first, as the screen shows them. */
export const LEVELS = [
  { level: 5, name: '非常满意' },
  { level: 4, name: '满意' },
  { level: 3, name: '基本满意' },
  { level: 2, name: '不满意' },
  { level: 1, name: '非常不满意' },
] as const;

export const levelName = (level: number): string => LEVELS.find((l) => l.level === level)?.name ?? '';

/** 不满意 and 非常不满意 must carry a reason (picked or typed). */
export const needsReason = (level: number): boolean => level < 3;

/** `★★★☆☆` for level 3. */
export const stars = (level: number): string => '★'.repeat(level) + '☆'.repeat(5 - level);
