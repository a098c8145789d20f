import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Differentiation,
  type GiftedVocabulary,
  type Guidance,
  type GuidanceUpdate,
  type PortfolioGoal,
  type PortfolioGoalIn,
  useAddCheckin,
  useAddMonitoring,
  useAdvancePhase,
  useCloseGuidance,
  useGiftedVocabulary,
  useGuidance,
  useUpdateGuidance,
} from '../../api/gifted';
import { isProblem } from '../../api/problem';
import { useStudent } from '../../api/queries';
import { Page } from '../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { formatShortDate } from '../../lib/dates';
import { guidanceNeeds, nextPhase, phaseState } from '../../lib/gifted';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { fullName } from '../../lib/names';
import {
  CheckGroup,
  Choice,
  Disclosure,
  Failure,
  FormButtons,
  type ReportDirty,
  TextArea,
  TextInput,
  useDirtyForms,
  useReportDirty,
} from '../care/bits';
import { NotFoundPage } from '../NotFoundPage';

const DIFFERENTIATION: readonly Differentiation[] = [
  'extra_challenge',
  'deepening_tasks',
  'repetition',
  'support',
];
/** Progress meetings start in the phase "Verantwoordelijkheden vastleggen" (the API's rule). */
const CHECKINS_FROM = 'responsibilities';

/** Begeleidingsperiode: the seven phases of the teacher-student consultation as a stepper
 * with "Volgende fase" (in order; the API names what is missing), the portfolio's goals with
 * monitoring notes, agreements (wie/wat/wanneer/hoe), differentiation, external factors (when
 * you may see them), progress meetings, the handover note, and closing the period. */
export function GuidancePage() {
  const { periodId = '' } = useParams();
  const period = useGuidance(periodId);
  const vocabulary = useGiftedVocabulary();
  if (period.isPending || vocabulary.isPending) return <Skeleton lines={10} />;
  if (period.isError) {
    if (isProblem(period.error, 404) || isProblem(period.error, 422)) return <NotFoundPage />;
    return <ProblemAlert error={period.error} onRetry={() => void period.refetch()} />;
  }
  if (vocabulary.isError)
    return <ProblemAlert error={vocabulary.error} onRetry={() => void vocabulary.refetch()} />;
  return <GuidanceView period={period.data} vocabulary={vocabulary.data} />;
}

function GuidanceView({ period, vocabulary }: { period: Guidance; vocabulary: GiftedVocabulary }) {
  const { t, i18n } = useTranslation('gifted');
  const student = useStudent(period.student_id);
  const [dirty, reportDirty] = useDirtyForms();
  const name = student.data ? fullName(student.data) : null;
  const open = period.status === 'open';
  const phases = vocabulary.guidance_phases;
  const checkinsOpen =
    phases.findIndex((p) => p.code === period.phase) >=
    phases.findIndex((p) => p.code === CHECKINS_FROM);
  return (
    <Page
      title={name ? t('guidance.title', { name }) : t('guidance.titleNoName')}
      lead={t('guidance.lead', {
        from: formatShortDate(period.starts_on, i18n.language),
        lead: period.lead_name || t('common.none'),
      })}
    >
      <UnsavedChangesGuard dirty={dirty} />
      <p className="meta">
        <Link to={`/leerlingen/${period.student_id}/begaafdheid`}>
          {t('common.toGifted', { name: name ?? '' })}
        </Link>
      </p>
      {!open ? <p className="alert alert-info">{t('guidance.closed')}</p> : null}
      <div className="stack">
        <Phases period={period} vocabulary={vocabulary} />
        <Goals period={period} reportDirty={reportDirty} />
        <Agreements period={period} reportDirty={reportDirty} />
        <Details period={period} reportDirty={reportDirty} />
        <Checkins period={period} open={checkinsOpen} />
        {open && nextPhase(phases, period.phase) === null ? <Close period={period} /> : null}
      </div>
    </Page>
  );
}

/** The needs of a refused step in words. */
function Needs({ error, nextLabel }: { error: Error | null; nextLabel: string }) {
  const { t } = useTranslation('gifted');
  if (!error) return null;
  if (isProblem(error, 409) && error.code === 'invalid-transition')
    return (
      <div className="alert alert-warning" role="alert">
        <p>{t('guidance.needs.order', { phase: nextLabel })}</p>
      </div>
    );
  const needs = isProblem(error, 422) ? guidanceNeeds(errorsByPointer(error)) : [];
  if (needs.length === 0) return <Failure error={error} />;
  return (
    <div className="alert alert-warning" role="alert">
      <p className="alert-title">{t('guidance.stillNeeded')}</p>
      <ul>
        {needs.map((n) => (
          <li key={JSON.stringify(n)}>
            {n.need === 'other'
              ? n.text
              : n.need === 'evaluation' || n.need === 'achieved'
                ? t(`guidance.needs.${n.need}`, { number: n.number })
                : t(`guidance.needs.${n.need}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Phases({ period, vocabulary }: { period: Guidance; vocabulary: GiftedVocabulary }) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const advance = useAdvancePhase(period.id);
  const phases = vocabulary.guidance_phases;
  const next = nextPhase(phases, period.phase);
  const open = period.status === 'open';
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('guidance.phases')}</h2>
      <ol className="plain-list step-list">
        {phases.map((phase, i) => {
          const state = phaseState(phases, phase.code, period.phase);
          return (
            <li
              key={phase.code}
              className="step"
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className={state === 'todo' ? 'muted' : undefined}>
                {i + 1}. {state === 'current' ? <strong>{phase.label}</strong> : phase.label}
              </span>
              {state === 'current' ? (
                <span className="status">{t('guidance.current')}</span>
              ) : state === 'done' ? (
                <span className="status status-evaluated">{t('guidance.done')}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {period.next_checkin_on && open ? (
        <p className="meta">
          {t('guidance.nextCheckin', {
            date: formatShortDate(period.next_checkin_on, i18n.language),
          })}
        </p>
      ) : null}
      <Needs error={advance.error} nextLabel={next?.label ?? ''} />
      {open && next ? (
        <button
          type="button"
          className="button primary"
          disabled={advance.isPending}
          onClick={() =>
            advance.mutate({ version: period.version, phase: next.code as Guidance['phase'] })
          }
        >
          {advance.isPending ? t('common.working') : t('guidance.next', { phase: next.label })}
        </button>
      ) : open ? (
        <p className="hint">{t('guidance.lastPhase')}</p>
      ) : null}
    </section>
  );
}

// -- goals ------------------------------------------------------------------------------------

interface GoalRow {
  id: string | null;
  goal: string;
  plan: string;
  evaluation: string;
  achieved: 'yes' | 'no' | 'open';
}

function goalRows(goals: readonly PortfolioGoal[]): GoalRow[] {
  return goals.map((g) => ({
    id: g.id,
    goal: g.goal,
    plan: g.plan,
    evaluation: g.evaluation,
    achieved: g.achieved === null ? 'open' : g.achieved ? 'yes' : 'no',
  }));
}

function goalsIn(rows: readonly GoalRow[]): PortfolioGoalIn[] {
  return rows.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    goal: r.goal.trim(),
    plan: r.plan.trim(),
    evaluation: r.evaluation.trim(),
    achieved: r.achieved === 'open' ? null : r.achieved === 'yes',
  }));
}

function Goals({ period, reportDirty }: { period: Guidance; reportDirty: ReportDirty }) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const update = useUpdateGuidance(period.id);
  const [rows, setRows] = useState<GoalRow[]>(() => goalRows(period.goals));
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState<number[]>([]);
  const dirty = JSON.stringify(rows) !== JSON.stringify(goalRows(period.goals));
  useReportDirty(reportDirty, 'goals', dirty);
  const open = period.status === 'open';
  const errors = errorsByPointer(update.error);

  const change = (i: number, patch: Partial<GoalRow>) => {
    setSaved(false);
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = rows.flatMap((r, i) => (r.goal.trim() ? [] : [i]));
    setMissing(empty);
    if (empty.length > 0) {
      document.getElementById(`${id}-goal-${empty[0]}`)?.focus();
      return;
    }
    update.mutate(
      { version: period.version, body: { goals: goalsIn(rows) } },
      {
        onSuccess: (next) => {
          setRows(goalRows(next.goals));
          setSaved(true);
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('guidance.goals.title')}</h2>
      {saved && !dirty ? (
        <p className="alert alert-success" role="status">
          {t('guidance.goals.saved')}
        </p>
      ) : null}
      {rows.length === 0 ? <EmptyState>{t('guidance.goals.empty')}</EmptyState> : null}
      <form className="form" onSubmit={submit} noValidate>
        <Failure error={update.error} />
        {rows.map((row, i) => {
          const saved = period.goals.find((g) => g.id === row.id);
          const number = i + 1;
          return (
            <fieldset key={row.id ?? `new-${i}`} className="fieldset subform">
              <legend>{t('guidance.goals.goal', { number })}</legend>
              <TextArea
                id={`${id}-goal-${i}`}
                label={t('guidance.goals.goal', { number })}
                value={row.goal}
                onChange={(x) => change(i, { goal: x })}
                required
                disabled={!open}
                error={missing.includes(i) ? t('common.required') : errors[`/goals/${i}/goal`]}
              />
              <TextArea
                label={t('guidance.goals.plan')}
                value={row.plan}
                onChange={(x) => change(i, { plan: x })}
                disabled={!open}
                error={errors[`/goals/${i}/plan`]}
              />
              <TextArea
                label={t('guidance.goals.evaluation')}
                value={row.evaluation}
                onChange={(x) => change(i, { evaluation: x })}
                disabled={!open}
                error={errors[`/goals/${i}/evaluation`]}
              />
              <Choice
                label={t('guidance.goals.achieved')}
                value={row.achieved}
                options={(['open', 'yes', 'no'] as const).map(
                  (v) => [v, t(`guidance.goals.achievedValues.${v}`)] as const,
                )}
                onChange={(v) => v && change(i, { achieved: v })}
                disabled={!open}
              />
              {saved ? <Monitoring period={period} goal={saved} /> : null}
              {open ? (
                <button
                  type="button"
                  className="button link"
                  onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                >
                  {t('guidance.goals.remove', { number })}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {open ? (
          <div className="form-actions">
            <button
              type="button"
              className="button secondary"
              onClick={() =>
                setRows((all) => [
                  ...all,
                  { id: null, goal: '', plan: '', evaluation: '', achieved: 'open' },
                ])
              }
            >
              {t('guidance.goals.add')}
            </button>
            {dirty ? (
              <button type="submit" className="button primary" disabled={update.isPending}>
                {update.isPending ? t('common.saving') : t('guidance.goals.save')}
              </button>
            ) : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}

/** A goal's monitoring notes (the logbook) and a note to add. */
function Monitoring({ period, goal }: { period: Guidance; goal: PortfolioGoal }) {
  const { t, i18n } = useTranslation('gifted');
  const add = useAddMonitoring(period.id);
  const [note, setNote] = useState('');
  const [on, setOn] = useState(todayIso());
  const [missing, setMissing] = useState(false);
  const errors = errorsByPointer(add.error);
  const submit = () => {
    setMissing(!note.trim());
    if (!note.trim()) return;
    add.mutate(
      { version: period.version, body: { goal_id: goal.id, on, note: note.trim() } },
      { onSuccess: () => setNote('') },
    );
  };
  return (
    <div className="subform">
      <h3 className="subheading">{t('guidance.goals.monitoring')}</h3>
      {goal.monitoring.length === 0 ? (
        <p className="muted">{t('guidance.goals.monitoringEmpty')}</p>
      ) : (
        <ul>
          {goal.monitoring.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: notes are only ever appended
            <li key={i}>
              {m.on ? `${formatShortDate(m.on, i18n.language)}: ` : ''}
              {m.note}
            </li>
          ))}
        </ul>
      )}
      {period.status === 'open' ? (
        <div className="inline-form">
          <Failure error={add.error} />
          <TextInput
            type="date"
            label={t('guidance.goals.noteOn')}
            value={on}
            onChange={setOn}
            error={errors['/on']}
          />
          <TextInput
            label={t('guidance.goals.note')}
            value={note}
            onChange={setNote}
            error={missing ? t('common.required') : errors['/note']}
          />
          <button
            type="button"
            className="button secondary"
            disabled={add.isPending}
            onClick={submit}
          >
            {add.isPending ? t('common.saving') : t('guidance.goals.addNote')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

// -- agreements -------------------------------------------------------------------------------

interface AgreementRow {
  who: string;
  what: string;
  when: string;
  how: string;
}

function agreementRows(agreements: Guidance['agreements']): AgreementRow[] {
  return agreements.map((a) => ({
    who: a.who ?? '',
    what: a.what ?? '',
    when: a.when ?? '',
    how: a.how ?? '',
  }));
}

function Agreements({ period, reportDirty }: { period: Guidance; reportDirty: ReportDirty }) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const update = useUpdateGuidance(period.id);
  const [rows, setRows] = useState<AgreementRow[]>(() => agreementRows(period.agreements));
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const dirty = JSON.stringify(rows) !== JSON.stringify(agreementRows(period.agreements));
  useReportDirty(reportDirty, 'agreements', dirty);
  const open = period.status === 'open';
  const errors = errorsByPointer(update.error);

  const change = (i: number, patch: Partial<AgreementRow>) => {
    setSaved(false);
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = rows.flatMap((r, i) => [
      ...(r.who.trim() ? [] : [`${i}-who`]),
      ...(r.what.trim() ? [] : [`${i}-what`]),
    ]);
    setMissing(empty);
    if (empty.length > 0) {
      document.getElementById(`${id}-${empty[0]}`)?.focus();
      return;
    }
    update.mutate(
      {
        version: period.version,
        body: {
          agreements: rows.map((r) => ({
            who: r.who.trim(),
            what: r.what.trim(),
            when: r.when.trim(),
            how: r.how.trim(),
          })),
        },
      },
      {
        onSuccess: (next) => {
          setRows(agreementRows(next.agreements));
          setSaved(true);
        },
      },
    );
  };
  const err = (i: number, field: keyof AgreementRow) =>
    missing.includes(`${i}-${field}`) ? t('common.required') : errors[`/agreements/${i}/${field}`];

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('guidance.agreements.title')}</h2>
      {saved && !dirty ? (
        <p className="alert alert-success" role="status">
          {t('guidance.agreements.saved')}
        </p>
      ) : null}
      {rows.length === 0 ? <EmptyState>{t('guidance.agreements.empty')}</EmptyState> : null}
      <form className="form" onSubmit={submit} noValidate>
        <Failure error={update.error} />
        {rows.map((row, i) => {
          const number = i + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: agreements have no identity of their own
            <fieldset key={i} className="fieldset subform">
              <legend>{t('guidance.agreements.agreement', { number })}</legend>
              <div className="form-grid">
                <TextInput
                  id={`${id}-${i}-who`}
                  label={t('guidance.agreements.who')}
                  value={row.who}
                  onChange={(x) => change(i, { who: x })}
                  required
                  disabled={!open}
                  error={err(i, 'who')}
                />
                <TextInput
                  label={t('guidance.agreements.when')}
                  value={row.when}
                  onChange={(x) => change(i, { when: x })}
                  disabled={!open}
                  error={err(i, 'when')}
                />
              </div>
              <TextArea
                id={`${id}-${i}-what`}
                label={t('guidance.agreements.what')}
                value={row.what}
                onChange={(x) => change(i, { what: x })}
                required
                disabled={!open}
                error={err(i, 'what')}
              />
              <TextArea
                label={t('guidance.agreements.how')}
                value={row.how}
                onChange={(x) => change(i, { how: x })}
                disabled={!open}
                error={err(i, 'how')}
              />
              {open ? (
                <button
                  type="button"
                  className="button link"
                  onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                >
                  {t('guidance.agreements.remove', { number })}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {open ? (
          <div className="form-actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => setRows((all) => [...all, { who: '', what: '', when: '', how: '' }])}
            >
              {t('guidance.agreements.add')}
            </button>
            {dirty ? (
              <button type="submit" className="button primary" disabled={update.isPending}>
                {update.isPending ? t('common.saving') : t('guidance.agreements.save')}
              </button>
            ) : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}

// -- differentiation, external factors, handover ---------------------------------------------

interface DetailValues {
  differentiation: Differentiation[];
  external_factors: string;
  checkin_every_weeks: string;
  ends_on: string;
  student_reflection: string;
  handover_note: string;
  development_points: string;
  transfer_notes: string;
}

function detailValues(p: Guidance): DetailValues {
  return {
    differentiation: [...p.differentiation].sort(),
    external_factors: p.external_factors ?? '',
    checkin_every_weeks: String(p.checkin_every_weeks),
    ends_on: p.ends_on ?? '',
    student_reflection: p.student_reflection,
    handover_note: p.handover_note,
    development_points: p.development_points,
    transfer_notes: p.transfer_notes,
  };
}

/** Only what changed, in the API's shape; external factors only by who may see them. */
function detailChanges(v: DetailValues, base: DetailValues, seesExternal: boolean): GuidanceUpdate {
  const body: GuidanceUpdate = {};
  if (JSON.stringify([...v.differentiation].sort()) !== JSON.stringify(base.differentiation))
    body.differentiation = v.differentiation;
  if (seesExternal && v.external_factors !== base.external_factors)
    body.external_factors = v.external_factors.trim();
  if (v.checkin_every_weeks !== base.checkin_every_weeks)
    body.checkin_every_weeks = Number(v.checkin_every_weeks);
  if (v.ends_on !== base.ends_on) body.ends_on = v.ends_on || null;
  for (const key of [
    'student_reflection',
    'handover_note',
    'development_points',
    'transfer_notes',
  ] as const)
    if (v[key] !== base[key]) body[key] = v[key].trim();
  return body;
}

function Details({ period, reportDirty }: { period: Guidance; reportDirty: ReportDirty }) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const update = useUpdateGuidance(period.id);
  const base = detailValues(period);
  const [edits, setEdits] = useState<Partial<DetailValues>>({});
  const [saved, setSaved] = useState(false);
  const v: DetailValues = { ...base, ...edits };
  const seesExternal = period.external_factors !== null;
  const body = detailChanges(v, base, seesExternal);
  const dirty = Object.keys(body).length > 0;
  useReportDirty(reportDirty, 'details', dirty);
  const open = period.status === 'open';
  const errors = errorsByPointer(update.error);
  const set = <K extends keyof DetailValues>(key: K, value: DetailValues[K]) => {
    setSaved(false);
    setEdits((e) => ({ ...e, [key]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) return;
    update.mutate(
      { version: period.version, body },
      {
        onSuccess: () => {
          setEdits({});
          setSaved(true);
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('guidance.details.title')}</h2>
      {saved && !dirty ? (
        <p className="alert alert-success" role="status">
          {t('guidance.details.saved')}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <Failure error={update.error} />
        <CheckGroup
          legend={t('guidance.differentiation.title')}
          hint={t('guidance.differentiation.hint')}
          value={v.differentiation}
          options={DIFFERENTIATION.map(
            (d) => [d, t(`guidance.differentiation.values.${d}`)] as const,
          )}
          onChange={(next) => set('differentiation', next)}
          error={errors['/differentiation']}
        />
        {seesExternal ? (
          <TextArea
            label={t('guidance.external.title')}
            hint={t('guidance.external.hint')}
            value={v.external_factors}
            onChange={(x) => set('external_factors', x)}
            disabled={!open}
            error={errors['/external_factors']}
          />
        ) : null}
        <div className="form-grid">
          <Choice
            label={t('guidance.details.checkinEvery')}
            value={v.checkin_every_weeks}
            options={Array.from({ length: 12 }, (_, i) => [String(i + 1), String(i + 1)] as const)}
            onChange={(x) => x && set('checkin_every_weeks', x)}
            disabled={!open}
            error={errors['/checkin_every_weeks']}
          />
          <TextInput
            type="date"
            label={t('guidance.details.endsOn')}
            value={v.ends_on}
            onChange={(x) => set('ends_on', x)}
            disabled={!open}
            error={errors['/ends_on']}
          />
        </div>
        <TextArea
          label={t('guidance.details.studentReflection')}
          value={v.student_reflection}
          onChange={(x) => set('student_reflection', x)}
          disabled={!open}
          error={errors['/student_reflection']}
        />
        <TextArea
          label={t('guidance.details.handover')}
          hint={t('guidance.details.handoverHint')}
          value={v.handover_note}
          onChange={(x) => set('handover_note', x)}
          disabled={!open}
          rows={4}
          error={errors['/handover_note']}
        />
        <TextArea
          label={t('guidance.details.developmentPoints')}
          value={v.development_points}
          onChange={(x) => set('development_points', x)}
          disabled={!open}
          error={errors['/development_points']}
        />
        <TextArea
          label={t('guidance.details.transferNotes')}
          value={v.transfer_notes}
          onChange={(x) => set('transfer_notes', x)}
          disabled={!open}
          error={errors['/transfer_notes']}
        />
        {open ? (
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={update.isPending || !dirty}>
              {update.isPending ? t('common.saving') : t('guidance.details.save')}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}

// -- progress meetings ------------------------------------------------------------------------

function Checkins({ period, open: started }: { period: Guidance; open: boolean }) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const checkins = [...period.checkins].sort((a, b) => b.held_on.localeCompare(a.held_on));
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('guidance.checkins.title')}</h2>
      {checkins.length === 0 ? (
        <EmptyState>{t('guidance.checkins.empty')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {checkins.map((c) => (
            <li key={c.id}>
              <p className="record-title">
                {t(`guidance.checkins.progressValues.${c.progress}`)}
                {c.stagnation_cause
                  ? `: ${t(`guidance.checkins.causes.${c.stagnation_cause}`)}`
                  : ''}
              </p>
              <p className="meta">
                {t('guidance.checkins.by', {
                  date: formatShortDate(c.held_on, i18n.language),
                  name: c.held_by_name,
                })}
              </p>
              {c.note ? <p className="pre">{c.note}</p> : null}
              {c.adjustments ? (
                <p className="pre">
                  {t('guidance.checkins.adjustments')}: {c.adjustments}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {period.status === 'open' ? (
        started ? (
          <Disclosure label={t('guidance.checkins.add')}>
            {(close) => <CheckinForm period={period} onClose={close} />}
          </Disclosure>
        ) : (
          <p className="hint">{t('guidance.checkins.notYet')}</p>
        )
      ) : null}
    </section>
  );
}

type Progress = 'on_track' | 'stagnating';
type Cause = NonNullable<Guidance['checkins'][number]['stagnation_cause']>;

function CheckinForm({ period, onClose }: { period: Guidance; onClose: () => void }) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const add = useAddCheckin(period.id);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [progress, setProgress] = useState<Progress>('on_track');
  const [cause, setCause] = useState<Cause | ''>('');
  const [note, setNote] = useState('');
  const [adjustments, setAdjustments] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = errorsByPointer(add.error);
  const causeError = missing ? t('common.required') : errors['/stagnation_cause'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const noCause = progress === 'stagnating' && !cause;
    setMissing(noCause);
    if (noCause) {
      document.getElementById(`${id}-cause-content`)?.focus();
      return;
    }
    add.mutate(
      {
        version: period.version,
        body: {
          held_on: heldOn,
          progress,
          stagnation_cause: progress === 'stagnating' && cause ? cause : null,
          note: note.trim(),
          adjustments: adjustments.trim(),
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={add.error} />
      <div className="form-grid">
        <TextInput
          type="date"
          label={t('guidance.checkins.heldOn')}
          value={heldOn}
          onChange={setHeldOn}
          required
          error={errors['/held_on']}
        />
      </div>
      <fieldset className="fieldset">
        <legend>{t('guidance.checkins.progress')}</legend>
        {(['on_track', 'stagnating'] as const).map((p) => (
          <label key={p} className="check">
            <input
              type="radio"
              name={`${id}-progress`}
              value={p}
              checked={progress === p}
              onChange={() => setProgress(p)}
            />
            {t(`guidance.checkins.progressValues.${p}`)}
          </label>
        ))}
      </fieldset>
      {progress === 'stagnating' ? (
        <fieldset
          className="fieldset"
          aria-describedby={causeError ? `${id}-cause-error` : undefined}
        >
          <legend>
            {t('guidance.checkins.cause')}
            <span aria-hidden="true"> *</span>
          </legend>
          {(['content', 'approach', 'other_circumstances'] as const).map((c) => (
            <label key={c} className="check">
              <input
                type="radio"
                id={`${id}-cause-${c}`}
                name={`${id}-cause`}
                value={c}
                checked={cause === c}
                required
                onChange={() => setCause(c)}
              />
              {t(`guidance.checkins.causes.${c}`)}
            </label>
          ))}
          {causeError ? (
            <p id={`${id}-cause-error`} className="field-error">
              {causeError}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <TextArea
        label={t('guidance.checkins.note')}
        value={note}
        onChange={setNote}
        error={errors['/note']}
      />
      <TextArea
        label={t('guidance.checkins.adjustments')}
        value={adjustments}
        onChange={setAdjustments}
        error={errors['/adjustments']}
      />
      <FormButtons pending={add.isPending} save={t('guidance.checkins.save')} onCancel={onClose} />
    </form>
  );
}

// -- closing ----------------------------------------------------------------------------------

function Close({ period }: { period: Guidance }) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const close = useCloseGuidance(period.id);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('guidance.close')}</h2>
      <p className="hint">{t('guidance.closeHint')}</p>
      {isProblem(close.error, 409) ? (
        <p className="alert alert-warning" role="alert">
          {t('guidance.closeHint')}
        </p>
      ) : (
        <Needs error={close.error} nextLabel="" />
      )}
      <button
        type="button"
        className="button secondary"
        disabled={close.isPending}
        onClick={() => close.mutate({ version: period.version })}
      >
        {close.isPending ? t('common.working') : t('guidance.close')}
      </button>
    </section>
  );
}
