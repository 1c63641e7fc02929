import { Type, type Static } from 'typebox';
import { section } from '../config/kit';

/** 帮办代办: the reasons a window or 帮办 staff may give for a staff-issued 绿色通道 ticket. */
export const helpConfig = section({
  /** Whom the card rule (age) does not cover but the hall serves first; a grant names one of these. */
  priorityReasons: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
    minItems: 1,
    maxItems: 20,
    default: ['残疾人', '孕妇', '怀抱婴儿', '军人', '紧急情况'],
  }),
});
export type HelpConfig = Static<typeof helpConfig>;
