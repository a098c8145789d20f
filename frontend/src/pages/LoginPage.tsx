import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { Page } from '../components/Page';
import { useMe } from '../session/useMe';

/** Where visitors start. Login itself happens at the school's identity provider via the API. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const back = safePath(params.get('terug'));
  if (me.isSuccess) return <Navigate to={back} replace />;

  const error = params.get('fout');
  const knownError = error === 'account-not-provisioned' || error === 'unauthenticated';
  return (
    <main className="login">
      <div className="login-card">
        <img src="/favicon.svg" alt="" width="48" height="48" />
        <Page title={t('login.title')}>
          <p>{t('login.intro')}</p>
          {params.has('uitgelogd') ? (
            <p className="alert alert-info" role="status">
              {t('login.loggedOut')}
            </p>
          ) : null}
          {error ? (
            <p className="alert alert-error" role="alert">
              {knownError ? t(`login.errors.${error}`) : t('login.errors.unauthenticated')}
            </p>
          ) : null}
          <a
            className="button primary large"
            href={`/auth/login?return_to=${encodeURIComponent(back)}`}
          >
            {t('login.action')}
          </a>
          <p className="hint">{t('login.hint')}</p>
        </Page>
      </div>
    </main>
  );
}

/** Only paths inside this app (the API checks again). */
function safePath(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}
