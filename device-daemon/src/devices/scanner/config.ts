import { obj, str, tagged, type Infer } from '../../config/schema-dsl';

export const scannerConfig = tagged('driver', {
  simulated: obj({}),
  sane: obj({ device: str({ min: 1, hint: 'a SANE device name such as "test" or "fujitsu:fi-7160:123"' }) }),
});
export type ScannerConfig = Infer<typeof scannerConfig>;
