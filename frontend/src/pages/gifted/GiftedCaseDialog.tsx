import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useStaff } from '../../api/cases';
import { useOpenGiftedCase } from '../../api/gifted';
import { FormDialog } from '../../components/FormDialog';
import { errorsByPointer } from '../../lib/hgw';
import { Check, Choice, Failure, FormButtons, TextArea } from '../care/bits';
import { staffChoices } from '../care/CaseFileForm';

/** "Complexe casus naar het zorgteam": a case in the school's HB route with a case
 * coordinator (casusregisseur) and the guidance question; opens the new case. */
export function GiftedCaseButton({
  studentId,
  schoolId,
  observationId,
}: {
  studentId: string;
  schoolId: string;
  observationId: string | null;
}) {
  const { t } = useTranslation('gifted');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('giftedCase.button')}
      </button>
      <FormDialog open={open} title={t('giftedCase.title')} onClose={() => setOpen(false)}>
        <GiftedCaseForm
          studentId={studentId}
          schoolId={schoolId}
          observationId={observationId}
          onClose={() => setOpen(false)}
        />
      </FormDialog>
    </>
  );
}

function GiftedCaseForm({
  studentId,
  schoolId,
  observationId,
  onClose,
}: {
  studentId: string;
  schoolId: string;
  observationId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const navigate = useNavigate();
  const staff = useStaff(schoolId);
  const open = useOpenGiftedCase(studentId);
  const [coordinator, setCoordinator] = useState('');
  const [guidanceQuestion, setGuidanceQuestion] = useState('');
  const [helpQuestion, setHelpQuestion] = useState('');
  const [strengths, setStrengths] = useState('');
  const [withObservation, setWithObservation] = useState(observationId !== null);
  const [missing, setMissing] = useState<string[]>([]);
  const errors = errorsByPointer(open.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [
      coordinator ? '' : 'coordinator',
      guidanceQuestion.trim() ? '' : 'guidance',
    ].filter(Boolean);
    setMissing(empty);
    if (empty.length > 0) {
      document.getElementById(`${id}-${empty[0]}`)?.focus();
      return;
    }
    open.mutate(
      {
        coordinator_staff_id: coordinator,
        guidance_question: guidanceQuestion.trim(),
        help_question_student: helpQuestion.trim(),
        strengths_student: strengths.trim(),
        observation_id: withObservation ? observationId : null,
      },
      {
        onSuccess: (opened) => {
          onClose();
          navigate(`/casussen/${opened.id}`);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{t('giftedCase.intro')}</p>
      <Failure error={open.error ?? staff.error} />
      <Choice
        id={`${id}-coordinator`}
        label={t('giftedCase.coordinator')}
        value={coordinator}
        options={staffChoices(staff.data, [])}
        empty={t('common.chooseStaff')}
        onChange={setCoordinator}
        required
        error={
          missing.includes('coordinator') ? t('common.required') : errors['/coordinator_staff_id']
        }
      />
      <TextArea
        id={`${id}-guidance`}
        label={t('giftedCase.guidanceQuestion')}
        value={guidanceQuestion}
        onChange={setGuidanceQuestion}
        required
        error={missing.includes('guidance') ? t('common.required') : errors['/guidance_question']}
      />
      <TextArea
        label={t('giftedCase.helpQuestionStudent')}
        value={helpQuestion}
        onChange={setHelpQuestion}
        error={errors['/help_question_student']}
      />
      <TextArea
        label={t('giftedCase.strengths')}
        value={strengths}
        onChange={setStrengths}
        error={errors['/strengths_student']}
      />
      {observationId ? (
        <Check
          label={t('giftedCase.withObservation')}
          checked={withObservation}
          onChange={setWithObservation}
        />
      ) : null}
      <FormButtons pending={open.isPending} save={t('giftedCase.submit')} onCancel={onClose} />
    </form>
  );
}
