import type { HomeTile } from '../features/home/HomeScreen';
import type { ScreenComponents, ScreenParams } from '../shared/store';
import { queueScreens, type QueueScreenParams } from '../features/queue';
import { evaluationScreens, type EvaluationScreenParams } from '../features/evaluation';
import { scanScreens, type ScanScreenParams } from '../features/scan';
import { appointmentScreens, type AppointmentScreenParams } from '../features/appointments';
import { CheckInIcon, RatingIcon, ScanIcon, TicketIcon } from './tile-icons';
import { enterMaintenance, maintenanceScreens, type MaintenanceScreenParams } from '../features/maintenance';
import { cornerGesture } from './gesture';

// Every flow's screens and their params in the one map `navigate` is checked against.
declare module '../shared/store/navigation-slice' {
  interface ScreenParams extends QueueScreenParams, EvaluationScreenParams, ScanScreenParams, MaintenanceScreenParams, AppointmentScreenParams {}
}

/**
 * The app composes the features: every flow exports a map of its screens by name (`<feature>.<step>`);
 * screens move between each other by name through the navigation slice, never by importing each other.
 * To add a flow: export `<feature>Screens` and its `<Feature>ScreenParams` from `features/<feature>/index.ts`,
 * extend ScreenParams with the params above and spread the screens here (a screen left out fails typecheck).
 */
export const screens: ScreenComponents<ScreenParams> = {
  ...queueScreens,
  ...evaluationScreens,
  ...scanScreens,
  ...maintenanceScreens,
  ...appointmentScreens,
};

// The technicians' hidden gesture (five taps top left within 3 s) opens the maintenance PIN screen.
cornerGesture.onTriggered(enterMaintenance);

/** Home tiles: the contract names the buttons «取号», «好差评», «材料扫描»; «预约签到» checks a booking in. */
export const homeTiles: HomeTile[] = [
  { label: '取号', hint: '排队取号 · 查看等候人数', screen: 'queue.categories', icon: TicketIcon, color: '#1565c0' },
  { label: '好差评', hint: '对办事服务进行评价', screen: 'evaluation.find', icon: RatingIcon, color: '#e65100' },
  { label: '预约签到', hint: '已预约的群众刷证、扫码或输码签到', screen: 'appointments.checkIn', icon: CheckInIcon, color: '#6a1b9a' },
  { label: '材料扫描', hint: '扫描办事材料生成文件', screen: 'scan.matters', icon: ScanIcon, color: '#2e7d32', requires: 'scanner' },
];
