import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ifMatch, rest } from '../../api/client';
import { hgwKeys, type Plan } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Field } from '../../components/Fields';
import { ProblemAlert } from '../../components/States';
import { errorsByPointer } from '../../lib/hgw';

/** After a step the page shows the plan as the API returns it; a 412 reloads it. */
function useStep<T>(plan: Plan, request: (body: T) => Promise<Plan>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(hgwKeys.plan(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: hgwKeys.plans(saved.school_id) });
    },
    onError: (error) => {
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.plan(plan.id) });
    },
  });
}

/** Tussenevaluatie: halfway, what works and what is adjusted (required beyond 10 weeks). */
export function MidtermReviewForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [review, setReview] = useState('');
  const step = useStep(plan, (text: string) =>
    call(
      rest.POST('/api/v1/plans/{plan_id}/midterm-review', {
        params: { path: { plan_id: plan.id }, header: ifMatch(plan.version) },
        body: { review: text },
      }),
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate(review.trim());
  };
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="midterm">
      <h2 id="midterm">{t('plan.midterm')}</h2>
      {step.isError && !isProblem(step.error, 401) ? <ProblemAlert error={step.error} /> : null}
      <Field label={t('plan.midtermLabel')} error={errorsByPointer(step.error)['/review']} required>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={review}
            onChange={(e) => setReview(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button secondary" disabled={step.isPending}>
          {t('plan.midtermSave')}
        </button>
      </div>
    </form>
  );
}

/** Archiveren: the evaluated plan goes into the group dossier, read-only. */
export function ArchivePlan({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const step = useStep(plan, () =>
    call(
      rest.POST('/api/v1/plans/{plan_id}/archive', {
        params: { path: { plan_id: plan.id }, header: ifMatch(plan.version) },
      }),
    ),
  );
  return (
    <section className="panel" aria-labelledby="archive">
      <h2 id="archive">{t('plan.archiveTitle')}</h2>
      <p>{t('plan.archiveIntro')}</p>
      {step.isError && !isProblem(step.error, 401) ? <ProblemAlert error={step.error} /> : null}
      <button
        type="button"
        className="button secondary"
        disabled={step.isPending}
        onClick={() => step.mutate(undefined)}
      >
        {t('plan.archive')}
      </button>
    </section>
  );
}
