import type { ComponentType } from 'react';
import type { StateCreator } from 'zustand';
import type { KioskStore } from './index';
import { PERSON_DEFAULTS } from './kiosk-slice';

/**
 * Every screen by name (`<feature>.<step>`) with the params it takes (`undefined`: none). Each feature
 * declares its own screens' params in its index.ts; app/screens.ts merges them all into this interface
 * (declaration merging), so `navigate` and every screen's `params` are checked against one map.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ScreenParams {}
export type ScreenName = keyof ScreenParams;
/** A screen on the stack: its name with its own params. */
export type Screen = { [K in ScreenName]: { name: K; params: ScreenParams[K] } }[ScreenName];
/** A feature's screen components for its params map: `ScreenComponents<QueueScreenParams>`. */
export type ScreenComponents<P> = { [K in keyof P]: ComponentType<{ params: P[K] }> };
/** A screen that takes no params: one a home tile or another flow may open by name alone. */
export type EntryScreen = { [K in ScreenName]: undefined extends ScreenParams[K] ? K : never }[ScreenName];
/** Params may be left out only for a screen that takes none (or only optional ones). */
type ParamsArg<K extends ScreenName> = undefined extends ScreenParams[K] ? [params?: ScreenParams[K]] : [params: ScreenParams[K]];

/**
 * Where the person is: a stack of screens above home. Going home empties the stack and ends the
 * person's session: every feature's input is forgotten (see onSessionEnd).
 */
export interface NavigationSlice {
  stack: Screen[];
  /** Increases every time a person's session ends; screens keyed by it remount empty. */
  sessionEpoch: number;
  navigate<K extends ScreenName>(name: K, ...params: ParamsArg<K>): void;
  replace<K extends ScreenName>(name: K, ...params: ParamsArg<K>): void;
  back(): void;
  home(reason?: 'button' | 'timeout' | 'done'): void;
}

const sessionEndHandlers = new Set<(reason: string) => void>();
/** Features register what to forget (and what to tell the daemon) when a person's session ends. */
export function onSessionEnd(handler: (reason: string) => void): () => void {
  sessionEndHandlers.add(handler);
  return () => sessionEndHandlers.delete(handler);
}

export const createNavigationSlice: StateCreator<KioskStore, [], [], NavigationSlice> = (set, get) => ({
  stack: [],
  sessionEpoch: 0,
  navigate: (name, ...[params]) => set((s) => ({ stack: [...s.stack, { name, params } as Screen] })),
  replace: (name, ...[params]) => set((s) => ({ stack: [...s.stack.slice(0, -1), { name, params } as Screen] })),
  back: () => {
    if (get().stack.length <= 1) get().home('button');
    else set((s) => ({ stack: s.stack.slice(0, -1) }));
  },
  home: (reason = 'button') => {
    // The next person starts from the defaults: 关爱模式 and its longer countdown do not pass on.
    set((s) => ({ ...PERSON_DEFAULTS, stack: [], sessionEpoch: s.sessionEpoch + 1 }));
    sessionEndHandlers.forEach((h) => {
      try {
        h(reason);
      } catch {
        /* a feature's cleanup must not keep the kiosk from going home */
      }
    });
  },
});
