import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Enrolment,
  type GoalProgress,
  type ReviewDecision,
  useReviewEnrolment,
} from '../../../api/offerings';
import { errorsByPointer, todayIso } from '../../../lib/hgw';
import { Check, Failure, FormButtons, TextArea, TextInput } from '../../care/bits';
import { ProblemDetail } from './parts';

const PROGRESS: readonly GoalProgress[] = ['achieved', 'progressing', 'not_yet'];
const DECISIONS: readonly ReviewDecision[] = ['continue', 'stop'];

interface Line {
  progress: GoalProgress | '';
  note: string;
}

/** A review of every goal (behaald / op weg / nog niet, with a note), with the student and the
 * parents, how the regular class kept up, notes, and doorgaan or stoppen. */
export function ReviewForm({
  enrolment: e,
  onClose,
  onSaved,
}: {
  enrolment: Enrolment;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('offerings');
  const id = useId();
  const review = useReviewEnrolment(e.id);
  const [reviewedOn, setReviewedOn] = useState(todayIso());
  const [lines, setLines] = useState<Record<string, Line>>(() =>
    Object.fromEntries(
      e.goals.map((g) => [g.id, { progress: g.status === 'achieved' ? 'achieved' : '', note: '' }]),
    ),
  );
  const [withStudent, setWithStudent] = useState(false);
  const [withParents, setWithParents] = useState(false);
  const [classAlignment, setClassAlignment] = useState('');
  const [notes, setNotes] = useState('');
  const [decision, setDecision] = useState<ReviewDecision>('continue');
  const [checked, setChecked] = useState(false);
  const errors = errorsByPointer(review.error);
  const missing = e.goals.findIndex((g) => !lines[g.id]?.progress);

  const setLine = (goalId: string, changes: Partial<Line>) =>
    setLines((all) => ({
      ...all,
      [goalId]: { ...(all[goalId] ?? { progress: '', note: '' }), ...changes },
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (missing >= 0) {
      document.getElementById(`${id}-goal-${missing}`)?.focus();
      return;
    }
    review.mutate(
      {
        version: e.version,
        body: {
          reviewed_on: reviewedOn,
          goal_progress: e.goals.map((g) => ({
            goal_id: g.id,
            progress: (lines[g.id]?.progress || 'not_yet') as GoalProgress,
            note: lines[g.id]?.note.trim() ?? '',
          })),
          with_student: withStudent,
          with_parents: withParents,
          class_alignment: classAlignment.trim(),
          notes: notes.trim(),
          decision,
        },
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="form review-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('review.title')}</h3>
      <Failure error={review.error} />
      <ProblemDetail error={review.error} shown={Object.keys(errors)} />
      <TextInput
        type="date"
        label={t('review.reviewedOn')}
        value={reviewedOn}
        onChange={setReviewedOn}
        error={errors['/reviewed_on']}
        required
      />
      {errors['/goal_progress'] ? <p className="field-error">{errors['/goal_progress']}</p> : null}
      {e.goals.map((g, index) => {
        const line = lines[g.id] ?? { progress: '', note: '' };
        const error =
          checked && !line.progress
            ? t('review.progressRequired')
            : errors[`/goal_progress/${index}/progress`];
        return (
          <fieldset
            key={g.id}
            id={`${id}-goal-${index}`}
            tabIndex={-1}
            className={error ? 'fieldset repeat invalid' : 'fieldset repeat'}
            aria-describedby={error ? `${id}-goal-${index}-error` : undefined}
          >
            <legend>{t('review.goalLegend', { goal: g.text })}</legend>
            <div role="radiogroup" aria-label={t('review.progress')}>
              {PROGRESS.map((p) => (
                <label key={p} className="check">
                  <input
                    type="radio"
                    name={`${id}-progress-${index}`}
                    value={p}
                    checked={line.progress === p}
                    onChange={() => setLine(g.id, { progress: p })}
                  />
                  {t(`progress.${p}`)}
                </label>
              ))}
            </div>
            {error ? (
              <p id={`${id}-goal-${index}-error`} className="field-error">
                {error}
              </p>
            ) : null}
            <TextInput
              label={`${t('review.note')}: ${g.text}`}
              value={line.note}
              onChange={(note) => setLine(g.id, { note })}
              error={errors[`/goal_progress/${index}/note`]}
            />
          </fieldset>
        );
      })}
      <Check label={t('review.withStudent')} checked={withStudent} onChange={setWithStudent} />
      <Check label={t('review.withParents')} checked={withParents} onChange={setWithParents} />
      <TextArea
        label={t('review.classAlignment')}
        hint={t('review.classAlignmentHint')}
        value={classAlignment}
        onChange={setClassAlignment}
        error={errors['/class_alignment']}
      />
      <TextArea
        label={t('review.notes')}
        value={notes}
        onChange={setNotes}
        error={errors['/notes']}
      />
      <fieldset className="fieldset">
        <legend>{t('review.decision')}</legend>
        {DECISIONS.map((d) => (
          <label key={d} className="check">
            <input
              type="radio"
              name={`${id}-decision`}
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />
            {t(`reviewDecision.${d}`)}
          </label>
        ))}
        {decision === 'stop' ? <p className="hint">{t('review.stopHint')}</p> : null}
      </fieldset>
      <FormButtons pending={review.isPending} save={t('review.save')} onCancel={onClose} />
    </form>
  );
}
