import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  type Application,
  type Enrolment,
  type StudentGifted,
  useGiftedVocabulary,
  useStudentGifted,
} from '../../api/gifted';
import { isProblem } from '../../api/problem';
import { useStudent } from '../../api/queries';
import { Page } from '../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { fullName } from '../../lib/names';
import { mayOpenGiftedCase, mayRecordMeasurements, mayWriteGifted } from '../../lib/roles';
import { useSession } from '../../session/useMe';
import { Day, Overdue } from '../care/bits';
import { NotFoundPage } from '../NotFoundPage';
import { FollowUpSummary } from './bits';
import { GiftedCaseButton } from './GiftedCaseDialog';
import { GuidanceList } from './GuidanceList';
import {
  newestObservations,
  Observations,
  SelfAssessments,
  SkillComparisonTable,
} from './Instruments';
import { Intakes } from './Intakes';
import { Measurements } from './Measurements';
import type { ObservedState } from './ObservationPage';
import { ProfileSection } from './ProfileSection';

function observedState(state: unknown): ObservedState | null {
  if (typeof state !== 'object' || state === null || !('observation' in state)) return null;
  return state as ObservedState;
}

function selfAssessed(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'selfAssessed' in state;
}

/** Begaafdheid of one student: the profile, the latest observations, the teacher's view next
 * to the student's own, needs intakes, applications and enrolments, guidance periods and
 * measurements; "Complexe casus naar het zorgteam". The API decides what you see. */
export function StudentGiftedPage() {
  const { t } = useTranslation('gifted');
  const { studentId = '' } = useParams();
  const location = useLocation();
  const me = useSession();
  const student = useStudent(studentId);
  const gifted = useStudentGifted(studentId);
  const vocabulary = useGiftedVocabulary();
  const justObserved = observedState(location.state);

  if (student.isPending) return <Skeleton lines={10} />;
  if (student.isError) {
    if (isProblem(student.error, 404) || isProblem(student.error, 422))
      return <NotFoundPage what="student" />;
    return <ProblemAlert error={student.error} onRetry={() => void student.refetch()} />;
  }
  const s = student.data;
  if (!s) return <NotFoundPage what="student" />;
  if (gifted.isError && isProblem(gifted.error, 404)) return <NotFoundPage what="student" />;
  const name = fullName(s);
  const roles = me.schools.find((x) => x.id === s.schoolId)?.roles ?? [];
  const mayWrite = mayWriteGifted(roles);

  return (
    <Page
      title={t('student.title', { name })}
      lead={<Link to={`/leerlingen/${studentId}`}>{t('common.toStudent', { name })}</Link>}
      actions={
        mayWrite ? (
          <>
            <Link className="button primary" to={`/leerlingen/${studentId}/observatie`}>
              {t('student.actions.observe')}
            </Link>
            <Link className="button secondary" to={`/leerlingen/${studentId}/zelfbeoordeling`}>
              {t('student.actions.selfAssessment')}
            </Link>
          </>
        ) : null
      }
    >
      {justObserved ? (
        <div className="alert alert-success" role="status">
          <p className="alert-title">{t('followUp.saved')}</p>
          <FollowUpSummary observation={justObserved.observation} />
        </div>
      ) : null}
      {selfAssessed(location.state) ? (
        <p className="alert alert-success" role="status">
          {t('selfAssessment.saved')}
        </p>
      ) : null}
      {gifted.isPending || vocabulary.isPending ? (
        <Skeleton lines={8} />
      ) : gifted.isError ? (
        <ProblemAlert error={gifted.error} onRetry={() => void gifted.refetch()} />
      ) : vocabulary.isError ? (
        <ProblemAlert error={vocabulary.error} onRetry={() => void vocabulary.refetch()} />
      ) : (
        <div className="stack">
          <ProfileSection studentId={studentId} profile={gifted.data.profile} mayEdit={mayWrite} />
          {mayOpenGiftedCase(roles) || gifted.data.case_ids.length > 0 ? (
            <CareCases
              data={gifted.data}
              studentId={studentId}
              schoolId={s.schoolId}
              mayOpen={mayOpenGiftedCase(roles)}
            />
          ) : null}
          <Observations
            observations={gifted.data.observations}
            vocabulary={vocabulary.data}
            name={s.preferredName || s.givenName}
          />
          <SkillComparisonTable comparison={gifted.data.comparison} vocabulary={vocabulary.data} />
          <SelfAssessments
            assessments={gifted.data.self_assessments}
            vocabulary={vocabulary.data}
          />
          <Intakes
            studentId={studentId}
            intakes={gifted.data.needs_intakes}
            vocabulary={vocabulary.data}
            mayWrite={mayWrite}
          />
          <Applications
            applications={gifted.data.applications}
            enrolments={gifted.data.enrolments}
          />
          <GuidanceList
            studentId={studentId}
            schoolId={s.schoolId}
            periods={gifted.data.guidance_periods}
            vocabulary={vocabulary.data}
            mayWrite={mayWrite}
          />
          <Measurements
            studentId={studentId}
            measurements={gifted.data.measurements}
            constructs={vocabulary.data.constructs}
            mayWrite={mayRecordMeasurements(roles)}
          />
        </div>
      )}
    </Page>
  );
}

/** The complex gifted cases in the care routing, and the button that starts one. */
function CareCases({
  data,
  studentId,
  schoolId,
  mayOpen,
}: {
  data: StudentGifted;
  studentId: string;
  schoolId: string;
  mayOpen: boolean;
}) {
  const { t } = useTranslation('gifted');
  const { t: tc } = useTranslation('care');
  const id = useId();
  const latest = newestObservations(data.observations)[0];
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{tc('studentCases.title')}</h2>
      {data.case_ids.length > 0 ? (
        <ul className="plain-list">
          {data.case_ids.map((caseId, i) => (
            <li key={caseId}>
              <Link to={`/casussen/${caseId}`}>
                {t('giftedCase.title')}
                {data.case_ids.length > 1 ? ` ${i + 1}` : ''}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {mayOpen ? (
        <GiftedCaseButton
          studentId={studentId}
          schoolId={schoolId}
          observationId={latest?.id ?? null}
        />
      ) : null}
    </section>
  );
}

/** Applications (links to the application) and enrolments (links to the enrolment). */
function Applications({
  applications,
  enrolments,
}: {
  applications: readonly Application[];
  enrolments: readonly Enrolment[];
}) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('applications.title')}</h2>
      {applications.length + enrolments.length === 0 ? (
        <EmptyState>{t('applications.none')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {enrolments.map((e) => {
            const achieved = e.goals.filter((g) => g.status === 'achieved').length;
            return (
              <li key={e.id}>
                <p className="record-title">
                  {t('applications.enrolment')}:{' '}
                  <Link to={`/deelnames/${e.id}`}>{e.offering.name}</Link>{' '}
                  <span className={e.status === 'ended' ? 'status status-closed' : 'status'}>
                    {t(`applications.enrolmentStatus.${e.status}`)}
                  </span>
                </p>
                <p className="meta">
                  {t('applications.goals', { achieved, total: e.goals.length })}
                  {e.next_review_on && e.status === 'active' ? (
                    <>
                      {' · '}
                      {t('applications.nextReview', {
                        date: formatShortDate(e.next_review_on, i18n.language),
                      })}
                      {e.review_overdue ? (
                        <>
                          {' '}
                          <Overdue />
                        </>
                      ) : null}
                    </>
                  ) : null}
                </p>
              </li>
            );
          })}
          {applications.map((a) => (
            <li key={a.id}>
              <p className="record-title">
                {t('applications.application')}:{' '}
                <Link to={`/aanmeldingen/${a.id}`}>
                  {a.offering_name ??
                    (a.kind === 'individual'
                      ? t('applications.individual')
                      : t('applications.noOffering'))}
                </Link>{' '}
                <span className={a.status === 'draft' ? 'status status-draft' : 'status'}>
                  {t(`applications.status.${a.status}`)}
                </span>
              </p>
              {a.submitted_at ? (
                <p className="meta">
                  <Day iso={a.submitted_at} />
                  {a.submitted_by_name ? ` · ${a.submitted_by_name}` : ''}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
