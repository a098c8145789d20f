import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Application,
  type ApplicationRoute,
  type NeedsIntake,
  type Offering,
  useApplication,
  useOfferingCatalogue,
  useStudentNeedsIntakes,
  useSubmitApplication,
  useUpdateApplication,
  useWithdrawApplication,
} from '../../../api/offerings';
import { Field } from '../../../components/Fields';
import { Page } from '../../../components/Page';
import { ProblemAlert, Skeleton } from '../../../components/States';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { formatShortDate } from '../../../lib/dates';
import { errorsByPointer } from '../../../lib/hgw';
import { allowedRoutes, freePlaces, isFull } from '../../../lib/offerings';
import { Failure, TextArea } from '../../care/bits';
import { ApplicationDetails, ApplicationStatus } from './ApplicationDetails';
import {
  IntakeAnswers,
  ObservationSummary,
  OfferingFacts,
  OfferingGoals,
  ProblemDetail,
} from './parts';

/** One application (aanmelding). For the sending school: the draft to complete (the offering
 * from the own and regional catalogue, the motivation, a needs intake), "Indienen" on a route
 * the offering allows and "Intrekken"; after submission the status, the committee's decision,
 * its reason and the waitlist position; once admitted, "Deelname starten". */
export function ApplicationPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation('offerings');
  const application = useApplication(applicationId);
  if (application.isPending)
    return (
      <Page title={t('application.titleNoName')}>
        <Skeleton lines={8} />
      </Page>
    );
  if (application.isError)
    return (
      <Page title={t('application.titleNoName')}>
        <ProblemAlert error={application.error} onRetry={() => void application.refetch()} />
      </Page>
    );
  return <ApplicationView application={application.data} />;
}

function ApplicationView({ application: a }: { application: Application }) {
  const { t } = useTranslation('offerings');
  const ids = useId();
  const [message, setMessage] = useState<string | null>(null);
  const withdrawable =
    a.status === 'draft' || a.status === 'submitted' || a.status === 'waitlisted';
  return (
    <Page
      title={t('application.title', { name: a.snapshot.student_name })}
      lead={
        <>
          {a.offering_name ?? t('application.noOffering')} <ApplicationStatus status={a.status} />
        </>
      }
      actions={
        a.status === 'admitted' ? (
          a.enrolment_id ? (
            <Link className="button secondary" to={`/deelnames/${a.enrolment_id}`}>
              {t('application.enrolment')}
            </Link>
          ) : (
            <Link className="button primary" to={`/deelnames/nieuw?aanmelding=${a.id}`}>
              {t('application.startEnrolment')}
            </Link>
          )
        ) : null
      }
    >
      {message ? (
        <p className="alert alert-success" role="status">
          {message}
        </p>
      ) : null}
      {a.status === 'draft' ? (
        <DraftForm application={a} onDone={setMessage} />
      ) : (
        <section className="panel" aria-labelledby={`${ids}-details`}>
          <h2 id={`${ids}-details`}>{t('application.snapshot')}</h2>
          <ApplicationDetails application={a} headingLevel={3} />
        </section>
      )}
      {withdrawable ? <Withdraw application={a} onDone={setMessage} /> : null}
    </Page>
  );
}

function intakeDate(intake: NeedsIntake): string | null {
  const days = intake.sections.map((s) => s.answered_on).filter((d): d is string => Boolean(d));
  return days.sort().at(-1) ?? null;
}

/** The draft: offering, motivation and intake are saved (PATCH); "Indienen" saves what changed
 * first, then submits on the chosen route. */
function DraftForm({
  application: a,
  onDone,
}: {
  application: Application;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('offerings');
  const id = useId();
  const catalogue = useOfferingCatalogue(a.school_id);
  const intakes = useStudentNeedsIntakes(a.student_id);
  const update = useUpdateApplication(a.id);
  const submit = useSubmitApplication(a.id);
  const [offeringId, setOfferingId] = useState(a.offering_id ?? '');
  const [motivation, setMotivation] = useState(a.motivation);
  const [intakeId, setIntakeId] = useState(a.needs_intake?.id ?? '');
  const [route, setRoute] = useState<ApplicationRoute | ''>(a.route ?? '');
  const [missing, setMissing] = useState<('route' | 'motivation')[]>([]);

  const own = (catalogue.data?.own ?? []).filter((o) => !o.archived);
  const regional = (catalogue.data?.regional ?? []).filter((o) => !o.archived);
  const offering: Offering | undefined = [...own, ...regional].find((o) => o.id === offeringId);
  const routes = allowedRoutes(offering);
  const chosenRoute =
    route && routes.includes(route) ? route : routes.length === 1 ? routes[0] : '';
  const dirty =
    offeringId !== (a.offering_id ?? '') ||
    motivation !== a.motivation ||
    intakeId !== (a.needs_intake?.id ?? '');
  const errors = { ...errorsByPointer(update.error), ...errorsByPointer(submit.error) };

  const body = () => ({
    offering_id: offeringId || null,
    motivation: motivation.trim(),
    needs_intake_id: intakeId || null,
  });
  const saveDraft = (event: FormEvent) => {
    event.preventDefault();
    submit.reset();
    update.mutate(
      { version: a.version, body: body() },
      { onSuccess: () => onDone(t('application.draftSaved')) },
    );
  };
  const send = async () => {
    // The API's own rules for submitting: a route the offering allows and the motivation.
    const empty = [
      motivation.trim() ? null : ('motivation' as const),
      chosenRoute ? null : ('route' as const),
    ].filter((m) => m !== null);
    setMissing(empty);
    if (empty.length) {
      document.getElementById(`${id}-${empty[0]}`)?.focus();
      return;
    }
    if (!chosenRoute) return;
    update.reset();
    let version = a.version;
    try {
      if (dirty) version = (await update.mutateAsync({ version, body: body() })).version;
      await submit.mutateAsync({ version, body: { route: chosenRoute } });
      onDone(t('application.submitted'));
    } catch {
      // The failure is shown with the form (update.error or submit.error).
    }
  };
  const option = (o: Offering) => {
    const full = isFull(freePlaces(o));
    const label =
      o.regional && o.school_id !== a.school_id ? `${o.name} (${o.school_name})` : o.name;
    return (
      <option key={o.id} value={o.id}>
        {full ? `${label} ${t('application.full')}` : label}
      </option>
    );
  };
  const pending = update.isPending || submit.isPending;

  return (
    <>
      <UnsavedChangesGuard dirty={dirty && !pending} />
      <form className="panel form" onSubmit={saveDraft} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('application.draftTitle')}</h2>
        <p className="hint">{t('application.draftIntro')}</p>
        <p className="selection-rule">{t('selectionRule')}</p>
        <dl className="details">
          <div className="details-row">
            <dt>{t('application.student')}</dt>
            <dd>{a.snapshot.student_name}</dd>
          </div>
          {a.snapshot.group_name ? (
            <div className="details-row">
              <dt>{t('application.group')}</dt>
              <dd>{a.snapshot.group_name}</dd>
            </div>
          ) : null}
        </dl>
        <Failure error={update.error ?? submit.error} />
        <ProblemDetail
          error={update.error ?? submit.error}
          shown={['/offering_id', '/motivation', '/needs_intake_id', '/route']}
        />
        {catalogue.isError ? <ProblemAlert error={catalogue.error} /> : null}
        <Field
          label={t('application.offering')}
          error={errors['/offering_id']}
          id={`${id}-offering`}
        >
          {(control) => (
            <select
              {...control}
              value={offeringId}
              disabled={catalogue.isPending}
              onChange={(e) => setOfferingId(e.target.value)}
            >
              <option value="">{t('application.chooseOffering')}</option>
              {own.length ? (
                <optgroup label={t('application.ownOfferings')}>{own.map(option)}</optgroup>
              ) : null}
              {regional.length ? (
                <optgroup label={t('application.regionalOfferings')}>
                  {regional.map(option)}
                </optgroup>
              ) : null}
            </select>
          )}
        </Field>
        {offering ? (
          <details>
            <summary>{offering.name}</summary>
            <OfferingFacts offering={offering} showSchool />
            <OfferingGoals offering={offering} />
          </details>
        ) : null}
        <TextArea
          id={`${id}-motivation`}
          label={t('application.motivation')}
          hint={t('application.motivationHint')}
          value={motivation}
          onChange={setMotivation}
          rows={5}
          required
          error={missing.includes('motivation') ? t('common.required') : errors['/motivation']}
        />
        {a.student_id ? (
          <Field
            label={t('application.needsIntake')}
            hint={
              intakes.isSuccess && intakes.data.length === 0
                ? t('application.intakeNone')
                : undefined
            }
            error={errors['/needs_intake_id']}
          >
            {(control) => (
              <select
                {...control}
                value={intakeId}
                disabled={!intakes.isSuccess}
                onChange={(e) => setIntakeId(e.target.value)}
              >
                <option value="">{t('application.noNeedsIntake')}</option>
                {(intakes.data ?? []).map((intake) => {
                  const day = intakeDate(intake);
                  return (
                    <option key={intake.id} value={intake.id}>
                      {t('application.intakeOption', {
                        date: day ? formatShortDate(day, i18n.language) : '–',
                        state: intake.complete
                          ? t('application.intakeComplete')
                          : t('application.intakeOpen'),
                      })}
                    </option>
                  );
                })}
              </select>
            )}
          </Field>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button secondary" disabled={pending || !dirty}>
            {update.isPending && !submit.isPending
              ? t('common.saving')
              : t('application.saveDraft')}
          </button>
        </div>

        <fieldset className="fieldset">
          <legend>{t('application.submitTitle')}</legend>
          <p className="hint">{t('application.submitIntro')}</p>
          {offering ? (
            <Field
              label={t('application.submitRoute')}
              hint={t('application.submitRouteHint')}
              error={missing.includes('route') ? t('common.required') : errors['/route']}
              id={`${id}-route`}
              required
            >
              {(control) => (
                <select
                  {...control}
                  value={chosenRoute}
                  onChange={(e) => setRoute(e.target.value as ApplicationRoute | '')}
                >
                  {routes.length > 1 ? <option value="">{t('common.none')}</option> : null}
                  {routes.map((r) => (
                    <option key={r} value={r}>
                      {t(`route.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <p className="muted">{t('application.submitNeedsOffering')}</p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              disabled={!offering || pending}
              onClick={() => void send()}
            >
              {submit.isPending ? t('common.working') : t('application.submit')}
            </button>
          </div>
        </fieldset>
      </form>
      <section className="panel page-section" aria-labelledby={`${id}-carried`}>
        <h2 id={`${id}-carried`}>{t('application.observation')}</h2>
        <ObservationSummary observation={a.observation} />
      </section>
      {a.needs_intake ? (
        <section className="panel page-section" aria-labelledby={`${id}-intake`}>
          <h2 id={`${id}-intake`}>{t('application.intake')}</h2>
          <IntakeAnswers intake={a.needs_intake} headingLevel={3} />
        </section>
      ) : null}
    </>
  );
}

/** "Intrekken", after a confirmation in place. */
function Withdraw({
  application: a,
  onDone,
}: {
  application: Application;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('offerings');
  const withdraw = useWithdrawApplication(a.id);
  const [asking, setAsking] = useState(false);
  return (
    <div className="page-section">
      {asking ? (
        <div className="alert alert-warning">
          <p>{t('application.withdrawConfirm')}</p>
          <Failure error={withdraw.error} />
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              disabled={withdraw.isPending}
              onClick={() =>
                withdraw.mutate(
                  { version: a.version },
                  {
                    onSuccess: () => {
                      setAsking(false);
                      onDone(t('application.withdrawn'));
                    },
                  },
                )
              }
            >
              {withdraw.isPending ? t('common.working') : t('application.withdrawYes')}
            </button>
            <button type="button" className="button secondary" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button secondary" onClick={() => setAsking(true)}>
          {t('application.withdraw')}
        </button>
      )}
    </div>
  );
}
