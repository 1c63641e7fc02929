import { Type, type Static } from 'typebox';
import { section, tagged } from '../../config/kit';

/** Backends name their sources differently (`ADF Front`, `Automatic Document Feeder`): data, not code. */
const sourceNames = section({
  flatbed: Type.String({ minLength: 1, default: 'Flatbed' }),
  adf: Type.String({ minLength: 1, default: 'Automatic Document Feeder' }),
});
const timeoutSeconds = Type.Integer({ minimum: 5, maximum: 600, default: 120 });

export const scannerConfig = tagged('driver', {
  /** The SANE test backend through scanimage when SANE is installed, an in-process stand-in otherwise. */
  simulated: { timeoutSeconds },
  sane: {
    device: Type.String({ minLength: 1, expected: 'a SANE device name such as "test" or "fujitsu:fi-7160:123"' }),
    sourceNames,
    timeoutSeconds,
  },
});
export type ScannerConfig = Static<typeof scannerConfig>;
