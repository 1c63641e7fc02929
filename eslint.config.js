// The linter, and the layers it enforces: what device-daemon/README.md and kiosk-ui/README.md say may import what.
// Zones are written over folders found on disk (every feature, every device), so a new one is covered unedited.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const root = path.dirname(fileURLToPath(import.meta.url));
const daemon = path.join(root, 'device-daemon/src');
const ui = path.join(root, 'kiosk-ui/src');
const folders = (dir) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const d = (p) => path.join(daemon, p);
const u = (p) => path.join(ui, p);
// import-x wants all of a zone's `from` and `except` to be globs or none: one file as a glob that matches only it.
const file = (p) => p.replace(/\.(tsx?)$/, '.@($1)');

// The daemon's shared layers; every other folder of device-daemon/src is a feature. doctor/ is a host program
// (`npm run doctor`): like app.ts and server.ts it composes devices and features, and nothing imports it.
const LAYERS = ['core', 'config', 'store', 'events', 'devices'];
const HOSTS = ['doctor'];
const hostFiles = [d('{app,server}.ts'), ...HOSTS.map((h) => d(`${h}/**`))];
const features = folders(daemon).filter((f) => !LAYERS.includes(f) && !HOSTS.includes(f));
const devices = folders(d('devices')).filter((f) => f !== 'core');
const uiFeatures = folders(u('features'));

const daemonZones = [
  { target: d('core/**'), from: d('**'), except: [d('core/**')], message: 'core/ imports nothing of the project.' },
  ...['store/db.ts', 'config/kit.ts', 'config/config-error.ts'].map((only) => ({
    target: d(only), from: d('**'), except: [file(d(only))], message: `${only} imports nothing of the project.`,
  })),
  {
    target: d('devices/*/codec/**'), from: d('**'), except: [d('devices/*/codec/**'), file(d('devices/core/device-error.ts'))],
    message: "A device's codec/ imports nothing but Node, packages and devices/core/device-error.ts.",
  },
  {
    target: d('devices/*/sim/**'), from: d('**'),
    // A simulator is a transport that speaks the device's bytes: it implements its device's transport contract.
    except: [d('devices/*/codec/**'), d('devices/*/sim/**'), d('devices/*/transport/**'), d('devices/*/types.ts'), d('devices/core/**'), d('core/**')],
    message: "A device's sim/ imports its own codec/, transport/ contract, types.ts, devices/core and core/ only.",
  },
  ...devices.map((name) => ({
    target: d(`devices/${name}/**`), from: d(`devices/!(${name}|core)/**`),
    message: `No device imports another device (${name}).`,
  })),
  {
    target: d('devices/**'), from: [...features.map((f) => d(`${f}/**`)), ...hostFiles],
    message: 'No device imports a feature or a host.',
  },
  ...features.map((name) => ({
    target: d(`${name}/**`),
    from: [...features.filter((f) => f !== name).map((f) => d(`${f}/**`)), ...hostFiles],
    except: [d('*/types.ts')],
    message: "Features reach each other through the Fastify instance (app.queue...); only another feature's types.ts, type-only.",
  })),
  {
    target: features.map((f) => d(`${f}/**`)), from: d('devices/*/**'),
    except: [d('devices/core/**'), d('devices/*/index.ts')],
    message: "A feature imports a device's public index.ts (and devices/core), not its insides.",
  },
  {
    target: features.map((f) => d(`${f}/**`)), from: d('store/**'), except: [file(d('store/db.ts'))],
    message: 'A feature imports the store contract (store/db.ts) and asks its capabilities, never a driver.',
  },
];

const uiZones = [
  {
    target: u('shared/**'), from: [u('features/**'), u('app/**'), file(u('main.tsx'))],
    message: 'shared/ imports no feature and not app/.',
  },
  ...uiFeatures.map((name) => ({
    target: u(`features/${name}/**`),
    from: [...uiFeatures.filter((f) => f !== name).map((f) => u(`features/${f}/**`)), u('app/**'), file(u('main.tsx'))],
    message: 'A feature imports shared/ only: another flow is reached by navigate(name), never imported.',
  })),
];

// A value import of another feature's types.ts is a value import of that feature: only `import type` may cross.
const otherFeaturesTypes = {
  regex: `^\\.\\./(?!${LAYERS.join('|')})[^/]+/types$`,
  allowTypeImports: true,
  message: "Another feature's types.ts is imported type-only (`import type`).",
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x cannot parse the TypeScript files an import leads to, and no-cycle sees nothing.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['device-daemon/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: daemonZones }],
      'no-restricted-properties': ['error', {
        object: 'process', property: 'env',
        message: 'Only the hosts (server.ts, doctor/main.ts) read the environment; pass what you need as options.',
      }],
    },
  },
  {
    files: features.map((f) => `device-daemon/src/${f}/**/*.ts`),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [otherFeaturesTypes] }] },
  },
  {
    // Hosts read the environment: the daemon's and the doctor's entry points, tests, scripts, benchmarks, tools.
    files: ['device-daemon/src/server.ts', 'device-daemon/src/doctor/main.ts', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['kiosk-ui/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two rules of hooks; the React Compiler's rules (purity, refs...) are not on: the UI is not compiled by it.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: uiZones }],
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@daemon/*'], allowTypeImports: true, message: 'Only types cross from the daemon (`import type`): no daemon code reaches the page.' },
          { group: ['**/device-daemon/**'], message: "Reach the daemon's types through @daemon/*, type-only." },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'The page has no environment.' }],
    },
  },
  {
    // Tests and their support read JSON answers whose shape the assertions themselves check.
    files: ['test/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests are hosts: they assemble the pieces they test with real drivers, whatever layer those sit in.
    files: ['**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
);
