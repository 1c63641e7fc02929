import './scan.css';
import type { ScreenComponents } from '@/shared/store';
import { ScanScreen } from './ScanScreen';
import { DoneScreen, type DoneParams } from './DoneScreen';

/** The 材料扫描 flow's screens and what each is given (merged into ScreenParams by app/screens.ts). */
export interface ScanScreenParams {
  'scan.matters': undefined;
  'scan.done': DoneParams;
}

/** Screens of the 材料扫描 flow, by name. Entry: `scan.matters`. */
export const scanScreens: ScreenComponents<ScanScreenParams> = {
  'scan.matters': ScanScreen,
  'scan.done': DoneScreen,
};
