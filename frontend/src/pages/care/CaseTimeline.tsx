import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseEvent, CaseRead, RouteDefinition } from '../../api/cases';
import { EmptyState } from '../../components/States';
import { stateOf } from '../../lib/care';
import { Day, Detail, Moment } from './bits';

/** The discussions of the case in care meetings, each linking to its meeting. */
export function Discussions({ c }: { c: CaseRead }) {
  const { t } = useTranslation('care');
  const id = useId();
  if (c.discussions.length === 0) return null;
  return (
    <section className="panel discussions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('discussions.title')}</h2>
      <ul className="plain-list records">
        {c.discussions.map((d) => (
          <li key={d.id}>
            <p className="record-title">
              <Link to={`/zorgoverleggen/${d.meeting_id}`}>{d.meeting_title}</Link>{' '}
              <span className="meta">
                {t(`forum.${d.forum}`)} · {t(`meeting.kind.${d.kind}`)} ·{' '}
                <Moment iso={d.scheduled_at} />
              </span>
            </p>
            <p className="meta">
              {d.discussed_at ? (
                <>
                  {t('discussions.discussedAt')} <Moment iso={d.discussed_at} />
                </>
              ) : (
                t('discussions.notYet')
              )}
              {d.evaluation_on ? (
                <>
                  {' · '}
                  {t('discussions.evaluationOn')} <Day iso={d.evaluation_on} />
                </>
              ) : null}
            </p>
            {d.decisions.length > 0 ? (
              <ul className="goal-list">
                {d.decisions.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How the case was closed: the final evaluation, outcome and aftercare. */
export function ClosureView({ c }: { c: CaseRead }) {
  const { t } = useTranslation('care');
  const id = useId();
  if (!c.closed_at) return null;
  const cl = c.closure;
  return (
    <section className="panel closure" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {c.closure_provisional ? t('closure.closedProvisionally') : t('closure.closed')}
      </h2>
      <p className="meta">
        <Moment iso={c.closed_at} />
      </p>
      {cl ? (
        <dl className="details">
          <Detail term={t('closure.outcome')}>{t(`closure.outcomes.${cl.outcome}`)}</Detail>
          <Detail term={t('closure.evaluatedWith')}>
            {[
              cl.evaluated_with_student ? t('closure.student') : '',
              cl.evaluated_with_parents ? t('closure.parents') : '',
            ]
              .filter(Boolean)
              .join(', ') || t('no')}
          </Detail>
          <Detail term={t('closure.evaluation')}>{cl.evaluation}</Detail>
          <Detail term={t('closure.aftercare')}>{cl.aftercare}</Detail>
        </dl>
      ) : null}
    </section>
  );
}

/** The case's timeline (events, newest first): who took which step, when, and why. */
export function CaseTimeline({
  c,
  definition,
}: {
  c: CaseRead;
  definition: RouteDefinition | undefined;
}) {
  const { t } = useTranslation('care');
  const id = useId();
  const stateName = (key: string | null) => (key ? (stateOf(definition, key)?.name ?? key) : '');
  return (
    <section className="panel timeline" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('timeline.title')}</h2>
      {c.events.length === 0 ? (
        <EmptyState>{t('timeline.empty')}</EmptyState>
      ) : (
        <ol className="timeline-list">
          {c.events.map((e) => (
            <li key={e.id} className={`timeline-item kind-${e.kind}`}>
              <p className="timeline-meta">
                <span className="kind-badge">{eventKind(t, e.kind)}</span>
                <Moment iso={e.at} />
                <span>{e.actor_name}</span>
              </p>
              <h3 className="timeline-title">{eventTitle(t, e, definition, stateName)}</h3>
              {e.from_state && e.to_state && e.from_state !== e.to_state ? (
                <p>
                  {t('timeline.moved', {
                    from: stateName(e.from_state),
                    to: stateName(e.to_state),
                  })}
                </p>
              ) : null}
              {e.reason ? <p className="pre">{e.reason}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const KINDS = [
  'opened',
  'transition',
  'registration',
  'screening',
  'conversation',
  'discussion',
  'action_item',
  'intervention',
  'referral',
  'swv_request',
  'closure',
  'grant',
] as const;
type Kind = (typeof KINDS)[number];

function eventKind(t: TFunction<'care'>, kind: string): string {
  return KINDS.includes(kind as Kind) ? t(`timeline.kind.${kind as Kind}`) : kind;
}

function eventTitle(
  t: TFunction<'care'>,
  e: CaseEvent,
  definition: RouteDefinition | undefined,
  stateName: (key: string | null) => string,
): string {
  const step = definition?.transitions.find((x) => x.key === e.transition_key);
  if (e.kind === 'opened')
    return t('timeline.opened', {
      step: step?.label ?? e.action ?? '',
      state: stateName(e.to_state),
    });
  if (step) return step.label;
  const known = followUpTitle(t, e.kind, e.action ?? '');
  if (known) return known;
  const talk = /^(student|parents)_(before|after|kickoff|evaluation)$/.exec(e.action ?? '');
  if (e.kind === 'conversation' && talk?.[1] && talk[2]) {
    const withWhom = talk[1] as 'student' | 'parents';
    const moment = talk[2] as 'before' | 'after' | 'kickoff' | 'evaluation';
    return `${t(`conversations.with.${withWhom}`)} · ${t(`conversations.moment.${moment}`)}`;
  }
  if (
    e.kind === 'screening' &&
    (e.action === 'accept' || e.action === 'request_info' || e.action === 'first_line_actions')
  )
    return t(`screening.outcomes.${e.action}`);
  return e.action
    ? `${eventKind(t, e.kind)}: ${e.action.replaceAll('_', ' ')}`
    : eventKind(t, e.kind);
}

const ITEM_STATUSES = ['open', 'done', 'cancelled'] as const;
const INTERVENTION_STATUSES = ['planned', 'running', 'ended'] as const;
const TARGETS = [
  'jgz',
  'jeugdhulp',
  'cjg',
  'leerplicht',
  'ggz',
  'mee',
  'verslavingszorg',
  'other',
] as const;
const REFERRAL_STATUSES = ['requested', 'started', 'ended', 'declined'] as const;
const SWV_TYPES = [
  'ambulant_support',
  'consultation',
  'rebound',
  'special_education',
  'other',
] as const;
const SWV_DECISIONS = ['pending', 'granted', 'rejected', 'withdrawn'] as const;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The follow-up events in words: an action item added or done, a referral, a decision. */
function followUpTitle(t: TFunction<'care'>, kind: string, action: string): string | null {
  switch (kind) {
    case 'action_item':
      if (action === 'added') return t('timeline.events.actionAdded');
      if (isOneOf(ITEM_STATUSES, action))
        return t('timeline.events.actionStatus', { status: t(`actionItems.status.${action}`) });
      return null;
    case 'intervention':
      if (action === 'started') return t('timeline.events.interventionStarted');
      if (isOneOf(INTERVENTION_STATUSES, action))
        return t('timeline.events.interventionStatus', {
          status: t(`interventions.status.${action}`),
        });
      return null;
    case 'referral':
      if (isOneOf(TARGETS, action))
        return t('timeline.events.referred', { target: t(`referrals.target.${action}`) });
      if (isOneOf(REFERRAL_STATUSES, action))
        return t('timeline.events.referralStatus', { status: t(`referrals.status.${action}`) });
      return null;
    case 'swv_request':
      if (isOneOf(SWV_TYPES, action))
        return t('timeline.events.swvRequested', { type: t(`swv.type.${action}`) });
      if (isOneOf(SWV_DECISIONS, action))
        return t('timeline.events.swvDecision', { decision: t(`swv.decision.${action}`) });
      return null;
    case 'discussion':
      if (action === 'scheduled') return t('timeline.events.scheduled');
      if (action === 'minutes') return t('timeline.events.minutes');
      return null;
    case 'grant':
      return t('timeline.events.grant');
    default:
      return null;
  }
}
