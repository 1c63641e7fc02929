import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules bite: each snippet breaks one rule of device-daemon/README.md or kiosk-ui/README.md, linted
 * as if it were a file at that place in the tree, and exactly that rule must fire. One snippet that keeps
 * every rule passes.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

async function rulesFired(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const cases: { what: string; file: string; code: string; rule: string }[] = [
  {
    what: 'a feature importing another feature',
    file: 'device-daemon/src/scan/lint-probe.ts',
    code: "import { QueueService } from '../queue/service';\nexport const probe = QueueService;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: "a value import of another feature's types.ts",
    file: 'device-daemon/src/counters/lint-probe.ts',
    code: "import { FIRST_GOOD_LEVEL } from '../evaluation/types';\nexport const probe = FIRST_GOOD_LEVEL;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    what: 'a feature reaching inside a device',
    file: 'device-daemon/src/queue/lint-probe.ts',
    code: "import { EscPosPrinter } from '../devices/printer/driver';\nexport const probe = EscPosPrinter;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: 'a feature asking for a store driver',
    file: 'device-daemon/src/hall/lint-probe.ts',
    code: "import { PostgresDb } from '../store/postgres';\nexport const probe = PostgresDb;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: 'core importing a feature',
    file: 'device-daemon/src/core/lint-probe.ts',
    code: "import { QueueService } from '../queue/service';\nexport const probe = QueueService;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: 'a codec importing devices/core',
    file: 'device-daemon/src/devices/printer/codec/lint-probe.ts',
    code: "import { DeviceDriver } from '../../core/device';\nexport const probe = DeviceDriver;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: "a simulator importing its device's driver",
    file: 'device-daemon/src/devices/printer/sim/lint-probe.ts',
    code: "import { EscPosPrinter } from '../driver';\nexport const probe = EscPosPrinter;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: 'a device importing another device',
    file: 'device-daemon/src/devices/keypad/lint-probe.ts',
    code: "import { EscPosPrinter } from '../printer';\nexport const probe = EscPosPrinter;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: 'a device importing a feature',
    file: 'device-daemon/src/devices/printer/lint-probe.ts',
    code: "import { serviceDate } from '../../scan/service';\nexport const probe = serviceDate;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: 'process.env outside server.ts',
    file: 'device-daemon/src/maintenance/lint-probe.ts',
    code: 'export const probe = process.env.KIOSK_PORT;\n',
    rule: 'no-restricted-properties',
  },
  {
    what: 'a UI feature importing another UI feature',
    file: 'kiosk-ui/src/features/queue/lint-probe.ts',
    code: "import { evaluationScreens } from '../evaluation';\nexport const probe = evaluationScreens;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: 'UI shared importing app/',
    file: 'kiosk-ui/src/shared/kiosk/lint-probe.ts',
    code: "import { screens } from '../../app/screens';\nexport const probe = screens;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    what: 'a value import of @daemon/* in the UI',
    file: 'kiosk-ui/src/features/queue/lint-probe.ts',
    code: "import { serviceDate } from '@daemon/core/hall-time';\nexport const probe = serviceDate;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    what: 'an import cycle',
    // queue/plugin.ts imports ./service: a service that imported the plugin back would close a loop.
    file: 'device-daemon/src/queue/service.ts',
    code: "import queuePlugin from './plugin';\nexport const probe = queuePlugin;\n",
    rule: 'import-x/no-cycle',
  },
  {
    what: 'a disable comment without a reason or a use',
    file: 'device-daemon/src/queue/lint-probe.ts',
    code: '// eslint-disable-next-line no-console\nexport const probe = 1;\n',
    rule: 'fatal-or-unused',
  },
];

describe('the layer rules', () => {
  for (const c of cases.filter((k) => k.rule !== 'fatal-or-unused')) {
    it(`flag ${c.what} (${c.rule})`, async () => {
      expect(await rulesFired(c.file, c.code)).toEqual([c.rule]);
    }, 60_000);
  }

  it('flag a disable comment that disables nothing', async () => {
    const c = cases.find((k) => k.rule === 'fatal-or-unused')!;
    // reportUnusedDisableDirectives: a directive without a rule to silence is itself reported (ruleId null).
    const [result] = await eslint.lintText(c.code, { filePath: path.join(root, c.file) });
    expect(result?.messages.map((m) => m.message)).toEqual([expect.stringContaining('Unused eslint-disable directive')]);
  }, 60_000);

  it('pass what the READMEs allow', async () => {
    const code = [
      "import type { FastifyInstance } from 'fastify';",
      "import type { Ticket } from '../queue/types';",
      "import { errorCode } from '../core/errors';",
      "import { serviceDate } from '../core/hall-time';",
      "import type { Db } from '../store/db';",
      "import type { PrintDocument } from '../devices/printer';",
      "import type { DeviceDriver } from '../devices/core/device';",
      'export type Probe = [FastifyInstance, Ticket, Db, PrintDocument, DeviceDriver];',
      "export const probe = [errorCode, serviceDate];",
      '',
    ].join('\n');
    expect(await rulesFired('device-daemon/src/scan/lint-probe.ts', code)).toEqual([]);
    const ui = "import type { Ticket } from '@daemon/queue/types';\nimport { InnerPage } from '@/shared/kiosk';\nexport type Probe = Ticket;\nexport const probe = InnerPage;\n";
    expect(await rulesFired('kiosk-ui/src/features/queue/lint-probe.ts', ui)).toEqual([]);
  }, 60_000);
});
