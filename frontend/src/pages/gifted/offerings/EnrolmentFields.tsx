import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Fields';
import type { AgreementsForm } from '../../../lib/offerings';
import { REVIEW_RHYTHMS } from '../../../lib/offerings';
import { Check, TextArea, TextInput } from '../../care/bits';
import { StaffSelect } from './parts';

type ErrorAt = (pointer: string) => string | undefined;

/** "elk kwartaal (13 weken)", "elke 6 weken". */
export function useRhythm() {
  const { t } = useTranslation('offerings');
  return (weeks: number) =>
    weeks === 13
      ? t('rhythm.quarterly')
      : weeks === 26
        ? t('rhythm.halfYear')
        : t('rhythm.weeks', { count: weeks });
}

export function RhythmSelect({
  value,
  onChange,
  error,
  id,
}: {
  value: number;
  onChange: (weeks: number) => void;
  error?: string | undefined;
  id?: string;
}) {
  const { t } = useTranslation('offerings');
  const rhythm = useRhythm();
  const known: readonly number[] = REVIEW_RHYTHMS;
  const options = known.includes(value) ? [...known] : [...known, value].sort((a, b) => a - b);
  return (
    <Field
      label={t('enrolment.reviewEvery')}
      hint={t('enrolment.reviewEveryHint')}
      error={error}
      {...(id ? { id } : {})}
    >
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(Number(e.target.value))}>
          {options.map((weeks) => (
            <option key={weeks} value={weeks}>
              {rhythm(weeks)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface PlanValues {
  regularTeacher: string;
  classAdjustments: string;
  alignment: string;
  individualPlanId: string;
}

/** "Plan voor de eigen klas": the regular teacher, the class adjustments (compacten, verrijken,
 * wat de leerling overslaat), the alignment, and optionally an individual plan. */
export function PlanFields({
  schoolId,
  value,
  current,
  onChange,
  errorAt,
  idFor,
}: {
  schoolId: string;
  value: PlanValues;
  current?: { id: string; name: string } | null;
  onChange: (changes: Partial<PlanValues>) => void;
  errorAt: ErrorAt;
  idFor: (pointer: string) => string;
}) {
  const { t } = useTranslation('offerings');
  return (
    <>
      <p className="hint">{t('enrolment.planIntro')}</p>
      <StaffSelect
        id={idFor('/regular_teacher_staff_id')}
        schoolId={schoolId}
        label={t('enrolment.regularTeacher')}
        empty={t('enrolment.chooseTeacher')}
        value={value.regularTeacher}
        current={current ?? null}
        onChange={(regularTeacher) => onChange({ regularTeacher })}
        error={errorAt('/regular_teacher_staff_id')}
      />
      <TextArea
        id={idFor('/class_adjustments')}
        label={t('enrolment.classAdjustments')}
        hint={t('enrolment.classAdjustmentsHint')}
        value={value.classAdjustments}
        onChange={(classAdjustments) => onChange({ classAdjustments })}
        error={errorAt('/class_adjustments')}
      />
      <TextArea
        id={idFor('/alignment')}
        label={t('enrolment.alignment')}
        hint={t('enrolment.alignmentHint')}
        value={value.alignment}
        onChange={(alignment) => onChange({ alignment })}
        error={errorAt('/alignment')}
      />
      <TextInput
        id={idFor('/individual_plan_id')}
        label={t('enrolment.individualPlan')}
        hint={t('enrolment.individualPlanHint')}
        value={value.individualPlanId}
        onChange={(individualPlanId) => onChange({ individualPlanId })}
        error={errorAt('/individual_plan_id')}
      />
    </>
  );
}

/** "Afspraken met de stamschool" for a placement outside the home school (001:895-920). */
export function AgreementsFields({
  value,
  onChange,
  errorAt,
  idFor,
}: {
  value: AgreementsForm;
  onChange: (changes: Partial<AgreementsForm>) => void;
  errorAt: ErrorAt;
  idFor: (pointer: string) => string;
}) {
  const { t } = useTranslation('offerings');
  const responsibilitiesError =
    errorAt('/agreements/responsibilities') ??
    value.responsibilities
      .map((_, i) => errorAt(`/agreements/responsibilities/${i}`))
      .find(Boolean);
  const setResponsibility = (index: number, text: string) =>
    onChange({
      responsibilities: value.responsibilities.map((r, i) => (i === index ? text : r)),
    });
  return (
    <>
      <p className="hint">{t('enrolment.agreementsIntro')}</p>
      <fieldset
        className={responsibilitiesError ? 'fieldset invalid' : 'fieldset'}
        id={idFor('/agreements/responsibilities')}
        tabIndex={-1}
      >
        <legend>{t('enrolment.responsibilities')}</legend>
        <p className="hint">{t('enrolment.responsibilitiesHint')}</p>
        {value.responsibilities.map((text, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
          <div key={index} className="repeat">
            <TextInput
              label={t('enrolment.responsibility', { number: index + 1 })}
              value={text}
              onChange={(next) => setResponsibility(index, next)}
            />
            {value.responsibilities.length > 1 ? (
              <button
                type="button"
                className="button link"
                onClick={() =>
                  onChange({
                    responsibilities: value.responsibilities.filter((_, i) => i !== index),
                  })
                }
              >
                {t('enrolment.removeResponsibility', { number: index + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => onChange({ responsibilities: [...value.responsibilities, ''] })}
        >
          {t('enrolment.addResponsibility')}
        </button>
        {responsibilitiesError ? <p className="field-error">{responsibilitiesError}</p> : null}
      </fieldset>
      <TextInput
        id={idFor('/agreements/weekly_contact')}
        label={t('enrolment.weeklyContact')}
        hint={t('enrolment.weeklyContactHint')}
        value={value.weeklyContact}
        onChange={(weeklyContact) => onChange({ weeklyContact })}
        error={errorAt('/agreements/weekly_contact')}
        required
      />
      <TextArea
        id={idFor('/agreements/gradual_intake')}
        label={t('enrolment.gradualIntake')}
        hint={t('enrolment.gradualIntakeHint')}
        value={value.gradualIntake}
        onChange={(gradualIntake) => onChange({ gradualIntake })}
        error={errorAt('/agreements/gradual_intake')}
      />
      <Check
        label={t('enrolment.countsForReport')}
        checked={value.countsForReport}
        onChange={(countsForReport) => onChange({ countsForReport })}
      />
      {value.countsForReport ? (
        <TextInput
          id={idFor('/agreements/report_subjects')}
          label={t('enrolment.reportSubjects')}
          value={value.reportSubjects}
          onChange={(reportSubjects) => onChange({ reportSubjects })}
          error={errorAt('/agreements/report_subjects')}
        />
      ) : null}
      <TextArea
        id={idFor('/agreements/parent_contact')}
        label={t('enrolment.parentContact')}
        hint={t('enrolment.parentContactHint')}
        value={value.parentContact}
        onChange={(parentContact) => onChange({ parentContact })}
        error={errorAt('/agreements/parent_contact')}
        required
      />
      <TextInput
        id={idFor('/agreements/home_school_contact')}
        label={t('enrolment.homeSchoolContact')}
        value={value.homeSchoolContact}
        onChange={(homeSchoolContact) => onChange({ homeSchoolContact })}
        error={errorAt('/agreements/home_school_contact')}
        required
      />
    </>
  );
}
