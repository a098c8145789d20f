/** The instruments on the student's gifted page: the latest observations as a compact table,
 * the teacher's observation next to the student's self-assessment, the self-assessments. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GiftedVocabulary,
  Observation,
  SelfAssessment,
  SkillComparison,
} from '../../api/gifted';
import { EmptyState } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { comparisonRows } from '../../lib/gifted';
import { Detail } from '../care/bits';
import { labelOf, ScoreText } from './bits';

/** Newest first: by day, then by when it was recorded. */
export function newestObservations(observations: readonly Observation[]): Observation[] {
  return [...observations].sort(
    (a, b) =>
      b.observed_on.localeCompare(a.observed_on) || b.created_at.localeCompare(a.created_at),
  );
}

/** The latest observations (at most three) side by side: a row per skill, a column per
 * observation; under it each one's recommendation and whether its follow-up is done. */
export function Observations({
  observations,
  vocabulary,
  name,
}: {
  observations: readonly Observation[];
  vocabulary: GiftedVocabulary;
  name: string;
}) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const latest = newestObservations(observations).slice(0, 3);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('observations.title')}</h2>
      {latest.length === 0 ? (
        <EmptyState>{t('observations.empty', { name })}</EmptyState>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">{t('observations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('observations.skill')}</th>
                {latest.map((o) => (
                  <th key={o.id} scope="col" className="numeric">
                    {t('observations.column', {
                      date: formatShortDate(o.observed_on, i18n.language),
                      name: o.observer_name,
                    })}
                    {o.by_specialist ? (
                      <span className="meta"> ({t('observations.specialist')})</span>
                    ) : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {vocabulary.observation_skills.map((skill) => (
                <tr key={skill.code}>
                  <th scope="row">{skill.label}</th>
                  {latest.map((o) => (
                    <td key={o.id} className="numeric">
                      <ScoreText score={o.scores[skill.code]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="plain-list records">
            {latest.map((o) => (
              <li key={o.id}>
                <p className="record-title">
                  {formatShortDate(o.observed_on, i18n.language)}:{' '}
                  {labelOf(vocabulary.recommendations, o.recommendation)}
                </p>
                <p className="meta">
                  {t('observations.followUp')}: {t(`followUp.kind.${o.follow_up.kind}`)}
                  {o.follow_up.kind !== 'none'
                    ? ` · ${o.follow_up.done ? t('followUp.done') : t('followUp.open')}`
                    : ''}
                  {o.follow_up.due_on
                    ? ` · ${formatShortDate(o.follow_up.due_on, i18n.language)}`
                    : ''}
                </p>
                {o.remarks ? (
                  <dl className="details">
                    <Detail term={t('observations.remarks')}>{o.remarks}</Detail>
                  </dl>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The teacher's latest score next to the student's own view, with "verschilt" (in words,
 * not only a colour) where they see it differently. */
export function SkillComparisonTable({
  comparison,
  vocabulary,
}: {
  comparison: readonly SkillComparison[];
  vocabulary: Pick<GiftedVocabulary, 'observation_skills' | 'reverse_scored'>;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const rows = comparisonRows(comparison, vocabulary.observation_skills, vocabulary.reverse_scored);
  const differing = rows.filter((r) => r.differs).length;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('comparison.title')}</h2>
      {rows.length === 0 ? (
        <EmptyState>{t('comparison.empty')}</EmptyState>
      ) : (
        <>
          <p className="hint">{t('comparison.intro')}</p>
          {differing > 0 ? (
            <p className="alert alert-info">{t('comparison.differsCount', { count: differing })}</p>
          ) : null}
          <table className="table">
            <caption className="visually-hidden">{t('comparison.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('comparison.skill')}</th>
                <th scope="col" className="numeric">
                  {t('comparison.teacher')}
                </th>
                <th scope="col">{t('comparison.student')}</th>
                <th scope="col">{t('comparison.marker')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.skill}>
                  <th scope="row">
                    {row.label}
                    {row.reverse ? (
                      <span className="meta"> ({t('comparison.reverse')})</span>
                    ) : null}
                  </th>
                  <td className="numeric">
                    <ScoreText score={row.teacherScore} />
                  </td>
                  <td>{t(`comparison.view.${row.studentView}`)}</td>
                  <td>
                    {row.differs ? (
                      <span className="chip chip-concern">{t('comparison.differs')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The student's self-assessments, newest first: strengths and attention points in words. */
export function SelfAssessments({
  assessments,
  vocabulary,
}: {
  assessments: readonly SelfAssessment[];
  vocabulary: GiftedVocabulary;
}) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const sorted = [...assessments].sort((a, b) => b.filled_on.localeCompare(a.filled_on));
  const names = (codes: readonly string[]) =>
    codes.map((c) => labelOf(vocabulary.self_assessment_skills, c)).join(', ');
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('selfAssessments.title')}</h2>
      {sorted.length === 0 ? (
        <EmptyState>{t('selfAssessments.empty')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {sorted.map((s) => (
            <li key={s.id}>
              <p className="record-title">
                {t('selfAssessments.filled', {
                  date: formatShortDate(s.filled_on, i18n.language),
                })}
                {s.discussed_on
                  ? ` · ${t('selfAssessments.discussed', { date: formatShortDate(s.discussed_on, i18n.language) })}`
                  : ''}
              </p>
              <dl className="details">
                <Detail term={t('selfAssessment.strengths')}>{names(s.strengths)}</Detail>
                <Detail term={t('selfAssessment.attention_points')}>
                  {names(s.attention_points)}
                </Detail>
                <Detail term={t('selfAssessment.studentWords')}>{s.student_words}</Detail>
                <Detail term={t('selfAssessment.agreed')}>{s.agreed_adjustments}</Detail>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
