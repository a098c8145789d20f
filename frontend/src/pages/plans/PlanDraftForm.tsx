import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ifMatch, rest, type Schemas } from '../../api/client';
import { hgwKeys, type Plan } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { useStudents } from '../../api/queries';
import { Field, Select } from '../../components/Fields';
import { ProblemAlert } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { errorsByPointer } from '../../lib/hgw';
import { fullName, type PersonName } from '../../lib/names';
import { newKey } from '../hgw/GoalsEditor';
import { type AttentionDraft, AttentionPoints } from './AttentionPoints';
import { newRow, type RowDraft, RowEditor, rowDrafts, rowsIn } from './RowEditor';

type PlanUpdate = Schemas['PlanUpdate'];
interface Draft {
  plan_type: PlanUpdate['plan_type'];
  starts_on: string;
  ends_on: string;
  week_schedule: string;
  attention_points: AttentionDraft[];
  rows: RowDraft[];
}

function draftOf(plan: Plan): Draft {
  return {
    plan_type: plan.plan_type,
    starts_on: plan.starts_on,
    ends_on: plan.ends_on,
    week_schedule: plan.week_schedule,
    attention_points: plan.attention_points.map((a) => ({ ...a, key: newKey() })),
    rows: rowDrafts(plan.rows),
  };
}

function bodyOf(draft: Draft): PlanUpdate {
  return {
    plan_type: draft.plan_type,
    starts_on: draft.starts_on,
    ends_on: draft.ends_on,
    week_schedule: draft.week_schedule.trim(),
    attention_points: draft.attention_points.map(({ key: _key, ...a }) => a),
    rows: rowsIn(draft.rows),
  };
}

/** The draft group plan as a whole: saved with If-Match, then activated for the teachers. */
export function PlanDraftForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [baseline, setBaseline] = useState(() => draftOf(plan));
  const [draft, setDraft] = useState(baseline);
  const body = bodyOf(draft);
  const dirty = JSON.stringify(body) !== JSON.stringify(bodyOf(baseline));
  const groupStudents = useStudents(plan.school_id, { groupId: plan.group_id });
  const names = new Map<string, string>();
  for (const s of [...plan.students, ...(groupStudents.data?.pages.flatMap((p) => p.items) ?? [])])
    names.set(s.id, fullName(s as PersonName));

  const refresh = (saved: Plan) => {
    queryClient.setQueryData(hgwKeys.plan(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: hgwKeys.overview(saved.overview_id) });
    void queryClient.invalidateQueries({ queryKey: hgwKeys.plans(saved.school_id) });
  };
  const save = useMutation({
    mutationFn: () =>
      call(
        rest.PUT('/api/v1/plans/{plan_id}', {
          params: { path: { plan_id: plan.id }, header: ifMatch(plan.version) },
          body,
        }),
      ),
    onSuccess: (saved) => {
      refresh(saved);
      const next = draftOf(saved);
      setBaseline(next);
      setDraft(next);
    },
    onError: (error) => {
      // Someone else saved first: load their version; what this user typed stays in the form.
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.plan(plan.id) });
    },
  });
  const activate = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/plans/{plan_id}/activate', {
          params: { path: { plan_id: plan.id }, header: ifMatch(plan.version) },
        }),
      ),
    onSuccess: refresh,
    onError: (error) => {
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.plan(plan.id) });
    },
  });
  const errors = errorsByPointer(save.error);
  const patch = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const setRow = (key: number, row: RowDraft) =>
    patch({ rows: draft.rows.map((r) => (r.key === key ? row : r)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const failed = [save, activate].find((m) => m.isError && !isProblem(m.error, 401));

  return (
    <form className="form plan-form" onSubmit={submit} noValidate>
      <UnsavedChangesGuard dirty={dirty} />
      {failed ? <ProblemAlert error={failed.error} /> : null}
      {errors[''] ? <p className="field-error">{errors['']}</p> : null}
      {save.isSuccess && !dirty ? (
        <p className="alert alert-success" role="status">
          {t('plan.saved')}
        </p>
      ) : null}

      <fieldset className="panel fieldset">
        <legend>{t('plan.period')}</legend>
        <div className="form-grid">
          <Select
            label={t('plan.type')}
            value={draft.plan_type}
            options={(['cross_subject', 'subject_convergent', 'subject_divergent'] as const).map(
              (type) => [type, t(`hgw.planType.${type}`)] as const,
            )}
            onChange={(plan_type) => patch({ plan_type })}
          />
          <Field label={t('plan.startsOn')} error={errors['/starts_on']} required>
            {(control) => (
              <input
                {...control}
                type="date"
                value={draft.starts_on}
                onChange={(e) => patch({ starts_on: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('plan.endsOn')} error={errors['/ends_on']} required>
            {(control) => (
              <input
                {...control}
                type="date"
                value={draft.ends_on}
                onChange={(e) => patch({ ends_on: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Field label={t('plan.weekSchedule')} error={errors['/week_schedule']}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.week_schedule}
              onChange={(e) => patch({ week_schedule: e.target.value })}
            />
          )}
        </Field>
      </fieldset>

      <AttentionPoints
        points={draft.attention_points}
        onChange={(attention_points) => patch({ attention_points })}
        errors={errors}
      />

      <h2>{t('plan.rows')}</h2>
      {errors['/rows'] ? <p className="field-error">{errors['/rows']}</p> : null}
      <ol className="plain-list plan-rows">
        {draft.rows.map((row, index) => (
          <li key={row.key}>
            <RowEditor
              row={row}
              index={index}
              names={names}
              errors={errors}
              onChange={(next) => setRow(row.key, next)}
              onRemove={
                row.target === 'basis'
                  ? undefined
                  : () => patch({ rows: draft.rows.filter((r) => r.key !== row.key) })
              }
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button secondary"
        onClick={() => patch({ rows: [...draft.rows, newRow(t('plan.newSubgroup'))] })}
      >
        {t('plan.addSubgroup')}
      </button>

      <div className="form-actions sticky-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? t('student.saving') : t('plan.save')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={dirty || activate.isPending}
          aria-describedby={dirty ? 'activate-hint' : undefined}
          onClick={() => activate.mutate()}
        >
          {t('plan.activate')}
        </button>
        {dirty ? (
          <span id="activate-hint" className="hint">
            {t('plan.saveFirst')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
