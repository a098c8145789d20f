import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { useGroups } from '../api/queries';
import { Page } from '../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../components/States';
import { shortName } from '../lib/names';
import type { MySchool } from '../session/useMe';
import { Deadlines } from './plans/Deadlines';
import { MyPlans } from './plans/MyPlans';

/** Mijn groepen: the start page of mentors and teachers, with what is due first. */
export function MyGroupsPage({ school }: { school: MySchool }) {
  const { t } = useTranslation();
  const groups = useGroups(school.id, true);
  const items = groups.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('myGroups.title')} lead={t('myGroups.intro')}>
      <Deadlines schoolId={school.id} />
      {groups.isPending ? (
        <Skeleton lines={3} />
      ) : groups.isError ? (
        <ProblemAlert error={groups.error} onRetry={() => void groups.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          action={
            <Link to={`/scholen/${school.id}/leerlingen`} className="button secondary">
              {t('myGroups.findStudent')}
            </Link>
          }
        >
          {t('myGroups.empty')}
        </EmptyState>
      ) : (
        <ul className="card-grid">
          {items.map((group) => (
            <li key={group.id}>
              <GroupCard group={group} />
            </li>
          ))}
        </ul>
      )}
      <MyPlans schoolId={school.id} />
    </Page>
  );
}

function GroupCard({ group }: { group: Schemas['GroupRead'] }) {
  const { t } = useTranslation();
  const mentors = group.mentors.map(shortName).join(', ');
  return (
    <Link to={`/groepen/${group.id}`} className="card group-card">
      <span className="card-title">{group.name}</span>
      <span className="card-meta">
        {group.subject
          ? t('group.subject', { subject: group.subject })
          : t(`groups.kind.${group.kind}`)}
        {group.track ? ` · ${group.track}` : ''}
      </span>
      <span className="card-meta">{t('groups.studentCount', { count: group.student_count })}</span>
      <span className="card-meta">
        {mentors ? t('group.mentor', { names: mentors }) : t('groups.noMentor')}
      </span>
    </Link>
  );
}
