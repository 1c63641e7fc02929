import './scan.css';
import { ScanScreen } from './ScanScreen';
import { DoneScreen } from './DoneScreen';

/** Screens of the 材料扫描 flow, by name. Entry: `scan.matters`. */
export const scanScreens = {
  'scan.matters': ScanScreen,
  'scan.done': DoneScreen,
};
