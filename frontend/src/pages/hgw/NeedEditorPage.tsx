import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useNeeds, useOverview } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { useStudent } from '../../api/queries';
import { Page } from '../../components/Page';
import { ProblemAlert, Skeleton } from '../../components/States';
import { fullName } from '../../lib/names';
import { NotFoundPage } from '../NotFoundPage';
import { NeedForm } from './NeedForm';

/** Onderwijsbehoefte benoemen (…/nieuw?overzicht=<id>) or bewerken (…/<needId>). */
export function NeedEditorPage() {
  const { t } = useTranslation();
  const { studentId = '', needId } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const justSaved = (location.state as { saved?: boolean } | null)?.saved === true;
  const overviewId = params.get('overzicht') ?? '';
  const student = useStudent(studentId);
  const overview = useOverview(overviewId);
  const needs = useNeeds(studentId);

  const loading =
    student.isPending || (overviewId !== '' && overview.isPending) || (needId && needs.isPending);
  if (loading) return <Skeleton lines={8} />;
  const failed = [student, overviewId ? overview : null, needId ? needs : null].find(
    (q) => q?.isError,
  );
  if (failed?.isError) {
    if (isProblem(failed.error, 404) || isProblem(failed.error, 422))
      return <NotFoundPage what="student" />;
    return <ProblemAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  if (!student.data) return <NotFoundPage what="student" />;
  const need = needId ? needs.data?.find((n) => n.id === needId) : undefined;
  if (needId && !need) return <NotFoundPage />;
  const name = fullName(student.data);
  const period = overview.data;

  return (
    <Page
      title={need ? t('need.editTitle', { name }) : t('need.newTitle', { name })}
      lead={
        period ? t('need.lead', { group: period.group_name, period: period.period_name }) : null
      }
    >
      <p className="meta">
        {period ? (
          <Link to={`/groepsoverzichten/${period.id}`}>
            {t('need.backToOverview', { group: period.group_name })}
          </Link>
        ) : (
          <Link to={`/leerlingen/${studentId}`}>{t('need.backToStudent', { name })}</Link>
        )}
      </p>
      {justSaved ? (
        <p className="alert alert-success" role="status">
          {t('need.saved')}
        </p>
      ) : null}
      <NeedForm key={need?.id ?? 'new'} studentId={studentId} need={need} overview={period} />
    </Page>
  );
}
