import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, rest, type Schemas } from '../../api/client';
import { hgwKeys } from '../../api/hgw';
import { FormDialog } from '../../components/FormDialog';
import { ProblemAlert } from '../../components/States';
import { errorsByPointer, SIGNAL_CATEGORIES, type SignalCategory, signalTone } from '../../lib/hgw';

type Signal = Schemas['SignalCreate'];
const BASES: Signal['basis'] = ['test', 'observation', 'conversation'];

/** "Signaleren": a student needs extra attention in the coming period, behind or ahead. */
export function SignalDialog({
  open,
  overviewId,
  studentId,
  name,
  onClose,
}: {
  open: boolean;
  overviewId: string;
  studentId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog open={open} title={t('signal.title', { name })} onClose={onClose}>
      <SignalForm overviewId={overviewId} studentId={studentId} onDone={onClose} />
    </FormDialog>
  );
}

function SignalForm({
  overviewId,
  studentId,
  onDone,
}: {
  overviewId: string;
  studentId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<SignalCategory>('basic_skill_delay');
  const [mode, setMode] = useState<Signal['mode']>('reactive');
  const [basis, setBasis] = useState<Signal['basis']>([]);
  const [note, setNote] = useState('');

  const create = useMutation({
    mutationFn: () =>
      call(
        rest.POST('/api/v1/overviews/{overview_id}/signals', {
          params: { path: { overview_id: overviewId } },
          body: { student_id: studentId, category, mode, basis, note },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: hgwKeys.overview(overviewId) });
      onDone();
    },
  });
  const errors = errorsByPointer(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const chooseCategory = (next: SignalCategory) => {
    setCategory(next);
    // Ahead (a lead, a talent) is met proactively; the rest usually reactively.
    setMode(signalTone(next) === 'ahead' ? 'proactive' : 'reactive');
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {create.isError ? <ProblemAlert error={create.error} /> : null}
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('signal.category')}</label>
        <select
          id={`${id}-category`}
          value={category}
          onChange={(e) => chooseCategory(e.target.value as SignalCategory)}
        >
          {SIGNAL_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`hgw.signalCategory.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="fieldset">
        <legend>{t('signal.mode')}</legend>
        {(['reactive', 'proactive'] as const).map((m) => (
          <label key={m} className="check">
            <input
              type="radio"
              name={`${id}-mode`}
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            {t(`hgw.signalMode.${m}`)}
          </label>
        ))}
      </fieldset>
      <fieldset
        className="fieldset"
        aria-describedby={errors['/basis'] ? `${id}-basis-error` : undefined}
      >
        <legend>{t('signal.basis')}</legend>
        {BASES.map((b) => (
          <label key={b} className="check">
            <input
              type="checkbox"
              checked={basis.includes(b)}
              onChange={(e) =>
                setBasis((all) => (e.target.checked ? [...all, b] : all.filter((x) => x !== b)))
              }
            />
            {t(`hgw.signalBasis.${b}`)}
          </label>
        ))}
        {errors['/basis'] ? (
          <p id={`${id}-basis-error`} className="field-error">
            {errors['/basis']}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('signal.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? t('student.saving') : t('signal.save')}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('student.cancel')}
        </button>
      </div>
    </form>
  );
}
