import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import type { IndividualPlan } from '../../api/hgw';
import { Field, Select } from '../../components/Fields';
import { type GoalDraft, GoalsEditor, goalDrafts, goalsIn, newGoal } from '../hgw/GoalsEditor';

type IhpWrite = Schemas['IhpWrite'];
export const IHP_KINDS: readonly IhpWrite['kind'][] = ['cross_subject', 'subject'];
export const DECIDERS: readonly IhpWrite['decided_by'][] = ['care_team', 'mentor', 'teacher'];
/** The texts of an IHP, in the order of the form and the page. */
export const IHP_TEXTS = [
  'learning_yield_expectation',
  'content',
  'approach',
  'organisation',
  'evaluation_plan',
  'parent_agreements',
] as const;

export interface IhpDraft extends Record<(typeof IHP_TEXTS)[number], string> {
  kind: IhpWrite['kind'];
  decided_by: IhpWrite['decided_by'];
  goals: GoalDraft[];
  student_view: string;
}

export function ihpDraftOf(ihp?: IndividualPlan): IhpDraft {
  return {
    kind: ihp?.kind ?? 'cross_subject',
    decided_by: ihp?.decided_by ?? 'care_team',
    goals: ihp?.goals.length ? goalDrafts(ihp.goals) : [newGoal()],
    learning_yield_expectation: ihp?.learning_yield_expectation ?? '',
    content: ihp?.content ?? '',
    approach: ihp?.approach ?? '',
    organisation: ihp?.organisation ?? '',
    evaluation_plan: ihp?.evaluation_plan ?? '',
    parent_agreements: ihp?.parent_agreements ?? '',
    student_view: ihp?.student_view ?? '',
  };
}

/** The body of a PUT (and, with a student, of a POST); the needs it was based on are kept. */
export function ihpBodyOf(draft: IhpDraft, needIds: readonly string[] = []): IhpWrite {
  return {
    kind: draft.kind,
    decided_by: draft.decided_by,
    need_ids: [...needIds],
    goals: goalsIn(draft.goals),
    learning_yield_expectation: draft.learning_yield_expectation.trim(),
    content: draft.content.trim(),
    approach: draft.approach.trim(),
    organisation: draft.organisation.trim(),
    evaluation_plan: draft.evaluation_plan.trim(),
    parent_agreements: draft.parent_agreements.trim(),
    student_view: draft.student_view.trim(),
  };
}

/** The fields of an IHP (individueel handelingsplan), for adding one and for editing it. */
export function IhpFields({
  draft,
  onChange,
  errors,
}: {
  draft: IhpDraft;
  onChange: (changes: Partial<IhpDraft>) => void;
  /** 422 field errors by JSON pointer. */
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <Select
          label={t('ihp.kindLabel')}
          value={draft.kind}
          options={IHP_KINDS.map((k) => [k, t(`ihp.kind.${k}`)] as const)}
          onChange={(kind) => onChange({ kind })}
        />
        <Select
          label={t('ihp.decidedBy')}
          value={draft.decided_by}
          options={DECIDERS.map((d) => [d, t(`ihp.decider.${d}`)] as const)}
          onChange={(decided_by) => onChange({ decided_by })}
        />
      </div>
      <fieldset className="fieldset">
        <legend>{t('ihp.goals')}</legend>
        <GoalsEditor
          goals={draft.goals}
          onChange={(goals) => onChange({ goals })}
          errors={errors}
          at="/goals"
        />
      </fieldset>
      <div className="form-grid wide">
        {IHP_TEXTS.map((field) => (
          <Field key={field} label={t(`ihp.fields.${field}`)} error={errors[`/${field}`]}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={draft[field]}
                onChange={(e) => onChange({ [field]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <Field label={t('ihp.studentViewLabel')} error={errors['/student_view']}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={draft.student_view}
            onChange={(e) => onChange({ student_view: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
