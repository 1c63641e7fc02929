import type { StateCreator } from 'zustand';
import type { KioskStore } from './index';

export interface Screen {
  /** `<feature>.<step>`, e.g. `queue.categories`; the app maps names to components. */
  name: string;
  params?: Record<string, unknown>;
}

/**
 * Where the person is: a stack of screens above home. Going home empties the stack and ends the
 * person's session: every feature's input is forgotten (see onSessionEnd).
 */
export interface NavigationSlice {
  stack: Screen[];
  /** Increases every time a person's session ends; screens keyed by it remount empty. */
  sessionEpoch: number;
  navigate(name: string, params?: Record<string, unknown>): void;
  replace(name: string, params?: Record<string, unknown>): void;
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
  navigate: (name, params) => set((s) => ({ stack: [...s.stack, { name, params }] })),
  replace: (name, params) => set((s) => ({ stack: [...s.stack.slice(0, -1), { name, params }] })),
  back: () => {
    if (get().stack.length <= 1) get().home('button');
    else set((s) => ({ stack: s.stack.slice(0, -1) }));
  },
  home: (reason = 'button') => {
    set((s) => ({ stack: [], sessionEpoch: s.sessionEpoch + 1 }));
    sessionEndHandlers.forEach((h) => {
      try {
        h(reason);
      } catch {
        /* a feature's cleanup must not keep the kiosk from going home */
      }
    });
  },
});
