import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Enrolment,
  type EnrolmentGoal,
  type Review,
  useEnrolment,
  useUpdateEnrolment,
} from '../../../api/offerings';
import { Page } from '../../../components/Page';
import { ProblemAlert, Skeleton } from '../../../components/States';
import { formatShortDate } from '../../../lib/dates';
import { errorsByPointer } from '../../../lib/hgw';
import {
  agreementsProblems,
  agreementsToForm,
  goalsAchieved,
  inClassPlanGaps,
  planProblems,
  toAgreements,
} from '../../../lib/offerings';
import { Day, Detail, Disclosure, Failure, FormButtons, Overdue } from '../../care/bits';
import { AgreementsFields, PlanFields, type PlanValues, useRhythm } from './EnrolmentFields';
import { ExitDialog } from './ExitDialog';
import { ReviewForm } from './ReviewForm';

/** One enrolment (deelname): goals with their status, the next review ("te laat" when overdue),
 * the plan for the regular class (flagged when incomplete), the stamschool agreements, the
 * reviews, a review form and the exit. */
export function EnrolmentPage() {
  const { enrolmentId = '' } = useParams();
  const { t } = useTranslation('offerings');
  const enrolment = useEnrolment(enrolmentId);
  if (enrolment.isPending)
    return (
      <Page title={t('enrolment.title', { name: '' })}>
        <Skeleton lines={8} />
      </Page>
    );
  if (enrolment.isError)
    return (
      <Page title={t('enrolment.title', { name: '' })}>
        <ProblemAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} />
      </Page>
    );
  return <EnrolmentView enrolment={enrolment.data} />;
}

export function GoalStatus({ status }: { status: EnrolmentGoal['status'] }) {
  const { t } = useTranslation('offerings');
  const tone =
    status === 'achieved'
      ? 'chip chip-ahead'
      : status === 'not_achieved'
        ? 'chip chip-concern'
        : 'chip';
  return <span className={tone}>{t(`goalStatus.${status}`)}</span>;
}

function EnrolmentView({ enrolment: e }: { enrolment: Enrolment }) {
  const { t, i18n } = useTranslation('offerings');
  const ids = useId();
  const rhythm = useRhythm();
  const [exiting, setExiting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const active = e.status === 'active';
  const count = goalsAchieved(e.goals);
  const gaps = inClassPlanGaps(e.in_class_plan);
  const dateText = (iso: string) => formatShortDate(iso, i18n.language);
  return (
    <Page
      title={t('enrolment.title', { name: e.student_name })}
      lead={t('enrolment.lead', { offering: e.offering.name, date: dateText(e.starts_on) })}
      actions={
        active ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setMessage(null);
              setExiting(true);
            }}
          >
            {t('exit.open')}
          </button>
        ) : null
      }
    >
      <p className="meta">
        {e.application_id ? (
          <>
            <Link to={`/aanmeldingen/${e.application_id}`}>{t('application.titleNoName')}</Link>
            {' · '}
          </>
        ) : null}
        <Link to={`/aanbod/${e.offering.id}/deelnemers`}>
          {t('card.participants')}: {e.offering.name}
        </Link>
      </p>
      {message ? (
        <p className="alert alert-success" role="status">
          {message}
        </p>
      ) : null}
      {!active ? (
        <p className="alert alert-info">
          {t('enrolment.endedOn', {
            date: e.ended_on ? dateText(e.ended_on) : '–',
            reason: e.exit_reason ? t(`exitReason.${e.exit_reason}`) : '–',
          })}
          {e.exit_note ? ` ${e.exit_note}` : ''}
        </p>
      ) : null}

      <div className="two-columns">
        <section className="panel" aria-labelledby={`${ids}-goals`}>
          <h2 id={`${ids}-goals`}>{t('enrolment.goalsTitle')}</h2>
          <p className="meta">
            {t('enrolment.goalsCount', { achieved: count.achieved, total: count.total })}
          </p>
          <ul className="goal-list">
            {e.goals.map((g) => (
              <li key={g.id}>
                {g.text} {g.cognitive ? <span className="chip">{t('card.cognitive')}</span> : null}{' '}
                <GoalStatus status={g.status} />
              </li>
            ))}
          </ul>
          <dl className="details">
            <Detail term={t('enrolment.statusLabel')}>{t(`enrolment.status.${e.status}`)}</Detail>
            <Detail term={t('enrolment.rhythm')}>{rhythm(e.review_every_weeks)}</Detail>
            {active ? (
              <Detail term={t('enrolment.nextReview')}>
                {e.next_review_on ? (
                  <>
                    <Day iso={e.next_review_on} />
                    {e.review_overdue ? (
                      <>
                        {' '}
                        <Overdue>{t('enrolment.reviewOverdue')}</Overdue>
                      </>
                    ) : null}
                  </>
                ) : (
                  t('enrolment.noNextReview')
                )}
              </Detail>
            ) : null}
          </dl>
        </section>

        <section className="panel" aria-labelledby={`${ids}-plan`}>
          <h2 id={`${ids}-plan`}>{t('enrolment.planTitle')}</h2>
          {gaps.length > 0 || !e.in_class_plan.complete ? (
            <p className="alert alert-warning">
              {gaps.length
                ? t('enrolment.planIncomplete', {
                    missing: gaps.map((g) => t(`enrolment.planGap.${g}`)).join(', '),
                  })
                : t('enrolment.planIncompleteShort')}
            </p>
          ) : (
            <p className="meta">{t('enrolment.planComplete')}</p>
          )}
          <dl className="details">
            <Detail term={t('enrolment.regularTeacher')}>
              {e.in_class_plan.regular_teacher_name}
            </Detail>
            <Detail term={t('enrolment.classAdjustments')}>
              {e.in_class_plan.class_adjustments}
            </Detail>
            <Detail term={t('enrolment.alignment')}>{e.in_class_plan.alignment}</Detail>
            <Detail term={t('enrolment.individualPlan')}>
              {e.in_class_plan.individual_plan_id ? (
                <Link to={`/individuele-plannen/${e.in_class_plan.individual_plan_id}`}>
                  {e.in_class_plan.individual_plan_id}
                </Link>
              ) : null}
            </Detail>
          </dl>
          {active ? (
            <Disclosure label={t('enrolment.editPlan')}>
              {(close) => (
                <PlanForm
                  enrolment={e}
                  onClose={close}
                  onSaved={() => {
                    close();
                    setMessage(t('enrolment.planSaved'));
                  }}
                />
              )}
            </Disclosure>
          ) : null}
        </section>
      </div>

      {e.offering.is_placement || e.agreements ? (
        <section className="panel page-section" aria-labelledby={`${ids}-agreements`}>
          <h2 id={`${ids}-agreements`}>{t('enrolment.agreementsTitle')}</h2>
          {e.agreements ? (
            <Agreements agreements={e.agreements} />
          ) : (
            <p className="alert alert-warning">{t('enrolment.noAgreements')}</p>
          )}
          {active ? (
            <Disclosure label={t('enrolment.editAgreements')}>
              {(close) => (
                <AgreementsEditForm
                  enrolment={e}
                  onClose={close}
                  onSaved={() => {
                    close();
                    setMessage(t('enrolment.agreementsSaved'));
                  }}
                />
              )}
            </Disclosure>
          ) : null}
        </section>
      ) : null}

      <section className="panel page-section" aria-labelledby={`${ids}-reviews`}>
        <h2 id={`${ids}-reviews`}>{t('enrolment.reviewsTitle')}</h2>
        {active ? (
          <Disclosure label={t('review.open')} className="button primary">
            {(close) => (
              <ReviewForm
                enrolment={e}
                onClose={close}
                onSaved={() => {
                  close();
                  setMessage(t('review.saved'));
                }}
              />
            )}
          </Disclosure>
        ) : null}
        {e.reviews.length === 0 ? (
          <p className="muted">{t('enrolment.noReviews')}</p>
        ) : (
          <ol className="plain-list timeline-list">
            {[...e.reviews]
              .sort((a, b) => b.reviewed_on.localeCompare(a.reviewed_on))
              .map((r) => (
                <ReviewItem key={r.id} review={r} goals={e.goals} />
              ))}
          </ol>
        )}
      </section>

      <ExitDialog
        open={exiting}
        enrolment={e}
        onClose={() => setExiting(false)}
        onDone={() => {
          setExiting(false);
          setMessage(t('exit.saved'));
        }}
      />
    </Page>
  );
}

function Agreements({ agreements: a }: { agreements: NonNullable<Enrolment['agreements']> }) {
  const { t } = useTranslation('offerings');
  return (
    <dl className="details">
      <Detail term={t('enrolment.responsibilities')}>
        {a.responsibilities.length ? (
          <ul className="goal-list">
            {a.responsibilities.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </Detail>
      <Detail term={t('enrolment.weeklyContact')}>{a.weekly_contact}</Detail>
      <Detail term={t('enrolment.gradualIntake')}>{a.gradual_intake}</Detail>
      <Detail term={t('enrolment.countsForReport')}>
        {a.counts_for_report
          ? `${t('common.yes')}${a.report_subjects ? `: ${a.report_subjects}` : ''}`
          : t('common.no')}
      </Detail>
      <Detail term={t('enrolment.parentContact')}>{a.parent_contact}</Detail>
      <Detail term={t('enrolment.homeSchoolContact')}>{a.home_school_contact}</Detail>
    </dl>
  );
}

function ReviewItem({ review: r, goals }: { review: Review; goals: readonly EnrolmentGoal[] }) {
  const { t } = useTranslation('offerings');
  const who = [
    r.with_student ? t('enrolment.withStudent') : '',
    r.with_parents ? t('enrolment.withParents') : '',
  ].filter(Boolean);
  return (
    <li className="timeline-item">
      <h3 className="timeline-title">
        <Day iso={r.reviewed_on} /> · {t(`reviewDecision.${r.decision}`)}
      </h3>
      <p className="meta">
        {t('enrolment.reviewedBy', { name: r.reviewed_by_name })} ·{' '}
        {who.length ? who.join(', ') : t('enrolment.withNobody')}
      </p>
      <ul className="goal-list">
        {r.goal_progress.map((gp, i) => {
          const goal = goals.find((g) => g.id === gp.goal_id);
          const progress = gp.progress as 'achieved' | 'progressing' | 'not_yet' | undefined;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a review's lines have no id
            <li key={i}>
              {goal?.text ?? gp.text ?? gp.goal_id}:{' '}
              <strong>{progress ? t(`progress.${progress}`) : (gp.progress ?? '')}</strong>
              {gp.note ? ` – ${gp.note}` : ''}
            </li>
          );
        })}
      </ul>
      <dl className="details">
        <Detail term={t('review.classAlignment')}>{r.class_alignment}</Detail>
        <Detail term={t('review.notes')}>{r.notes}</Detail>
        {r.next_review_on ? (
          <Detail term={t('enrolment.nextReview')}>
            <Day iso={r.next_review_on} />
          </Detail>
        ) : null}
      </dl>
    </li>
  );
}

/** Edit the plan for the regular class (PATCH with If-Match). */
function PlanForm({
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
  const update = useUpdateEnrolment(e.id);
  const [plan, setPlan] = useState<PlanValues>({
    regularTeacher: e.in_class_plan.regular_teacher_staff_id ?? '',
    classAdjustments: e.in_class_plan.class_adjustments,
    alignment: e.in_class_plan.alignment,
    individualPlanId: e.in_class_plan.individual_plan_id ?? '',
  });
  const [checked, setChecked] = useState(false);
  const outOfClass = e.offering.setting !== 'own_class';
  const problems = checked ? planProblems(plan, outOfClass) : {};
  const serverErrors = errorsByPointer(update.error);
  const errorAt = (pointer: string) => {
    const problem = problems[pointer];
    return problem ? t(`enrolment.problems.${problem}`) : serverErrors[pointer];
  };
  const idFor = (pointer: string) => `${id}${pointer.replaceAll('/', '-')}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const found = Object.keys(planProblems(plan, outOfClass));
    if (found.length) {
      document.getElementById(idFor(found[0] ?? ''))?.focus();
      return;
    }
    update.mutate(
      {
        version: e.version,
        body: {
          regular_teacher_staff_id: plan.regularTeacher || null,
          class_adjustments: plan.classAdjustments.trim(),
          alignment: plan.alignment.trim(),
          individual_plan_id: plan.individualPlanId.trim() || null,
        },
      },
      { onSuccess: onSaved },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Failure error={update.error} />
      <PlanFields
        schoolId={e.school_id}
        value={plan}
        current={
          e.in_class_plan.regular_teacher_staff_id
            ? {
                id: e.in_class_plan.regular_teacher_staff_id,
                name: e.in_class_plan.regular_teacher_name,
              }
            : null
        }
        onChange={(changes) => setPlan((p) => ({ ...p, ...changes }))}
        errorAt={errorAt}
        idFor={idFor}
      />
      <FormButtons pending={update.isPending} save={t('enrolment.savePlan')} onCancel={onClose} />
    </form>
  );
}

/** Edit the stamschool agreements (PATCH with If-Match). */
function AgreementsEditForm({
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
  const update = useUpdateEnrolment(e.id);
  const [agreements, setAgreements] = useState(() => agreementsToForm(e.agreements));
  const [checked, setChecked] = useState(false);
  const check = () => agreementsProblems(agreements);
  const problems = checked ? check() : {};
  const serverErrors = errorsByPointer(update.error);
  const errorAt = (pointer: string) => {
    const problem = problems[pointer];
    return problem ? t(`enrolment.problems.${problem}`) : serverErrors[pointer];
  };
  const idFor = (pointer: string) => `${id}${pointer.replaceAll('/', '-')}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const found = Object.keys(check());
    if (found.length) {
      document.getElementById(idFor(found[0] ?? ''))?.focus();
      return;
    }
    update.mutate(
      { version: e.version, body: { agreements: toAgreements(agreements) } },
      { onSuccess: onSaved },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Failure error={update.error} />
      <AgreementsFields
        value={agreements}
        onChange={(changes) => setAgreements((a) => ({ ...a, ...changes }))}
        errorAt={errorAt}
        idFor={idFor}
      />
      <FormButtons
        pending={update.isPending}
        save={t('enrolment.saveAgreements')}
        onCancel={onClose}
      />
    </form>
  );
}
