import { readdirSync } from 'node:fs';
import os from 'node:os';
import type { KioskConfig } from '../config/schema';
import { clockFacts, diskFacts } from '../maintenance/system-facts';
import { Voice } from '../hall/voice';
import { run } from './exec';
import { fail, pass, warn, type Check } from './types';

const MB = 1024 * 1024;
/** Below this the store and scanned PDFs are at risk: FAIL. Below the second: WARN. */
const DISK_FAIL_BYTES = 500 * MB;
const DISK_WARN_BYTES = 2048 * MB;

/** CJK fonts: tickets, raster fallbacks and the UI need a font that has Chinese glyphs. */
export async function fontsCheck(): Promise<Check> {
  const r = await run('fc-list', [':lang=zh', 'family']);
  const title = 'CJK fonts (fc-list :lang=zh)';
  if (r.missing) return fail('system.fonts', title, 'fc-list is not installed', 'apt-get install fontconfig fonts-wqy-zenhei');
  const families = [...new Set(r.stdout.split('\n').map((l) => l.trim()).filter(Boolean))];
  if (families.length === 0) {
    return fail('system.fonts', title, 'no font with Chinese glyphs', 'apt-get install fonts-wqy-zenhei (or fonts-noto-cjk)', { families });
  }
  return pass('system.fonts', title, `${families.length} families, e.g. ${families[0]}`, { families });
}

export async function diskCheck(dataDir: string): Promise<Check> {
  const title = `disk space of the data folder (${dataDir})`;
  const d = await diskFacts(dataDir);
  if ('error' in d) return fail('system.disk', title, d.error, 'create the data folder or set KIOSK_DATA_DIR');
  const free = `${Math.round(d.freeBytes / MB)} MB free of ${Math.round(d.totalBytes / MB)} MB`;
  if (d.freeBytes < DISK_FAIL_BYTES) return fail('system.disk', title, free, 'free disk space: old scans under the data folder, journal (journalctl --vacuum-size=100M)', d);
  if (d.freeBytes < DISK_WARN_BYTES) return warn('system.disk', title, free, 'less than 2 GB free: plan a clean-up', d);
  return pass('system.disk', title, free, d);
}

export async function clockCheck(config: KioskConfig | undefined): Promise<Check[]> {
  const hallZone = config?.hall.timezone ?? 'Asia/Shanghai';
  const c = clockFacts(new Date(), hallZone);
  const checks: Check[] = [];
  const title = 'clock';
  checks.push(
    c.plausible
      ? pass('system.clock', title, `${c.now} (hall time ${c.hallLocalTime} ${hallZone})`, c)
      : fail('system.clock', title, `the year of ${c.now} is not plausible`, 'set the clock: timedatectl set-ntp true (or date -s)', c),
  );
  const zoneTitle = 'system time zone';
  checks.push(
    c.systemTimeZone === hallZone
      ? pass('system.timezone', zoneTitle, c.systemTimeZone)
      : warn('system.timezone', zoneTitle, `${c.systemTimeZone}, the hall is ${hallZone}`, `timedatectl set-timezone ${hallZone} (the daemon uses the hall's zone for dates either way; logs use the system's)`),
  );
  const ntp = await run('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], 5000);
  if (!ntp.missing && ntp.code === 0) {
    const synced = ntp.stdout.trim() === 'yes';
    checks.push(
      synced
        ? pass('system.ntp', 'clock synchronised (NTP)', 'yes')
        : warn('system.ntp', 'clock synchronised (NTP)', 'no', 'timedatectl set-ntp true; in a closed network point systemd-timesyncd at the hall\'s time server'),
    );
  }
  return checks;
}

/** Who runs the doctor (the daemon's user, ideally) and whether it may open serial and hidraw devices. */
export async function userCheck(needsSerial: boolean): Promise<Check> {
  const user = os.userInfo().username;
  const r = await run('id', ['-Gn']);
  const groups = r.stdout.trim().split(/\s+/).filter(Boolean);
  const title = `user ${user} and groups`;
  const data = { user, uid: os.userInfo().uid, groups };
  if (os.userInfo().uid === 0) {
    return warn('system.user', title, `running as root (groups ${groups.join(' ')}): permission checks below are those of root`, 'run the doctor as the daemon\'s user too: sudo -u kiosk npm run doctor', data);
  }
  if (needsSerial && !groups.includes('dialout')) {
    return fail('system.user', title, `${user} is not in group dialout (groups ${groups.join(' ')})`, `sudo usermod -aG dialout ${user} (then log in again)`, data);
  }
  return pass('system.user', title, groups.join(' '), data);
}

export async function libusbCheck(): Promise<Check> {
  const title = 'libusb-1.0 (node-hid needs it)';
  const r = await run('ldconfig', ['-p']);
  const found = /libusb-1\.0\.so\.0\b/.test(r.stdout);
  if (r.missing && !found) return warn('system.libusb', title, 'ldconfig not found; cannot tell', 'apt-get install libusb-1.0-0');
  return found ? pass('system.libusb', title, 'libusb-1.0.so.0 installed') : fail('system.libusb', title, 'libusb-1.0.so.0 not found', 'apt-get install libusb-1.0-0');
}

/** The kiosk's udev rules give the daemon's group the reader, printer and keypad. */
export function udevRulesCheck(rulesDir = '/etc/udev/rules.d'): Check {
  const title = `kiosk udev rules in ${rulesDir}`;
  let files: string[];
  try {
    files = readdirSync(rulesDir).filter((f) => /kiosk/i.test(f) && f.endsWith('.rules'));
  } catch {
    files = [];
  }
  return files.length > 0
    ? pass('permissions.udev', title, files.join(', '), { files })
    : warn('permissions.udev', title, 'none installed', 'sudo install -m 644 deploy/udev/99-kiosk.rules /etc/udev/rules.d/ && sudo udevadm control --reload && sudo udevadm trigger');
}

/**
 * Voice guidance: one real synthesis in the configured language with the daemon's own Voice (the engine is
 * espeak-ng, see hall/voice.ts for why). Without it 关爱模式 and the hall display are silent.
 */
export async function voiceCheck(config: KioskConfig | undefined, binary = 'espeak-ng'): Promise<Check> {
  const language = config?.ui.voice.language ?? 'cmn';
  const title = `voice guidance (espeak-ng, ${language === 'yue' ? 'Cantonese' : 'Mandarin'})`;
  const voice = new Voice(binary, language);
  const wav = await voice.speak('请A001号到1号窗口办理').catch(() => undefined);
  if (wav) return pass('system.voice', title, `a call synthesised: ${wav.length} bytes of WAV`, { ...voice.status() });
  return fail('system.voice', title, voice.status().reason ?? 'synthesis failed', 'apt-get install espeak-ng (scripts/install-system-deps.sh installs it)', { ...voice.status() });
}
