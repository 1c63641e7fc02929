import { useEffect, useState, type ComponentType } from 'react';
import { useKiosk, type EntryScreen } from '@/shared/store';
import { speak } from '@/shared/kiosk/voice';
import { HelpButton } from '@/shared/kiosk/HelpButton';
// Straight from their files, not the kit's index: home is the first screen and loads nothing it does not use.
import { useQrScan } from '@/shared/kiosk/use-qr-scan';

/** How long a plain message about an unusable QR code stays in place of the greeting. */
const SCAN_MESSAGE_MS = 8000;

export interface HomeTile {
  /** The button's accessible name, as the contract fixes it («取号», «好差评», «材料扫描»). */
  label: string;
  hint: string;
  screen: EntryScreen;
  icon: ComponentType;
  color: string;
  /** A device this function needs; the tile is hidden when that device is not fitted. */
  requires?: string;
}

/**
 * Home: large tiles in the 粤智助 manner and the 关爱模式 switch. A QR code held under the scanner here opens
 * what it identifies: a ticket's QR its 好差评, a booking's QR its 预约签到; any other code gets a plain message.
 */
export function HomeScreen({ tiles }: { tiles: HomeTile[] }) {
  const navigate = useKiosk((s) => s.navigate);
  const elder = useKiosk((s) => s.elderMode);
  const setElder = useKiosk((s) => s.setElderMode);
  const fitted = useKiosk((s) => s.deviceStates);
  const visible = tiles.filter((t) => !t.requires || t.requires in fitted);
  const [scanMessage, setScanMessage] = useState<string>();

  useQrScan((scan) => {
    if (scan.kind === 'ticket') navigate('evaluation.find', { scannedTicketId: scan.ticketId });
    else if (scan.kind === 'appointment') navigate('appointments.checkIn', { code: scan.code });
    else setScanMessage(scan.message);
  });
  useEffect(() => {
    if (!scanMessage) return;
    if (elder) speak(scanMessage);
    const timer = setTimeout(() => setScanMessage(undefined), SCAN_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [scanMessage, elder]);

  const toggleElder = () => {
    setElder(!elder);
    if (!elder) speak('已开启关爱模式，字体放大，并有语音提示。请点击您要办理的业务。');
  };

  return (
    <section className="home" aria-label="首页">
      {scanMessage ? (
        <p className="home-greeting" role="alert" style={{ color: 'var(--error)' }}>
          {scanMessage}
        </p>
      ) : (
        <p className="home-greeting">您好，请选择您要办理的业务</p>
      )}
      <div className={`home-tiles home-tiles-${visible.length}`}>
        {visible.map((t) => (
          <button
            key={t.screen}
            type="button"
            className="home-tile"
            style={{ ['--tile-color' as string]: t.color }}
            onClick={() => {
              if (elder) speak(t.label);
              navigate(t.screen);
            }}
            aria-describedby={`tile-hint-${t.screen}`}
            // What a tap before the script has run opens (app/early-tap.ts): home is drawn from prerendered HTML.
            data-screen={t.screen}
          >
            <span className="home-tile-icon" aria-hidden="true">
              <t.icon />
            </span>
            {/* elementtiming: when the label is painted, for npm run bench's «home usable» (Element Timing API). */}
            <span className="home-tile-label" {...{ elementtiming: 'home-tile' }}>
              {t.label}
            </span>
            {/* The name is the label alone («取号»: label in name); the hint is its description. */}
            <span className="home-tile-hint" id={`tile-hint-${t.screen}`} aria-hidden="true">
              {t.hint}
            </span>
          </button>
        ))}
      </div>
      <div className="home-care">
        <button
          type="button"
          role="switch"
          aria-checked={elder}
          className={`care-switch${elder ? ' on' : ''}`}
          onClick={toggleElder}
          // Tapped before the script has run: made again once it has (app/early-tap.ts).
          data-tap="elder"
        >
          <span className="care-switch-knob" aria-hidden="true" />
          关爱模式
        </button>
        <span className="home-care-hint">大字体 · 语音提示 · 更长操作时间</span>
        {/* 帮办 from the first screen too: a person who cannot find their way should not have to find the button. */}
        <HelpButton />
      </div>
    </section>
  );
}
