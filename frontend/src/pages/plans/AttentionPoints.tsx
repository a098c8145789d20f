import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { Field, Select } from '../../components/Fields';
import { newKey } from '../hgw/GoalsEditor';

type AttentionPoint = Schemas['AttentionPoint'];
export type AttentionDraft = AttentionPoint & { key: number };
const TEXTS = ['goal', 'activities', 'who_when', 'evaluation'] as const;

/** Aandachtspunten voor de hele groep: they go into the basis row, not into anyone's needs. */
export function AttentionPoints({
  points,
  onChange,
  errors,
}: {
  points: AttentionDraft[];
  onChange: (points: AttentionDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (key: number, changes: Partial<AttentionPoint>) =>
    onChange(points.map((p) => (p.key === key ? { ...p, ...changes } : p)));
  return (
    <fieldset className="panel fieldset">
      <legend>{t('plan.attentionPoints')}</legend>
      <p className="hint">{t('plan.attentionHint')}</p>
      {points.map((point, index) => {
        const at = `/attention_points/${index}`;
        return (
          <div key={point.key} className="repeat">
            <div className="form-grid">
              <Field
                label={t('plan.attention.description', { number: index + 1 })}
                error={errors[`${at}/description`]}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    value={point.description}
                    onChange={(e) => set(point.key, { description: e.target.value })}
                  />
                )}
              </Field>
              <Select
                label={t('plan.domain')}
                value={point.domain}
                options={(['pedagogical', 'basic_skills', 'subject'] as const).map(
                  (domain) => [domain, t(`hgw.domain.${domain}`)] as const,
                )}
                onChange={(domain) => set(point.key, { domain })}
              />
              {TEXTS.map((field) => (
                <Field
                  key={field}
                  label={t(`plan.attention.${field}`)}
                  error={errors[`${at}/${field}`]}
                >
                  {(control) => (
                    <input
                      {...control}
                      value={point[field]}
                      onChange={(e) => set(point.key, { [field]: e.target.value })}
                    />
                  )}
                </Field>
              ))}
            </div>
            <button
              type="button"
              className="button link"
              onClick={() => onChange(points.filter((p) => p.key !== point.key))}
            >
              {t('plan.attention.remove', { number: index + 1 })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button secondary"
        onClick={() =>
          onChange([
            ...points,
            {
              key: newKey(),
              domain: 'pedagogical',
              description: '',
              goal: '',
              activities: '',
              who_when: '',
              evaluation: '',
            },
          ])
        }
      >
        {t('plan.attention.add')}
      </button>
    </fieldset>
  );
}
