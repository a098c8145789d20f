import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_CHANNEL } from '../session/store';

/** The login popup lands here: tell the app window, then close. */
export function SessionRestoredPage() {
  const { t } = useTranslation();
  useEffect(() => {
    const channel = new BroadcastChannel(SESSION_CHANNEL);
    channel.postMessage('restored');
    channel.close();
    const timer = setTimeout(() => window.close(), 800);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main className="login">
      <div className="login-card">
        <h1>{t('session.restored')}</h1>
      </div>
    </main>
  );
}
