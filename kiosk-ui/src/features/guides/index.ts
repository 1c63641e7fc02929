import type { ScreenComponents } from '@/shared/store';
import { SearchScreen } from './SearchScreen';
import { GuideScreen, type GuideParams } from './GuideScreen';

/** The 办事指南 flow's screens and what each is given (merged into ScreenParams by app/screens.ts). */
export interface GuideScreenParams {
  'guides.search': undefined;
  'guides.detail': GuideParams;
}

/** Screens of the 办事指南 (一次性告知) flow, by name. Entry: `guides.search` (the home tile «办事指南»). */
export const guideScreens: ScreenComponents<GuideScreenParams> = {
  'guides.search': SearchScreen,
  'guides.detail': GuideScreen,
};
