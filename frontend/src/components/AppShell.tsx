import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { type Language, setLanguage } from '../i18n';
import { SECTION_PATHS, sectionsFor } from '../lib/roles';
import { useLogout } from '../session/useLogout';
import { type MySchool, rememberSchool, useSession } from '../session/useMe';
import { ProgressBar } from './ProgressBar';
import { SessionExpiredDialog } from './SessionExpiredDialog';

/** Header with school switcher, account and language; the main menu; the page. */
export function AppShell({ school, children }: { school?: MySchool; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const sections = sectionsFor(school?.roles ?? []);

  const switchSchool = (schoolId: string) => {
    rememberSchool(schoolId);
    const next = me.schools.find((s) => s.id === schoolId);
    const section = sectionsFor(next?.roles ?? [])[0] ?? 'students';
    navigate(`/scholen/${schoolId}/${SECTION_PATHS[section]}`);
  };

  return (
    <>
      <a className="skip-link" href="#inhoud">
        {t('app.skipToContent')}
      </a>
      <ProgressBar />
      <header className="app-header">
        <NavLink to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          {t('app.name')}
        </NavLink>
        {me.schools.length > 1 ? (
          <label className="school-switcher">
            <span>{t('shell.school')}</span>
            <select value={school?.id ?? ''} onChange={(e) => switchSchool(e.target.value)}>
              {me.schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="school-name">{school?.name}</span>
        )}
        <div className="account">
          <span className="account-name">
            {me.display_name}
            {school ? (
              <span className="account-roles">
                {school.roles.map((r) => t(`roles.${r}` as 'roles.teacher')).join(', ')}
              </span>
            ) : null}
          </span>
          <button
            type="button"
            className="button link"
            lang={t('shell.otherLanguageCode')}
            onClick={() => setLanguage(t('shell.otherLanguageCode') as Language)}
          >
            {t('shell.otherLanguage')}
          </button>
          <button type="button" className="button secondary" onClick={logout}>
            {t('shell.logout')}
          </button>
        </div>
      </header>
      {school && sections.length > 0 ? (
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul>
            {sections.map((section) => (
              <li key={section}>
                <NavLink to={`/scholen/${school.id}/${SECTION_PATHS[section]}`}>
                  {t(`nav.${section}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="inhoud" className="content">
        {children}
      </main>
      <SessionExpiredDialog />
    </>
  );
}
