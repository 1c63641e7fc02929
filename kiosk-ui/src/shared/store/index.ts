import { create } from 'zustand';
import { createKioskSlice, type KioskSlice } from './kiosk-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';

export type KioskStore = KioskSlice & NavigationSlice;

/** One store built from typed slices (zustand's recommended shape); components use narrow selectors. */
export const useKiosk = create<KioskStore>()((...a) => ({
  ...createKioskSlice(...a),
  ...createNavigationSlice(...a),
}));

export { onSessionEnd, type EntryScreen, type Screen, type ScreenComponents, type ScreenName, type ScreenParams } from './navigation-slice';
export type { KioskInfo } from './kiosk-slice';
