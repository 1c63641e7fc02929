import { obj, opt, str, type Infer } from '../config/schema-dsl';

export const maintenanceConfig = obj({
  /** scrypt hash of the technician PIN, as printed by `npm run doctor -- --hash-pin`. */
  pinHash: opt(str({ pattern: /^scrypt\$/, hint: 'a hash beginning with "scrypt$"' })),
});
export type MaintenanceConfig = Infer<typeof maintenanceConfig>;
