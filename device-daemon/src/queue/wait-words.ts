import type { WaitEstimate } from './types';

/** The minutes of a wait estimate, before its words. */
export type WaitRange = Pick<WaitEstimate, 'lowMinutes' | 'medianMinutes' | 'highMinutes'>;

/** At or under this many minutes a waiting person hears «即将轮到您» instead of a range. */
export const NEAR_MINUTES = 2;

/**
 * A range in the hall's words: «约 10–15 分钟», «约 5 分钟» when the range is a minute wide, and for a
 * ticket that is nearly called «即将轮到您» (for a category, a new ticket would be called at once: «无需等候»).
 */
export function waitWords(r: WaitRange, of: 'ticket' | 'category'): string {
  if (r.highMinutes <= NEAR_MINUTES) return of === 'ticket' ? '即将轮到您' : '无需等候';
  const low = Math.max(1, r.lowMinutes);
  return r.highMinutes - low <= 1 ? `约 ${Math.max(1, r.medianMinutes)} 分钟` : `约 ${low}–${r.highMinutes} 分钟`;
}

/** A range with its words and where it came from, as the API shows it. */
export function waitEstimate(r: WaitRange | null, of: 'ticket' | 'category', basis: WaitEstimate['basis']): WaitEstimate | null {
  return r ? { ...r, text: waitWords(r, of), basis } : null;
}
