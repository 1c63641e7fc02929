import './evaluation.css';
import { FindScreen } from './FindScreen';
import { RateScreen } from './RateScreen';
import { ReasonsScreen } from './ReasonsScreen';
import { ThanksScreen } from './ThanksScreen';

/** Screens of the 好差评 flow, by name. Entry: `evaluation.find` (the home tile «好差评»). */
export const evaluationScreens = {
  'evaluation.find': FindScreen,
  'evaluation.rate': RateScreen,
  'evaluation.reasons': ReasonsScreen,
  'evaluation.thanks': ThanksScreen,
};

/** The rating panel the phone page embeds (composed in app/pages.ts, since features do not import features). */
export { RatingPanel } from './RatingPanel';
