export { InnerPage, type InnerPageProps } from './InnerPage';
export { Countdown } from './Countdown';
export { useCountdown } from './use-countdown';
export { useClock } from './use-clock';
export { Notice } from './Notice';
export { NumberPad } from './NumberPad';
export { speak, stopSpeaking } from './voice';
export { HelpButton } from './HelpButton';
