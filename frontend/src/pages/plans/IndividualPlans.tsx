import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call, rest } from '../../api/client';
import { hgwKeys, type OverviewRow, type Plan, useOverview } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Field } from '../../components/Fields';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { formatShortDate } from '../../lib/dates';
import { errorsByPointer } from '../../lib/hgw';
import { fullName, listName } from '../../lib/names';
import { IhpFields, ihpBodyOf, ihpDraftOf } from './IhpFields';
import { studentNames } from './PlanView';

/** "Individuele handelingsplannen": the IHPs attached to this group plan, each signed by a parent
 * before the plan is activated; the plan's author adds them (students of the plan's group). */
export function IndividualPlans({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const wanted = plan.individual_plans.length > 0 || plan.editable;
  const overview = useOverview(plan.overview_id, wanted);
  const rows = overview.data?.rows ?? [];
  const names = studentNames(plan);
  for (const row of rows) if (!names.has(row.student_id)) names.set(row.student_id, fullName(row));

  return (
    <section className="panel individual-plans" aria-labelledby="ihps">
      <h2 id="ihps">{t('ihp.title')}</h2>
      {plan.individual_plans.length === 0 ? (
        <EmptyState>{t('ihp.empty')}</EmptyState>
      ) : (
        <ul className="plain-list ihp-list">
          {plan.individual_plans.map((ihp) => (
            <li key={ihp.id}>
              <Link to={`/individuele-plannen/${ihp.id}`}>
                {t('ihp.name', { name: names.get(ihp.student_id) ?? t('plan.unknownStudent') })}
              </Link>{' '}
              <span className="meta">
                {t(`ihp.kind.${ihp.kind}`)} ·{' '}
                {ihp.parent_signed_on ? (
                  t('ihp.signedOn', {
                    date: formatShortDate(ihp.parent_signed_on, i18n.language),
                  })
                ) : (
                  <span className="status status-unsigned">{t('ihp.unsigned')}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {plan.editable ? (
        overview.isPending ? (
          <Skeleton lines={1} />
        ) : overview.isError ? (
          <ProblemAlert error={overview.error} onRetry={() => void overview.refetch()} />
        ) : (
          <AddIndividualPlan
            plan={plan}
            students={rows.filter(
              (r) => !plan.individual_plans.some((i) => i.student_id === r.student_id),
            )}
          />
        )
      ) : null}
    </section>
  );
}

function AddIndividualPlan({ plan, students }: { plan: Plan; students: OverviewRow[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (students.length === 0) return <p className="hint">{t('ihp.noStudents')}</p>;
  if (!open)
    return (
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('ihp.add')}
      </button>
    );
  return <AddForm plan={plan} students={students} onCancel={() => setOpen(false)} />;
}

function AddForm({
  plan,
  students,
  onCancel,
}: {
  plan: Plan;
  students: OverviewRow[];
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [studentId, setStudentId] = useState('');
  const [initial] = useState(() => ihpDraftOf());
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const dirty = studentId !== '' || JSON.stringify(draft) !== JSON.stringify(initial);
  const sorted = [...students].sort((a, b) => listName(a).localeCompare(listName(b), 'nl'));

  // The new IHP opens at its own address (to be signed), once the unsaved-changes guard is off.
  const [created, setCreated] = useState<string | null>(null);
  useEffect(() => {
    if (created) navigate(`/individuele-plannen/${created}`, { state: { created: true } });
  }, [created, navigate]);
  const add = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/plans/{plan_id}/individual-plans', {
          params: { path: { plan_id: plan.id } },
          body: { ...ihpBodyOf(draft), student_id: studentId },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(hgwKeys.individualPlan(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: hgwKeys.plan(plan.id) });
      void queryClient.invalidateQueries({ queryKey: hgwKeys.timeline(saved.student_id) });
      setCreated(saved.id);
    },
  });
  const errors = errorsByPointer(add.error);
  const noStudent = checked && !studentId;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!studentId) {
      document.getElementById(`${id}-student`)?.focus();
      return;
    }
    add.mutate();
  };

  return (
    <form className="form ihp-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      {dirty && created === null ? <UnsavedChangesGuard dirty /> : null}
      <h3 id={`${id}-title`}>{t('ihp.add')}</h3>
      <p className="hint">{t('ihp.addIntro')}</p>
      {errors[''] ? <p className="field-error">{errors['']}</p> : null}
      <div className="form-grid">
        <Field
          label={t('ihp.student')}
          id={`${id}-student`}
          error={errors['/student_id'] ?? (noStudent ? t('ihp.chooseStudent') : undefined)}
          required
        >
          {(control) => (
            <select {...control} value={studentId} onChange={(e) => setStudentId(e.target.value)}>
              <option value="">–</option>
              {sorted.map((row) => (
                <option key={row.student_id} value={row.student_id}>
                  {fullName(row)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <IhpFields
        draft={draft}
        onChange={(changes) => setDraft((d) => ({ ...d, ...changes }))}
        errors={errors}
      />
      {add.isError && !isProblem(add.error, 401) ? <ProblemAlert error={add.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={add.isPending}>
          {add.isPending ? t('app.working') : t('ihp.create')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('student.cancel')}
        </button>
      </div>
    </form>
  );
}
