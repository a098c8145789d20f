import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, rest } from '../../api/client';
import { hgwKeys, type Plan } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Field } from '../../components/Fields';
import { EmptyState, ProblemAlert } from '../../components/States';
import { errorsByPointer } from '../../lib/hgw';

/** Tussentijdse wijzigingen: an active plan is not rewritten; changes are added, dated. */
export function Amendments({ plan, canAdd }: { plan: Plan; canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/plans/{plan_id}/amendments', {
          params: { path: { plan_id: plan.id } },
          body: { text: text.trim() },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(hgwKeys.plan(saved.id), saved);
      setText('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const when = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
  });
  return (
    <section className="panel" aria-labelledby="amendments">
      <h2 id="amendments">{t('plan.amendments')}</h2>
      {plan.amendments.length === 0 ? (
        <EmptyState>{t('plan.noAmendments')}</EmptyState>
      ) : (
        <ul className="plain-list amendments">
          {plan.amendments.map((a) => (
            <li key={a.id}>
              <p className="meta">
                {when.format(new Date(a.created_at))} · {a.author_name}
              </p>
              <p className="pre">{a.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <form className="form" onSubmit={submit} noValidate>
          {add.isError && !isProblem(add.error, 401) ? <ProblemAlert error={add.error} /> : null}
          <Field label={t('plan.amendmentLabel')} error={errorsByPointer(add.error)['/text']}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button
              type="submit"
              className="button secondary"
              disabled={add.isPending || !text.trim()}
            >
              {t('plan.addAmendment')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
