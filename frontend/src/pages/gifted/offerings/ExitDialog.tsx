import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Enrolment, type ExitReason, useExitEnrolment } from '../../../api/offerings';
import { FormDialog } from '../../../components/FormDialog';
import { errorsByPointer, todayIso } from '../../../lib/hgw';
import { openGoals } from '../../../lib/offerings';
import { Failure, FormButtons, TextArea, TextInput } from '../../care/bits';
import { ProblemDetail } from './parts';

const REASONS: readonly ExitReason[] = ['goals_met', 'not_fitting', 'transfer', 'other'];

/** End an enrolment: the date, the reason (doelen behaald / past niet / overstap / anders) and
 * a note. The API refuses "doelen behaald" while goals are open and names them: that message is
 * shown as the API gives it, next to the open goals we know of. */
export function ExitDialog({
  open,
  enrolment,
  onClose,
  onDone,
}: {
  open: boolean;
  enrolment: Enrolment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('offerings');
  return (
    <FormDialog open={open} title={t('exit.title')} onClose={onClose}>
      <ExitForm enrolment={enrolment} onClose={onClose} onDone={onDone} />
    </FormDialog>
  );
}

function ExitForm({
  enrolment: e,
  onClose,
  onDone,
}: {
  enrolment: Enrolment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('offerings');
  const id = useId();
  const exit = useExitEnrolment(e.id);
  const [endedOn, setEndedOn] = useState(todayIso());
  const [reason, setReason] = useState<ExitReason>('goals_met');
  const [note, setNote] = useState('');
  const errors = errorsByPointer(exit.error);
  const open = openGoals(e.goals);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    exit.mutate(
      { version: e.version, body: { ended_on: endedOn, reason, note: note.trim() } },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="form exit-form" onSubmit={submit} noValidate>
      <Failure error={exit.error} />
      <ProblemDetail error={exit.error} shown={['/ended_on', '/reason', '/note']} />
      <TextInput
        type="date"
        label={t('exit.endedOn')}
        value={endedOn}
        onChange={setEndedOn}
        error={errors['/ended_on']}
        required
      />
      <fieldset
        className={errors['/reason'] ? 'fieldset invalid' : 'fieldset'}
        aria-describedby={
          [
            reason === 'goals_met' && open.length ? `${id}-open` : '',
            errors['/reason'] ? `${id}-reason-error` : '',
          ]
            .filter(Boolean)
            .join(' ') || undefined
        }
      >
        <legend>{t('exit.reason')}</legend>
        {REASONS.map((r) => (
          <label key={r} className="check">
            <input
              type="radio"
              name={`${id}-reason`}
              value={r}
              checked={reason === r}
              onChange={() => {
                setReason(r);
                exit.reset();
              }}
            />
            {t(`exitReason.${r}`)}
          </label>
        ))}
        {reason === 'goals_met' && open.length ? (
          <p id={`${id}-open`} className="attention">
            {t('exit.openGoals', { goals: open.map((g) => `“${g.text}”`).join(', ') })}
          </p>
        ) : null}
        {errors['/reason'] ? (
          <p id={`${id}-reason-error`} className="field-error">
            {errors['/reason']}
          </p>
        ) : null}
      </fieldset>
      <TextArea label={t('exit.note')} value={note} onChange={setNote} error={errors['/note']} />
      <FormButtons pending={exit.isPending} save={t('exit.save')} onCancel={onClose} />
    </form>
  );
}
