import { execFile } from 'node:child_process';
import path from 'node:path';
import { defineDevice, type DeviceContext, type FittedDevice } from '../core/descriptor';
import { scannerConfig, type ScannerConfig } from './config';
import { ScannerDriver } from './driver';
import { ChildProcessTransport } from './transport/child-transport';
import { SaneTestScript, SaneTestTransport, TEST_DEVICE, writeTestBackendConfig } from './sim/sane-test';
import { SimulatedScanimage } from './sim/scanimage';
import { TEST_BACKEND_SOURCES } from './codec/args';
import { scannerSimRoutes } from './sim/routes';
import { cameraTransport } from './camera/fit';

export { ScannerDriver } from './driver';
export type { PreviewSource } from './driver';
export type { ScannedPage } from './driver';
export type { ScanOptions, ScanMode, ScanSource, ScanArea } from './codec/args';
export { ScannerError, type ScannerErrorCode } from './codec/status';

/** Whether the scanimage program (sane-utils) can be started on this machine. */
export function scanimageAvailable(command = 'scanimage'): Promise<boolean> {
  // Asynchronous: waiting for a child process (up to 5 s) must not hold up the daemon's event loop.
  return new Promise((resolve) => execFile(command, ['-V'], { timeout: 5000 }, (err) => resolve(!err)));
}

/**
 * `{driver:'sane', device}` drives the named device through scanimage. `{driver:'simulated'}` drives the
 * SANE test backend through the same scanimage transport (a dll.conf under the data folder, given to the
 * child as SANE_CONFIG_DIR); without scanimage it falls back to the in-process stand-in. Both simulated
 * forms get fault injection under /api/sim/scanner.
 */
export async function createScanner(config: ScannerConfig, ctx: DeviceContext): Promise<FittedDevice<ScannerDriver>> {
  const timeoutMs = config.timeoutSeconds * 1000;
  if (config.driver === 'camera') {
    const transport = cameraTransport(config);
    const driver = new ScannerDriver({ driver: 'camera', simulated: false, transport, device: transport.name, sources: TEST_BACKEND_SOURCES, timeoutMs });
    return { driver };
  }
  if (config.driver === 'sane') {
    const driver = new ScannerDriver({
      driver: 'sane',
      simulated: false,
      transport: new ChildProcessTransport(),
      device: config.device,
      sources: config.sourceNames,
      timeoutMs,
    });
    return { driver };
  }
  const script = new SaneTestScript();
  let inner;
  if (await scanimageAvailable()) {
    const dir = writeTestBackendConfig(path.join(ctx.dataDir, 'sane-test'));
    inner = new ChildProcessTransport({ env: { SANE_CONFIG_DIR: dir } });
  } else {
    ctx.log.warn('scanimage not found (install sane-utils): the simulated scanner runs in-process');
    inner = new SimulatedScanimage();
  }
  const driver = new ScannerDriver({
    driver: 'simulated',
    simulated: true,
    transport: new SaneTestTransport(inner, script),
    device: TEST_DEVICE,
    sources: TEST_BACKEND_SOURCES,
    timeoutMs,
  });
  return { driver, simRoutes: scannerSimRoutes(script) };
}

/** The SANE document scanner (扫描仪), described once. */
export const scanner = defineDevice({
  name: 'scanner',
  label: '扫描仪',
  title: 'scanner',
  config: scannerConfig,
  create: createScanner,
  doctorProbe: (c) =>
    c.driver === 'simulated' ? { kind: 'simulated' } : c.driver === 'camera' ? { kind: 'camera', device: c.device, ffmpeg: c.ffmpeg } : { kind: 'sane', device: c.device },
  selfTests: [
    { level: 'internal', label: '连接检查' },
    { level: 'external', label: '扫描测试页' },
  ],
  faults: [
    { label: '卡纸', method: 'POST', path: '/fault', body: { fault: 'jammed' } },
    { label: '无纸', method: 'POST', path: '/fault', body: { fault: 'no-documents' } },
    { label: '开盖', method: 'POST', path: '/fault', body: { fault: 'cover-open' } },
    { label: '恢复正常', method: 'POST', path: '/fault', body: { fault: 'none' } },
  ],
});
