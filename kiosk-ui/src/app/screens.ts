import { lazy, type ComponentType } from 'react';
import type { HomeTile } from '../features/home/HomeScreen';
import type { ScreenComponents, ScreenName, ScreenParams } from '@/shared/store';
import type { QueueScreenParams } from '../features/queue';
import type { EvaluationScreenParams } from '../features/evaluation';
import type { ScanScreenParams } from '../features/scan';
import type { AppointmentScreenParams } from '../features/appointments';
import type { GuideScreenParams } from '../features/guides';
import { CheckInIcon, GuideIcon, RatingIcon, ScanIcon, TicketIcon } from './tile-icons';
import type { MaintenanceScreenParams } from '../features/maintenance';
import { cornerGesture } from './gesture';

// Every flow's screens and their params in the one map `navigate` is checked against.
declare module '@/shared/store/navigation-slice' {
  interface ScreenParams extends QueueScreenParams, EvaluationScreenParams, ScanScreenParams, MaintenanceScreenParams, AppointmentScreenParams, GuideScreenParams {}
}

type FlowOf<N> = N extends `${infer F}.${string}` ? F : never;
/** A flow is the part of a screen name before the dot: `queue`, `evaluation`, `scan`, `maintenance`. */
export type Flow = FlowOf<ScreenName>;
type AnyScreen = ComponentType<{ params: unknown }>;

/**
 * The app composes the features: every flow exports a map of its screens by name (`<feature>.<step>`);
 * screens move between each other by name through the navigation slice, never by importing each other.
 * Each flow is its own chunk, loaded on demand, so the first screen downloads only home (issue 11, first
 * screen); `prefetchFlows` loads them all once home is up, so a tap still opens the next screen at once.
 * To add a flow: export `<feature>Screens` and its `<Feature>ScreenParams` from `features/<feature>/index.ts`,
 * extend ScreenParams above and add its loader here (a flow left out fails typecheck).
 */
const flows: { [F in Flow]: () => Promise<Partial<ScreenComponents<ScreenParams>>> } = {
  queue: () => import('../features/queue').then((m) => m.queueScreens),
  evaluation: () => import('../features/evaluation').then((m) => m.evaluationScreens),
  scan: () => import('../features/scan').then((m) => m.scanScreens),
  appointments: () => import('../features/appointments').then((m) => m.appointmentScreens),
  guides: () => import('../features/guides').then((m) => m.guideScreens),
  // A technician's visit is rare: its code (the PIN session included) is not part of the first screen.
  maintenance: () => import('../features/maintenance').then((m) => m.maintenanceScreens),
};

const loaded = new Map<Flow, Partial<ScreenComponents<ScreenParams>>>();
const chosen = new Map<ScreenName, AnyScreen | undefined>();

function load(flow: Flow): Promise<Partial<ScreenComponents<ScreenParams>>> {
  return flows[flow]().then((m) => {
    loaded.set(flow, m);
    return m;
  });
}

/**
 * The component for a screen name, or undefined for an unknown name. Chosen once per name (a stable identity,
 * so a screen never remounts): the flow's own component if its chunk is loaded, else a lazy one.
 */
export function screenFor(name: string): AnyScreen | undefined {
  const key = name as ScreenName;
  if (chosen.has(key)) return chosen.get(key);
  const flow = name.split('.')[0] as Flow;
  let component: AnyScreen | undefined;
  if (!(flow in flows)) component = undefined;
  else if (loaded.has(flow)) component = loaded.get(flow)![key] as AnyScreen | undefined;
  else component = lazy(() => load(flow).then((m) => ({ default: (m[key] as AnyScreen | undefined) ?? (() => null) })));
  chosen.set(key, component);
  return component;
}

/**
 * Loads every flow's chunk in the background (after home is drawn); a failure is retried on navigation.
 * Settles when the 取号 flow's chunk has loaded (or failed): the shell then draws its first screen in advance.
 */
export function prefetchFlows(): Promise<void> {
  for (const flow of Object.keys(flows) as Flow[]) if (!loaded.has(flow)) load(flow).catch(() => undefined);
  return loaded.has('queue') ? Promise.resolve() : load('queue').then(() => undefined, () => undefined);
}

// The technicians' hidden gesture (five taps top left within 3 s) opens the maintenance PIN screen; its chunk
// is prefetched with the flows, so the import is already settled by the time anyone taps five times.
cornerGesture.onTriggered(() => void import('../features/maintenance').then((m) => m.enterMaintenance()));

/** Home tiles: the contract names the buttons «取号», «好差评», «材料扫描»; «预约签到» checks a booking in. */
export const homeTiles: HomeTile[] = [
  { label: '取号', hint: '排队取号 · 查看等候人数', screen: 'queue.categories', icon: TicketIcon, color: '#1565c0' },
  { label: '好差评', hint: '对办事服务进行评价', screen: 'evaluation.find', icon: RatingIcon, color: '#e65100' },
  { label: '预约签到', hint: '已预约的群众刷证、扫码或输码签到', screen: 'appointments.checkIn', icon: CheckInIcon, color: '#6a1b9a' },
  { label: '办事指南', hint: '一次性告知 · 查询所需材料', screen: 'guides.search', icon: GuideIcon, color: '#00838f' },
  { label: '材料扫描', hint: '扫描办事材料生成文件', screen: 'scan.matters', icon: ScanIcon, color: '#2e7d32', requires: 'scanner' },
];
