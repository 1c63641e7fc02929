import { useEffect } from 'react';
import { InnerPage } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { IdCardPrompt, useIdCard } from '@/shared/identity';

export interface IdentityParams {
  categoryId: string;
  categoryName: string;
  realName: 'required' | 'optional';
}

/**
 * 取号 real-name step: asks for the ID card, shows the masked name, then issues the ticket. A person at or
 * above the priority age chooses between the 绿色通道 ticket and a normal one; an optional category may go on
 * without a card.
 */
export function IdentityScreen({ params }: { params: IdentityParams }) {
  const replace = useKiosk((s) => s.replace);
  const state = useIdCard();
  const issue = (extra: { identitySessionId?: string; priority?: boolean }) =>
    replace('queue.issue', { categoryId: params.categoryId, categoryName: params.categoryName, ...extra });

  const read = state.kind === 'read' ? state.session : undefined;
  // A card without a claim to the green channel takes a normal number at once, once per read.
  const autoSessionId = read && !read.eligibleForPriority ? read.sessionId : undefined;
  const { categoryId, categoryName } = params;
  useEffect(() => {
    if (autoSessionId) replace('queue.issue', { categoryId, categoryName, identitySessionId: autoSessionId });
  }, [autoSessionId, categoryId, categoryName, replace]);

  return (
    <InnerPage title={`取号 · ${params.categoryName}`} voice={read ? undefined : '请将身份证放在感应区'}>
      <IdCardPrompt state={state}>
        {read?.eligibleForPriority ? (
          <div className="action-row">
            <button type="button" className="primary-button" onClick={() => issue({ identitySessionId: read.sessionId, priority: true })}>
              绿色通道取号（{read.card.age}岁）
            </button>
            <button type="button" className="secondary-button" onClick={() => issue({ identitySessionId: read.sessionId })}>
              普通取号
            </button>
          </div>
        ) : null}
      </IdCardPrompt>
      {params.realName === 'optional' && !read ? (
        <div className="action-row">
          <button type="button" className="secondary-button" onClick={() => issue({})}>
            不使用身份证，直接取号
          </button>
        </div>
      ) : null}
    </InnerPage>
  );
}
