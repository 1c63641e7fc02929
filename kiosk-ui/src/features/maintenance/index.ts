import './maintenance.css';
import { LoginScreen } from './LoginScreen';
import { PanelScreen } from './PanelScreen';

/** The technician's screens, reached by the hidden corner gesture: `cornerGesture.onTriggered(enterMaintenance)`. */
export const maintenanceScreens = {
  'maintenance.login': LoginScreen,
  'maintenance.panel': PanelScreen,
};

export { enterMaintenance } from './session';
