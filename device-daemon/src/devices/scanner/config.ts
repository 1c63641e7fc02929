import { int, obj, opt, str, tagged, type Infer } from '../../config/schema-dsl';

/** Backends name their sources differently (`ADF Front`, `Automatic Document Feeder`): data, not code. */
const sourceNames = opt(
  obj({
    flatbed: opt(str({ min: 1 }), 'Flatbed'),
    adf: opt(str({ min: 1 }), 'Automatic Document Feeder'),
  }),
  {},
);
const timeoutSeconds = opt(int({ min: 5, max: 600 }), 120);

export const scannerConfig = tagged('driver', {
  /** The SANE test backend through scanimage when SANE is installed, an in-process stand-in otherwise. */
  simulated: obj({ timeoutSeconds }),
  sane: obj({
    device: str({ min: 1, hint: 'a SANE device name such as "test" or "fujitsu:fi-7160:123"' }),
    sourceNames,
    timeoutSeconds,
  }),
});
export type ScannerConfig = Infer<typeof scannerConfig>;
