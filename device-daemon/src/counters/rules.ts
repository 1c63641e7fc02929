import { conflict, type DomainError } from '../core/errors';
import type { TicketState } from '../queue/types';

/**
 * The rules of a counter, as pure functions: which ticket states each action accepts, and which lane the next
 * call comes from. The service applies them inside a transaction.
 */
export type CounterAction = 'recall' | 'start' | 'done' | 'no-show' | 'transfer' | 'hold';

/** From which states of the counter's current ticket each action may run, and the state it leaves. */
export const TRANSITIONS: Record<CounterAction, { from: readonly TicketState[]; to: TicketState }> = {
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  done: { from: ['serving'], to: 'done' },
  'no-show': { from: ['called'], to: 'no-show' },
  // A transferred ticket waits again, in the other category's queue, under the same number.
  transfer: { from: ['called', 'serving'], to: 'issued' },
  hold: { from: ['serving'], to: 'held' },
};

export const STATE_NAMES: Record<TicketState, string> = {
  issued: '等候中',
  called: '已叫号',
  serving: '办理中',
  done: '已办结',
  'no-show': '过号',
  cancelled: '已取消',
  held: '挂起',
  transferred: '已转移',
};

const ACTION_NAMES: Record<CounterAction | 'call' | 'resume' | 'pause' | 'open', string> = {
  recall: '重呼',
  start: '开始办理',
  done: '办结',
  'no-show': '过号',
  transfer: '转移',
  hold: '挂起',
  call: '叫号',
  resume: '恢复办理',
  pause: '暂停窗口',
  open: '恢复窗口',
};

export function invalidTransition(action: keyof typeof ACTION_NAMES, why: string): DomainError {
  return conflict('INVALID_TRANSITION', `不能${ACTION_NAMES[action]}：${why}`, { action });
}

/** Throws INVALID_TRANSITION unless `action` may run on a ticket in `state`. Returns the state it leads to. */
export function transition(action: CounterAction, number: string, state: TicketState): TicketState {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) {
    throw invalidTransition(action, `${number}号当前为「${STATE_NAMES[state]}」`);
  }
  return rule.to;
}

/**
 * Interleaving (docs/DOMAIN.md): after `ratio` normal calls the next call takes a priority ticket, so priority
 * tickets go first without starving normal ones. `streak` is the normal calls this counter made since its last
 * priority call. When one lane is empty the other is served.
 */
export function chooseLane(
  streak: number,
  ratio: number,
  waiting: { priority: boolean; normal: boolean },
): 'priority' | 'normal' | null {
  if (waiting.priority && (!waiting.normal || streak >= ratio)) return 'priority';
  if (waiting.normal) return 'normal';
  return null;
}

/**
 * Appointment tickets ahead of walk-ins (预约优先), without starving them: an appointment ticket goes first
 * unless this counter's last `ahead` calls were all appointment tickets and a walk-in waits. `recent` is
 * whether each recent call was an appointment, newest first; `ahead` 0 means no precedence.
 */
export function appointmentFirst(ahead: number, recent: readonly boolean[], waiting: { appointment: boolean; walkIn: boolean }): boolean {
  if (!waiting.appointment) return false;
  if (!waiting.walkIn) return true;
  if (ahead === 0) return false;
  return !(recent.length >= ahead && recent.slice(0, ahead).every(Boolean));
}

/** The counter's streak after a call from `lane`. */
export function nextStreak(streak: number, lane: 'priority' | 'normal'): number {
  return lane === 'priority' ? 0 : streak + 1;
}
