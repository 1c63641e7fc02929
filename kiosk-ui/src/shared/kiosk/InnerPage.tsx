import { useEffect, type ReactNode } from 'react';
import { useKiosk } from '../store';
import { Countdown } from './Countdown';
import { useCountdown } from './use-countdown';
import { speak } from './voice';
import { TimeoutWarning, warningSeconds } from './TimeoutWarning';
import { useConfirm } from './use-confirm';
import { HelpButton } from './HelpButton';
import { useHelpPending } from './help';
import { useStandby } from './standby';

export interface InnerPageProps {
  title: string;
  /** Spoken when the page opens in 关爱模式. */
  voice?: string;
  /** Hold the countdown while the kiosk itself is working (printing, scanning). */
  busy?: boolean;
  /** Override of «返回»; defaults to the previous screen. */
  onBack?: () => void;
  /**
   * The person's work that leaving would discard, in their words («已扫描的 3 页»); unset when there is none.
   * While set, «返回» and «首页» ask before leaving, and the countdown's warning says what would be lost.
   */
  unsaved?: string;
  children: ReactNode;
  footer?: ReactNode;
}

/**
 * Every inner page: «返回» and «首页» always in the same place, a title, and a countdown that returns home and
 * forgets the person's input when it reaches zero (docs/INTERFACE.md). Use it for every screen but home.
 */
export function InnerPage({ title, voice, busy = false, onBack, unsaved, children, footer }: InnerPageProps) {
  const back = useKiosk((s) => s.back);
  const home = useKiosk((s) => s.home);
  const elder = useKiosk((s) => s.elderMode);
  const ui = useKiosk((s) => s.info?.ui);
  const normal = ui?.pageTimeoutSeconds ?? 60;
  // 关爱模式 never gives less time than the normal countdown, whatever the two settings say.
  const seconds = elder ? Math.max(normal, ui?.elderPageTimeoutSeconds ?? 120) : normal;
  // While a 帮办 request is pending the page stays open: the person is waiting for staff, not idle.
  const helping = useHelpPending();
  // Drawn in advance and not yet on show (standby.ts): no countdown and no voice until it is.
  const standby = useStandby();
  const { left, restart } = useCountdown(seconds, () => home('timeout'), busy || helping || standby);
  const warning = !busy && !helping && left > 0 && left <= warningSeconds(seconds);
  const { ask, dialog } = useConfirm();
  // Leaving with unsaved work asks first; without any, it leaves at once.
  const leave = (go: () => void) => () =>
    unsaved ? ask({ title: '确定要离开吗？', body: <p>离开后，{unsaved}将被清除。</p>, confirmLabel: '确定离开' }, go) : go();

  useEffect(() => {
    if (elder && voice && !standby) speak(voice);
  }, [elder, voice, standby]);

  return (
    <section className="inner-page" aria-label={title}>
      <nav className="inner-nav">
        <button type="button" className="nav-button" onClick={leave(onBack ?? back)}>
          <span aria-hidden="true">‹ </span>返回
        </button>
        <h1 className="inner-title">{title}</h1>
        <div className="inner-nav-right">
          <HelpButton />
          <Countdown seconds={left} />
          <button type="button" className="nav-button" onClick={leave(() => home('button'))}>
            <span aria-hidden="true">⌂ </span>首页
          </button>
        </div>
      </nav>
      <div className="inner-body">{children}</div>
      {footer ? <div className="inner-footer">{footer}</div> : null}
      {warning ? <TimeoutWarning left={left} unsaved={unsaved} elder={elder} onMore={restart} /> : dialog}
    </section>
  );
}
