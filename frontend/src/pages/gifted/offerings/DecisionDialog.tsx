import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Application,
  type Decision,
  type Offering,
  useDecideApplication,
} from '../../../api/offerings';
import { FormDialog } from '../../../components/FormDialog';
import { errorsByPointer } from '../../../lib/hgw';
import {
  callerOnCommittee,
  DECISIONS,
  type DecisionDraft,
  decisionProblems,
  isFull,
  toDecisionBody,
} from '../../../lib/offerings';
import { CheckGroup, Failure, FormButtons, TextArea } from '../../care/bits';
import { FullBadge, ProblemDetail } from './parts';

/** The committee's decision on one application: toelaten, wachtlijst or afwijzen, by at least
 * two committee members (the caller preselected), with a reason (required to reject) and, to
 * admit when the offering is full, an exception with its reason. */
export function DecisionDialog({
  application,
  offering,
  freePlaces,
  callerStaffId,
  onClose,
  onDecided,
}: {
  /** The application to decide on; the dialog is open while there is one. */
  application: Application | null;
  offering: Offering;
  /** Free places (null: no maximum). */
  freePlaces: number | null;
  /** The signed-in user's staff record at the offering's school, to preselect them. */
  callerStaffId: string | null;
  onClose: () => void;
  onDecided: (saved: Application) => void;
}) {
  const { t } = useTranslation('offerings');
  return (
    <FormDialog
      open={application !== null}
      title={t('decision.title', { name: application?.snapshot.student_name ?? '' })}
      onClose={onClose}
    >
      {application ? (
        <DecisionForm
          key={application.id}
          application={application}
          offering={offering}
          freePlaces={freePlaces}
          callerStaffId={callerStaffId}
          onClose={onClose}
          onDecided={onDecided}
        />
      ) : null}
    </FormDialog>
  );
}

function DecisionForm({
  application,
  offering,
  freePlaces,
  callerStaffId,
  onClose,
  onDecided,
}: {
  application: Application;
  offering: Offering;
  freePlaces: number | null;
  callerStaffId: string | null;
  onClose: () => void;
  onDecided: (saved: Application) => void;
}) {
  const { t } = useTranslation('offerings');
  const id = useId();
  const decide = useDecideApplication(offering.id);
  const caller = callerOnCommittee(offering.committee, callerStaffId);
  const full = isFull(freePlaces);
  const [draft, setDraft] = useState<DecisionDraft>({
    decision: full && application.status !== 'waitlisted' ? 'waitlisted' : 'admitted',
    decidedBy: caller ? [caller.staff_id] : [],
    reason: '',
    exception: false,
    exceptionReason: '',
  });
  const [checked, setChecked] = useState(false);
  const patch = (changes: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...changes }));

  const context = { full, callerId: caller?.staff_id ?? null };
  const problems = checked ? decisionProblems(draft, context) : {};
  const serverErrors = errorsByPointer(decide.error);
  const err = (field: keyof typeof problems): string | undefined => {
    const problem = problems[field];
    return problem ? t(`decision.problems.${problem}`) : serverErrors[`/${field}`];
  };
  const fieldId = (field: string) => `${id}-${field}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const found = Object.keys(decisionProblems(draft, context));
    if (found.length > 0) {
      document.getElementById(fieldId(found[0] ?? ''))?.focus();
      return;
    }
    decide.mutate(
      { id: application.id, version: application.version, body: toDecisionBody(draft) },
      { onSuccess: onDecided },
    );
  };

  const members = offering.committee.map(
    (m) =>
      [
        m.staff_id,
        m.staff_id === caller?.staff_id ? `${m.name} ${t('decision.you')}` : m.name,
      ] as const,
  );

  return (
    <form className="form decision-form" onSubmit={submit} noValidate>
      <p className="selection-rule">{t('selectionRule')}</p>
      <Failure error={decide.error} />
      <ProblemDetail
        error={decide.error}
        shown={['/decided_by', '/reason', '/exception', '/exception_reason']}
      />
      {freePlaces === null ? null : full ? (
        <p className="alert alert-warning" role="status">
          <FullBadge /> {t('decision.full')}
        </p>
      ) : (
        <p className="meta" role="status">
          {t('decision.free', { count: freePlaces })}
        </p>
      )}
      <fieldset className="fieldset">
        <legend>{t('decision.legend')}</legend>
        {DECISIONS.filter(
          // From the waitlist the committee admits or rejects.
          (d: Decision) => application.status !== 'waitlisted' || d !== 'waitlisted',
        ).map((d: Decision) => (
          <label key={d} className="check">
            <input
              type="radio"
              name={`${id}-decision`}
              value={d}
              checked={draft.decision === d}
              onChange={() => patch({ decision: d })}
            />
            {t(`decisionName.${d}`)}
          </label>
        ))}
      </fieldset>
      {draft.decision === 'waitlisted' ? (
        <p className="hint">{t('decision.waitlistNote')}</p>
      ) : null}
      <CheckGroup
        id={fieldId('decided_by')}
        legend={t('decision.deciders')}
        hint={t('decision.decidersHint')}
        options={members}
        value={draft.decidedBy}
        onChange={(decidedBy) => patch({ decidedBy })}
        error={err('decided_by')}
      />
      <TextArea
        id={fieldId('reason')}
        label={t('decision.reason')}
        hint={t('decision.reasonHint')}
        value={draft.reason}
        onChange={(reason) => patch({ reason })}
        required={draft.decision === 'rejected'}
        error={err('reason')}
      />
      <div className={err('exception') ? 'field invalid' : 'field'}>
        <label className="check">
          <input
            id={fieldId('exception')}
            type="checkbox"
            checked={draft.exception}
            aria-describedby={[
              `${fieldId('exception')}-hint`,
              err('exception') ? `${fieldId('exception')}-error` : '',
            ]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={err('exception') ? true : undefined}
            onChange={(e) => patch({ exception: e.target.checked })}
          />
          {t('decision.exception')}
        </label>
        <p id={`${fieldId('exception')}-hint`} className="hint">
          {t('decision.exceptionHint')}
        </p>
        {err('exception') ? (
          <p id={`${fieldId('exception')}-error`} className="field-error">
            {err('exception')}
          </p>
        ) : null}
      </div>
      {draft.exception ? (
        <TextArea
          id={fieldId('exception_reason')}
          label={t('decision.exceptionReason')}
          value={draft.exceptionReason}
          onChange={(exceptionReason) => patch({ exceptionReason })}
          required
          error={err('exception_reason')}
        />
      ) : null}
      <FormButtons pending={decide.isPending} save={t('decision.save')} onCancel={onClose} />
    </form>
  );
}
