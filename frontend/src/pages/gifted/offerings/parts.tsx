/** Pieces shared by the offering screens: the vocabulary's labels, staff pickers, the goals
 * editor, an offering's facts, the observation and intake an application carries. */
import { useTranslation } from 'react-i18next';
import { type Staff, useStaff } from '../../../api/cases';
import { useGiftedVocabulary } from '../../../api/gifted';
import type { GiftedVocabulary, NeedsIntake, Observation, Offering } from '../../../api/offerings';
import { ApiProblem } from '../../../api/problem';
import { Field } from '../../../components/Fields';
import { formatShortDate } from '../../../lib/dates';
import { fullName } from '../../../lib/names';
import {
  freePlaces,
  type GoalDraft,
  isFull,
  MAX_GOALS,
  offeringAttention,
  ROUTES,
} from '../../../lib/offerings';
import { Check, Day, Detail } from '../../care/bits';
import { labelOf } from '../bits';
import './offerings.css';

// -- vocabulary -------------------------------------------------------------------------------

/** Labels from the API's vocabulary (offering kinds, recommendations, skills, intake
 * questions); the code itself until the vocabulary has loaded. */
export function useVocabulary() {
  const vocabulary = useGiftedVocabulary();
  const v: GiftedVocabulary | undefined = vocabulary.data;
  return {
    query: vocabulary,
    kinds: v?.offering_kinds ?? [],
    kind: (code: string) => labelOf(v?.offering_kinds, code),
    recommendation: (code: string) => labelOf(v?.recommendations, code),
    skills: v?.observation_skills ?? [],
    reverseScored: new Set(v?.reverse_scored ?? []),
    questions: (informant: string) => v?.intake_questions[informant] ?? [],
  };
}

// -- inputs -----------------------------------------------------------------------------------

/** A number typed as text (a Dutch decimal comma is fine): `inputMode` brings up digits. */
export function NumberInput({
  label,
  hint,
  value,
  onChange,
  error,
  decimal = false,
  id,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  decimal?: boolean;
  id?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error} {...(id ? { id } : {})}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode={decimal ? 'decimal' : 'numeric'}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** [staff id, name] choices, sorted; `current` keeps people no longer on the list choosable. */
export function staffOptions(
  staff: readonly Staff[] | undefined,
  current: readonly ({ id: string; name: string } | null)[] = [],
): (readonly [string, string])[] {
  const options = new Map<string, string>();
  for (const s of staff ?? []) options.set(s.id, fullName(s));
  for (const ref of current) if (ref?.id && !options.has(ref.id)) options.set(ref.id, ref.name);
  return [...options].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
}

/** One staff member of a school, or nobody (`empty`). */
export function StaffSelect({
  schoolId,
  label,
  hint,
  empty,
  value,
  current,
  onChange,
  error,
  id,
}: {
  schoolId: string;
  label: string;
  hint?: string;
  empty: string;
  value: string;
  current?: { id: string; name: string } | null;
  onChange: (staffId: string) => void;
  error?: string | undefined;
  id?: string;
}) {
  const staff = useStaff(schoolId);
  const options = staffOptions(staff.data, current ? [current] : []);
  return (
    <Field label={label} hint={hint} error={error} {...(id ? { id } : {})}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{empty}</option>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

// -- goals ------------------------------------------------------------------------------------

let goalKey = 1000;
export function newGoal(cognitive = false): GoalDraft {
  goalKey += 1;
  return { key: goalKey, text: '', cognitive };
}

/** Goals with a "cognitief doel" box each; errors by JSON pointer ("/goals/0/text"). */
export function GoalsEditor({
  goals,
  onChange,
  errors,
  idFor,
}: {
  goals: GoalDraft[];
  onChange: (goals: GoalDraft[]) => void;
  errors: Record<string, string | undefined>;
  /** The id of a goal's text field (focus after a failed check). */
  idFor: (pointer: string) => string;
}) {
  const { t } = useTranslation('offerings');
  const set = (key: number, changes: Partial<GoalDraft>) =>
    onChange(goals.map((g) => (g.key === key ? { ...g, ...changes } : g)));
  return (
    <div className="goals">
      {errors['/goals'] ? (
        <p className="field-error" id={idFor('/goals')} tabIndex={-1}>
          {errors['/goals']}
        </p>
      ) : null}
      {goals.map((goal, index) => (
        <div key={goal.key} className="repeat">
          <Field
            label={t('form.goal', { number: index + 1 })}
            error={errors[`/goals/${index}/text`]}
            id={idFor(`/goals/${index}/text`)}
            required
          >
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={goal.text}
                onChange={(e) => set(goal.key, { text: e.target.value })}
              />
            )}
          </Field>
          <Check
            label={t('form.cognitive', { number: index + 1 })}
            checked={goal.cognitive}
            onChange={(cognitive) => set(goal.key, { cognitive })}
          />
          {goals.length > 1 ? (
            <button
              type="button"
              className="button link"
              onClick={() => onChange(goals.filter((g) => g.key !== goal.key))}
            >
              {t('form.removeGoal', { number: index + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      {goals.length < MAX_GOALS ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => onChange([...goals, newGoal()])}
        >
          {t('form.addGoal')}
        </button>
      ) : null}
    </div>
  );
}

// -- read-outs --------------------------------------------------------------------------------

/** "Vol" in words next to the colour. */
export function FullBadge() {
  const { t } = useTranslation('offerings');
  return <span className="status status-overdue">{t('card.full')}</span>;
}

/** The places of an offering: "3 van 12 bezet · 2 op de wachtlijst", and "Vol". */
export function Places({ offering }: { offering: Offering }) {
  const { t } = useTranslation('offerings');
  const full = isFull(freePlaces(offering));
  return (
    <>
      {offering.capacity === null
        ? t('card.noCapacity', { enrolled: offering.enrolled, waitlisted: offering.waitlisted })
        : t('card.placesText', {
            enrolled: offering.enrolled,
            capacity: offering.capacity,
            waitlisted: offering.waitlisted,
          })}
      {full ? (
        <>
          {' '}
          <FullBadge />
        </>
      ) : null}
    </>
  );
}

export function useHours() {
  const { i18n } = useTranslation('offerings');
  return (hours: number) =>
    new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'nl-NL', {
      maximumFractionDigits: 1,
    }).format(hours);
}

function Period({ offering }: { offering: Offering }) {
  const { t, i18n } = useTranslation('offerings');
  const day = (iso: string) => formatShortDate(iso, i18n.language);
  const { starts_on: from, ends_on: to } = offering;
  if (from && to) return <>{t('card.periodText', { from: day(from), to: day(to) })}</>;
  if (from) return <>{t('card.periodFrom', { from: day(from) })}</>;
  if (to) return <>{t('card.periodUntil', { to: day(to) })}</>;
  return null;
}

/** The facts of an offering as a details list (the card and the committee's page). */
export function OfferingFacts({
  offering,
  showSchool,
}: {
  offering: Offering;
  showSchool?: boolean;
}) {
  const { t } = useTranslation('offerings');
  const hours = useHours();
  const attention = offeringAttention(offering);
  return (
    <dl className="details">
      {showSchool ? <Detail term={t('card.school')}>{offering.school_name}</Detail> : null}
      <Detail term={t('card.setting')}>{t(`setting.${offering.setting}`)}</Detail>
      <Detail term={t('card.duration')}>{t(`duration.${offering.duration}`)}</Detail>
      {offering.starts_on || offering.ends_on ? (
        <Detail term={t('card.period')}>
          <Period offering={offering} />
        </Detail>
      ) : null}
      <Detail term={t('card.schedule')}>{offering.schedule}</Detail>
      {offering.hours_per_week !== null ? (
        <Detail term={t('card.hours')}>
          {t('card.hoursValue', { hours: hours(offering.hours_per_week) })}
        </Detail>
      ) : null}
      <Detail term={t('card.fixedTeacher')}>
        {attention.noFixedTeacher ? (
          <span className="attention">{t('card.noFixedTeacher')}</span>
        ) : (
          offering.fixed_teacher_name
        )}
      </Detail>
      <Detail term={t('card.targetGroup')}>{offering.target_group}</Detail>
      <Detail term={t('card.selectionCriteria')}>{offering.selection_criteria}</Detail>
      <Detail term={t('card.places')}>
        <Places offering={offering} />
      </Detail>
      <Detail term={t('card.routes')}>
        {ROUTES.filter((r) => offering.application_routes.includes(r))
          .map((r) => t(`route.${r}`))
          .join(', ')}
      </Detail>
      <Detail term={t('card.openToOthers')}>
        {offering.open_to_other_schools ? t('common.yes') : t('common.no')}
      </Detail>
      {offering.regional ? <Detail term={t('card.regional')}>{t('common.yes')}</Detail> : null}
      <Detail term={t('card.committee')}>{offering.committee.map((m) => m.name).join(', ')}</Detail>
    </dl>
  );
}

/** The offering's goals, the cognitive ones marked in words. */
export function OfferingGoals({
  offering,
  headingLevel = 4,
}: {
  offering: Offering;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation('offerings');
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const attention = offeringAttention(offering);
  return (
    <div className="offering-goals">
      <Heading className="subheading">{t('card.goals')}</Heading>
      <ul className="goal-list">
        {offering.goals.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: goals of an offering have no id
          <li key={i}>
            {g.text}
            {g.cognitive ? (
              <>
                {' '}
                <span className="chip chip-ahead">{t('card.cognitive')}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {attention.noCognitiveGoal ? <p className="attention">{t('card.noCognitiveGoal')}</p> : null}
    </div>
  );
}

/** The classroom observation an application carries: the recommendation and the scores. */
export function ObservationSummary({ observation }: { observation: Observation | null }) {
  const { t, i18n } = useTranslation('offerings');
  const vocabulary = useVocabulary();
  if (!observation) return <p className="muted">{t('application.noObservation')}</p>;
  const skills = vocabulary.skills.length
    ? vocabulary.skills.map((s) => [s.code, s.label] as const)
    : Object.keys(observation.scores).map((code) => [code, code] as const);
  return (
    <div className="observation-summary">
      <p className="meta">
        {t('application.observedOn', {
          date: formatShortDate(observation.observed_on, i18n.language),
          name: observation.observer_name,
        })}
        {observation.by_specialist ? ` (${t('application.bySpecialist')})` : ''}
      </p>
      <dl className="details">
        <Detail term={t('application.recommendation')}>
          {vocabulary.recommendation(observation.recommendation)}
        </Detail>
        <Detail term={t('application.remarks')}>{observation.remarks}</Detail>
      </dl>
      <table className="table compact">
        <caption>{t('application.scores')}</caption>
        <tbody>
          {skills.map(([code, label]) => {
            const score = observation.scores[code];
            return (
              <tr key={code}>
                <th scope="row">
                  {label}
                  {vocabulary.reverseScored.has(code) ? (
                    <span className="meta"> ({t('application.reverseScored')})</span>
                  ) : null}
                </th>
                <td className="numeric">
                  {score === null || score === undefined ? t('application.notObserved') : score}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const INFORMANTS = ['student', 'teacher', 'parents'] as const;

/** The needs intake's answers per informant, with the questions in words. */
export function IntakeAnswers({
  intake,
  headingLevel = 4,
}: {
  intake: NeedsIntake | null;
  headingLevel?: 3 | 4 | 5;
}) {
  const { t, i18n } = useTranslation('offerings');
  const Heading = headingLevel === 3 ? 'h3' : headingLevel === 4 ? 'h4' : 'h5';
  const vocabulary = useVocabulary();
  if (!intake) return <p className="muted">{t('application.noIntake')}</p>;
  return (
    <div className="intake-answers">
      {intake.complete ? null : <p className="attention">{t('application.intakeIncomplete')}</p>}
      {INFORMANTS.map((informant) => {
        const section = intake.sections.find((s) => s.informant === informant);
        const questions = vocabulary.questions(informant);
        const codes = questions.length
          ? questions.map((q) => [q.code, q.label] as const)
          : Object.keys(section?.answers ?? {}).map((c) => [c, c] as const);
        return (
          <section key={informant} className="intake-section">
            <Heading className="subheading">{t(`application.informant.${informant}`)}</Heading>
            {section?.answered_on ? (
              <p className="meta">
                {t('application.answeredBy', {
                  name: section.respondent,
                  date: formatShortDate(section.answered_on, i18n.language),
                })}
              </p>
            ) : null}
            {section && Object.values(section.answers).some(Boolean) ? (
              <dl className="details">
                {codes.map(([code, question]) => (
                  <Detail key={code} term={question}>
                    {section.answers[code] ?? ''}
                  </Detail>
                ))}
              </dl>
            ) : (
              <p className="muted">{t('application.notAnswered')}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** The API's own words of a refusal (its detail and the errors not next to a field), e.g. which
 * goals are still open when "doelen behaald" is refused. */
export function ProblemDetail({
  error,
  shown = [],
}: {
  error: unknown;
  /** Pointers already shown next to a field. */
  shown?: readonly string[];
}) {
  if (!(error instanceof ApiProblem) || error.status === 401) return null;
  const lines = [
    error.detail ?? '',
    ...error.errors.filter((e) => !shown.includes(e.pointer ?? '')).map((e) => e.detail),
  ].filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <div role="status">
      <ul className="problem-detail">
        {[...new Set(lines)].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

export { Day };
