import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isProblem } from '../api/problem';
import { useLogout } from '../session/useLogout';
import { useCurrentSchool, useMe } from '../session/useMe';
import { AppShell } from './AppShell';
import { Page } from './Page';
import { ProblemAlert, Skeleton } from './States';

/** Pages behind login: a visitor without a session goes to the login page and comes back here. */
export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const logout = useLogout();

  if (me.isPending) {
    return (
      <main className="content narrow">
        <Skeleton lines={3} />
      </main>
    );
  }
  if (me.isError) {
    if (isProblem(me.error, 401)) {
      const back = `${location.pathname}${location.search}`;
      const query = back === '/' ? '' : `?terug=${encodeURIComponent(back)}`;
      return <Navigate to={`/inloggen${query}`} replace />;
    }
    return (
      <main className="content narrow">
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (me.data.schools.length === 0) {
    return (
      <main className="content narrow">
        <Page title={t('noAccess.title')}>
          <p>{t('noAccess.body', { name: me.data.display_name })}</p>
          <button type="button" className="button secondary" onClick={() => void logout()}>
            {t('shell.logout')}
          </button>
        </Page>
      </main>
    );
  }
  return <Shell />;
}

function Shell() {
  const school = useCurrentSchool();
  return (
    <AppShell school={school}>
      <Outlet />
    </AppShell>
  );
}
