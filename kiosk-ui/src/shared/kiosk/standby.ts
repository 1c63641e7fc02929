import { createContext, useContext } from 'react';

/**
 * True for a screen the shell has drawn in advance and keeps laid out but invisible (取号's first screen, while
 * home is on show; app/Shell.tsx): the tap that opens it then only has to paint it (issue 11 #14). While on
 * standby a screen must do nothing a person would notice or the daemon would count: no fetch, no countdown, no
 * voice. InnerPage holds its countdown and its voice; a screen's own `useQuery` passes a `null` key meanwhile.
 */
export const Standby = createContext(false);

export const useStandby = (): boolean => useContext(Standby);
