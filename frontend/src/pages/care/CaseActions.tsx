import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionOption, type CaseRead, type Closure, useTransition } from '../../api/cases';
import { isProblem } from '../../api/problem';
import { FormDialog } from '../../components/FormDialog';
import { EmptyState, ProblemAlert } from '../../components/States';
import { blocking, type StepKind, stepKind } from '../../lib/care';
import { errorsByPointer } from '../../lib/hgw';
import { Check, Choice, TextArea, useGuardLabel } from './bits';

/** A step whose button opens a form elsewhere on the page (screening, SWV, referral). */
export type OpenForm = (
  kind: Exclude<StepKind, 'plain' | 'reason' | 'close'>,
  o: ActionOption,
) => void;

/** "Volgende stappen": the route's steps from the current state. A step that still misses
 * something, or is not for your role, is shown disabled with what it needs in words. A step
 * that carries data (closing, a reason) asks for it first; screening, the SWV request and a
 * referral open their forms. A refused step says what is missing (guardMessage). */
export function CaseActions({ c, openForm }: { c: CaseRead; openForm: OpenForm }) {
  const { t } = useTranslation('care');
  const id = useId();
  const step = useTransition(c.id);
  const label = useGuardLabel();
  const [asking, setAsking] = useState<{ option: ActionOption; kind: 'close' | 'reason' } | null>(
    null,
  );
  const [taken, setTaken] = useState<string | null>(null);

  const take = (option: ActionOption, extra: { reason?: string; closure?: Closure } = {}) => {
    setTaken(null);
    step.mutate(
      { version: c.version, body: { action: option.action, reason: extra.reason ?? '', ...extra } },
      {
        onSuccess: () => {
          setAsking(null);
          setTaken(option.label);
        },
      },
    );
  };
  const click = (option: ActionOption) => {
    const kind = stepKind(option);
    if (kind === 'close' || kind === 'reason') {
      step.reset();
      setAsking({ option, kind });
    } else if (kind === 'plain') take(option);
    else openForm(kind, option);
  };

  return (
    <section className="panel case-steps" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('steps.title')}</h2>
      {step.isError && !asking && !isProblem(step.error, 401) ? (
        <ProblemAlert error={step.error} />
      ) : null}
      {taken ? (
        <p className="alert alert-success" role="status">
          {t('steps.taken', { step: taken, state: c.state_name })}
        </p>
      ) : null}
      {c.actions.length === 0 ? (
        <EmptyState>{t('steps.none')}</EmptyState>
      ) : (
        <ul className="plain-list step-list">
          {c.actions.map((option) => {
            const needs = blocking(option);
            const disabled = !option.allowed || needs.length > 0 || step.isPending;
            const noteId = `${id}-${option.key}`;
            const described = !option.allowed || needs.length > 0;
            return (
              <li key={option.key} className={disabled ? 'step blocked' : 'step'}>
                <button
                  type="button"
                  className={disabled ? 'button secondary' : 'button primary'}
                  disabled={disabled}
                  aria-describedby={described ? noteId : undefined}
                  onClick={() => click(option)}
                >
                  {option.label}
                </button>
                {option.to_name ? (
                  <span className="meta">{t('steps.to', { state: option.to_name })}</span>
                ) : null}
                {described ? (
                  <div id={noteId} className="step-needs">
                    {!option.allowed ? <p>{t('steps.notForYou')}</p> : null}
                    {needs.length > 0 ? (
                      <>
                        <p>{t('steps.stillNeeded')}</p>
                        <ul>
                          {needs.map((m) => (
                            <li key={m.code}>{label(m)}</li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <FormDialog
        open={asking !== null}
        title={asking?.option.label ?? ''}
        onClose={() => setAsking(null)}
      >
        {asking?.kind === 'close' ? (
          <ClosureForm
            pending={step.isPending}
            error={step.isError ? step.error : null}
            onSubmit={(closure) => take(asking.option, { closure })}
            onCancel={() => setAsking(null)}
          />
        ) : asking ? (
          <ReasonForm
            pending={step.isPending}
            error={step.isError ? step.error : null}
            onSubmit={(reason) => take(asking.option, { reason })}
            onCancel={() => setAsking(null)}
          />
        ) : null}
      </FormDialog>
    </section>
  );
}

function ReasonForm({
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  error: Error | null;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('care');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!reason.trim());
    if (reason.trim()) onSubmit(reason.trim());
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {error && !isProblem(error, 401) ? <ProblemAlert error={error} /> : null}
      <TextArea
        label={t('steps.reason')}
        value={reason}
        onChange={setReason}
        required
        error={missing ? t('common.required') : errorsByPointer(error)['/reason']}
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t('common.working') : t('steps.confirm')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

const OUTCOMES: readonly Closure['outcome'][] = [
  'goals_met',
  'partly_met',
  'referred_on',
  'moved_school',
  'other',
];

/** Afsluiten: the final evaluation with the student and the parents, the outcome, aftercare. */
function ClosureForm({
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  error: Error | null;
  onSubmit: (closure: Closure) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('care');
  const [closure, setClosure] = useState<Closure>({
    evaluated_with_student: false,
    evaluated_with_parents: false,
    outcome: 'goals_met',
    evaluation: '',
    aftercare: '',
    provisional: false,
  });
  const [missing, setMissing] = useState(false);
  const patch = (changes: Partial<Closure>) => setClosure((c) => ({ ...c, ...changes }));
  const errors = errorsByPointer(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = !closure.evaluation.trim();
    setMissing(empty);
    if (!empty)
      onSubmit({
        ...closure,
        evaluation: closure.evaluation.trim(),
        aftercare: closure.aftercare?.trim() ?? '',
      });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{t('closure.intro')}</p>
      {error && !isProblem(error, 401) ? <ProblemAlert error={error} /> : null}
      <fieldset className="fieldset">
        <legend>{t('closure.evaluatedWith')}</legend>
        <Check
          label={t('closure.withStudent')}
          checked={closure.evaluated_with_student}
          onChange={(on) => patch({ evaluated_with_student: on })}
        />
        <Check
          label={t('closure.withParents')}
          checked={closure.evaluated_with_parents}
          onChange={(on) => patch({ evaluated_with_parents: on })}
        />
      </fieldset>
      <Choice
        label={t('closure.outcome')}
        value={closure.outcome}
        options={OUTCOMES.map((o) => [o, t(`closure.outcomes.${o}`)] as const)}
        onChange={(v) => v && patch({ outcome: v })}
        error={errors['/closure/outcome']}
      />
      <TextArea
        label={t('closure.evaluation')}
        hint={t('closure.evaluationHint')}
        value={closure.evaluation}
        onChange={(v) => patch({ evaluation: v })}
        required
        error={missing ? t('common.required') : errors['/closure/evaluation']}
      />
      <TextArea
        label={t('closure.aftercare')}
        hint={t('closure.aftercareHint')}
        value={closure.aftercare ?? ''}
        onChange={(v) => patch({ aftercare: v })}
      />
      <Check
        label={t('closure.provisional')}
        checked={closure.provisional ?? false}
        onChange={(on) => patch({ provisional: on })}
      />
      <p className="hint">{t('closure.provisionalHint')}</p>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t('common.working') : t('closure.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
