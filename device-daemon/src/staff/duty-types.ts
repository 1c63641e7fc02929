import type { StaffBadge } from './types';

import type { Post } from '../core/guards';
export type { CounterActor, Post } from '../core/guards';

/** Who is signed in at one post of a window; name and 工号 are public (公示). */
export interface PostHolder extends StaffBadge {
  post: Post;
  onDuty: boolean;
}

/** A window's duty, as the display and the counter page show it. */
export interface CounterDuty {
  counter: number;
  /** The person serving now, or null when nobody is signed in. */
  onDuty: (StaffBadge & { post: Post }) | null;
  posts: PostHolder[];
}


export interface SessionRow {
  id: string;
  counter: number;
  post: Post;
  staff_id: string;
  on_duty: number;
  started_at: string;
  last_seen_at: string;
}
