export { IdCardPrompt } from './IdCardPrompt';
export { CardOnReader } from './CardOnReader';
export { useIdCard, type IdCardState } from './use-id-card';
export { CARD_TYPE_TEXT, endIdentitySessions, type CardSession, type MaskedCard } from './api';
