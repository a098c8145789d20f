import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useGroups } from '../api/queries';
import { Page } from '../components/Page';
import { EmptyState, LoadMore, ProblemAlert, Skeleton } from '../components/States';
import { shortName } from '../lib/names';
import type { MySchool } from '../session/useMe';
import { Deadlines } from './plans/Deadlines';

/** Every group of the school, for care and leadership roles (their start page), with what is
 * due first. */
export function GroupsPage({ school }: { school: MySchool }) {
  const { t } = useTranslation();
  const groups = useGroups(school.id, false);
  const [filter, setFilter] = useState('');
  const all = groups.data?.pages.flatMap((p) => p.items) ?? [];
  const needle = filter.trim().toLocaleLowerCase('nl');
  const shown = needle ? all.filter((g) => g.name.toLocaleLowerCase('nl').includes(needle)) : all;

  return (
    <Page title={t('groups.title')} lead={t('groups.intro', { school: school.name })}>
      <Deadlines schoolId={school.id} />
      {groups.isPending ? (
        <Skeleton lines={6} />
      ) : groups.isError ? (
        <ProblemAlert error={groups.error} onRetry={() => void groups.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState>{t('groups.empty')}</EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <label className="field inline">
              <span>{t('groups.filter')}</span>
              <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </label>
          </div>
          {shown.length === 0 ? (
            <EmptyState>{t('groups.noMatch', { query: filter })}</EmptyState>
          ) : (
            <table className="table">
              <caption className="visually-hidden">
                {t('groups.caption', { school: school.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('groups.columns.name')}</th>
                  <th scope="col">{t('groups.columns.kind')}</th>
                  <th scope="col">{t('groups.columns.mentor')}</th>
                  <th scope="col" className="numeric">
                    {t('groups.columns.students')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((group) => (
                  <tr key={group.id}>
                    <th scope="row">
                      <Link to={`/groepen/${group.id}`}>{group.name}</Link>
                    </th>
                    <td>
                      {group.subject
                        ? t('group.subject', { subject: group.subject })
                        : t(`groups.kind.${group.kind}`)}
                    </td>
                    <td>{group.mentors.map(shortName).join(', ') || t('groups.noMentor')}</td>
                    <td className="numeric">{group.student_count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <LoadMore query={groups} label={t('groups.loadMore')} />
        </>
      )}
    </Page>
  );
}
