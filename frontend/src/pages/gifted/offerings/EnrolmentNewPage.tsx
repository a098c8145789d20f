import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type Application,
  type Offering,
  useApplication,
  useEnrol,
  useOffering,
} from '../../../api/offerings';
import { Page } from '../../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../../components/States';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { errorsByPointer, todayIso } from '../../../lib/hgw';
import {
  emptyEnrolmentForm,
  enrolmentFormProblems,
  type EnrolmentForm as Form,
  toEnrolmentCreate,
} from '../../../lib/offerings';
import { Failure, FormButtons, TextInput } from '../../care/bits';
import { AgreementsFields, PlanFields, RhythmSelect } from './EnrolmentFields';
import { GoalsEditor, ProblemDetail } from './parts';

/** "Deelname starten" (deelnames/nieuw?aanmelding=…): goals (at least one, the cognitive ones
 * marked), the review rhythm, the plan for the regular class and, for a placement outside the
 * home school, the stamschool agreements. */
export function EnrolmentNewPage() {
  const { t } = useTranslation('offerings');
  const [params] = useSearchParams();
  const applicationId = params.get('aanmelding');
  const application = useApplication(applicationId);
  const offering = useOffering(application.data?.offering_id);
  const title = t('enrolment.newTitle');
  if (!applicationId)
    return (
      <Page title={title}>
        <EmptyState>{t('enrolment.noApplication')}</EmptyState>
      </Page>
    );
  if (application.isError || offering.isError)
    return (
      <Page title={title}>
        <ProblemAlert
          error={application.error ?? offering.error}
          onRetry={() => {
            void application.refetch();
            void offering.refetch();
          }}
        />
      </Page>
    );
  if (application.isPending || offering.isPending)
    return (
      <Page title={title}>
        <Skeleton lines={8} />
      </Page>
    );
  const a = application.data;
  if (a.status !== 'admitted' || a.enrolment_id)
    return (
      <Page title={title}>
        <EmptyState
          action={
            <Link to={a.enrolment_id ? `/deelnames/${a.enrolment_id}` : `/aanmeldingen/${a.id}`}>
              {a.enrolment_id
                ? t('application.enrolment')
                : t('application.title', { name: a.snapshot.student_name })}
            </Link>
          }
        >
          {a.enrolment_id ? t('enrolment.alreadyEnrolled') : t('enrolment.notAdmitted')}
        </EmptyState>
      </Page>
    );
  return (
    <Page
      title={title}
      lead={t('enrolment.newLead', { name: a.snapshot.student_name, offering: offering.data.name })}
    >
      <EnrolmentForm application={a} offering={offering.data} />
    </Page>
  );
}

function EnrolmentForm({
  application,
  offering,
}: {
  application: Application;
  offering: Offering;
}) {
  const { t } = useTranslation('offerings');
  const id = useId();
  const navigate = useNavigate();
  const enrol = useEnrol();
  const placement = offering.is_placement;
  const rules = { placement, outOfClass: offering.setting !== 'own_class' };
  const [form, setForm] = useState<Form>(() => emptyEnrolmentForm(todayIso(), offering.goals));
  const [checked, setChecked] = useState(false);
  const [touched, setTouched] = useState(false);
  const patch = (changes: Partial<Form>) => {
    setTouched(true);
    setForm((f) => ({ ...f, ...changes }));
  };

  const problems = checked ? enrolmentFormProblems(form, rules) : {};
  const serverErrors = errorsByPointer(enrol.error);
  const errorAt = (pointer: string): string | undefined => {
    const problem = problems[pointer];
    return problem ? t(`enrolment.problems.${problem}`) : serverErrors[pointer];
  };
  const idFor = (pointer: string) => `${id}${pointer.replaceAll('/', '-')}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const found = Object.keys(enrolmentFormProblems(form, rules));
    if (found.length > 0) {
      document.getElementById(idFor(found[0] ?? ''))?.focus();
      return;
    }
    enrol.mutate(toEnrolmentCreate(form, application.id, placement), {
      onSuccess: (saved) => {
        setTouched(false);
        navigate(`/deelnames/${saved.id}`);
      },
    });
  };

  return (
    <form className="form enrolment-form" onSubmit={submit} noValidate>
      <UnsavedChangesGuard dirty={touched && !enrol.isPending && !enrol.isSuccess} />
      <Failure error={enrol.error} />
      <ProblemDetail error={enrol.error} shown={Object.keys(serverErrors)} />
      {serverErrors[''] ? <p className="field-error">{serverErrors['']}</p> : null}
      <fieldset className="panel fieldset">
        <legend>{t('enrolment.goals')}</legend>
        <p className="hint">{t('enrolment.goalsHint')}</p>
        <div className="form-grid">
          <TextInput
            id={idFor('/starts_on')}
            type="date"
            label={t('enrolment.startsOn')}
            value={form.startsOn}
            onChange={(startsOn) => patch({ startsOn })}
            error={errorAt('/starts_on')}
            required
          />
          <RhythmSelect
            id={idFor('/review_every_weeks')}
            value={form.reviewEveryWeeks}
            onChange={(reviewEveryWeeks) => patch({ reviewEveryWeeks })}
            error={errorAt('/review_every_weeks')}
          />
        </div>
        <GoalsEditor
          goals={form.goals}
          onChange={(goals) => patch({ goals })}
          errors={Object.fromEntries(
            ['/goals', ...form.goals.map((_, i) => `/goals/${i}/text`)].map((p) => [p, errorAt(p)]),
          )}
          idFor={idFor}
        />
      </fieldset>
      <fieldset className="panel fieldset">
        <legend>{t('enrolment.plan')}</legend>
        <PlanFields
          schoolId={application.school_id}
          value={form}
          onChange={patch}
          errorAt={errorAt}
          idFor={idFor}
        />
      </fieldset>
      {placement ? (
        <fieldset className="panel fieldset">
          <legend>{t('enrolment.agreements')}</legend>
          <AgreementsFields
            value={form.agreements}
            onChange={(changes) => patch({ agreements: { ...form.agreements, ...changes } })}
            errorAt={errorAt}
            idFor={idFor}
          />
        </fieldset>
      ) : null}
      <FormButtons
        pending={enrol.isPending}
        save={t('enrolment.create')}
        onCancel={() => navigate(`/aanmeldingen/${application.id}`)}
      />
    </form>
  );
}
