import './evaluation.css';
import type { ScreenComponents } from '@/shared/store';
import { FindScreen, type FindParams } from './FindScreen';
import { RateScreen, type RateParams } from './RateScreen';
import { ReasonsScreen, type ReasonsParams } from './ReasonsScreen';
import { ThanksScreen, type ThanksParams } from './ThanksScreen';

/** The 好差评 flow's screens and what each is given (merged into ScreenParams by app/screens.ts). */
export interface EvaluationScreenParams {
  'evaluation.find': FindParams | undefined;
  'evaluation.rate': RateParams;
  'evaluation.reasons': ReasonsParams;
  'evaluation.thanks': ThanksParams;
}

/** Screens of the 好差评 flow, by name. Entry: `evaluation.find` (the home tile «好差评»). */
export const evaluationScreens: ScreenComponents<EvaluationScreenParams> = {
  'evaluation.find': FindScreen,
  'evaluation.rate': RateScreen,
  'evaluation.reasons': ReasonsScreen,
  'evaluation.thanks': ThanksScreen,
};

/** The rating panel the phone page embeds (composed in app/pages.ts, since features do not import features). */
export { RatingPanel } from './RatingPanel';
