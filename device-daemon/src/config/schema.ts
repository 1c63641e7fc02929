import { Type, type StaticDecode } from 'typebox';
import { oneOf, section, strict, tagged } from './kit';
import { deviceConfigShape, type DeviceConfigs } from '../devices/descriptors';
import { queueConfig } from '../queue/config';
import { evaluationConfig } from '../evaluation/config';
import { scanConfig } from '../scan/config';
import { maintenanceConfig } from '../maintenance/config';
import { identityConfig } from '../identity/config';
import { countersConfig } from '../counters/config';
import { staffConfig } from '../staff/config';
import { mattersConfig } from '../matters/config';
import { integrationConfig } from '../integration/config';
import { appointmentsConfig } from '../appointments/config';
import { helpConfig } from '../help/config';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const timezone = Type.Refine(
  Type.String({ minLength: 1, default: 'Asia/Shanghai', expected: 'an IANA time zone such as "Asia/Shanghai"' }),
  isTimeZone,
);

export const kioskConfig = strict({
  hall: section({
    name: Type.String({ minLength: 1, maxLength: 40, default: '政务服务中心' }),
    timezone,
    /** Identifies this kiosk in a hall of many (hall-wide mode). */
    kioskId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', default: 'kiosk-1', expected: 'letters, digits, - or _' }),
    /** Base URL phones use to reach this hall (QR codes on tickets); the kiosk's own origin if absent. */
    publicBaseUrl: Type.Optional(Type.String({ pattern: '^https?://', expected: 'an http(s) URL' })),
    /** 区划代码 (GB/T 2260, 6 digits) of the hall: every message to the provincial 好差评 system carries it. */
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$', expected: 'a 6-digit 区划代码 such as "445100"' })),
  }),
  /** One optional section per device of devices/descriptors.ts: a device left out is not fitted. */
  devices: section(deviceConfigShape),
  store: tagged(
    'driver',
    {
      sqlite: { path: Type.Optional(Type.String({ minLength: 1 })) },
      postgres: {
        url: Type.String({ pattern: '^postgres(ql)?://', expected: 'a postgres:// URL' }),
        /**
         * Connections at most in each of the daemon's two pools (the walk-in ticket's statement; everything else),
         * besides the relay's listener: 5 + 5, the 10 of one pool before. Fewer backends cost PostgreSQL less CPU
         * on a small server: 2 for 8 daemons on 2 cores (docs/PERFORMANCE.md, hall-wide).
         */
        poolSize: Type.Integer({ minimum: 1, maximum: 50, default: 5 }),
      },
    },
    { default: { driver: 'sqlite' } },
  ),
  ui: section({
    pageTimeoutSeconds: Type.Integer({ minimum: 10, maximum: 600, default: 60 }),
    /** 关爱模式 gives people more time. */
    elderPageTimeoutSeconds: Type.Integer({ minimum: 10, maximum: 900, default: 120 }),
    attractAfterSeconds: Type.Integer({ minimum: 10, maximum: 3600, default: 90 }),
    /** Voice guidance's language: Mandarin, or Cantonese for Guangdong halls (espeak-ng's `cmn` / `yue` voices). */
    voice: section({
      language: oneOf(['cmn', 'yue'] as const, { default: 'cmn' }),
    }),
  }),
  server: section({
    /**
     * Host names (or `name:port`) this daemon answers to besides loopback and hall.publicBaseUrl's host; any
     * other Host header is refused (DNS rebinding). E.g. the address counters and the hall display use.
     */
    allowedHosts: Type.Array(
      Type.String({ pattern: '^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+)(:\\d{1,5})?$', expected: 'a host name or address, optionally with :port' }),
      { default: [] },
    ),
    /** Extra origins whose pages may call the API and open /api/events (the kiosk's own origin always may). */
    allowedOrigins: Type.Array(Type.String({ pattern: '^https?://', expected: 'an origin such as http://10.0.0.5:8080' }), { default: [] }),
  }),
  queue: queueConfig,
  counters: countersConfig,
  /** The hall's staff (工作人员), each with a PIN hash; they sign in at windows and the manager page. */
  staff: staffConfig,
  /** The hall's 事项 catalogue (事项编码, 名称, 实施部门, category, materials); one for windows and scanning. */
  matters: mattersConfig,
  evaluation: evaluationConfig,
  /** The windows' business systems (一窗受理系统) allowed to use /api/integration/v1/, by key hash. */
  integration: integrationConfig,
  appointments: appointmentsConfig,
  help: helpConfig,
  scan: scanConfig,
  maintenance: maintenanceConfig,
  identity: identityConfig,
  log: section({
    level: Type.String({ pattern: '^(fatal|error|warn|info|debug|trace|silent)$', default: 'info', expected: 'a pino level' }),
  }),
});

export type KioskConfig = Omit<StaticDecode<typeof kioskConfig>, 'devices'> & {
  /** Typed per device from the descriptor list (the schema above is built from the same list). */
  devices: DeviceConfigs;
  /** Resolved at load time, not part of the file. */
  dataDir: string;
};
