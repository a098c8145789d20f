import { useTranslation } from 'react-i18next';
import type { Application } from '../../../api/offerings';
import { Detail, Moment } from '../../care/bits';
import { IntakeAnswers, ObservationSummary } from './parts';

/** The status of an application in words (colour only as an extra). */
export function ApplicationStatus({ status }: { status: Application['status'] }) {
  const { t } = useTranslation('offerings');
  const tone =
    status === 'rejected' || status === 'withdrawn'
      ? 'status status-archived'
      : status === 'draft'
        ? 'status status-draft'
        : 'status';
  return <span className={tone}>{t(`status.${status}`)}</span>;
}

/** What the committee sees of an application: the snapshot (name, group, school, grade; never
 * origin or sex), route, motivation, and the observation and intake it carries (collapsible). */
export function ApplicationDetails({
  application: a,
  headingLevel = 3,
}: {
  application: Application;
  /** The level of its subheadings (motivation, decision): one below the surrounding heading. */
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation('offerings');
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const decided = a.decided_at !== null;
  return (
    <>
      <dl className="details">
        <Detail term={t('application.group')}>{a.snapshot.group_name}</Detail>
        <Detail term={t('application.school')}>{a.snapshot.school_name}</Detail>
        <Detail term={t('application.grade')}>{a.snapshot.grade}</Detail>
        <Detail term={t('application.kind')}>{t(`application.kinds.${a.kind}`)}</Detail>
        <Detail term={t('application.route')}>{a.route ? t(`route.${a.route}`) : ''}</Detail>
        {a.submitted_at ? (
          <Detail term={t('application.submittedAt')}>
            <Moment iso={a.submitted_at} />{' '}
            <span className="meta">
              {t('application.submittedBy', { name: a.submitted_by_name })}
            </span>
          </Detail>
        ) : null}
        {a.waitlist_position !== null ? (
          <Detail term={t('application.waitlistPosition')}>
            {t('application.waitlistPositionValue', { number: a.waitlist_position })}
          </Detail>
        ) : null}
      </dl>
      <Heading className="subheading">{t('application.motivation')}</Heading>
      {a.motivation ? (
        <p className="pre">{a.motivation}</p>
      ) : (
        <p className="muted">{t('application.noMotivation')}</p>
      )}
      {decided ? (
        <>
          <Heading className="subheading">{t('application.decision')}</Heading>
          <dl className="details">
            <Detail term={t('application.statusLabel')}>
              <ApplicationStatus status={a.status} />
            </Detail>
            <Detail term={t('application.decisionReason')}>{a.decision_reason}</Detail>
            <Detail term={t('application.decidedBy')}>
              {a.decided_by.map((m) => m.name).join(', ')}
            </Detail>
            {a.decided_at ? (
              <Detail term={t('application.decidedAt')}>
                <Moment iso={a.decided_at} />
              </Detail>
            ) : null}
            {a.exception ? (
              <Detail term={t('application.exception')}>
                {a.exception_reason || t('common.yes')}
              </Detail>
            ) : null}
          </dl>
        </>
      ) : null}
      <details>
        <summary>{t('application.observation')}</summary>
        <ObservationSummary observation={a.observation} />
      </details>
      <details>
        <summary>{t('application.intake')}</summary>
        <IntakeAnswers intake={a.needs_intake} headingLevel={headingLevel === 3 ? 4 : 5} />
      </details>
    </>
  );
}
