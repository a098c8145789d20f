import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseRead, type RegistrationKind, type ScreeningIn, useScreen } from '../../api/cases';
import { isProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/States';
import { lines, SCREENING_OUTCOME } from '../../lib/care';
import { errorsByPointer } from '../../lib/hgw';
import { Check, Moment, TextArea } from './bits';

type Outcome = ScreeningIn['outcome'];
const CHECKS = [
  'right_line',
  'questions_clear',
  'prior_line_exhausted',
  'parents_student_aware',
] as const;
type CheckKey = (typeof CHECKS)[number];
const OUTCOMES: readonly Outcome[] = ['accept', 'request_info', 'first_line_actions'];

/** Screening of a submitted registration by the zorgcoördinator / IB'er: four checks and the
 * outcome, which takes the route's step (accept and schedule, ask for missing items, or
 * first-line actions first). Earlier screenings are listed under it. */
export function ScreeningSection({
  c,
  kind,
  preset,
}: {
  c: CaseRead;
  kind: RegistrationKind | null;
  /** Chosen with a step button ("Aanvulling vragen"): the form opens on that outcome. */
  preset: { outcome: Outcome; at: number } | null;
}) {
  const { t } = useTranslation('care');
  const id = useId();
  const reg = kind ? c.registrations.find((r) => r.kind === kind) : undefined;
  const offered = OUTCOMES.filter((o) =>
    c.actions.some(
      (a) => a.allowed && SCREENING_OUTCOME[a.action as keyof typeof SCREENING_OUTCOME] === o,
    ),
  );
  const canScreen = reg?.status === 'submitted' && offered.length > 0;
  const [done, setDone] = useState<Outcome | null>(null);
  if (!canScreen && c.screenings.length === 0) return null;
  return (
    <section className="panel screening" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('screening.title')}
      </h2>
      {done ? (
        <p className="alert alert-success" role="status">
          {t('screening.saved', { outcome: t(`screening.outcomes.${done}`), state: c.state_name })}
        </p>
      ) : null}
      {canScreen && kind ? (
        <ScreeningForm
          c={c}
          offered={offered}
          preset={preset}
          headingId={`${id}-title`}
          onDone={setDone}
        />
      ) : null}
      {c.screenings.length > 0 ? (
        <>
          <h3 className="subheading">{t('screening.earlier')}</h3>
          <ul className="plain-list screenings">
            {[...c.screenings].reverse().map((s) => (
              <li key={s.id}>
                <p>
                  <strong>{t(`screening.outcomes.${s.outcome}`)}</strong>{' '}
                  <span className="meta">
                    {s.registration_kind.toUpperCase()} · {s.screened_by} ·{' '}
                    <Moment iso={s.screened_at} />
                  </span>
                </p>
                <ul className="goal-list">
                  {CHECKS.map((k) => (
                    <li key={k}>
                      {t(`screening.checks.${k}`)}: {s[k] ? t('yes') : t('no')}
                    </li>
                  ))}
                </ul>
                {s.missing_items.length > 0 ? (
                  <p>
                    {t('screening.missingItems')}: {s.missing_items.join('; ')}
                  </p>
                ) : null}
                {s.proposed_actions ? (
                  <p className="pre">
                    {t('screening.proposedActions')}: {s.proposed_actions}
                  </p>
                ) : null}
                {s.notes ? <p className="pre">{s.notes}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ScreeningForm({
  c,
  offered,
  preset,
  headingId,
  onDone,
}: {
  c: CaseRead;
  offered: readonly Outcome[];
  preset: { outcome: Outcome; at: number } | null;
  headingId: string;
  onDone: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation('care');
  const screen = useScreen(c.id);
  const [checks, setChecks] = useState<Record<CheckKey, boolean>>({
    right_line: false,
    questions_clear: false,
    prior_line_exhausted: false,
    parents_student_aware: false,
  });
  const [outcome, setOutcome] = useState<Outcome>(preset?.outcome ?? offered[0] ?? 'accept');
  const [missingItems, setMissingItems] = useState('');
  const [proposed, setProposed] = useState('');
  const [notes, setNotes] = useState('');
  // A step button chose the outcome: show it, and take the user to the form.
  useEffect(() => {
    if (!preset) return;
    setOutcome(preset.outcome);
    document.getElementById(headingId)?.focus();
  }, [preset, headingId]);

  const allYes = CHECKS.every((k) => checks[k]);
  const errors = errorsByPointer(screen.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    screen.mutate(
      {
        version: c.version,
        body: {
          ...checks,
          outcome,
          missing_items: outcome === 'request_info' ? lines(missingItems) : [],
          proposed_actions: outcome === 'first_line_actions' ? proposed.trim() : '',
          notes: notes.trim(),
        },
      },
      { onSuccess: () => onDone(outcome) },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{t('screening.intro')}</p>
      {screen.isError && !isProblem(screen.error, 401) ? (
        <ProblemAlert error={screen.error} />
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('screening.checksLegend')}</legend>
        {CHECKS.map((k) => (
          <Check
            key={k}
            label={t(`screening.checks.${k}`)}
            checked={checks[k]}
            onChange={(on) => setChecks((all) => ({ ...all, [k]: on }))}
          />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('screening.outcome')}</legend>
        {offered.map((o) => (
          <label key={o} className="check">
            <input
              type="radio"
              name={`${headingId}-outcome`}
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`screening.outcomes.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'accept' && !allYes ? (
        <p className="alert alert-warning">{t('screening.acceptNeedsAllYes')}</p>
      ) : null}
      {outcome === 'request_info' ? (
        <TextArea
          label={t('screening.missingItems')}
          hint={t('screening.missingItemsHint')}
          value={missingItems}
          onChange={setMissingItems}
          error={errors['/missing_items']}
        />
      ) : null}
      {outcome === 'first_line_actions' ? (
        <TextArea
          label={t('screening.proposedActions')}
          hint={t('screening.proposedActionsHint')}
          value={proposed}
          onChange={setProposed}
          error={errors['/proposed_actions']}
        />
      ) : null}
      <TextArea label={t('screening.notes')} value={notes} onChange={setNotes} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={screen.isPending}>
          {screen.isPending ? t('common.working') : t('screening.save')}
        </button>
      </div>
    </form>
  );
}
