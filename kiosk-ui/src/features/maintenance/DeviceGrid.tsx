import { useState } from 'react';
import { useEvent } from '@/shared/api/use-event';
import { useQuery } from '@/shared/api/use-query';
import { Notice } from '@/shared/kiosk';
import { fetchCatalog, fetchDevices, runHealth, type DeviceStatus, type HealthLevel } from './api';
import { DeviceCard } from './DeviceCard';
import { handleSessionError, useSessionQueryError } from './session';

/**
 * Every fitted device with its live state and what the daemon's device list says about it (label, self-tests,
 * faults): loaded once, then kept current by `device.status` events; a
 * self-test's answer replaces its device's entry. `onBusy` holds the page countdown while a test runs
 * (an interactive test waits on the technician).
 */
export function DeviceGrid({ onBusy }: { onBusy(busy: boolean): void }) {
  const query = useQuery('maintenance.devices', fetchDevices);
  const devices = query.data?.devices;
  const loadError = useSessionQueryError(query.error);
  const [testError, setError] = useState<string | undefined>();
  const error = testError ?? loadError;
  const [testing, setTesting] = useState<Record<string, HealthLevel | undefined>>({});
  const load = query.refetch;

  const catalog = useQuery('maintenance.catalog', fetchCatalog).data?.devices ?? [];
  const update = (next: DeviceStatus) => query.setData((r) => ({ devices: (r?.devices ?? []).map((d) => (d.name === next.name ? next : d)) }));
  useEvent('device.status', (e) => update(e.status));

  const test = async (name: string, level: HealthLevel) => {
    setTesting((t) => ({ ...t, [name]: level }));
    onBusy(true);
    try {
      update((await runHealth(name, level)).device);
    } catch (err) {
      if (!handleSessionError(err)) setError((err as Error).message);
    } finally {
      setTesting((t) => ({ ...t, [name]: undefined }));
      onBusy(false);
    }
  };

  if (!devices) return error ? <Notice tone="error" title={error} /> : <p className="loading">正在读取设备状态…</p>;
  return (
    <div>
      {error ? <Notice tone="error" title={error} /> : null}
      {devices.length === 0 ? <Notice title="本机未配置任何设备" /> : null}
      <div className="mnt-grid">
        {devices.map((d) => (
          <DeviceCard key={d.name} device={d} entry={catalog.find((c) => c.name === d.name)} testing={testing[d.name]} onTest={(level) => void test(d.name, level)} onChanged={load} />
        ))}
      </div>
      <div className="action-row">
        <button type="button" className="secondary-button" onClick={load}>
          刷新计数
        </button>
      </div>
    </div>
  );
}
