import { useKiosk } from '@/shared/store';
import { useClock } from '@/shared/kiosk/use-clock';

/** Hall name, the emblem-like mark and the clock; the top-left corner is the technicians' hidden gesture area. */
export function Header({ onCornerTap }: { onCornerTap?: () => void }) {
  const hall = useKiosk((s) => s.info?.hall);
  const clock = useClock(hall?.timezone);
  return (
    <header className="kiosk-header">
      <div className="corner-gesture" onPointerDown={onCornerTap} aria-hidden="true" data-testid="corner-gesture" />
      <div className="kiosk-brand">
        <span className="kiosk-mark" aria-hidden="true">
          政
        </span>
        <div>
          <div className="kiosk-hall">{hall?.name ?? '政务服务中心'}</div>
          <div className="kiosk-sub">政务服务自助终端 · 一门式一网式</div>
        </div>
      </div>
      <div className="kiosk-clock">
        <div className="kiosk-time">{clock.time}</div>
        <div className="kiosk-date">{clock.date}</div>
      </div>
    </header>
  );
}
