import type { Static } from 'typebox';
import type { matterEntry } from './config';

/** One 事项 of the hall's catalogue, as `app.matters.entries()` gives it (the configuration's shape, config.ts). */
export type MatterEntry = Static<typeof matterEntry>;
/** A material the 事项 asks for (一次性告知, 材料扫描). */
export type MatterMaterial = NonNullable<MatterEntry['materials']>[number];
