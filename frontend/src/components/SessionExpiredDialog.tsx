import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTORED_PATH, SESSION_CHANNEL, sessionStore } from '../session/store';
import { ME_KEY } from '../session/useMe';

/**
 * When the session expires mid-work, the user logs in again in a new window, so this page and
 * whatever they typed stay as they are. The new window tells us when it is done.
 */
export function SessionExpiredDialog() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { expired } = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (expired && !node.open) node.showModal();
    if (!expired && node.open) node.close();
  }, [expired]);

  useEffect(() => {
    const channel = new BroadcastChannel(SESSION_CHANNEL);
    channel.onmessage = () => {
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      void queryClient.refetchQueries({ queryKey: ME_KEY });
    };
    return () => channel.close();
  }, [queryClient]);

  const loginUrl = `/auth/login?return_to=${encodeURIComponent(RESTORED_PATH)}`;
  const relogin = () => {
    const popup = window.open(loginUrl, 'zorgroute-login', 'popup,width=520,height=720');
    // A blocked popup: log in in this window (the unsaved-changes warning still applies).
    if (!popup)
      window.location.assign(`/auth/login?return_to=${encodeURIComponent(location.pathname)}`);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="alertdialog"
      aria-labelledby="session-expired-title"
      aria-describedby="session-expired-body"
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id="session-expired-title">{t('session.expiredTitle')}</h2>
      <p id="session-expired-body">{t('session.expiredBody')}</p>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={relogin}>
          {t('session.relogin')}
        </button>
        <button type="button" className="button secondary" onClick={sessionStore.dismiss}>
          {t('session.later')}
        </button>
      </div>
    </dialog>
  );
}
