import { useEffect, useState } from 'react';

/**
 * After a while untouched on the home screen, the attract screen invites passers-by; any touch dismisses it.
 */
export function useIdle(seconds: number, enabled: boolean): [boolean, () => void] {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(() => setIdle(true), seconds * 1000);
    const activity = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), seconds * 1000);
    };
    window.addEventListener('pointerdown', activity);
    window.addEventListener('keydown', activity);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', activity);
      window.removeEventListener('keydown', activity);
    };
  }, [seconds, enabled]);
  return [idle, () => setIdle(false)];
}

export function Attract({ hallName, onDismiss }: { hallName: string; onDismiss: () => void }) {
  return (
    // Named by its visible text (WCAG 2.5.3 label in name): «请触摸屏幕开始», the hall's own words on screen.
    <button type="button" className="attract" onClick={onDismiss}>
      <span className="attract-hall" aria-hidden="true">{hallName}</span>
      <span className="attract-title" aria-hidden="true">政务服务 自助办理</span>
      <span className="attract-list" aria-hidden="true">取号 · 好差评 · 材料扫描</span>
      <span className="attract-touch">请触摸屏幕开始</span>
    </button>
  );
}
