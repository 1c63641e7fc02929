import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useKiosk } from '@/shared/store';
import type { EntryScreen } from '@/shared/store';
// The voice module alone: the shared kiosk kit (InnerPage, pads, dialogs) comes with the first flow's chunk.
import { stopSpeaking } from '@/shared/kiosk/voice';
import { useHelpPending } from '@/shared/kiosk/help';
import { Standby } from '@/shared/kiosk/standby';
import { useSettled } from '@/shared/kiosk/use-settled';
import { Header } from './Header';
import { useIdle } from './idle';
import { HomeScreen } from '../features/home/HomeScreen';
import { homeTiles, prefetchFlows, screenFor } from './screens';
import { cornerGesture } from './gesture';
import { replayEarlyTaps, takeEarlyTap } from './early-tap';

/**
 * The screen most people open from home (取号's categories): drawn in advance once its chunk is in, and kept laid
 * out but invisible in a layer over home (`.warm-layer`: `visibility: hidden`, `inert` and `aria-hidden`, so it
 * is neither seen, focused, tapped nor read), on standby (shared/kiosk/standby.ts: no fetch, countdown or voice).
 * A tap on «取号» then flips the layer's class and lets it go: the frame only paints it (issue 11 #14, the tap).
 * (React's <Activity mode="hidden"> was `display: none`: revealing it paid the screen's whole layout, ~60 ms at 4x.)
 */
const WARM: EntryScreen = 'queue.categories';

/**
 * What home needs only once it is live, each its own chunk, mounted at the first idle moment after hydration
 * (useSettled): the link to the daemon (facts, events, reachability: the HTTP client and the data hook) and the
 * attract screen. Home draws the store's defaults meanwhile, as it did from the HTML.
 */
const DaemonLink = lazy(() => import('./DaemonLink').then((m) => ({ default: m.DaemonLink })));
const Attract = lazy(() => import('./Attract').then((m) => ({ default: m.Attract })));

export function Shell() {
  const settled = useSettled();
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
  // Only a page that was scrolled is scrolled back (known from its scroll events): scrollTo() makes the browser lay
  // the page out there and then, inside the tap, where the next screen would otherwise only be painted.
  const scrolled = useRef(false);
  useLayoutEffect(() => {
    stopSpeaking();
    if (scrolled.current) main.current?.scrollTo?.(0, 0);
    scrolled.current = false;
  }, [top]);

  // Taps on the prerendered home before the script ran: «关爱模式» and «呼叫帮办» again, then a tile's screen.
  const navigate = useKiosk((s) => s.navigate);
  useEffect(() => {
    replayEarlyTaps(() => {
      const tapped = takeEarlyTap();
      const tile = homeTiles.find((t) => t.screen === tapped);
      if (tile) navigate(tile.screen);
    });
  }, [navigate]);

  // Once home is live, the flows' chunks load in the background so the first tap does not wait for them: after
  // the link to the daemon (rendered in the same commit, so its chunk is asked for first and its event stream is
  // not queued behind a dozen chunks), within half a second on a busy kiosk (useSettled).
  const [warm, setWarm] = useState(false);
  useEffect(() => {
    if (!settled) return;
    void prefetchFlows().then(() => setWarm(true));
    void import('./Attract');
  }, [settled]);

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
  // One element for the shell's life: React skips it on the shell's re-renders (a navigation, the daemon's facts);
  // only what it reads itself (the store, Standby) draws it again, and on standby it shows no 帮办 status.
  const warmScreen = useMemo(
    () =>
      Warm ? (
        <Suspense fallback={null}>
          <Warm params={undefined} />
        </Suspense>
      ) : null,
    [Warm],
  );
  // The header follows the store itself (hall name, clock): not drawn again on every navigation.
  const header = useMemo(() => <Header onCornerTap={cornerGesture.tap} />, []);
  return (
    <div className="kiosk">
      {header}
      {!reachable ? (
        <div className="offline-banner" role="alert">
          系统连接中断，正在自动重连…如需帮助请联系工作人员
        </div>
      ) : null}
      <main className="kiosk-main" ref={main} key={`${epoch}`} onScroll={() => (scrolled.current = true)}>
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
        {warmScreen ? (
          // Parked (not laid out) while a deeper screen of 取号 is on show: it waits only for «返回».
          <div className={`warm-layer${warmShown ? ' shown' : top === undefined ? '' : ' parked'}`} {...inert(!warmShown)} aria-hidden={warmShown ? undefined : true}>
            <Standby.Provider value={!warmShown}>{warmScreen}</Standby.Provider>
          </div>
        ) : null}
      </main>
      <footer className="kiosk-footer">
        <span>如需帮助，请咨询现场工作人员</span>
        <span>服务热线 12345</span>
      </footer>
      {idle && top === undefined ? (
        <Suspense fallback={null}>
          <Attract hallName={info?.hall.name ?? '政务服务中心'} onDismiss={wake} />
        </Suspense>
      ) : null}
      {settled ? (
        <Suspense fallback={null}>
          <DaemonLink />
        </Suspense>
      ) : null}
    </div>
  );
}

/** `inert` as an attribute: React 18 knows no `inert` prop, so it is passed as the empty string HTML wants. */
function inert(on: boolean): Record<string, string> {
  return on ? { inert: '' } : {};
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
