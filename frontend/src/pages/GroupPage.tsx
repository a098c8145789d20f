import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isProblem } from '../api/problem';
import { useGroup, useStudents } from '../api/queries';
import { Page } from '../components/Page';
import { EmptyState, LoadMore, ProblemAlert, Skeleton } from '../components/States';
import { formatShortDate } from '../lib/dates';
import { fullName, listName } from '../lib/names';
import { GroupOverviews } from './hgw/GroupOverviews';
import { NotFoundPage } from './NotFoundPage';

/** A group with its mentor, its teachers and the students I may see. */
export function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const group = useGroup(groupId);

  if (group.isPending) return <Skeleton lines={6} />;
  if (group.isError) {
    if (isProblem(group.error, 404) || isProblem(group.error, 422))
      return <NotFoundPage what="group" />;
    return <ProblemAlert error={group.error} onRetry={() => void group.refetch()} />;
  }
  const { data } = group;
  const mentors = data.assignments.filter((a) => a.role === 'mentor');
  const teachers = data.assignments.filter((a) => a.role === 'teacher');
  const lead = mentors.length
    ? t('group.mentor', { names: mentors.map((a) => fullName(a.staff_member)).join(', ') })
    : t('group.noMentor');

  return (
    <Page title={data.name} lead={lead}>
      <p className="meta">
        {t('group.schoolYear', { year: data.school_year })}
        {' · '}
        {data.subject
          ? t('group.subject', { subject: data.subject })
          : t(`groups.kind.${data.kind}`)}
        {data.track ? ` · ${data.track}` : ''}
      </p>
      {teachers.length > 0 ? (
        <section aria-labelledby="teachers">
          <h2 id="teachers">{t('group.teachers')}</h2>
          <ul className="plain-list">
            {teachers.map((a) => (
              <li key={`${a.staff_member.id}-${a.subject ?? ''}`}>
                {fullName(a.staff_member)}
                {a.subject ? ` (${a.subject})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <GroupOverviews groupId={data.id} schoolId={data.school_id} />
      <GroupStudents schoolId={data.school_id} groupId={data.id} groupName={data.name} />
    </Page>
  );
}

function GroupStudents({
  schoolId,
  groupId,
  groupName,
}: {
  schoolId: string;
  groupId: string;
  groupName: string;
}) {
  const { t, i18n } = useTranslation();
  const students = useStudents(schoolId, { groupId });
  const items = students.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="students">
      <h2 id="students">{t('group.students')}</h2>
      {students.isPending ? (
        <Skeleton lines={5} />
      ) : students.isError ? (
        <ProblemAlert error={students.error} onRetry={() => void students.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('group.empty')}</EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">
            {t('group.studentsCaption', { group: groupName })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('group.columns.name')}</th>
              <th scope="col">{t('group.columns.dateOfBirth')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/leerlingen/${s.id}`} title={listName(s)}>
                    {fullName(s)}
                  </Link>
                </th>
                <td>{formatShortDate(s.date_of_birth, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore query={students} label={t('students.loadMore')} />
    </section>
  );
}
