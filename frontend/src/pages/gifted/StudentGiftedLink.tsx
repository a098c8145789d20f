import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Begaafdheid" on the student page: where the gifted records of the student are. */
export function StudentGiftedLink({ studentId, name }: { studentId: string; name: string }) {
  const { t } = useTranslation('gifted');
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('studentLink.title')}</h2>
      <p>{t('studentLink.body')}</p>
      <Link to={`/leerlingen/${studentId}/begaafdheid`}>{t('studentLink.link', { name })}</Link>
    </section>
  );
}
