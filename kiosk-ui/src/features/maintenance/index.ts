import { lazy } from 'react';
import type { ScreenComponents } from '@/shared/store';
import type { LoginParams } from './LoginScreen';

/** The technician's screens and what each is given (merged into ScreenParams by app/screens.ts). */
export interface MaintenanceScreenParams {
  'maintenance.login': LoginParams;
  'maintenance.panel': undefined;
}

// A technician's visit is rare: the screens (and their stylesheet) load on demand, not with the citizen's first screen.
const LoginScreen = lazy(() => import('./LoginScreen').then((m) => ({ default: m.LoginScreen })));
const PanelScreen = lazy(() => import('./PanelScreen').then((m) => ({ default: m.PanelScreen })));

/** The technician's screens, reached by the hidden corner gesture: `cornerGesture.onTriggered(enterMaintenance)`. */
export const maintenanceScreens: ScreenComponents<MaintenanceScreenParams> = {
  'maintenance.login': LoginScreen,
  'maintenance.panel': PanelScreen,
};

export { enterMaintenance } from './session';
