import type { StaffBadge } from './types';

/** AB岗: a window's A post (主岗) and B post (备岗, who steps in when A is away). */
export type Post = 'A' | 'B';

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

/** Who did a window action: a signed-in person, or the window's own token (a window PC without sign-in). */
export type CounterActor = { kind: 'staff'; staffId: string; post: Post; sessionId: string } | { kind: 'window' };

export interface SessionRow {
  id: string;
  counter: number;
  post: Post;
  staff_id: string;
  on_duty: number;
  started_at: string;
  last_seen_at: string;
}
