import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type GiftedVocabulary,
  type Term,
  useGiftedVocabulary,
  useRecordSelfAssessment,
} from '../../api/gifted';
import { isProblem } from '../../api/problem';
import { useStudent } from '../../api/queries';
import { Page } from '../../components/Page';
import { ProblemAlert, Skeleton } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import {
  asSkills,
  blockedBecause,
  categories,
  countInColumn,
  type SelfChoice,
  type SelfList,
  toggleSkill,
} from '../../lib/gifted';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { fullName } from '../../lib/names';
import { Failure, TextArea, TextInput } from '../care/bits';
import { NotFoundPage } from '../NotFoundPage';

/** Where the gifted page learns that a self-assessment was just saved. */
export interface SelfAssessedState {
  selfAssessed: true;
}

const LISTS: readonly SelfList[] = ['strengths', 'attention_points'];
const COLUMNS = ['denken', 'doen'] as const;

/** "Jij en jouw executieve vaardigheden": what the student is good at and what needs (extra)
 * attention, each in the columns Denken and Doen with up to three choices per column; a skill
 * is not both. With the student's own words, when it was discussed and what was agreed. */
export function SelfAssessmentPage() {
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
    <SelfAssessmentForm
      studentId={studentId}
      name={fullName(student.data)}
      vocabulary={vocabulary.data}
    />
  );
}

function SelfAssessmentForm({
  studentId,
  name,
  vocabulary,
}: {
  studentId: string;
  name: string;
  vocabulary: GiftedVocabulary;
}) {
  const { t } = useTranslation('gifted');
  const navigate = useNavigate();
  const record = useRecordSelfAssessment(studentId);
  const terms = vocabulary.self_assessment_skills;
  const categoryOf = categories(terms);
  const [choice, setChoice] = useState<SelfChoice>({ strengths: [], attention_points: [] });
  const [filledOn, setFilledOn] = useState(todayIso());
  const [words, setWords] = useState('');
  const [discussedOn, setDiscussedOn] = useState('');
  const [agreed, setAgreed] = useState('');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState(false);
  const [dateProblem, setDateProblem] = useState(false);
  const errors = errorsByPointer(record.error);

  useEffect(() => {
    if (done)
      navigate(`/leerlingen/${studentId}/begaafdheid`, {
        state: { selfAssessed: true } satisfies SelfAssessedState,
      });
  }, [done, navigate, studentId]);

  const touch = () => setTouched(true);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const early = discussedOn !== '' && discussedOn < filledOn;
    setDateProblem(early);
    if (early) return;
    record.mutate(
      {
        filled_on: filledOn,
        strengths: asSkills(choice.strengths),
        attention_points: asSkills(choice.attention_points),
        student_words: words.trim(),
        discussed_on: discussedOn || null,
        agreed_adjustments: agreed.trim(),
      },
      { onSuccess: () => setDone(true) },
    );
  };

  return (
    <Page
      title={t('selfAssessment.title')}
      lead={<Link to={`/leerlingen/${studentId}/begaafdheid`}>{name}</Link>}
    >
      <UnsavedChangesGuard dirty={touched && !done} />
      <form
        className="form stack"
        onSubmit={submit}
        noValidate
        aria-label={t('selfAssessment.title')}
      >
        <p>{t('selfAssessment.intro')}</p>
        <Failure error={record.error} />
        <div className="form-grid">
          <TextInput
            type="date"
            label={t('selfAssessment.filledOn')}
            value={filledOn}
            onChange={(x) => {
              touch();
              setFilledOn(x);
            }}
            required
            error={errors['/filled_on']}
          />
        </div>
        {LISTS.map((list) => (
          <SkillList
            key={list}
            list={list}
            terms={terms}
            choice={choice}
            categoryOf={categoryOf}
            error={errors[`/${list}`]}
            onToggle={(skill) => {
              touch();
              setChoice((c) => toggleSkill(c, list, skill, categoryOf));
            }}
          />
        ))}
        <TextArea
          label={t('selfAssessment.studentWords')}
          hint={t('selfAssessment.studentWordsHint')}
          value={words}
          onChange={(x) => {
            touch();
            setWords(x);
          }}
          rows={4}
          error={errors['/student_words']}
        />
        <div className="form-grid">
          <TextInput
            type="date"
            label={t('selfAssessment.discussedOn')}
            value={discussedOn}
            onChange={(x) => {
              touch();
              setDiscussedOn(x);
            }}
            error={dateProblem ? t('selfAssessment.errors.discussedOn') : errors['/discussed_on']}
          />
        </div>
        <TextArea
          label={t('selfAssessment.agreed')}
          value={agreed}
          onChange={(x) => {
            touch();
            setAgreed(x);
          }}
          rows={4}
          error={errors['/agreed_adjustments']}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={record.isPending}>
            {record.isPending ? t('common.saving') : t('selfAssessment.save')}
          </button>
          <Link className="button secondary" to={`/leerlingen/${studentId}/begaafdheid`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}

/** One question with its two columns of checkboxes; a box that may not be ticked is disabled
 * and says why (chosen for the other question, or three chosen already). */
function SkillList({
  list,
  terms,
  choice,
  categoryOf,
  error,
  onToggle,
}: {
  list: SelfList;
  terms: readonly Term[];
  choice: SelfChoice;
  categoryOf: Readonly<Record<string, string>>;
  error: string | undefined;
  onToggle: (skill: string) => void;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  return (
    <fieldset className="fieldset panel">
      <legend>{t(`selfAssessment.${list}`)}</legend>
      {error ? <p className="field-error">{error}</p> : null}
      <div className="form-grid">
        {COLUMNS.map((column) => {
          const count = countInColumn(choice[list], column, categoryOf);
          return (
            <fieldset key={column} className="fieldset" aria-describedby={`${id}-${column}`}>
              <legend>{t(`selfAssessment.column.${column}`)}</legend>
              <p id={`${id}-${column}`} className="hint" aria-live="polite">
                {t('selfAssessment.count', { count })}
              </p>
              {terms
                .filter((term) => term.category === column)
                .map((term) => {
                  const blocked = blockedBecause(choice, list, term.code, categoryOf);
                  return (
                    <label key={term.code} className="check">
                      <input
                        type="checkbox"
                        checked={choice[list].includes(term.code)}
                        disabled={blocked !== null}
                        onChange={() => onToggle(term.code)}
                      />
                      {term.label}
                      {blocked ? (
                        <span className="meta">
                          {' '}
                          (
                          {blocked === 'other'
                            ? t('selfAssessment.blockedOther')
                            : t('selfAssessment.blockedFull')}
                          )
                        </span>
                      ) : null}
                    </label>
                  );
                })}
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}
