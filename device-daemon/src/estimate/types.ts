import type { Static } from 'typebox';
import type { whatIfBody, whatIfReply, windowPlan } from './schemas';

/** A window as the manager plans it in the what-if: its number and the categories it serves. */
export type WindowPlan = Static<typeof windowPlan>;
export type WhatIfRequest = Static<typeof whatIfBody>;
export type WhatIfReply = Static<typeof whatIfReply>;
