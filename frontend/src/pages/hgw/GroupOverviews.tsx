import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call, rest } from '../../api/client';
import { hgwKeys, useCyclePeriods, useOverviews } from '../../api/hgw';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { mayLeadCycle } from '../../lib/roles';
import { useSession } from '../../session/useMe';

/** The "Groepsoverzichten" section of a group page: one overview per cycle period. */
export function GroupOverviews({ groupId, schoolId }: { groupId: string; schoolId: string }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const roles = me.schools.find((s) => s.id === schoolId)?.roles ?? [];
  const overviews = useOverviews(groupId);
  const items = overviews.data ?? [];

  return (
    <section aria-labelledby="overviews">
      <h2 id="overviews">{t('groupOverviews.title')}</h2>
      {overviews.isPending ? (
        <Skeleton lines={3} />
      ) : overviews.isError ? (
        <ProblemAlert error={overviews.error} onRetry={() => void overviews.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('groupOverviews.empty')}</EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('groupOverviews.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('groupOverviews.columns.period')}</th>
              <th scope="col">{t('groupOverviews.columns.cycle')}</th>
              <th scope="col">{t('groupOverviews.columns.status')}</th>
              <th scope="col">{t('groupOverviews.columns.plan')}</th>
              <th scope="col" className="numeric">
                {t('groupOverviews.columns.signals')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/groepsoverzichten/${o.id}`}>{o.period_name}</Link>{' '}
                  <span className="meta">
                    {formatShortDate(o.starts_on, i18n.language)} –{' '}
                    {formatShortDate(o.ends_on, i18n.language)}
                  </span>
                </th>
                <td>
                  {t('hgw.cycle', { cycle: o.cycle })}
                  {o.subject ? ` · ${o.subject}` : ''}
                </td>
                <td>{t(`hgw.overviewStatus.${o.status}`)}</td>
                <td>
                  {o.plan_id ? (
                    <Link to={`/groepsplannen/${o.plan_id}`}>
                      {o.plan_status
                        ? t('groupOverviews.planLink', {
                            status: t(`hgw.planStatus.${o.plan_status}` as 'hgw.planStatus.draft'),
                          })
                        : t('groupOverviews.plan')}
                    </Link>
                  ) : (
                    <span className="muted">{t('groupOverviews.noPlan')}</span>
                  )}
                </td>
                <td className="numeric">{o.signal_count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayLeadCycle(roles) && overviews.isSuccess ? (
        <StartCycle
          groupId={groupId}
          schoolId={schoolId}
          taken={items.filter((o) => o.cycle === 'A').map((o) => o.cycle_period_id)}
        />
      ) : null}
    </section>
  );
}

/** "Nieuwe cyclus starten": a cycle period without an overview yet; the API seeds the rows. */
function StartCycle({
  groupId,
  schoolId,
  taken,
}: {
  groupId: string;
  schoolId: string;
  taken: string[];
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const periods = useCyclePeriods(schoolId);
  const open = (periods.data ?? [])
    .filter((p) => !p.archived_at && !taken.includes(p.id))
    .sort((a, b) => a.starts_on.localeCompare(b.starts_on));
  const [chosen, setChosen] = useState('');
  const periodId = chosen || open[0]?.id || '';

  const start = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/groups/{group_id}/overviews', {
          params: { path: { group_id: groupId } },
          body: { cycle_period_id: periodId, cycle: 'A' },
        }),
      ),
    onSuccess: (overview) => {
      queryClient.setQueryData(hgwKeys.overview(overview.id), overview);
      void queryClient.invalidateQueries({ queryKey: hgwKeys.overviews(groupId) });
      navigate(`/groepsoverzichten/${overview.id}`);
    },
  });

  if (periods.isPending) return null;
  if (periods.isError) return <ProblemAlert error={periods.error} />;
  if (open.length === 0) return <p className="hint">{t('groupOverviews.noPeriods')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="visually-hidden">
        {t('groupOverviews.start')}
      </h3>
      {start.isError ? <ProblemAlert error={start.error} /> : null}
      <label className="field inline">
        <span>{t('groupOverviews.period')}</span>
        <select value={periodId} onChange={(e) => setChosen(e.target.value)}>
          {open.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.name} (${formatShortDate(p.starts_on, i18n.language)} – ${formatShortDate(p.ends_on, i18n.language)})`}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button primary" disabled={start.isPending}>
        {start.isPending ? t('app.working') : t('groupOverviews.start')}
      </button>
    </form>
  );
}
