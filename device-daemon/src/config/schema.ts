import { arr, int, obj, opt, str, tagged, type Infer } from './schema-dsl';
import { printerConfig } from '../devices/printer/config';
import { idReaderConfig } from '../devices/idcard/config';
import { keypadConfig } from '../devices/keypad/config';
import { scannerConfig } from '../devices/scanner/config';
import { queueConfig } from '../queue/config';
import { evaluationConfig } from '../evaluation/config';
import { scanConfig } from '../scan/config';
import { maintenanceConfig } from '../maintenance/config';
import { identityConfig } from '../identity/config';
import { countersConfig } from '../queue/counter-config';
import { staffConfig } from '../staff/config';
import { mattersConfig } from '../matters/config';
import { integrationConfig } from '../integration/config';

const timezone = str({ min: 1, hint: 'an IANA time zone such as "Asia/Shanghai"' });
const validTimezone: typeof timezone = {
  expected: timezone.expected,
  parse(v, path) {
    const tz = timezone.parse(v, path);
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
    } catch {
      return timezone.parse(null, path);
    }
    return tz;
  },
};

export const kioskConfig = obj({
  hall: opt(
    obj({
      name: opt(str({ min: 1, max: 40 }), '政务服务中心'),
      timezone: opt(validTimezone, 'Asia/Shanghai'),
      /** Identifies this kiosk in a hall of many (hall-wide mode). */
      kioskId: opt(str({ pattern: /^[A-Za-z0-9_-]{1,32}$/, hint: 'letters, digits, - or _' }), 'kiosk-1'),
      /** Base URL phones use to reach this hall (QR codes on tickets); the kiosk's own origin if absent. */
      publicBaseUrl: opt(str({ pattern: /^https?:\/\//, hint: 'an http(s) URL' })),
      /** 区划代码 (GB/T 2260, 6 digits) of the hall: every message to the provincial 好差评 system carries it. */
      regionCode: opt(str({ pattern: /^\d{6}$/, hint: 'a 6-digit 区划代码 such as "445100"' })),
    }),
    {},
  ),
  devices: opt(
    obj({
      idReader: opt(idReaderConfig),
      printer: opt(printerConfig),
      keypad: opt(keypadConfig),
      scanner: opt(scannerConfig),
    }),
    {},
  ),
  store: opt(
    tagged('driver', {
      sqlite: obj({ path: opt(str({ min: 1 })) }),
      postgres: obj({ url: str({ pattern: /^postgres(ql)?:\/\//, hint: 'a postgres:// URL' }) }),
    }),
    { driver: 'sqlite' },
  ),
  ui: opt(
    obj({
      pageTimeoutSeconds: opt(int({ min: 10, max: 600 }), 60),
      /** 关爱模式 gives people more time. */
      elderPageTimeoutSeconds: opt(int({ min: 10, max: 900 }), 120),
      attractAfterSeconds: opt(int({ min: 10, max: 3600 }), 90),
    }),
    {},
  ),
  server: opt(
    obj({
      /** Extra origins allowed to open /api/events (the kiosk's own origin always is). */
      allowedOrigins: opt(arr(str({ pattern: /^https?:\/\//, hint: 'an origin such as http://10.0.0.5:8080' })), []),
    }),
    {},
  ),
  queue: opt(queueConfig, {}),
  counters: opt(countersConfig, {}),
  /** The hall's staff (工作人员), each with a PIN hash; they sign in at windows and the manager page. */
  staff: staffConfig,
  /** The hall's 事项 catalogue (事项编码, 名称, 实施部门, category, materials); one for windows and scanning. */
  matters: mattersConfig,
  evaluation: opt(evaluationConfig, {}),
  /** The windows' business systems (一窗受理系统) allowed to use /api/integration/v1/, by key hash. */
  integration: opt(integrationConfig, {}),
  scan: opt(scanConfig, {}),
  maintenance: opt(maintenanceConfig, {}),
  identity: opt(identityConfig, {}),
  log: opt(obj({ level: opt(str({ pattern: /^(fatal|error|warn|info|debug|trace|silent)$/, hint: 'a pino level' }), 'info') }), {}),
});

export type KioskConfig = Infer<typeof kioskConfig> & {
  /** Resolved at load time, not part of the file. */
  dataDir: string;
};

