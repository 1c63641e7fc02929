import './maintenance.css';
import type { ScreenComponents } from '../../shared/store';
import { LoginScreen, type LoginParams } from './LoginScreen';
import { PanelScreen } from './PanelScreen';

/** The technician's screens and what each is given (merged into ScreenParams by app/screens.ts). */
export interface MaintenanceScreenParams {
  'maintenance.login': LoginParams;
  'maintenance.panel': undefined;
}

/** The technician's screens, reached by the hidden corner gesture: `cornerGesture.onTriggered(enterMaintenance)`. */
export const maintenanceScreens: ScreenComponents<MaintenanceScreenParams> = {
  'maintenance.login': LoginScreen,
  'maintenance.panel': PanelScreen,
};

export { enterMaintenance } from './session';
