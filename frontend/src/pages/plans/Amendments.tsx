import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, rest } from '../../api/client';
import { hgwKeys, type Plan } from '../../api/hgw';
import { TextThread } from '../../components/TextThread';

/** Tussentijdse wijzigingen: an active plan is not rewritten; changes are added, dated. */
export function Amendments({ plan, canAdd }: { plan: Plan; canAdd: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <TextThread
      id="amendments"
      title={t('plan.amendments')}
      empty={t('plan.noAmendments')}
      entries={plan.amendments.map((a) => ({
        key: a.id,
        author: a.author_name,
        at: a.created_at,
        text: a.text,
      }))}
      fieldLabel={t('plan.amendmentLabel')}
      buttonLabel={t('plan.addAmendment')}
      send={
        canAdd
          ? (text) =>
              call(
                rest.POST('/api/v1/plans/{plan_id}/amendments', {
                  params: { path: { plan_id: plan.id } },
                  body: { text },
                }),
              )
          : undefined
      }
      onSent={(saved) => queryClient.setQueryData(hgwKeys.plan(saved.id), saved)}
    />
  );
}
