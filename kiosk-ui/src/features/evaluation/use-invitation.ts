import { useEffect, useState } from 'react';
import { cancelInvitation, inviteKeypad, type Invitation } from './api';

/**
 * While the rating screen is open, the keypad (if fitted) is invited for the same ticket: whichever answers
 * first counts. Leaving the screen cancels the invitation so a later press does not rate this ticket.
 */
export function useKeypadInvitation(ticketId: string): Invitation | undefined {
  const [invitation, setInvitation] = useState<Invitation>();
  useEffect(() => {
    let live = true;
    let id: string | undefined;
    inviteKeypad(ticketId).then(
      ({ invitation: inv }) => {
        id = inv.id;
        if (live) setInvitation(inv);
        else if (inv.keypad === 'invited') void cancelInvitation(inv.id).catch(() => undefined);
      },
      () => undefined, // touch rating works without an invitation
    );
    return () => {
      live = false;
      if (id) void cancelInvitation(id).catch(() => undefined); // 404 once answered or expired: fine
    };
  }, [ticketId]);
  return invitation;
}
