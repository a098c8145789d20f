import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { call, ifMatch, rest } from '../../api/client';
import {
  hgwKeys,
  type IndividualPlan,
  type Plan,
  type StudentRecord,
  useIndividualPlan,
  usePlan,
  useStudentRecord,
} from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Field } from '../../components/Fields';
import { Page } from '../../components/Page';
import { ProblemAlert, Skeleton } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { formatDate, formatShortDate } from '../../lib/dates';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { fullName } from '../../lib/names';
import { NotFoundPage } from '../NotFoundPage';
import { IHP_TEXTS, IhpFields, ihpBodyOf, ihpDraftOf } from './IhpFields';

type Done = 'created' | 'saved' | 'signed' | 'evaluated';

/** Individueel handelingsplan: an appendix of a group plan for one student. Its author edits it
 * (which voids a parent's signature), records that a parent with parental authority signed it,
 * and evaluates it with the student and the parents while the group plan runs. */
export function IndividualPlanPage() {
  const { t } = useTranslation();
  const { ihpId = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const ihp = useIndividualPlan(ihpId);
  const plan = usePlan(ihp.data?.plan_id ?? '', ihp.isSuccess);
  const student = useStudentRecord(ihp.data?.student_id ?? '', ihp.isSuccess);
  const [done, setDone] = useState<Done | null>(created ? 'created' : null);
  const [editing, setEditing] = useState(false);

  if (ihp.isPending) return <Skeleton lines={8} />;
  if (ihp.isError) {
    if (isProblem(ihp.error, 404) || isProblem(ihp.error, 422)) return <NotFoundPage />;
    return <ProblemAlert error={ihp.error} onRetry={() => void ihp.refetch()} />;
  }
  if (plan.isPending || student.isPending) return <Skeleton lines={8} />;
  if (plan.isError) return <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const i = ihp.data;
  const p = plan.data;
  // The student's details (for the name and the guardians) may be closed to you: say less.
  const s = student.data;
  const name = s ? fullName(s) : t('plan.unknownStudent');
  const running = p.status === 'active' || p.status === 'midterm_reviewed';

  return (
    <Page title={t('ihp.pageTitle', { name })} lead={<IhpLead ihp={i} plan={p} />}>
      <p className="meta">
        <Link to={`/groepsplannen/${p.id}`}>{t('ihp.backToPlan', { group: p.group_name })}</Link>
      </p>
      {done ? (
        <p className="alert alert-success" role="status">
          {t(`ihp.done.${done}`)}
        </p>
      ) : null}
      {!p.editable && p.status !== 'archived' ? (
        <p className="alert alert-info">{t('ihp.readOnly')}</p>
      ) : null}
      <div className="stack">
        <Signature ihp={i} student={s} plan={p} />
        {editing ? (
          <EditForm
            ihp={i}
            onDone={(saved) => {
              setEditing(false);
              setDone(saved ? 'saved' : null);
            }}
          />
        ) : (
          <IhpView
            ihp={i}
            name={s?.preferred_name || s?.given_name || name}
            onEdit={
              p.editable
                ? () => {
                    setDone(null);
                    setEditing(true);
                  }
                : undefined
            }
          />
        )}
        {p.editable && !editing && !i.parent_signed_on ? (
          <SignOffForm ihp={i} student={s} onSigned={() => setDone('signed')} />
        ) : null}
        {p.editable && running && !editing ? (
          <EvaluationForm ihp={i} onEvaluated={() => setDone('evaluated')} />
        ) : i.evaluation ? (
          <EvaluationView ihp={i} />
        ) : null}
      </div>
    </Page>
  );
}

function IhpLead({ ihp, plan }: { ihp: IndividualPlan; plan: Plan }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t('ihp.lead', {
        group: plan.group_name,
        period: plan.period_name,
        from: formatShortDate(ihp.starts_on, i18n.language),
        to: formatShortDate(ihp.ends_on, i18n.language),
      })}{' '}
      <span className={`status status-${plan.status}`}>{t(`hgw.planStatus.${plan.status}`)}</span>
    </>
  );
}

/** The parent's signature, or that there is none yet (and what that blocks). */
function Signature({
  ihp,
  student,
  plan,
}: {
  ihp: IndividualPlan;
  student: StudentRecord | undefined;
  plan: Plan;
}) {
  const { t, i18n } = useTranslation();
  if (ihp.parent_signed_on) {
    const guardian = student?.guardians.find((g) => g.id === ihp.parent_signed_by);
    return (
      <p className="alert alert-success">
        {guardian
          ? t('ihp.signedBy', {
              name: fullName(guardian),
              date: formatDate(ihp.parent_signed_on, i18n.language),
            })
          : t('ihp.signedOnLong', { date: formatDate(ihp.parent_signed_on, i18n.language) })}
      </p>
    );
  }
  return (
    <p className="alert alert-warning">
      <span className="status status-unsigned">{t('ihp.unsigned')}</span>{' '}
      {plan.status === 'draft' ? t('ihp.unsignedBlocks') : null}
    </p>
  );
}

function IhpView({
  ihp,
  name,
  onEdit,
}: {
  ihp: IndividualPlan;
  name: string;
  onEdit: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="ihp-plan">
      <h2 id="ihp-plan">{t('ihp.planTitle')}</h2>
      <dl className="details">
        <dt>{t('ihp.kindLabel')}</dt>
        <dd>{t(`ihp.kind.${ihp.kind}`)}</dd>
        <dt>{t('ihp.decidedBy')}</dt>
        <dd>{t(`ihp.decider.${ihp.decided_by}`)}</dd>
        <dt>{t('ihp.author')}</dt>
        <dd>{ihp.author_name}</dd>
      </dl>
      <h3 className="subheading">{t('ihp.goals')}</h3>
      <ul className="goal-list">
        {ihp.goals.map((g) => (
          <li key={g.id}>
            {g.text}
            {g.measure ? <span className="meta"> · {g.measure}</span> : null}
            {g.target_date ? (
              <span className="meta"> · {formatShortDate(g.target_date, i18n.language)}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <dl className="details">
        {IHP_TEXTS.filter((f) => ihp[f]).map((f) => (
          <Fragment key={f}>
            <dt>{t(`ihp.fields.${f}`)}</dt>
            <dd className="pre">{ihp[f]}</dd>
          </Fragment>
        ))}
      </dl>
      <h3 className="subheading">{t('ihp.studentViewTitle')}</h3>
      {ihp.student_view ? (
        <figure className="student-words">
          <blockquote>
            <p className="pre">{ihp.student_view}</p>
          </blockquote>
          <figcaption>{t('timeline.studentWords', { name })}</figcaption>
        </figure>
      ) : (
        <p className="muted">{t('ihp.noStudentView')}</p>
      )}
      {onEdit ? (
        <div className="form-actions">
          <button type="button" className="button secondary" onClick={onEdit}>
            {t('ihp.edit')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** Edit with If-Match. The API clears a parent's signature: the parent agreed to other words. */
function EditForm({ ihp, onDone }: { ihp: IndividualPlan; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [initial] = useState(() => ihpDraftOf(ihp));
  const [draft, setDraft] = useState(initial);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const save = useMutation({
    mutationFn: () =>
      call(
        rest.PUT('/api/v1/individual-plans/{ihp_id}', {
          params: { path: { ihp_id: ihp.id }, header: ifMatch(ihp.version) },
          body: ihpBodyOf(draft, ihp.need_ids),
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(hgwKeys.individualPlan(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: hgwKeys.plan(saved.plan_id) });
      onDone(true);
    },
    onError: (error) => {
      // Someone else saved first: load their version; what this user typed stays in the form.
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.individualPlan(ihp.id) });
    },
  });
  const errors = errorsByPointer(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby="ihp-edit">
      {dirty && !save.isSuccess ? <UnsavedChangesGuard dirty /> : null}
      <h2 id="ihp-edit">{t('ihp.edit')}</h2>
      <p className="alert alert-warning">{t('ihp.editNote')}</p>
      {errors[''] ? <p className="field-error">{errors['']}</p> : null}
      <IhpFields
        draft={draft}
        onChange={(changes) => setDraft((d) => ({ ...d, ...changes }))}
        errors={errors}
      />
      {save.isError && !isProblem(save.error, 401) ? <ProblemAlert error={save.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? t('student.saving') : t('ihp.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(false)}>
          {t('student.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Ondertekend door ouder": only a parent or guardian with parental authority (gezag) signs. */
function SignOffForm({
  ihp,
  student,
  onSigned,
}: {
  ihp: IndividualPlan;
  student: StudentRecord | undefined;
  onSigned: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const withAuthority = (student?.guardians ?? []).filter((g) => g.parental_authority);
  const [guardianId, setGuardianId] = useState(
    withAuthority.length === 1 ? (withAuthority[0]?.id ?? '') : '',
  );
  const [signedOn, setSignedOn] = useState(todayIso);
  const [checked, setChecked] = useState(false);
  const sign = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/individual-plans/{ihp_id}/parent-sign-off', {
          params: { path: { ihp_id: ihp.id }, header: ifMatch(ihp.version) },
          body: { guardian_id: guardianId, signed_on: signedOn },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(hgwKeys.individualPlan(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: hgwKeys.plan(saved.plan_id) });
      onSigned();
    },
    onError: (error) => {
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.individualPlan(ihp.id) });
    },
  });
  const errors = errorsByPointer(sign.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (guardianId) sign.mutate();
  };
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="ihp-sign">
      <h2 id="ihp-sign">{t('ihp.signTitle')}</h2>
      <p className="hint">{t('ihp.signIntro')}</p>
      {withAuthority.length === 0 ? (
        <p className="muted">{t('ihp.noGuardians')}</p>
      ) : (
        <>
          {sign.isError && !isProblem(sign.error, 401) ? <ProblemAlert error={sign.error} /> : null}
          <div className="form-grid">
            <Field
              label={t('ihp.guardian')}
              error={
                errors['/guardian_id'] ??
                (checked && !guardianId ? t('ihp.chooseGuardian') : undefined)
              }
              required
            >
              {(control) => (
                <select
                  {...control}
                  value={guardianId}
                  onChange={(e) => setGuardianId(e.target.value)}
                >
                  <option value="">–</option>
                  {withAuthority.map((g) => (
                    <option key={g.id} value={g.id}>
                      {fullName(g)} ({t(`student.relation.${g.relation}`)})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('ihp.signedOnLabel')} error={errors['/signed_on']} required>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={signedOn}
                  onChange={(e) => setSignedOn(e.target.value)}
                />
              )}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="button secondary" disabled={sign.isPending}>
              {t('ihp.sign')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

/** The IHP's evaluation, with the student and the parents, while the group plan runs. */
function EvaluationForm({ ihp, onEvaluated }: { ihp: IndividualPlan; onEvaluated: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [evaluation, setEvaluation] = useState(ihp.evaluation);
  const [withStudent, setWithStudent] = useState(ihp.evaluated_with_student);
  const [withParents, setWithParents] = useState(ihp.evaluated_with_parents);
  const [checked, setChecked] = useState(false);
  const dirty =
    evaluation !== ihp.evaluation ||
    withStudent !== ihp.evaluated_with_student ||
    withParents !== ihp.evaluated_with_parents;
  const evaluate = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/individual-plans/{ihp_id}/evaluation', {
          params: { path: { ihp_id: ihp.id }, header: ifMatch(ihp.version) },
          body: {
            evaluation: evaluation.trim(),
            evaluated_with_student: withStudent,
            evaluated_with_parents: withParents,
          },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(hgwKeys.individualPlan(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: hgwKeys.plan(saved.plan_id) });
      void queryClient.invalidateQueries({ queryKey: hgwKeys.timeline(saved.student_id) });
      onEvaluated();
    },
    onError: (error) => {
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.individualPlan(ihp.id) });
    },
  });
  const errors = errorsByPointer(evaluate.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (evaluation.trim()) evaluate.mutate();
  };
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="ihp-evaluation">
      {dirty && !evaluate.isSuccess ? <UnsavedChangesGuard dirty /> : null}
      <h2 id="ihp-evaluation">{t('ihp.evaluationTitle')}</h2>
      {evaluate.isError && !isProblem(evaluate.error, 401) ? (
        <ProblemAlert error={evaluate.error} />
      ) : null}
      <Field
        label={t('ihp.evaluationLabel')}
        error={
          errors['/evaluation'] ??
          (checked && !evaluation.trim() ? t('student.required') : undefined)
        }
        required
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={evaluation}
            onChange={(e) => setEvaluation(e.target.value)}
          />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={withStudent}
          onChange={(e) => setWithStudent(e.target.checked)}
        />
        {t('ihp.evaluatedWithStudent')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={withParents}
          onChange={(e) => setWithParents(e.target.checked)}
        />
        {t('ihp.evaluatedWithParents')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button secondary" disabled={evaluate.isPending}>
          {t('ihp.evaluate')}
        </button>
      </div>
    </form>
  );
}

function EvaluationView({ ihp }: { ihp: IndividualPlan }) {
  const { t } = useTranslation();
  const who = [
    ihp.evaluated_with_student ? t('ihp.with.student') : null,
    ihp.evaluated_with_parents ? t('ihp.with.parents') : null,
  ].filter(Boolean);
  return (
    <section className="panel" aria-labelledby="ihp-evaluation">
      <h2 id="ihp-evaluation">{t('ihp.evaluationTitle')}</h2>
      <p className="pre">{ihp.evaluation}</p>
      <p className="meta">
        {who.length > 0
          ? t('ihp.evaluatedWith', { who: who.join(t('ihp.with.and')) })
          : t('ihp.evaluatedAlone')}
      </p>
    </section>
  );
}
