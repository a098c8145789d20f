import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ifMatch, rest, type Schemas } from '../../api/client';
import { hgwKeys, type Perspective } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Field, Select } from '../../components/Fields';
import { ProblemAlert } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { newKey } from '../hgw/GoalsEditor';

type VersionIn = Schemas['OppVersionCreate'];
type Factor = Schemas['Factor'];
const FACTOR_KINDS: readonly Factor['kind'][] = ['stimulating', 'hindering'];
const LOCI: readonly Factor['locus'][] = ['student', 'learning_environment', 'living_environment'];

/** After a change to the OPP: the student's timeline and the school's deadlines change too. */
function useRefresh(studentId: string) {
  const queryClient = useQueryClient();
  return (saved: Perspective) => {
    queryClient.setQueryData(hgwKeys.perspective(studentId), saved);
    void queryClient.invalidateQueries({ queryKey: hgwKeys.timeline(studentId) });
    void queryClient.invalidateQueries({ queryKey: ['hgw-deadlines'] });
  };
}

/** "Extra ondersteuning gestart": the start of extra support makes the OPP due in six weeks. */
export function PerspectiveStartForm({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('opp.start')}
      </button>
    );
  return <StartForm studentId={studentId} onCancel={() => setOpen(false)} />;
}

function StartForm({ studentId, onCancel }: { studentId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const refresh = useRefresh(studentId);
  const queryClient = useQueryClient();
  const [startedOn, setStartedOn] = useState(todayIso);
  const [description, setDescription] = useState('');
  const [checked, setChecked] = useState(false);
  const start = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/students/{student_id}/development-perspective', {
          params: { path: { student_id: studentId } },
          body: { support_started_on: startedOn, support_description: description.trim() },
        }),
      ),
    onSuccess: refresh,
    onError: (error) => {
      // Someone recorded it first: show theirs.
      if (isProblem(error, 409))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.perspective(studentId) });
    },
  });
  const errors = errorsByPointer(start.error);
  const empty = checked && !description.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!description.trim()) return;
    start.mutate();
  };
  return (
    <form className="form opp-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      {description.trim() && !start.isSuccess ? <UnsavedChangesGuard dirty /> : null}
      <h3 id={`${id}-title`}>{t('opp.start')}</h3>
      <p className="hint">{t('opp.startIntro')}</p>
      {start.isError && !isProblem(start.error, 401) ? <ProblemAlert error={start.error} /> : null}
      <div className="form-grid">
        <Field label={t('opp.startedOn')} error={errors['/support_started_on']} required>
          {(control) => (
            <input
              {...control}
              type="date"
              value={startedOn}
              onChange={(e) => setStartedOn(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        label={t('opp.description')}
        error={errors['/support_description'] ?? (empty ? t('student.required') : undefined)}
        required
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={start.isPending}>
          {start.isPending ? t('app.working') : t('opp.startSave')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('student.cancel')}
        </button>
      </div>
    </form>
  );
}

interface FactorDraft extends Factor {
  key: number;
}
interface LineDraft {
  key: number;
  text: string;
}
interface Draft {
  kind: VersionIn['kind'];
  determined_on: string;
  expected_outflow: string;
  destination: string;
  factors: FactorDraft[];
  needs: string;
  support_offered: string;
  long_term_goals: LineDraft[];
  talents: string;
  student_view: string;
  parents_view: string;
  determined_with_student: boolean;
  determined_with_parents: boolean;
}

const newFactor = (): FactorDraft => ({
  key: newKey(),
  kind: 'stimulating',
  locus: 'student',
  text: '',
});
const newLine = (text = ''): LineDraft => ({ key: newKey(), text });

/** A new version starts from the newest one: an evaluation or revision changes what changed. The
 * student's and the parents' views are asked anew, every time. */
function draftOf(opp: Perspective): Draft {
  const last = newest(opp);
  return {
    kind: last ? 'evaluation' : 'initial',
    determined_on: todayIso(),
    expected_outflow: last?.expected_outflow ?? '',
    destination: last?.destination ?? '',
    factors: last?.factors.length
      ? last.factors.map((f) => ({ ...f, key: newKey() }))
      : [newFactor()],
    needs: last?.needs ?? '',
    support_offered: last?.support_offered ?? '',
    long_term_goals: last?.long_term_goals.length
      ? last.long_term_goals.map((g) => newLine(g))
      : [newLine()],
    talents: last?.talents ?? '',
    student_view: '',
    parents_view: '',
    determined_with_student: false,
    determined_with_parents: false,
  };
}

function newest(opp: Perspective) {
  return [...opp.versions].sort((a, b) => b.number - a.number)[0];
}

function bodyOf(draft: Draft, opp: Perspective): VersionIn {
  return {
    kind: draft.kind,
    determined_on: draft.determined_on,
    expected_outflow: draft.expected_outflow.trim(),
    destination: draft.destination.trim(),
    // Not edited here: carried over from the newest version, so an evaluation does not lose them.
    yield_expectations: newest(opp)?.yield_expectations ?? [],
    factors: draft.factors.map(({ kind, locus, text }) => ({ kind, locus, text: text.trim() })),
    needs: draft.needs.trim(),
    support_offered: draft.support_offered.trim(),
    long_term_goals: draft.long_term_goals.map((g) => g.text.trim()),
    talents: draft.talents.trim(),
    student_view: draft.student_view.trim(),
    parents_view: draft.parents_view.trim(),
    determined_with_student: draft.determined_with_student,
    determined_with_parents: draft.determined_with_parents,
  };
}

/** Fields the form checks before sending (the API checks them too, and more). */
const REQUIRED = ['expected_outflow', 'support_offered', 'student_view'] as const;

/** "Nieuwe versie vaststellen": the OPP determined (or evaluated, or revised) with the student and
 * the parents; sent with If-Match, a 412 loads the newer OPP and keeps what was typed. */
export function PerspectiveVersionForm({
  opp,
  onSaved,
  onOpen,
}: {
  opp: Perspective;
  onSaved: (number: number) => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button
        type="button"
        className="button primary"
        onClick={() => {
          onOpen();
          setOpen(true);
        }}
      >
        {t('opp.newVersion')}
      </button>
    );
  return (
    <VersionForm
      opp={opp}
      onCancel={() => setOpen(false)}
      onSaved={(number) => {
        setOpen(false);
        onSaved(number);
      }}
    />
  );
}

function VersionForm({
  opp,
  onCancel,
  onSaved,
}: {
  opp: Perspective;
  onCancel: () => void;
  onSaved: (number: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const refresh = useRefresh(opp.student_id);
  const [initial] = useState(() => draftOf(opp));
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const last = newest(opp);
  const body = bodyOf(draft, opp);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const add = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/development-perspectives/{opp_id}/versions', {
          params: { path: { opp_id: opp.id }, header: ifMatch(opp.version) },
          body,
        }),
      ),
    onSuccess: (saved) => {
      refresh(saved);
      onSaved(Math.max(...saved.versions.map((v) => v.number)));
    },
    onError: (error) => {
      // Someone else changed the OPP first: load it; what this user typed stays in the form.
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.perspective(opp.student_id) });
    },
  });
  const errors = errorsByPointer(add.error);
  const missing = checked ? REQUIRED.filter((f) => !draft[f].trim()) : [];
  const errorOf = (field: (typeof REQUIRED)[number]) =>
    errors[`/${field}`] ?? (missing.includes(field) ? t('student.required') : undefined);
  const patch = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const setFactor = (key: number, changes: Partial<FactorDraft>) =>
    patch({ factors: draft.factors.map((f) => (f.key === key ? { ...f, ...changes } : f)) });
  const setGoal = (key: number, text: string) =>
    patch({
      long_term_goals: draft.long_term_goals.map((g) => (g.key === key ? { ...g, text } : g)),
    });
  const fieldId = (field: string) => `${id}-${field}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const first = REQUIRED.find((f) => !draft[f].trim());
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    add.mutate();
  };

  const text = (field: 'needs' | 'talents' | 'parents_view', label: string) => (
    <Field label={label} error={errors[`/${field}`]}>
      {(control) => (
        <textarea
          {...control}
          rows={3}
          value={draft[field]}
          onChange={(e) => patch({ [field]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <form className="form opp-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      {dirty && !add.isSuccess ? <UnsavedChangesGuard dirty /> : null}
      <h3 id={`${id}-title`}>{t('opp.newVersion')}</h3>
      {last ? (
        <p className="hint">{t('opp.carriedOver', { number: last.number })}</p>
      ) : (
        <p className="hint">{t('opp.firstVersion')}</p>
      )}
      {errors[''] ? <p className="field-error">{errors['']}</p> : null}

      <div className="form-grid">
        {last ? (
          <Select
            label={t('opp.versionKind')}
            value={draft.kind}
            options={(['evaluation', 'revision'] as const).map((k) => [k, t(`opp.kind.${k}`)])}
            onChange={(kind) => patch({ kind })}
          />
        ) : null}
        <Field label={t('opp.determinedOn')} error={errors['/determined_on']} required>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.determined_on}
              onChange={(e) => patch({ determined_on: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('opp.expectedOutflow')}
          error={errorOf('expected_outflow')}
          required
          id={fieldId('expected_outflow')}
        >
          {(control) => (
            <input
              {...control}
              value={draft.expected_outflow}
              onChange={(e) => patch({ expected_outflow: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('opp.destination')} error={errors['/destination']}>
          {(control) => (
            <input
              {...control}
              value={draft.destination}
              onChange={(e) => patch({ destination: e.target.value })}
            />
          )}
        </Field>
      </div>

      <fieldset className="fieldset opp-factors-editor">
        <legend>{t('opp.factors')}</legend>
        {errors['/factors'] ? <p className="field-error">{errors['/factors']}</p> : null}
        {draft.factors.map((factor, index) => {
          const number = index + 1;
          return (
            <div key={factor.key} className="repeat">
              <div className="form-grid">
                <Select
                  label={t('opp.factorKind', { number })}
                  value={factor.kind}
                  options={FACTOR_KINDS.map((k) => [k, t(`opp.factorKinds.${k}`)] as const)}
                  onChange={(kind) => setFactor(factor.key, { kind })}
                />
                <Select
                  label={t('opp.factorLocus', { number })}
                  value={factor.locus}
                  options={LOCI.map((l) => [l, t(`opp.locus.${l}`)] as const)}
                  onChange={(locus) => setFactor(factor.key, { locus })}
                />
              </div>
              <Field
                label={t('opp.factorText', { number })}
                error={errors[`/factors/${index}/text`] ?? errors[`/factors/${index}`]}
                required
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    value={factor.text}
                    onChange={(e) => setFactor(factor.key, { text: e.target.value })}
                  />
                )}
              </Field>
              {draft.factors.length > 1 ? (
                <button
                  type="button"
                  className="button link"
                  onClick={() => patch({ factors: draft.factors.filter((f) => f !== factor) })}
                >
                  {t('opp.removeFactor', { number })}
                </button>
              ) : null}
            </div>
          );
        })}
        <button
          type="button"
          className="button secondary"
          onClick={() => patch({ factors: [...draft.factors, newFactor()] })}
        >
          {t('opp.addFactor')}
        </button>
      </fieldset>

      {text('needs', t('opp.needs'))}
      <Field
        label={t('opp.supportOffered')}
        error={errorOf('support_offered')}
        required
        id={fieldId('support_offered')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={draft.support_offered}
            onChange={(e) => patch({ support_offered: e.target.value })}
          />
        )}
      </Field>

      <fieldset className="fieldset">
        <legend>{t('opp.longTermGoals')}</legend>
        {errors['/long_term_goals'] ? (
          <p className="field-error">{errors['/long_term_goals']}</p>
        ) : null}
        {draft.long_term_goals.map((goal, index) => {
          const number = index + 1;
          return (
            <div key={goal.key} className="repeat">
              <Field
                label={t('opp.longTermGoal', { number })}
                error={errors[`/long_term_goals/${index}`]}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    value={goal.text}
                    onChange={(e) => setGoal(goal.key, e.target.value)}
                  />
                )}
              </Field>
              {draft.long_term_goals.length > 1 ? (
                <button
                  type="button"
                  className="button link"
                  onClick={() =>
                    patch({ long_term_goals: draft.long_term_goals.filter((g) => g !== goal) })
                  }
                >
                  {t('opp.removeLongTermGoal', { number })}
                </button>
              ) : null}
            </div>
          );
        })}
        <button
          type="button"
          className="button secondary"
          onClick={() => patch({ long_term_goals: [...draft.long_term_goals, newLine()] })}
        >
          {t('opp.addLongTermGoal')}
        </button>
      </fieldset>

      {text('talents', t('opp.talents'))}
      {body.yield_expectations && body.yield_expectations.length > 0 ? (
        <p className="hint">
          {t('opp.yieldCarriedOver', { count: body.yield_expectations.length })}
        </p>
      ) : null}

      <fieldset className="fieldset">
        <legend>{t('opp.conversation')}</legend>
        <p className="hint">{t('opp.determinedHint')}</p>
        <Field
          label={t('opp.studentViewLabel')}
          error={errorOf('student_view')}
          required
          id={fieldId('student_view')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.student_view}
              onChange={(e) => patch({ student_view: e.target.value })}
            />
          )}
        </Field>
        {text('parents_view', t('opp.parentsViewLabel'))}
        <label className="check">
          <input
            type="checkbox"
            checked={draft.determined_with_student}
            onChange={(e) => patch({ determined_with_student: e.target.checked })}
          />
          {t('opp.determinedWithStudent')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.determined_with_parents}
            onChange={(e) => patch({ determined_with_parents: e.target.checked })}
          />
          {t('opp.determinedWithParents')}
        </label>
      </fieldset>

      {add.isError && !isProblem(add.error, 401) ? <ProblemAlert error={add.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={add.isPending}>
          {add.isPending ? t('app.working') : t('opp.saveVersion')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('student.cancel')}
        </button>
      </div>
    </form>
  );
}
