import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { call, rest } from '../../api/client';
import { hgwKeys, type Overview, useOverview } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { formatShortDate } from '../../lib/dates';
import { todayIso } from '../../lib/hgw';
import { fullName } from '../../lib/names';
import { NotFoundPage } from '../NotFoundPage';
import { OverviewGrid } from './OverviewGrid';

/** Groepsoverzicht: the spreadsheet of a group's cycle, with signals, needs, plan and meeting. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { overviewId = '' } = useParams();
  const overview = useOverview(overviewId);
  const [name, setName] = useState('');
  const [onlySignalled, setOnlySignalled] = useState(false);
  const [dirtyRows, setDirtyRows] = useState<ReadonlySet<string>>(new Set());
  const onDirtyChange = useCallback((studentId: string, dirty: boolean) => {
    setDirtyRows((rows) => {
      if (rows.has(studentId) === dirty) return rows;
      const next = new Set(rows);
      if (dirty) next.add(studentId);
      else next.delete(studentId);
      return next;
    });
  }, []);

  if (overview.isPending) return <Skeleton lines={8} />;
  if (overview.isError) {
    if (isProblem(overview.error, 404) || isProblem(overview.error, 422)) return <NotFoundPage />;
    return <ProblemAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const o = overview.data;
  const needle = name.trim().toLocaleLowerCase('nl');
  const rows = o.rows.filter(
    (r) =>
      (!onlySignalled || r.signals.length > 0) &&
      (!needle || fullName(r).toLocaleLowerCase('nl').includes(needle)),
  );

  return (
    <Page
      title={t('overview.title', { group: o.group_name, period: o.period_name })}
      lead={t('overview.lead', {
        cycle: o.cycle,
        from: formatShortDate(o.starts_on, i18n.language),
        to: formatShortDate(o.ends_on, i18n.language),
        status: t(`hgw.overviewStatus.${o.status}`),
        owner: o.owner_name,
      })}
      actions={<OverviewActions overview={o} />}
    >
      <UnsavedChangesGuard dirty={dirtyRows.size > 0} />
      <p className="meta">
        <Link to={`/groepen/${o.group_id}`}>
          {t('overview.backToGroup', { group: o.group_name })}
        </Link>
      </p>
      {o.editable ? (
        <p className="hint" id="grid-keys">
          {t('overview.keyboardHint')}
        </p>
      ) : (
        <p className="alert alert-info">{t('overview.readOnly')}</p>
      )}
      <div className="toolbar grid-filters">
        <label className="field inline">
          <span>{t('overview.filterName')}</span>
          <input type="search" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={onlySignalled}
            onChange={(e) => setOnlySignalled(e.target.checked)}
          />
          {t('overview.onlySignalled')}
        </label>
      </div>
      {o.rows.length === 0 ? (
        <EmptyState>{t('overview.empty')}</EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState>{t('overview.noMatch')}</EmptyState>
      ) : (
        <OverviewGrid overview={o} rows={rows} onDirtyChange={onDirtyChange} />
      )}
    </Page>
  );
}

/** Publish, and open (or start) the group plan and the group meeting of this overview. */
function OverviewActions({ overview: o }: { overview: Overview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const leads = o.may_lead;
  const [scheduling, setScheduling] = useState(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: hgwKeys.overview(o.id) });
    void queryClient.invalidateQueries({ queryKey: hgwKeys.overviews(o.group_id) });
  };
  const publish = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/overviews/{overview_id}/publish', {
          params: { path: { overview_id: o.id } },
        }),
      ),
    onSuccess: refresh,
  });
  const createPlan = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/overviews/{overview_id}/plan', {
          params: { path: { overview_id: o.id } },
          body: { plan_type: 'cross_subject', starts_on: o.starts_on, ends_on: o.ends_on },
        }),
      ),
    onSuccess: (plan) => {
      queryClient.setQueryData(hgwKeys.plan(plan.id), plan);
      refresh();
      navigate(`/groepsplannen/${plan.id}`);
    },
  });
  const failed = [publish, createPlan].find((m) => m.isError);

  return (
    <div className="action-bar">
      {failed ? <ProblemAlert error={failed.error} /> : null}
      {publish.isSuccess ? (
        <p className="alert alert-success" role="status">
          {t('overview.published')}
        </p>
      ) : null}
      {leads && o.status === 'draft' ? (
        <button
          type="button"
          className="button secondary"
          disabled={publish.isPending}
          onClick={() => publish.mutate()}
        >
          {t('overview.publish')}
        </button>
      ) : null}
      {o.plan_id ? (
        <Link className="button secondary" to={`/groepsplannen/${o.plan_id}`}>
          {t('overview.openPlan')}
        </Link>
      ) : leads ? (
        <button
          type="button"
          className="button secondary"
          disabled={createPlan.isPending}
          onClick={() => createPlan.mutate()}
        >
          {createPlan.isPending ? t('app.working') : t('overview.createPlan')}
        </button>
      ) : null}
      {o.meeting_id ? (
        <Link className="button secondary" to={`/groepsbesprekingen/${o.meeting_id}`}>
          {t('overview.openMeeting')}
        </Link>
      ) : leads ? (
        <button type="button" className="button secondary" onClick={() => setScheduling(true)}>
          {t('overview.createMeeting')}
        </button>
      ) : null}
      <FormDialog
        open={scheduling}
        title={t('overview.createMeeting')}
        onClose={() => setScheduling(false)}
      >
        <ScheduleMeeting overview={o} onCancel={() => setScheduling(false)} />
      </FormDialog>
    </div>
  );
}

function ScheduleMeeting({ overview: o, onCancel }: { overview: Overview; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(todayIso());
  const schedule = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/overviews/{overview_id}/meeting', {
          params: { path: { overview_id: o.id } },
          body: { scheduled_on: date },
        }),
      ),
    onSuccess: (meeting) => {
      queryClient.setQueryData(hgwKeys.meeting(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: hgwKeys.overview(o.id) });
      navigate(`/groepsbesprekingen/${meeting.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate();
  };
  return (
    <form className="form" onSubmit={submit}>
      {schedule.isError ? <ProblemAlert error={schedule.error} /> : null}
      <label className="field">
        <span>{t('overview.meetingDate')}</span>
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={schedule.isPending}>
          {t('overview.schedule')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('overview.cancel')}
        </button>
      </div>
    </form>
  );
}
