import './maintenance.css';
import { useState } from 'react';
import { InnerPage } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { DeviceGrid } from './DeviceGrid';
import { LogTail } from './LogTail';
import { SystemPanel } from './SystemPanel';

const TABS = [
  { id: 'devices', label: '设备' },
  { id: 'log', label: '日志' },
  { id: 'system', label: '系统' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** The technician's panel. Leaving it (退出维护, 首页, or the countdown after inactivity) ends the session. */
export function PanelScreen() {
  const home = useKiosk((s) => s.home);
  const [tab, setTab] = useState<Tab>('devices');
  const [busy, setBusy] = useState(false);
  return (
    <InnerPage title="设备维护" busy={busy}>
      <div className="mnt-tabs">
        {/* Only tabs inside the tablist (aria-required-children); «退出维护» is a plain button beside it. */}
        <div className="mnt-tablist" role="tablist">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className="mnt-tab" onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        <button type="button" className="mnt-tab mnt-exit" onClick={() => home('button')}>
          退出维护
        </button>
      </div>
      {tab === 'devices' ? <DeviceGrid onBusy={setBusy} /> : tab === 'log' ? <LogTail /> : <SystemPanel />}
    </InnerPage>
  );
}
