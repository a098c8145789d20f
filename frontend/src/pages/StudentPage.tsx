import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isProblem } from '../api/problem';
import { useStudent } from '../api/queries';
import { Page } from '../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../components/States';
import type { StudentPageQuery } from '../gql/graphql';
import { ageOn, formatDate } from '../lib/dates';
import { fullName } from '../lib/names';
import { mayEditRoster, maySeeGiftedOverview, mayWriteGifted, mayWriteOpp } from '../lib/roles';
import { useSession } from '../session/useMe';
import { StudentCases } from './care/StudentCases';
import { StudentGiftedLink } from './gifted/StudentGiftedLink';
import { NotFoundPage } from './NotFoundPage';
import { Perspective } from './plans/Perspective';
import { StudentEditForm } from './StudentEditForm';
import { StudentTimeline } from './StudentTimeline';

export type StudentDetails = NonNullable<StudentPageQuery['student']>;

/** Leerlingpagina: personal details, guardians, enrolments, the OPP and the timeline. */
export function StudentPage() {
  const { t, i18n } = useTranslation();
  const { studentId = '' } = useParams();
  const me = useSession();
  const student = useStudent(studentId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (student.isPending) return <Skeleton lines={8} />;
  if (student.isError) {
    if (isProblem(student.error, 404) || isProblem(student.error, 422))
      return <NotFoundPage what="student" />;
    return <ProblemAlert error={student.error} onRetry={() => void student.refetch()} />;
  }
  const s = student.data;
  if (!s) return <NotFoundPage what="student" />;

  const school = me.schools.find((x) => x.id === s.schoolId);
  const canEdit = mayEditRoster(school?.roles ?? []);
  const age = ageOn(s.dateOfBirth);
  const current = s.enrolments.filter((e) => !e.endDate || e.endDate >= today());

  return (
    <Page
      title={fullName(s)}
      lead={[t('student.age', { count: age }), ...current.map((e) => e.groupName)].join(' · ')}
      actions={
        canEdit && !editing ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('student.edit')}
          </button>
        ) : null
      }
    >
      {saved ? (
        <p className="alert alert-success" role="status">
          {t('student.saved')}
        </p>
      ) : null}
      {editing ? (
        <StudentEditForm
          student={s}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : null}
      <div className="sections">
        <section className="panel" aria-labelledby="personal">
          <h2 id="personal">{t('student.personal')}</h2>
          <dl className="details">
            <dt>{t('student.fields.givenName')}</dt>
            <dd>{s.givenName}</dd>
            <dt>{t('student.fields.preferredName')}</dt>
            <dd>{s.preferredName || <span className="muted">{t('student.notRecorded')}</span>}</dd>
            <dt>{t('student.fields.familyName')}</dt>
            <dd>{[s.infix, s.familyName].filter(Boolean).join(' ')}</dd>
            <dt>{t('student.fields.dateOfBirth')}</dt>
            <dd>
              {formatDate(s.dateOfBirth, i18n.language)} ({t('student.age', { count: age })})
            </dd>
            <dt>{t('student.fields.school')}</dt>
            <dd>{school?.name}</dd>
          </dl>
        </section>

        <section className="panel" aria-labelledby="guardians">
          <h2 id="guardians">{t('student.guardians')}</h2>
          {s.guardians.length === 0 ? (
            <EmptyState>{t('student.noGuardians')}</EmptyState>
          ) : (
            <ul className="plain-list guardians">
              {s.guardians.map((g) => (
                <li key={g.id}>
                  <p className="guardian-name">
                    {fullName(g)}{' '}
                    <span className="meta">
                      {t(`student.relation.${g.relation}` as 'student.relation.other')} ·{' '}
                      {g.parentalAuthority
                        ? t('student.parentalAuthority')
                        : t('student.noParentalAuthority')}
                    </span>
                  </p>
                  {g.email ? (
                    <p>
                      <a href={`mailto:${g.email}`}>{g.email}</a>
                    </p>
                  ) : null}
                  {g.phone ? (
                    <p>
                      <a href={`tel:${g.phone.replace(/[^\d+]/g, '')}`}>{g.phone}</a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="panel" aria-labelledby="enrolments">
          <h2 id="enrolments">{t('student.enrolments')}</h2>
          {s.enrolments.length === 0 ? (
            <EmptyState>{t('student.noEnrolments')}</EmptyState>
          ) : (
            <ul className="plain-list">
              {s.enrolments.map((e) => (
                <li key={e.groupId}>
                  <Link to={`/groepen/${e.groupId}`}>{e.groupName}</Link>{' '}
                  <span className="meta">
                    {t(`groups.kind.${e.kind}` as 'groups.kind.homeroom')} · {e.schoolYear}
                    {e.startDate ? ` · ${period(t, e.startDate, e.endDate, i18n.language)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <Perspective
          studentId={s.id}
          name={s.preferredName || s.givenName}
          mayWrite={mayWriteOpp(school?.roles ?? [])}
        />
        <StudentCases studentId={s.id} name={s.preferredName || s.givenName} />
        {mayWriteGifted(school?.roles ?? []) || maySeeGiftedOverview(school?.roles ?? []) ? (
          <StudentGiftedLink studentId={s.id} name={s.preferredName || s.givenName} />
        ) : null}
        <StudentTimeline studentId={s.id} name={s.preferredName || s.givenName} />
      </div>
    </Page>
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function period(
  t: TFunction,
  from: string,
  to: string | null | undefined,
  language: string,
): string {
  return to
    ? t('student.enrolmentPeriod', {
        from: formatDate(from, language),
        to: formatDate(to, language),
      })
    : t('student.enrolmentFrom', { from: formatDate(from, language) });
}
