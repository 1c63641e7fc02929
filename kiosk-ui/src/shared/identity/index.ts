export { IdCardPrompt } from './IdCardPrompt';
export { CardOnReader } from './CardOnReader';
export { useIdCard, type IdCardState } from './use-id-card';
export { CARD_TYPE_TEXT, LIFT_AND_REPLACE, endIdentitySessions, type CardSession, type MaskedCard } from './api';
