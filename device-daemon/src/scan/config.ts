import { int, obj, opt, type Infer } from '../config/schema-dsl';

export const scanConfig = obj({
  maxPages: opt(int({ min: 1, max: 500 }), 50),
  retentionDays: opt(int({ min: 1, max: 365 }), 7),
});
export type ScanConfig = Infer<typeof scanConfig>;
