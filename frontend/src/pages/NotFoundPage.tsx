import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page';

export function NotFoundPage({
  what = 'page',
}: {
  what?: 'page' | 'student' | 'group' | 'school' | 'case' | 'meeting';
}) {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t(`notFound.${what}`)}</p>
      <Link to="/" className="button secondary">
        {t('notFound.home')}
      </Link>
    </Page>
  );
}
