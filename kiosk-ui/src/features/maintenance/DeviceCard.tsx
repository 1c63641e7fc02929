import type { CatalogEntry, DeviceStatus, HealthLevel } from './api';
import { STATE_LABEL, STATISTIC_LABEL } from './catalog';
import { FaultPanel } from './FaultPanel';

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** One device: state, why, last self-test, counters, recent errors, self-test buttons, faults while simulated. */
export function DeviceCard({
  device,
  entry,
  testing,
  onTest,
  onChanged,
}: {
  device: DeviceStatus;
  /** What the daemon's device list says about this device; absent until the catalog has loaded. */
  entry?: CatalogEntry;
  testing?: HealthLevel;
  onTest(level: HealthLevel): void;
  onChanged(): void;
}) {
  const label = entry?.label ?? device.name;
  const stats = Object.entries(device.statistics);
  return (
    <section className={`mnt-card mnt-state-${device.state}`} aria-label={label} data-testid={`device-${device.name}`}>
      <header className="mnt-card-head">
        <h2>{label}</h2>
        <span className="mnt-badge" data-testid={`state-${device.name}`}>
          {STATE_LABEL[device.state] ?? device.state}
        </span>
      </header>
      <p className="mnt-sub">
        {device.simulated ? '模拟设备' : device.driver} · {device.transport ?? ''}
        {device.reason ? <span className="mnt-reason"> · {device.reason}</span> : null}
      </p>
      {device.lastHealth ? (
        <p className={`mnt-health ${device.lastHealth.ok ? 'ok' : 'bad'}`} data-testid={`health-${device.name}`}>
          {device.lastHealth.ok ? '✔' : '✘'} {device.lastHealth.text}
          <span className="mnt-time"> {time(device.lastHealth.at)}</span>
        </p>
      ) : (
        <p className="mnt-health">尚未自检</p>
      )}
      <div className="mnt-tests">
        {(entry?.selfTests ?? []).map((t) => (
          <button key={t.level} type="button" className="mnt-button" disabled={testing !== undefined} onClick={() => onTest(t.level)}>
            {testing === t.level ? `${t.label}中…` : t.label}
          </button>
        ))}
      </div>
      <table className="mnt-stats">
        <tbody>
          {stats.length === 0 ? (
            <tr>
              <td colSpan={2}>暂无计数</td>
            </tr>
          ) : (
            stats.map(([name, value]) => (
              <tr key={name}>
                <th title={name}>{STATISTIC_LABEL[name] ?? name}</th>
                <td data-testid={`stat-${device.name}-${name}`}>{value}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {device.recentErrors.length > 0 ? (
        <details className="mnt-errors">
          <summary>最近错误（{device.recentErrors.length}）</summary>
          <ul>
            {device.recentErrors.slice(0, 10).map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <span className="mnt-time">{time(e.at)}</span> <code>{e.code}</code> {e.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {device.simulated ? <FaultPanel device={device.name} actions={entry?.faults ?? []} onDone={onChanged} /> : null}
    </section>
  );
}
