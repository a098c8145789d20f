import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ifMatch, rest, type Schemas } from '../../api/client';
import { hgwKeys, type Plan, type PlanRow } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Field, Select } from '../../components/Fields';
import { ProblemAlert } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { errorsByPointer } from '../../lib/hgw';
import { studentNames } from './PlanView';

type Result = Schemas['OutcomeIn']['result'];
type Continuation = Schemas['RowEvaluation']['continuation'];
interface RowDraft {
  activities_done: boolean;
  continuation: Continuation;
  causes: string;
  /** `${student_id}/${goal_id}` → result; absent: not chosen yet. */
  outcomes: Record<string, Result>;
}
const RESULTS: readonly Result[] = ['reached', 'partly', 'not_reached'];
const CONTINUATIONS: readonly Continuation[] = ['continue', 'scale_down', 'adjust'];

/** Evaluate the plan: per row whether it happened, per student and goal the result, how to go
 * on, and why; then the plan as a whole. */
export function PlanEvaluationForm({ plan, open: openAtStart }: { plan: Plan; open: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(openAtStart);
  if (!open)
    return (
      <section className="panel" aria-labelledby="evaluate">
        <h2 id="evaluate">{t('evaluation.title')}</h2>
        <p>{t('evaluation.intro')}</p>
        <button type="button" className="button primary" onClick={() => setOpen(true)}>
          {t('evaluation.start')}
        </button>
      </section>
    );
  return <EvaluationForm plan={plan} onCancel={() => setOpen(false)} />;
}

function EvaluationForm({ plan, onCancel }: { plan: Plan; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rows = [...plan.rows].sort((a, b) => a.position - b.position);
  const names = studentNames(plan);
  const [drafts, setDrafts] = useState<Record<string, RowDraft>>(() =>
    Object.fromEntries(
      rows.map((r) => [
        r.id,
        { activities_done: true, continuation: 'continue', causes: '', outcomes: {} },
      ]),
    ),
  );
  const [final, setFinal] = useState('');
  const body: Schemas['PlanEvaluation'] = {
    final_evaluation: final.trim(),
    rows: rows.map((r) => {
      const d = drafts[r.id] as RowDraft;
      return {
        row_id: r.id,
        activities_done: d.activities_done,
        continuation: d.continuation,
        causes: d.causes.trim(),
        outcomes: Object.entries(d.outcomes).map(([key, result]) => {
          const [student_id = '', goal_id = ''] = key.split('/');
          return { student_id, goal_id, result };
        }),
      };
    }),
  };
  const evaluate = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/plans/{plan_id}/evaluation', {
          params: { path: { plan_id: plan.id }, header: ifMatch(plan.version) },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(hgwKeys.plan(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: hgwKeys.plans(saved.school_id) });
      for (const s of saved.students)
        void queryClient.invalidateQueries({ queryKey: hgwKeys.timeline(s.id) });
    },
    onError: (error) => {
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.plan(plan.id) });
    },
  });
  const errors = errorsByPointer(evaluate.error);
  const touched =
    final !== '' ||
    Object.values(drafts).some(
      (d) => d.causes || Object.keys(d.outcomes).length > 0 || !d.activities_done,
    );
  const setRow = (rowId: string, changes: Partial<RowDraft>) =>
    setDrafts((all) => ({ ...all, [rowId]: { ...(all[rowId] as RowDraft), ...changes } }));
  // Every student needs a result for every goal of their row (the API's guard says so too).
  const missing = new Set(
    rows.flatMap((r) =>
      r.student_ids.flatMap((studentId) =>
        r.goals
          .filter((g) => !(drafts[r.id] as RowDraft).outcomes[`${studentId}/${g.id}`])
          .map((g) => `${studentId}/${g.id}`),
      ),
    ),
  );
  const [checked, setChecked] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (missing.size > 0 || !final.trim()) {
      const first = event.currentTarget.querySelector<HTMLElement>('[data-missing="true"]');
      first?.focus();
      return;
    }
    evaluate.mutate();
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="evaluate">
      <UnsavedChangesGuard dirty={touched && !evaluate.isSuccess} />
      <h2 id="evaluate">{t('evaluation.title')}</h2>
      {evaluate.isError && !isProblem(evaluate.error, 401) ? (
        <ProblemAlert error={evaluate.error} />
      ) : null}
      {errors[''] ? <p className="field-error">{errors['']}</p> : null}
      {checked && missing.size > 0 ? (
        <p className="alert alert-error" role="alert">
          {t('evaluation.missing', { count: missing.size })}
        </p>
      ) : null}
      {rows.map((row, index) => (
        <RowEvaluationFields
          key={row.id}
          row={row}
          draft={drafts[row.id] as RowDraft}
          names={names}
          errors={errors}
          missing={checked ? missing : new Set()}
          at={`/rows/${index}`}
          onChange={(changes) => setRow(row.id, changes)}
        />
      ))}
      <Field
        label={t('evaluation.final')}
        error={
          errors['/final_evaluation'] ??
          (checked && !final.trim() ? t('student.required') : undefined)
        }
        required
      >
        {(control) => (
          <textarea
            {...control}
            data-missing={checked && !final.trim() ? true : undefined}
            rows={4}
            value={final}
            onChange={(e) => setFinal(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={evaluate.isPending}>
          {evaluate.isPending ? t('student.saving') : t('evaluation.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('student.cancel')}
        </button>
      </div>
    </form>
  );
}

function RowEvaluationFields({
  row,
  draft,
  names,
  errors,
  missing,
  at,
  onChange,
}: {
  row: PlanRow;
  draft: RowDraft;
  names: ReadonlyMap<string, string>;
  errors: Record<string, string>;
  missing: ReadonlySet<string>;
  at: string;
  onChange: (changes: Partial<RowDraft>) => void;
}) {
  const { t } = useTranslation();
  const title = `${t(`hgw.rowTarget.${row.target}`)}: ${row.name}`;
  const setOutcome = (key: string, result: Result | '') => {
    const outcomes = { ...draft.outcomes };
    if (result) outcomes[key] = result;
    else delete outcomes[key];
    onChange({ outcomes });
  };
  return (
    <fieldset className="panel fieldset row-card">
      <legend>{title}</legend>
      {errors[at] ? <p className="field-error">{errors[at]}</p> : null}
      <label className="check">
        <input
          type="checkbox"
          checked={draft.activities_done}
          onChange={(e) => onChange({ activities_done: e.target.checked })}
        />
        {t('evaluation.activitiesDoneLabel')}
      </label>
      {row.student_ids.length > 0 && row.goals.length > 0 ? (
        <div className="grid-scroller">
          <table className="table outcomes">
            <caption>{t('evaluation.outcomesCaption', { row: row.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.student')}</th>
                {row.goals.map((g) => (
                  <th scope="col" key={g.id}>
                    {g.text}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {row.student_ids.map((studentId) => {
                const name = names.get(studentId) ?? t('plan.unknownStudent');
                return (
                  <tr key={studentId}>
                    <th scope="row">{name}</th>
                    {row.goals.map((g) => {
                      const key = `${studentId}/${g.id}`;
                      const absent = missing.has(key) || undefined;
                      return (
                        <td key={g.id}>
                          <select
                            aria-label={t('evaluation.resultFor', { name, goal: g.text })}
                            aria-invalid={absent}
                            data-missing={absent}
                            value={draft.outcomes[key] ?? ''}
                            onChange={(e) => setOutcome(key, e.target.value as Result | '')}
                          >
                            <option value="">–</option>
                            {RESULTS.map((r) => (
                              <option key={r} value={r}>
                                {t(`hgw.goalResult.${r}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {errors[`${at}/outcomes`] ? <p className="field-error">{errors[`${at}/outcomes`]}</p> : null}
      <div className="form-grid">
        <Select
          label={t('evaluation.continuation', { row: row.name })}
          value={draft.continuation}
          options={CONTINUATIONS.map((c) => [c, t(`hgw.continuation.${c}`)] as const)}
          onChange={(continuation) => onChange({ continuation })}
        />
      </div>
      <Field label={t('evaluation.causes', { row: row.name })} error={errors[`${at}/causes`]}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={draft.causes}
            onChange={(e) => onChange({ causes: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
