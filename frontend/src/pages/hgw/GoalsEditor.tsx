import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { Field } from '../../components/Fields';

export interface GoalDraft {
  key: number;
  id?: string | null;
  text: string;
  measure: string;
  target_date: string;
  desired_behaviour: boolean;
}

let nextKey = 1;
/** A key for a new item of an edited list (React needs one; the API does not). */
export const newKey = () => nextKey++;

export const newGoal = (): GoalDraft => ({
  key: newKey(),
  text: '',
  measure: '',
  target_date: '',
  desired_behaviour: false,
});

export function goalDrafts(goals: readonly Schemas['GoalRead'][]): GoalDraft[] {
  return goals.map((g) => ({ ...g, key: newKey(), target_date: g.target_date ?? '' }));
}

export function goalsIn(goals: readonly GoalDraft[]): Schemas['GoalIn'][] {
  return goals.map((g) => ({
    id: g.id ?? null,
    text: g.text.trim(),
    measure: g.measure.trim(),
    target_date: g.target_date || null,
    desired_behaviour: g.desired_behaviour,
  }));
}

/** SMART(I) goals: the goal, how we see it is reached, by when, phrased as desired behaviour. */
export function GoalsEditor({
  goals,
  onChange,
  errors,
  at,
}: {
  goals: GoalDraft[];
  onChange: (goals: GoalDraft[]) => void;
  /** 422 field errors by JSON pointer. */
  errors: Record<string, string>;
  /** The pointer of this list in the request ("/goals", "/rows/1/goals"). */
  at: string;
}) {
  const { t } = useTranslation();
  const set = (key: number, changes: Partial<GoalDraft>) =>
    onChange(goals.map((g) => (g.key === key ? { ...g, ...changes } : g)));
  return (
    <div className="goals">
      {errors[at] ? <p className="field-error">{errors[at]}</p> : null}
      {goals.map((goal, index) => {
        const pointer = `${at}/${index}`;
        return (
          <div key={goal.key} className="repeat">
            <Field
              label={t('goals.goal', { number: index + 1 })}
              error={errors[`${pointer}/text`]}
              required
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  value={goal.text}
                  onChange={(e) => set(goal.key, { text: e.target.value })}
                />
              )}
            </Field>
            <div className="form-grid">
              <Field label={t('goals.measure')} error={errors[`${pointer}/measure`]}>
                {(control) => (
                  <input
                    {...control}
                    value={goal.measure}
                    onChange={(e) => set(goal.key, { measure: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('goals.targetDate')} error={errors[`${pointer}/target_date`]}>
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={goal.target_date}
                    onChange={(e) => set(goal.key, { target_date: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={goal.desired_behaviour}
                onChange={(e) => set(goal.key, { desired_behaviour: e.target.checked })}
              />
              {t('goals.desiredBehaviour')}
            </label>
            {goals.length > 1 ? (
              <button
                type="button"
                className="button link"
                onClick={() => onChange(goals.filter((g) => g.key !== goal.key))}
              >
                {t('goals.remove', { number: index + 1 })}
              </button>
            ) : null}
          </div>
        );
      })}
      <button
        type="button"
        className="button secondary"
        onClick={() => onChange([...goals, newGoal()])}
      >
        {t('goals.add')}
      </button>
    </div>
  );
}
