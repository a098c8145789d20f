import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import type { PlanRow } from '../../api/hgw';
import { Field, Select } from '../../components/Fields';
import {
  type GoalDraft,
  GoalsEditor,
  goalDrafts,
  goalsIn,
  newGoal,
  newKey,
} from '../hgw/GoalsEditor';

type RowIn = Schemas['RowIn'];
type DeliveryMode = NonNullable<RowIn['delivery_mode']>;
const TEXTS = ['content', 'approach', 'organisation', 'delivered_by', 'evaluation_plan'] as const;

export interface RowDraft {
  key: number;
  target: RowIn['target'];
  name: string;
  student_ids: string[];
  need_ids: string[];
  domain: RowIn['domain'];
  goals: GoalDraft[];
  content: string;
  approach: string;
  organisation: string;
  delivery_mode: DeliveryMode | '';
  delivered_by: string;
  evaluation_plan: string;
}

export function rowDrafts(rows: readonly PlanRow[]): RowDraft[] {
  return [...rows]
    .sort((a, b) => a.position - b.position)
    .map((r) => ({
      key: newKey(),
      target: r.target,
      name: r.name,
      student_ids: r.student_ids,
      need_ids: r.need_ids,
      domain: r.domain,
      goals: goalDrafts(r.goals),
      content: r.content,
      approach: r.approach,
      organisation: r.organisation,
      delivery_mode: r.delivery_mode ?? '',
      delivered_by: r.delivered_by,
      evaluation_plan: r.evaluation_plan,
    }));
}

export function newRow(name: string): RowDraft {
  return {
    key: newKey(),
    target: 'subgroup',
    name,
    student_ids: [],
    need_ids: [],
    domain: 'basic_skills',
    goals: [newGoal()],
    content: '',
    approach: '',
    organisation: '',
    delivery_mode: '',
    delivered_by: '',
    evaluation_plan: '',
  };
}

export function rowsIn(rows: readonly RowDraft[]): RowIn[] {
  return rows.map(({ key: _key, goals, delivery_mode, name, ...row }) => ({
    ...row,
    name: name.trim(),
    goals: goalsIn(goals),
    delivery_mode: delivery_mode || null,
  }));
}

/** One row of the plan as a card: who (basis group, subgroup, student), goals, what, how,
 * organisation, by whom, and how it is evaluated. */
export function RowEditor({
  row,
  index,
  names,
  errors,
  onChange,
  onRemove,
}: {
  row: RowDraft;
  index: number;
  names: ReadonlyMap<string, string>;
  errors: Record<string, string>;
  onChange: (row: RowDraft) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const at = `/rows/${index}`;
  const set = (changes: Partial<RowDraft>) => onChange({ ...row, ...changes });
  const others = [...names.entries()]
    .filter(([studentId]) => !row.student_ids.includes(studentId))
    .sort((a, b) => a[1].localeCompare(b[1], 'nl'));

  return (
    <fieldset className="panel fieldset row-card">
      <legend>
        {t(`hgw.rowTarget.${row.target}`)}: {row.name || t('plan.unnamed')}
      </legend>
      {errors[at] ? <p className="field-error">{errors[at]}</p> : null}
      <div className="form-grid">
        {row.target === 'basis' ? null : (
          <Select
            label={t('plan.target')}
            value={row.target}
            options={(['subgroup', 'student'] as const).map(
              (target) => [target, t(`hgw.rowTarget.${target}`)] as const,
            )}
            onChange={(target) => set({ target })}
          />
        )}
        <Field label={t('plan.rowName')} error={errors[`${at}/name`]} required>
          {(control) => (
            <input {...control} value={row.name} onChange={(e) => set({ name: e.target.value })} />
          )}
        </Field>
        <Select
          label={t('plan.domain')}
          value={row.domain}
          options={(['basic_skills', 'subject', 'pedagogical'] as const).map(
            (domain) => [domain, t(`hgw.domain.${domain}`)] as const,
          )}
          onChange={(domain) => set({ domain })}
        />
      </div>

      {row.target === 'basis' ? (
        <p className="meta">{t('plan.wholeGroup')}</p>
      ) : (
        <div className="members">
          <p className="field-label" id={`${id}-members`}>
            {t('plan.members')}
          </p>
          {errors[`${at}/student_ids`] ? (
            <p className="field-error">{errors[`${at}/student_ids`]}</p>
          ) : null}
          <ul className="chips" aria-labelledby={`${id}-members`}>
            {row.student_ids.map((studentId) => (
              <li key={studentId} className="chip">
                {names.get(studentId) ?? t('plan.unknownStudent')}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('plan.removeMember', {
                    name: names.get(studentId) ?? '',
                    row: row.name,
                  })}
                  onClick={() =>
                    set({ student_ids: row.student_ids.filter((s) => s !== studentId) })
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          {others.length > 0 ? (
            <label className="field inline">
              <span>{t('plan.addMember')}</span>
              <select
                value=""
                onChange={(e) =>
                  e.target.value && set({ student_ids: [...row.student_ids, e.target.value] })
                }
              >
                <option value="">–</option>
                {others.map(([studentId, name]) => (
                  <option key={studentId} value={studentId}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {row.need_ids.length > 0 ? (
            <p className="meta">{t('plan.linkedNeeds', { count: row.need_ids.length })}</p>
          ) : null}
        </div>
      )}

      <h3 className="subheading">{t('plan.goals')}</h3>
      <GoalsEditor
        goals={row.goals}
        onChange={(goals) => set({ goals })}
        errors={errors}
        at={`${at}/goals`}
      />

      <div className="form-grid wide">
        {TEXTS.map((field) => (
          <Field key={field} label={t(`plan.fields.${field}`)} error={errors[`${at}/${field}`]}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={row[field]}
                onChange={(e) => set({ [field]: e.target.value })}
              />
            )}
          </Field>
        ))}
        <Select
          label={t('plan.fields.delivery_mode')}
          value={row.delivery_mode}
          options={[
            ['', '–'] as const,
            ...(['daily_in_class', 'separate_grouping'] as const).map(
              (mode) => [mode, t(`hgw.deliveryMode.${mode}`)] as const,
            ),
          ]}
          onChange={(delivery_mode) => set({ delivery_mode })}
        />
      </div>
      {onRemove ? (
        <button type="button" className="button link" onClick={onRemove}>
          {t('plan.removeRow', { name: row.name || t('plan.unnamed') })}
        </button>
      ) : null}
    </fieldset>
  );
}
