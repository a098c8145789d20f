import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../../../api/cases';
import {
  type Offering,
  type OfferingKind,
  useCreateOffering,
  useUpdateOffering,
} from '../../../api/offerings';
import { FormDialog } from '../../../components/FormDialog';
import { errorsByPointer } from '../../../lib/hgw';
import {
  DURATIONS,
  emptyOfferingForm,
  type OfferingForm as Form,
  offeringFormProblems,
  offeringToForm,
  ROUTES,
  SETTINGS,
  toOfferingWrite,
} from '../../../lib/offerings';
import {
  Check,
  CheckGroup,
  Choice,
  Failure,
  FormButtons,
  TextArea,
  TextInput,
} from '../../care/bits';
import { GoalsEditor, NumberInput, StaffSelect, staffOptions, useVocabulary } from './parts';

/** "Nieuw aanbod" / "Bewerken": the whole OfferingWrite in a dialog. */
export function OfferingDialog({
  open,
  schoolId,
  offering,
  onClose,
  onSaved,
}: {
  open: boolean;
  schoolId: string;
  /** The offering to edit; none for a new one. */
  offering: Offering | null;
  onClose: () => void;
  onSaved: (saved: Offering) => void;
}) {
  const { t } = useTranslation('offerings');
  return (
    <FormDialog
      open={open}
      title={offering ? t('form.editTitle', { name: offering.name }) : t('form.newTitle')}
      onClose={onClose}
    >
      <OfferingForm
        // A fresh form for every offering opened.
        key={offering ? `${offering.id}-${offering.version}` : 'new'}
        schoolId={schoolId}
        offering={offering}
        onClose={onClose}
        onSaved={onSaved}
      />
    </FormDialog>
  );
}

export function OfferingForm({
  schoolId,
  offering,
  onClose,
  onSaved,
}: {
  schoolId: string;
  offering: Offering | null;
  onClose: () => void;
  onSaved: (saved: Offering) => void;
}) {
  const { t } = useTranslation('offerings');
  const id = useId();
  const vocabulary = useVocabulary();
  const staff = useStaff(schoolId);
  const create = useCreateOffering(schoolId);
  const update = useUpdateOffering(offering?.id ?? '');
  const save = offering ? update : create;
  const [form, setForm] = useState<Form>(() =>
    offering ? offeringToForm(offering) : emptyOfferingForm(),
  );
  const [checked, setChecked] = useState(false);
  const patch = (changes: Partial<Form>) => setForm((f) => ({ ...f, ...changes }));

  const problems = checked ? offeringFormProblems(form) : {};
  const serverErrors = errorsByPointer(save.error);
  const err = (pointer: string): string | undefined => {
    const problem = problems[pointer];
    return problem ? t(`form.problems.${problem}`) : serverErrors[pointer];
  };
  const fieldId = (pointer: string) => `${id}${pointer.replaceAll('/', '-')}`;
  const committeeOptions = staffOptions(
    staff.data,
    (offering?.committee ?? []).map((m) => ({ id: m.staff_id, name: m.name })),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const found = Object.keys(offeringFormProblems(form));
    if (found.length > 0) {
      const first = found[0] ?? '';
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    const body = toOfferingWrite(form);
    if (offering) update.mutate({ version: offering.version, body }, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  };

  return (
    <form className="form offering-form" onSubmit={submit} noValidate>
      <p className="hint">{t('form.intro')}</p>
      <Failure error={save.error} />
      <TextInput
        id={fieldId('/name')}
        label={t('form.name')}
        value={form.name}
        onChange={(name) => patch({ name })}
        error={err('/name')}
        required
      />
      <Choice<OfferingKind>
        id={fieldId('/kind')}
        label={t('form.kind')}
        value={form.kind}
        empty={t('form.chooseKind')}
        options={vocabulary.kinds.map((k) => [k.code as OfferingKind, k.label] as const)}
        onChange={(kind) => patch({ kind })}
        error={err('/kind')}
        required
      />
      <fieldset className="fieldset">
        <legend>{t('form.setting')}</legend>
        {SETTINGS.map((s) => (
          <label key={s} className="check">
            <input
              type="radio"
              name={`${id}-setting`}
              value={s}
              checked={form.setting === s}
              onChange={() => patch({ setting: s })}
            />
            {t(`setting.${s}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('form.duration')}</legend>
        <p className="hint">{t('form.durationHint')}</p>
        {DURATIONS.map((d) => (
          <label key={d} className="check">
            <input
              type="radio"
              name={`${id}-duration`}
              value={d}
              checked={form.duration === d}
              onChange={() => patch({ duration: d })}
            />
            {t(`duration.${d}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <TextInput
          id={fieldId('/starts_on')}
          type="date"
          label={t('form.startsOn')}
          value={form.startsOn}
          onChange={(startsOn) => patch({ startsOn })}
          error={err('/starts_on')}
        />
        <TextInput
          id={fieldId('/ends_on')}
          type="date"
          label={t('form.endsOn')}
          value={form.endsOn}
          onChange={(endsOn) => patch({ endsOn })}
          error={err('/ends_on')}
        />
      </div>
      <TextInput
        id={fieldId('/schedule')}
        label={t('form.schedule')}
        hint={t('form.scheduleHint')}
        value={form.schedule}
        onChange={(schedule) => patch({ schedule })}
        error={err('/schedule')}
      />
      <NumberInput
        id={fieldId('/hours_per_week')}
        label={t('form.hoursPerWeek')}
        value={form.hoursPerWeek}
        onChange={(hoursPerWeek) => patch({ hoursPerWeek })}
        error={err('/hours_per_week')}
        decimal
      />
      <StaffSelect
        id={fieldId('/fixed_teacher_staff_id')}
        schoolId={schoolId}
        label={t('form.fixedTeacher')}
        hint={t('form.fixedTeacherHint')}
        empty={t('form.noTeacher')}
        value={form.fixedTeacher}
        current={
          offering?.fixed_teacher_staff_id
            ? { id: offering.fixed_teacher_staff_id, name: offering.fixed_teacher_name }
            : null
        }
        onChange={(fixedTeacher) => patch({ fixedTeacher })}
        error={err('/fixed_teacher_staff_id')}
      />
      <fieldset className="fieldset">
        <legend>{t('form.goals')}</legend>
        <p className="hint">{t('form.goalsHint')}</p>
        <GoalsEditor
          goals={form.goals}
          onChange={(goals) => patch({ goals })}
          errors={Object.fromEntries(
            [
              '/goals',
              ...form.goals.flatMap((_, i) => [`/goals/${i}/text`, `/goals/${i}/cognitive`]),
            ].map((p) => [p, err(p)]),
          )}
          idFor={fieldId}
        />
      </fieldset>
      <TextArea
        id={fieldId('/target_group')}
        label={t('form.targetGroup')}
        hint={t('form.targetGroupHint')}
        value={form.targetGroup}
        onChange={(targetGroup) => patch({ targetGroup })}
        error={err('/target_group')}
        required
      />
      <TextArea
        id={fieldId('/selection_criteria')}
        label={t('form.selectionCriteria')}
        hint={t('form.selectionCriteriaHint')}
        value={form.selectionCriteria}
        onChange={(selectionCriteria) => patch({ selectionCriteria })}
        error={err('/selection_criteria')}
      />
      <NumberInput
        id={fieldId('/capacity')}
        label={t('form.capacity')}
        hint={t('form.capacityHint')}
        value={form.capacity}
        onChange={(capacity) => patch({ capacity })}
        error={err('/capacity')}
      />
      <CheckGroup
        id={fieldId('/application_routes')}
        legend={t('form.routes')}
        hint={t('form.routesHint')}
        options={ROUTES.map((r) => [r, t(`route.${r}`)] as const)}
        value={form.routes}
        onChange={(routes) =>
          patch({ routes: ROUTES.filter((r) => (routes as string[]).includes(r)) })
        }
        error={err('/application_routes')}
      />
      <Check
        label={t('form.regional')}
        checked={form.regional}
        onChange={(regional) => patch({ regional })}
      />
      <Check
        label={t('form.openToOthers')}
        checked={form.openToOtherSchools}
        onChange={(openToOtherSchools) => patch({ openToOtherSchools })}
      />
      <CheckGroup
        id={fieldId('/committee_staff_ids')}
        legend={t('form.committee')}
        hint={t('form.committeeHint')}
        options={committeeOptions}
        value={form.committee}
        onChange={(committee) => patch({ committee })}
        error={err('/committee_staff_ids')}
        status={
          staff.isPending
            ? t('form.staffLoading')
            : t('form.committeeCount', { count: new Set(form.committee).size })
        }
      />
      {offering ? (
        <Check
          label={t('form.archived')}
          checked={form.archived}
          onChange={(archived) => patch({ archived })}
        />
      ) : null}
      <FormButtons
        pending={save.isPending}
        save={offering ? t('form.save') : t('form.create')}
        onCancel={onClose}
      />
    </form>
  );
}
