import { Activity, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useKiosk } from '@/shared/store';
import { events } from '@/shared/api/events';
import { get, onReachability } from '@/shared/api/client';
import { useQuery } from '@/shared/api/use-query';
import type { EntryScreen, KioskInfo } from '@/shared/store';
// The voice module alone: the shared kiosk kit (InnerPage, pads, dialogs) comes with the first flow's chunk.
import { stopSpeaking } from '@/shared/kiosk/voice';
import { useHelpPending } from '@/shared/kiosk/help';
import { Header } from './Header';
import { Attract, useIdle } from './Attract';
import { HomeScreen } from '../features/home/HomeScreen';
import { homeTiles, prefetchFlows, screenFor } from './screens';
import { cornerGesture } from './gesture';
import { takeEarlyInfo, takeEarlyTap } from './early-tap';

/**
 * The screen most people open from home (取号's categories): drawn in advance, hidden (React's <Activity>: its
 * tree rendered at low priority, no effects run, so no fetch, countdown or voice), once its chunk is in. A tap on
 * «取号» then reveals it and mounts its effects instead of rendering it from nothing (issue 11 #14, the tap).
 */
const WARM: EntryScreen = 'queue.categories';

// The first time, the answer index.html's inline script asked for while the page loaded (else, or if it failed, asked now).
const fetchInfo = (signal: AbortSignal) => takeEarlyInfo<KioskInfo>()?.catch(() => get<KioskInfo>('/api/kiosk', signal)) ?? get<KioskInfo>('/api/kiosk', signal);

/** Loads the kiosk's facts (again after every reconnection), follows device states and daemon reachability. */
function useDaemon(): void {
  const setInfo = useKiosk((s) => s.setInfo);
  const setReachable = useKiosk((s) => s.setDaemonReachable);
  const setDeviceState = useKiosk((s) => s.setDeviceState);
  const info = useQuery('kiosk', fetchInfo, { retryMs: [2000] }).data;
  useEffect(() => {
    if (info) setInfo(info);
  }, [info, setInfo]);
  useEffect(() => {
    events.start();
    const offReach = onReachability(setReachable);
    const offConn = events.onConnection(setReachable);
    const offEvents = events.subscribe((e) => {
      if (e.type === 'device.status') setDeviceState(e.device, e.status.state);
    });
    return () => {
      offReach();
      offConn();
      offEvents();
    };
  }, [setInfo, setReachable, setDeviceState]);
}

export function Shell() {
  useDaemon();
  const stack = useKiosk((s) => s.stack);
  const epoch = useKiosk((s) => s.sessionEpoch);
  const elder = useKiosk((s) => s.elderMode);
  const reachable = useKiosk((s) => s.daemonReachable);
  const info = useKiosk((s) => s.info);
  const top = stack[stack.length - 1];
  // A person waiting at home for 帮办 is not idle: no attract screen (which would end the session) meanwhile.
  const helping = useHelpPending();
  const [idle, wake] = useIdle(info?.ui.attractAfterSeconds ?? 90, top === undefined && !helping);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.classList.toggle('elder', elder);
  }, [elder]);
  // Home left untouched until the attract screen: the person has gone, the next one starts from defaults.
  const home = useKiosk((s) => s.home);
  const attract = idle && top === undefined;
  useEffect(() => {
    if (attract) home('timeout');
  }, [attract, home]);
  // A new screen silences the last one's voice BEFORE the new screen speaks: a layout effect runs ahead of every
  // passive effect, whereas a passive one here would run after the (child) screen's own speak() and silence it
  // whenever the screen's chunk is already loaded (prefetched) and it renders in the same commit.
  useLayoutEffect(() => {
    stopSpeaking();
    main.current?.scrollTo?.(0, 0);
  }, [top]);

  // A tile tapped on the prerendered home before the script ran: open its screen now that the shell is live.
  const navigate = useKiosk((s) => s.navigate);
  useEffect(() => {
    const tapped = takeEarlyTap();
    const tile = homeTiles.find((t) => t.screen === tapped);
    if (tile) navigate(tile.screen);
  }, [navigate]);

  // Once home is drawn, the flows' chunks load in the background so the first tap does not wait for them; on a
  // busy kiosk the browser may find no idle moment for long, so they start within half a second regardless.
  const [warm, setWarm] = useState(false);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => void prefetchFlows().then(() => setWarm(true)), { timeout: 500 });
  }, []);

  // The stack pairs each name with its own params (Screen); the lookup is by name, hence params: unknown.
  const Screen = top ? screenFor(top.name) : undefined;
  // Drawn in advance only while at home: joined to a visit already under way (取号 tapped before its chunk came),
  // it would take the place of the screen on show and remount it. From the next session on, it is there.
  const [warmEpoch, setWarmEpoch] = useState<number>();
  useEffect(() => {
    if (warm && top === undefined) setWarmEpoch(epoch);
  }, [warm, top, epoch]);
  const Warm = warm && warmEpoch === epoch ? screenFor(WARM) : undefined;
  // Shown when it is the first screen of the stack; deeper (identity, issue) it is hidden again with its state,
  // as «返回» would find it; «首页» ends the session and remounts everything (the key of <main>).
  const warmShown = Warm !== undefined && top?.name === WARM && stack.length === 1;
  // One element for the shell's life: React skips it on the shell's re-renders, so while hidden it is not drawn
  // again with what changed meanwhile (a 帮办 call's status) beside the screen that shows it; shown, it catches up.
  const warmScreen = useMemo(
    () =>
      Warm ? (
        <Suspense fallback={null}>
          <Warm params={undefined} />
        </Suspense>
      ) : null,
    [Warm],
  );
  return (
    <div className="kiosk">
      <Header onCornerTap={cornerGesture.tap} />
      {!reachable ? (
        <div className="offline-banner" role="alert">
          系统连接中断，正在自动重连…如需帮助请联系工作人员
        </div>
      ) : null}
      <main className="kiosk-main" ref={main} key={`${epoch}`}>
        {top === undefined ? (
          <HomeScreen tiles={homeTiles} />
        ) : warmShown ? null : Screen ? (
          // Rarely used screens (maintenance) are separate chunks: a short blank while one loads.
          <Suspense fallback={null}>
            <Screen key={stack.length} params={top.params} />
          </Suspense>
        ) : (
          <UnknownScreen name={top.name} />
        )}
        {warmScreen ? <Activity mode={warmShown ? 'visible' : 'hidden'}>{warmScreen}</Activity> : null}
      </main>
      <footer className="kiosk-footer">
        <span>如需帮助，请咨询现场工作人员</span>
        <span>服务热线 12345</span>
      </footer>
      {idle && top === undefined ? <Attract hallName={info?.hall.name ?? '政务服务中心'} onDismiss={wake} /> : null}
    </div>
  );
}

function UnknownScreen({ name }: { name: string }) {
  const home = useKiosk((s) => s.home);
  return (
    <div className="notice notice-warn" role="alert">
      <div className="notice-title">此功能暂不可用（{name}）</div>
      <button type="button" className="primary-button" onClick={() => home('button')}>
        首页
      </button>
    </div>
  );
}
