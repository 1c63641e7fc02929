import { describe, expect, it } from 'vitest';
import { deviceListed, listArgs, parseDeviceList, scanArgs, TEST_BACKEND_SOURCES } from './args';

describe('scanimage arguments', () => {
  it('scans one grey flatbed page to stdout as PNM with progress', () => {
    expect(scanArgs('test', { resolution: 150, mode: 'gray', source: 'flatbed' }, TEST_BACKEND_SOURCES)).toEqual([
      '-d', 'test', '--format=pnm', '-p', '--resolution', '150', '--mode', 'Gray', '--source', 'Flatbed',
    ]);
  });

  it('names the feeder as the backend does and sets the area in millimetres, script options last', () => {
    const args = scanArgs(
      'fujitsu:fi-7160:1',
      { resolution: 300, mode: 'color', source: 'adf', area: { left: 0, top: 5, width: 210, height: 297 } },
      { flatbed: 'Flatbed', adf: 'ADF Front' },
      ['--test-picture', 'Grid'],
    );
    expect(args).toEqual([
      '-d', 'fujitsu:fi-7160:1', '--format=pnm', '-p', '--resolution', '300', '--mode', 'Color', '--source', 'ADF Front',
      '-l', '0', '-t', '5', '-x', '210', '-y', '297', '--test-picture', 'Grid',
    ]);
  });

  it('refuses a resolution or area scanimage would reject', () => {
    expect(() => scanArgs('test', { resolution: 0, mode: 'gray', source: 'flatbed' }, TEST_BACKEND_SOURCES)).toThrow(/resolution/);
    expect(() => scanArgs('test', { resolution: 150.5, mode: 'gray', source: 'flatbed' }, TEST_BACKEND_SOURCES)).toThrow(/resolution/);
    expect(() =>
      scanArgs('test', { resolution: 150, mode: 'gray', source: 'flatbed', area: { left: -1, top: 0, width: 1, height: 1 } }, TEST_BACKEND_SOURCES),
    ).toThrow(/area.left/);
  });

  it('lists devices in a format it can parse, and finds a backend by its name alone', () => {
    expect(listArgs()).toEqual(['-f', '%d|%v|%m|%t%n']);
    const list = parseDeviceList('test:0|Noname|frontend-tester|virtual device\ntest:1|Noname|frontend-tester|virtual device\n\n');
    expect(list).toEqual([
      { name: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
      { name: 'test:1', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
    ]);
    expect(deviceListed('test', list)).toBe(true);
    expect(deviceListed('test:1', list)).toBe(true);
    expect(deviceListed('tes', list)).toBe(false);
    expect(deviceListed('fujitsu', [])).toBe(false);
  });
});
