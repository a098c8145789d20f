import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Application,
  type ApplicationQueue,
  useApplicationQueue,
  useOrderWaitlist,
} from '../../../api/offerings';
import { Page } from '../../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../../components/States';
import {
  isFull,
  moveItem,
  orderChanged,
  freePlaces as placesLeft,
  reconcileOrder,
  staffIdAt,
} from '../../../lib/offerings';
import { useSession } from '../../../session/useMe';
import { Failure } from '../../care/bits';
import { ApplicationDetails, ApplicationStatus } from './ApplicationDetails';
import { DecisionDialog } from './DecisionDialog';
import { FullBadge, OfferingFacts, OfferingGoals } from './parts';

/** The admission committee's queue of one offering: applications to decide, the ordered
 * waitlist (moved with buttons, saved as a whole) and the decisions taken. */
export function CommitteeQueuePage() {
  const { offeringId = '' } = useParams();
  const { t } = useTranslation('offerings');
  const queue = useApplicationQueue(offeringId);
  if (queue.isPending)
    return (
      <Page title={t('queue.title', { name: '' })}>
        <Skeleton lines={8} />
      </Page>
    );
  if (queue.isError)
    return (
      <Page title={t('queue.title', { name: '' })}>
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      </Page>
    );
  return <Queue queue={queue.data} />;
}

function Queue({ queue }: { queue: ApplicationQueue }) {
  const { t } = useTranslation('offerings');
  const me = useSession();
  const { offering } = queue;
  const free = placesLeft(offering, queue.free_places);
  const full = isFull(free);
  const [deciding, setDeciding] = useState<Application | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = useId();

  return (
    <Page
      title={t('queue.title', { name: offering.name })}
      lead={t('queue.lead', {
        school: offering.school_name,
        members: offering.committee.map((m) => m.name).join(', '),
      })}
    >
      <p className="meta">
        <Link to={`/scholen/${offering.school_id}/aanbod`}>{t('common.back')}</Link>
      </p>
      <p className="selection-rule">{t('selectionRule')}</p>
      {done ? (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      ) : null}
      <div className="two-columns">
        <section className="panel" aria-labelledby={`${ids}-places`}>
          <h2 id={`${ids}-places`}>{t('queue.places')}</h2>
          {free === null ? (
            <p>{t('queue.noLimit')}</p>
          ) : full ? (
            <p>
              <FullBadge /> {t('queue.fullHint')}
            </p>
          ) : (
            <p>{t('queue.freePlaces', { count: free })}</p>
          )}
          <OfferingFacts offering={offering} />
        </section>
        <section className="panel" aria-label={t('card.goals')}>
          <OfferingGoals offering={offering} headingLevel={3} />
        </section>
      </div>

      <section className="page-section" aria-labelledby={`${ids}-todo`}>
        <h2 id={`${ids}-todo`}>{t('queue.toDecide')}</h2>
        {queue.to_decide.length === 0 ? (
          <EmptyState>{t('queue.toDecideEmpty')}</EmptyState>
        ) : (
          <ul className="application-list">
            {queue.to_decide.map((a) => (
              <li key={a.id}>
                <ApplicationCard application={a}>
                  <button
                    type="button"
                    className="button primary"
                    aria-label={t('queue.decideNamed', { name: a.snapshot.student_name })}
                    onClick={() => {
                      setDone(null);
                      setDeciding(a);
                    }}
                  >
                    {t('queue.decide')}
                  </button>
                </ApplicationCard>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Waitlist
        offeringId={offering.id}
        waitlist={queue.waitlist}
        onDecide={(a) => {
          setDone(null);
          setDeciding(a);
        }}
      />

      <section className="page-section" aria-labelledby={`${ids}-decided`}>
        <h2 id={`${ids}-decided`}>{t('queue.decided')}</h2>
        {queue.decided.length === 0 ? (
          <EmptyState>{t('queue.decidedEmpty')}</EmptyState>
        ) : (
          <ul className="application-list">
            {queue.decided.map((a) => (
              <li key={a.id}>
                <ApplicationCard application={a}>
                  {a.enrolment_id ? (
                    <Link to={`/deelnames/${a.enrolment_id}`}>{t('application.enrolment')}</Link>
                  ) : a.status === 'admitted' ? (
                    <Link className="button secondary" to={`/deelnames/nieuw?aanmelding=${a.id}`}>
                      {t('application.startEnrolment')}
                    </Link>
                  ) : null}
                </ApplicationCard>
              </li>
            ))}
          </ul>
        )}
      </section>

      <DecisionDialog
        application={deciding}
        offering={offering}
        freePlaces={free}
        callerStaffId={staffIdAt(me, offering.school_id)}
        onClose={() => setDeciding(null)}
        onDecided={(saved) => {
          setDeciding(null);
          setDone(
            t('decision.saved', {
              name: saved.snapshot.student_name,
              decision: t(`status.${saved.status}`),
            }),
          );
        }}
      />
    </Page>
  );
}

function ApplicationCard({
  application: a,
  children,
}: {
  application: Application;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <article className="panel application-card" aria-labelledby={id}>
      <h3 id={id}>
        {a.snapshot.student_name} <ApplicationStatus status={a.status} />
      </h3>
      <ApplicationDetails application={a} headingLevel={4} />
      {children ? <div className="form-actions">{children}</div> : null}
    </article>
  );
}

/** The waitlist in the committee's order: "omhoog" / "omlaag" per application (buttons, so the
 * keyboard works), then "Volgorde opslaan" sends the whole order. */
function Waitlist({
  offeringId,
  waitlist,
  onDecide,
}: {
  offeringId: string;
  waitlist: readonly Application[];
  onDecide: (a: Application) => void;
}) {
  const { t } = useTranslation('offerings');
  const id = useId();
  const save = useOrderWaitlist(offeringId);
  const savedIds = useMemo(() => waitlist.map((a) => a.id), [waitlist]);
  const [order, setOrder] = useState<string[] | null>(null);
  const [announce, setAnnounce] = useState('');
  const [focus, setFocus] = useState<string | null>(null);
  const current = reconcileOrder(order ?? savedIds, savedIds);
  const byId = new Map(waitlist.map((a) => [a.id, a]));
  const changed = orderChanged(savedIds, current);

  // After a move, keep the keyboard on the moved application's button (the other one when it
  // reached the top or the bottom).
  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const move = (index: number, delta: number) => {
    const next = moveItem(current, index, delta);
    const movedId = current[index] ?? '';
    const at = next.indexOf(movedId);
    setOrder(next);
    save.reset();
    const name = byId.get(movedId)?.snapshot.student_name ?? '';
    setAnnounce(t('queue.moved', { name, number: at + 1 }));
    const direction =
      (delta < 0 && at === 0) || (delta > 0 && at === next.length - 1)
        ? delta < 0
          ? 'down'
          : 'up'
        : delta < 0
          ? 'up'
          : 'down';
    setFocus(`${id}-${movedId}-${direction}`);
  };

  return (
    <section className="page-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('queue.waitlist')}</h2>
      {current.length === 0 ? (
        <EmptyState>{t('queue.waitlistEmpty')}</EmptyState>
      ) : (
        <>
          <p className="hint">{t('queue.waitlistHint')}</p>
          <p className="visually-hidden" role="status" aria-live="polite">
            {announce}
          </p>
          <ol className="application-list">
            {current.map((appId, index) => {
              const a = byId.get(appId);
              if (!a) return null;
              const name = a.snapshot.student_name;
              return (
                <li key={appId}>
                  <article className="panel application-card" aria-labelledby={`${id}-${appId}`}>
                    <h3 id={`${id}-${appId}`}>
                      <span className="position">{t('queue.position', { number: index + 1 })}</span>
                      {': '}
                      {name}
                    </h3>
                    <div className="waitlist-controls">
                      <button
                        id={`${id}-${appId}-up`}
                        type="button"
                        className="button secondary"
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        <span aria-hidden="true">↑ </span>
                        {t('queue.moveUp', { name })}
                      </button>
                      <button
                        id={`${id}-${appId}-down`}
                        type="button"
                        className="button secondary"
                        disabled={index === current.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <span aria-hidden="true">↓ </span>
                        {t('queue.moveDown', { name })}
                      </button>
                      <button type="button" className="button link" onClick={() => onDecide(a)}>
                        {t('queue.decideNamed', { name })}
                      </button>
                    </div>
                    <ApplicationDetails application={a} headingLevel={4} />
                  </article>
                </li>
              );
            })}
          </ol>
          <div className="form-actions sticky-actions">
            {changed ? <p className="hint">{t('queue.orderUnsaved')}</p> : null}
            <button
              type="button"
              className="button primary"
              disabled={!changed || save.isPending}
              onClick={() =>
                save.mutate(current, {
                  onSuccess: () => {
                    setOrder(null);
                    setAnnounce('');
                  },
                })
              }
            >
              {save.isPending ? t('common.saving') : t('queue.saveOrder')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={!changed || save.isPending}
              onClick={() => {
                setOrder(null);
                save.reset();
              }}
            >
              {t('queue.resetOrder')}
            </button>
          </div>
          {save.isSuccess && !changed ? (
            <p className="alert alert-success" role="status">
              {t('queue.orderSaved')}
            </p>
          ) : null}
          <Failure error={save.error} />
        </>
      )}
    </section>
  );
}
