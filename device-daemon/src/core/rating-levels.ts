/**
 * The five levels of 好差评, fixed by national policy (docs/DOMAIN.md §3, GB/T 39734): 5 is best. Shared by the
 * rating itself, its follow-up (差评工单) and the reports, so it lives in core.
 */
export const LEVEL_NAMES: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

/** Below this level a rating is bad: it needs a reason and opens a follow-up (差评工单). */
export const FIRST_GOOD_LEVEL = 3;
