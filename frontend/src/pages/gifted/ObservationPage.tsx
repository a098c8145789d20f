import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type GiftedVocabulary,
  type Observation,
  type Recommendation,
  type Term,
  useGiftedVocabulary,
  useRecordObservation,
} from '../../api/gifted';
import { useOfferingCatalogue } from '../../api/offerings';
import { isProblem } from '../../api/problem';
import { useStudent } from '../../api/queries';
import { Field } from '../../components/Fields';
import { Page } from '../../components/Page';
import { ProblemAlert, Skeleton } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import {
  isScoringKey,
  NOT_OBSERVED,
  nextRow,
  type ObservationValues,
  observationBody,
  observationProblems,
  radioValue,
  SCORES,
  type Scores,
  scoreForKey,
  scoreOfRadio,
  unanswered,
} from '../../lib/gifted';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { fullName } from '../../lib/names';
import { TextArea, TextInput } from '../care/bits';
import { NotFoundPage } from '../NotFoundPage';

/** Where the gifted page finds the observation just saved (to say what it started). */
export interface ObservedState {
  observation: Observation;
}

/** "Observatie-instrument (hoog)begaafdheid": the 14 executive skills scored 1-5 (or not
 * observed), remarks, and one of five recommendations that starts the follow-up. Fast with the
 * keyboard: 1-5 or 0 on a focused row scores it and moves on to the next row. */
export function ObservationPage() {
  const { studentId = '' } = useParams();
  const student = useStudent(studentId);
  const vocabulary = useGiftedVocabulary();
  if (student.isPending || vocabulary.isPending) return <Skeleton lines={10} />;
  if (student.isError) {
    if (isProblem(student.error, 404) || isProblem(student.error, 422))
      return <NotFoundPage what="student" />;
    return <ProblemAlert error={student.error} onRetry={() => void student.refetch()} />;
  }
  if (!student.data) return <NotFoundPage what="student" />;
  if (vocabulary.isError)
    return <ProblemAlert error={vocabulary.error} onRetry={() => void vocabulary.refetch()} />;
  return (
    <ObservationForm
      studentId={studentId}
      schoolId={student.data.schoolId}
      name={fullName(student.data)}
      vocabulary={vocabulary.data}
    />
  );
}

type ProblemKey = 'required' | 'nothingObserved' | 'reviewAfter';

function ObservationForm({
  studentId,
  schoolId,
  name,
  vocabulary,
}: {
  studentId: string;
  schoolId: string;
  name: string;
  vocabulary: GiftedVocabulary;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const navigate = useNavigate();
  const record = useRecordObservation(studentId);
  const skills = vocabulary.observation_skills;
  const codes = skills.map((s) => s.code);
  const [values, setValues] = useState<ObservationValues>({
    observedOn: todayIso(),
    scores: {},
    explanations: {},
    remarks: '',
    recommendation: '',
    reviewOn: '',
    offeringId: '',
  });
  const [touched, setTouched] = useState(false);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<Observation | null>(null);
  const offerings = useOfferingCatalogue(
    schoolId,
    false,
    values.recommendation === 'group_offering',
  );

  useEffect(() => {
    if (saved)
      navigate(`/leerlingen/${studentId}/begaafdheid`, {
        state: { observation: saved } satisfies ObservedState,
      });
  }, [saved, navigate, studentId]);

  const set = <K extends keyof ObservationValues>(key: K, value: ObservationValues[K]) => {
    setTouched(true);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const setScore = (skill: string, score: number | null) => {
    setTouched(true);
    setValues((v) => ({ ...v, scores: { ...v.scores, [skill]: score } }));
  };

  const problems = observationProblems(codes, values);
  const apiErrors = errorsByPointer(record.error);
  const message = (pointer: string, special?: string): string | undefined => {
    const p = tried ? problems[pointer] : undefined;
    if (p === 'required' && special) return special;
    if (p) return t(`observation.errors.${p satisfies ProblemKey}`);
    return apiErrors[pointer];
  };

  const radioId = (skill: string, value: string) => `${id}-${skill}-${value}`;
  const focusRow = (index: number | null, scores: Scores) => {
    if (index === null) {
      document.getElementById(`${id}-remarks`)?.focus();
      return;
    }
    const skill = codes[index] ?? '';
    const value = radioValue(scores[skill]) || '1';
    document.getElementById(radioId(skill, value))?.focus();
  };

  const onRowKey = (index: number, skill: string) => (event: KeyboardEvent<HTMLElement>) => {
    if (!isScoringKey(event)) return;
    const score = scoreForKey(event.key);
    if (score === undefined) return;
    event.preventDefault();
    const scores = { ...values.scores, [skill]: score };
    setScore(skill, score);
    focusRow(nextRow(index, codes.length), scores);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      focusProblem(first);
      return;
    }
    if (!values.recommendation) return;
    record.mutate(observationBody(codes, { ...values, recommendation: values.recommendation }), {
      onSuccess: setSaved,
    });
  };
  const focusProblem = (pointer: string) => {
    if (pointer.startsWith('/scores/')) {
      const skill = pointer.slice('/scores/'.length);
      focusRow(codes.indexOf(skill), values.scores);
    } else if (pointer === '/scores') focusRow(0, values.scores);
    else if (pointer === '/recommendation')
      document.getElementById(`${id}-rec-${vocabulary.recommendations[0]?.code ?? ''}`)?.focus();
    else document.getElementById(`${id}-${pointer.slice(1)}`)?.focus();
  };

  const open = unanswered(codes, values.scores).length;
  const own = offerings.data?.own.filter((o) => !o.archived) ?? [];
  const regional = offerings.data?.regional.filter((o) => !o.archived) ?? [];

  return (
    <Page
      title={t('observation.title')}
      lead={<Link to={`/leerlingen/${studentId}/begaafdheid`}>{name}</Link>}
    >
      <UnsavedChangesGuard dirty={touched && saved === null} />
      <form className="form stack" onSubmit={submit} noValidate aria-label={t('observation.title')}>
        <p>{t('observation.intro')}</p>
        <section className="panel" aria-labelledby={`${id}-keys`}>
          <h2 id={`${id}-keys`} className="subheading">
            {t('observation.keyboardTitle')}
          </h2>
          <p className="hint" id={`${id}-keyboard`}>
            {t('observation.keyboardHint')}
          </p>
        </section>
        {record.isError && !isProblem(record.error, 401) ? (
          <ProblemAlert error={record.error} />
        ) : null}
        {tried && Object.keys(problems).length > 0 ? (
          <p className="alert alert-warning" role="alert">
            {t('observation.problems')}
          </p>
        ) : null}
        <div className="form-grid">
          <TextInput
            type="date"
            id={`${id}-observed_on`}
            label={t('observation.observedOn')}
            value={values.observedOn}
            onChange={(x) => set('observedOn', x)}
            required
            error={message('/observed_on', t('observation.errors.observedOn'))}
          />
        </div>

        <section aria-labelledby={`${id}-skills`}>
          <h2 id={`${id}-skills`}>{t('observation.skills')}</h2>
          <p className="meta" aria-live="polite">
            {t('observation.answered', { done: codes.length - open, total: codes.length })}
          </p>
          {message('/scores') ? (
            <p className="field-error" role="alert">
              {message('/scores')}
            </p>
          ) : null}
          <ol className="plain-list">
            {skills.map((skill, index) => (
              <li key={skill.code}>
                <SkillRow
                  idBase={id}
                  number={index + 1}
                  skill={skill}
                  reverse={vocabulary.reverse_scored.includes(skill.code)}
                  score={values.scores[skill.code]}
                  explanation={values.explanations[skill.code] ?? ''}
                  error={message(`/scores/${skill.code}`)}
                  radioId={radioId}
                  onScore={(score) => setScore(skill.code, score)}
                  onExplain={(text) =>
                    set('explanations', { ...values.explanations, [skill.code]: text })
                  }
                  onKeyDown={onRowKey(index, skill.code)}
                />
              </li>
            ))}
          </ol>
        </section>

        <TextArea
          id={`${id}-remarks`}
          label={t('observation.remarks')}
          value={values.remarks}
          onChange={(x) => set('remarks', x)}
          rows={4}
          error={apiErrors['/remarks']}
        />

        <fieldset
          className="fieldset"
          aria-describedby={`${id}-rec-hint${message('/recommendation') ? ` ${id}-rec-error` : ''}`}
        >
          <legend>
            {t('observation.recommendation')}
            <span aria-hidden="true"> *</span>
          </legend>
          <p className="hint" id={`${id}-rec-hint`}>
            {t('observation.recommendationHint')}
          </p>
          {vocabulary.recommendations.map((r) => (
            <label key={r.code} className="check">
              <input
                type="radio"
                id={`${id}-rec-${r.code}`}
                name={`${id}-recommendation`}
                value={r.code}
                checked={values.recommendation === r.code}
                onChange={() => set('recommendation', r.code as Recommendation)}
              />
              {r.label}
            </label>
          ))}
          {message('/recommendation') ? (
            <p id={`${id}-rec-error`} className="field-error">
              {t('observation.errors.recommendation')}
            </p>
          ) : null}
        </fieldset>

        {values.recommendation === 'challenge_in_class' ? (
          <div className="form-grid">
            <TextInput
              type="date"
              id={`${id}-review_on`}
              label={t('observation.reviewOn')}
              hint={t('observation.reviewOnHint')}
              value={values.reviewOn}
              onChange={(x) => set('reviewOn', x)}
              required
              error={message('/review_on', t('common.required'))}
            />
          </div>
        ) : null}

        {values.recommendation === 'group_offering' ? (
          offerings.isError ? (
            <ProblemAlert error={offerings.error} onRetry={() => void offerings.refetch()} />
          ) : offerings.isSuccess && own.length + regional.length === 0 ? (
            <p className="alert alert-info">{t('observation.noOfferings')}</p>
          ) : (
            <Field
              id={`${id}-offering_id`}
              label={t('observation.offering')}
              hint={t('observation.offeringHint')}
              required
              error={message('/offering_id', t('observation.errors.offering'))}
            >
              {(control) => (
                <select
                  {...control}
                  value={values.offeringId}
                  disabled={offerings.isPending}
                  onChange={(e) => set('offeringId', e.target.value)}
                >
                  <option value="">{t('common.chooseStaff')}</option>
                  {own.length > 0 ? (
                    <optgroup label={t('observation.offeringOwn')}>
                      {own.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  {regional.length > 0 ? (
                    <optgroup label={t('observation.offeringRegional')}>
                      {regional.map((o) => (
                        <option key={o.id} value={o.id}>
                          {`${o.name} (${o.school_name})`}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                </select>
              )}
            </Field>
          )
        ) : null}

        <div className="form-actions">
          <button type="submit" className="button primary" disabled={record.isPending}>
            {record.isPending ? t('common.saving') : t('observation.save')}
          </button>
          <Link className="button secondary" to={`/leerlingen/${studentId}/begaafdheid`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}

/** One skill: its name and guiding question, the score as a plain radio group (1-5 and "niet
 * geobserveerd"), and an optional explanation. Digits typed on the row score it (the page
 * moves focus on). */
function SkillRow({
  idBase,
  number,
  skill,
  reverse,
  score,
  explanation,
  error,
  radioId,
  onScore,
  onExplain,
  onKeyDown,
}: {
  idBase: string;
  number: number;
  skill: Term;
  reverse: boolean;
  score: number | null | undefined;
  explanation: string;
  error: string | undefined;
  radioId: (skill: string, value: string) => string;
  onScore: (score: number | null) => void;
  onExplain: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}) {
  const { t } = useTranslation('gifted');
  const base = `${idBase}-${skill.code}`;
  const current = radioValue(score);
  const options: [string, string][] = [
    ...SCORES.map((n): [string, string] => [
      String(n),
      n === 1 ? `1 ${t('score.low')}` : n === 5 ? `5 ${t('score.high')}` : String(n),
    ]),
    [NOT_OBSERVED, t('score.notObserved')],
  ];
  const describedBy = [
    `${base}-question`,
    reverse ? `${base}-reverse` : '',
    `${idBase}-keyboard`,
    error ? `${base}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    // The row listens for the digits typed on its radios (keyboard scoring).
    <fieldset
      className={error ? 'fieldset panel invalid' : 'fieldset panel'}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
    >
      <legend>
        {number}. {skill.label}
      </legend>
      <p id={`${base}-question`} className="hint">
        {skill.question}
      </p>
      {reverse ? (
        <p id={`${base}-reverse`} className="hint">
          {t('observation.reverse')}
        </p>
      ) : null}
      <div className="chips">
        {options.map(([value, text]) => (
          <label key={value} className="check" htmlFor={radioId(skill.code, value)}>
            <input
              type="radio"
              id={radioId(skill.code, value)}
              name={base}
              value={value}
              checked={current === value}
              onChange={() => onScore(scoreOfRadio(value))}
            />
            {text}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${base}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <details>
        <summary>{t('observation.explanation')}</summary>
        <TextArea
          label={`${t('observation.explanation')}: ${skill.label}`}
          value={explanation}
          onChange={onExplain}
          rows={2}
        />
      </details>
    </fieldset>
  );
}
