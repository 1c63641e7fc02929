/**
 * `npm run doctor`: is this machine ready to be a kiosk? Lists serial ports, HID devices and SANE scanners,
 * checks permissions, libusb, CJK fonts, disk space and the clock, validates the configuration and sends each
 * configured device one harmless question. Prints a table (or `--json`), exits 1 when anything FAILs.
 *
 *   npm run doctor [-- --json] [-- --config FILE]
 *   npm run doctor -- --hash-pin 123456   prints the scrypt hash for maintenance.pinHash
 *   npm run doctor -- --maintenance-code  prints a one-time code that opens maintenance at the kiosk's own screen
 *                                         even while the PIN login is locked (needs a shell on the kiosk)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPin, PIN_PATTERN } from '../core/auth/pin';
import { issueRecoveryCode, RECOVERY_TTL_MS } from '../maintenance/recovery-code';
import { catalogueCheck } from './catalogue-check';
import { configCheck } from './config-check';
import { devicesToProbe, probeDevices } from './device-probes';
import { hidDevicesCheck, hidrawPermissionsCheck, saneScannersCheck, serialPortsCheck, type Needs } from './hardware-checks';
import { makeReport, renderTable, type DoctorReport } from './report';
import { clockCheck, diskCheck, fontsCheck, libusbCheck, udevRulesCheck, userCheck, voiceCheck } from './system-checks';
import { guarded, type Check } from './types';

export interface DoctorOptions {
  configFile?: string;
  dataDir: string;
}

export async function runDoctor(opts: DoctorOptions): Promise<DoctorReport> {
  const { check: config, config: parsed } = configCheck(opts.configFile, opts.dataDir);
  // What the machine must offer follows from the probes the configured devices ask for.
  const kinds = parsed ? devicesToProbe(parsed).map(({ probe }) => probe) : [];
  const needs: Needs = {
    serial: kinds.some((p) => p.kind === 'sam-serial' || p.kind === 'serial-open' || (p.kind === 'escpos' && p.link === 'serial')),
    hid: kinds.some((p) => p.kind === 'hid'),
    sane: kinds.some((p) => p.kind === 'sane'),
  };
  const checks: Check[] = [config];
  if (parsed) checks.push(...(await guarded('matters', '事项 catalogue', () => catalogueCheck(parsed, opts.configFile))));
  checks.push(...(await guarded('system.user', 'user and groups', () => userCheck(needs.serial))));
  checks.push(...(await guarded('system.clock', 'clock', () => clockCheck(parsed))));
  checks.push(...(await guarded('system.disk', 'disk space', () => diskCheck(parsed?.dataDir ?? path.resolve(opts.dataDir)))));
  checks.push(...(await guarded('system.fonts', 'CJK fonts', fontsCheck)));
  checks.push(...(await guarded('system.voice', 'voice guidance', () => voiceCheck(parsed))));
  checks.push(...(await guarded('system.libusb', 'libusb', libusbCheck)));
  checks.push(...(await guarded('permissions.udev', 'udev rules', async () => udevRulesCheck())));
  checks.push(...(await guarded('permissions.hidraw', 'hidraw permissions', async () => hidrawPermissionsCheck(needs))));
  checks.push(...(await guarded('serial.ports', 'serial ports', () => serialPortsCheck(needs))));
  checks.push(...(await guarded('hid.devices', 'HID devices', () => hidDevicesCheck(needs))));
  checks.push(...(await guarded('sane.scanners', 'SANE scanners', () => saneScannersCheck(needs))));
  if (parsed) checks.push(...(await probeDevices(parsed)));
  return makeReport(checks);
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function main(args = process.argv.slice(2)): Promise<number> {
  if (args.includes('--hash-pin')) {
    const pin = argValue(args, '--hash-pin') ?? '';
    if (!PIN_PATTERN.test(pin)) {
      process.stderr.write('usage: npm run doctor -- --hash-pin <4 to 12 digits>\n');
      return 64; // EX_USAGE
    }
    process.stdout.write(`${await hashPin(pin)}\n`);
    return 0;
  }
  if (args.includes('--maintenance-code')) {
    const code = issueRecoveryCode(process.env.KIOSK_DATA_DIR || 'data');
    process.stdout.write(
      `一次性维护码 / one-time maintenance code: ${code}\n` +
        `Type it on the kiosk's own screen in place of the PIN within ${RECOVERY_TTL_MS / 60_000} minutes; it clears the lockout.\n`,
    );
    return 0;
  }
  const report = await runDoctor({
    configFile: argValue(args, '--config') ?? (process.env.KIOSK_CONFIG || undefined),
    dataDir: process.env.KIOSK_DATA_DIR || 'data',
  });
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${renderTable(report, process.stdout.isTTY)}\n`);
  return report.ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`doctor failed: ${err.stack ?? err.message}\n`);
      process.exit(2);
    },
  );
}
