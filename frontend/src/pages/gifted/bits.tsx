/** Small pieces shared by the gifted-education screens. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Observation, Term } from '../../api/gifted';
import { useStudents } from '../../api/queries';
import { formatShortDate } from '../../lib/dates';
import { fullName } from '../../lib/names';

/** A term's Dutch label from the vocabulary; its code while the vocabulary is missing. */
export function labelOf(terms: readonly Term[] | undefined, code: string): string {
  return terms?.find((term) => term.code === code)?.label ?? code;
}

/** What an observation's recommendation started: a review date, a task for the HB-specialist,
 * a draft application (linking to it), a signal in the group overview. */
export function FollowUpSummary({ observation }: { observation: Observation }) {
  const { t, i18n } = useTranslation('gifted');
  const f = observation.follow_up;
  return (
    <ul className="plain-list">
      {f.kind === 'none' ? <li>{t('followUp.none')}</li> : null}
      {f.kind === 'review' ? (
        <li>
          {f.due_on
            ? t('followUp.review', { date: formatShortDate(f.due_on, i18n.language) })
            : t('followUp.reviewNoDate')}
        </li>
      ) : null}
      {f.kind === 'specialist_task' ? <li>{t('followUp.specialist_task')}</li> : null}
      {f.kind === 'application' ? (
        <li>
          {t('followUp.application')}{' '}
          {f.application_id ? (
            <Link to={`/aanmeldingen/${f.application_id}`}>{t('followUp.openApplication')}</Link>
          ) : null}
        </li>
      ) : null}
      {f.signal_id ? <li>{t('followUp.signal')}</li> : null}
    </ul>
  );
}

/** A score as the table shows it: the number, "n.g." for not observed (with its full words
 * for screen readers), nothing for a skill the observation lacks. */
export function ScoreText({ score }: { score: number | null | undefined }) {
  const { t } = useTranslation('gifted');
  if (score === undefined) return <>{t('common.none')}</>;
  if (score === null)
    return <abbr title={t('score.notObserved')}>{t('score.notObservedShort')}</abbr>;
  return <>{score}</>;
}

export interface ChosenStudent {
  id: string;
  name: string;
}

/** Choose a student of the school by searching their name (as "Nieuwe casus" does). */
export function StudentPicker({
  schoolId,
  value,
  onChange,
  error,
  inputId,
}: {
  schoolId: string;
  value: ChosenStudent | null;
  onChange: (student: ChosenStudent | null) => void;
  error?: string | undefined;
  /** A fixed id of the search field (to focus it). */
  inputId?: string;
}) {
  const { t, i18n } = useTranslation('gifted');
  const generated = useId();
  const id = inputId ?? generated;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const students = useStudents(schoolId, { name: query }, query.length > 0 && !value);
  const found = students.data?.pages.flatMap((p) => p.items) ?? [];
  if (value)
    return (
      <p className="chosen">
        {t('studentPicker.chosen', { name: value.name })}{' '}
        <button type="button" className="button link" onClick={() => onChange(null)}>
          {t('studentPicker.change')}
        </button>
      </p>
    );
  return (
    <>
      <div className={error ? 'field invalid' : 'field'}>
        <label htmlFor={id}>{t('studentPicker.search')}</label>
        <input
          id={id}
          type="search"
          autoComplete="off"
          value={text}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {t('studentPicker.hint')}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      {query && students.isSuccess && found.length === 0 ? (
        <p className="muted" role="status">
          {t('studentPicker.noResults', { query })}
        </p>
      ) : null}
      {found.length > 0 ? (
        <ul className="plain-list result-list" aria-label={t('studentPicker.results')}>
          {found.slice(0, 10).map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="button link"
                onClick={() => onChange({ id: s.id, name: fullName(s) })}
              >
                {t('studentPicker.choose', { name: fullName(s) })}
              </button>{' '}
              <span className="meta">{formatShortDate(s.date_of_birth, i18n.language)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
