import { useEffect } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { speak } from './voice';

/**
 * Seconds before the countdown's end at which the kiosk asks: 10, or a third of a short countdown, so the
 * question never covers the screen for most of the time a person has.
 */
export const warningSeconds = (countdown: number) => Math.min(10, Math.floor(countdown / 3));

/**
 * The countdown's last seconds (适老化: warn before a session times out, let a touch extend it): «还需要更多时间吗？»
 * with what the return home would discard. Any touch restarts the countdown (useCountdown), so the dialog's
 * button only has to be there; in 关爱模式 the question is also spoken.
 */
export function TimeoutWarning({ left, unsaved, elder, onMore }: { left: number; unsaved?: string; elder: boolean; onMore(): void }) {
  useEffect(() => {
    if (elder) speak(`还需要更多时间吗？需要的话，请点击屏幕${unsaved ? `，否则将清除${unsaved}` : ''}`);
  }, [elder, unsaved]);
  return (
    <ConfirmDialog title="还需要更多时间吗？" keepLabel="需要，继续办理" onKeep={onMore}>
      <p>
        <strong className="dialog-seconds">{left}</strong> 秒后将返回首页{unsaved ? `，${unsaved}将被清除` : ''}。
      </p>
      <p>点击屏幕任意位置即可继续。</p>
    </ConfirmDialog>
  );
}
