import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActionOption,
  type CaseRead,
  type Consent,
  type ConsentCreate,
  type Referral,
  type ReferralIn,
  type SwvDecisionIn,
  type SwvRequest,
  type SwvRequestIn,
  useAddReferral,
  useConsents,
  useRecordConsent,
  useRequestSwv,
  useSwvDecision,
  useUpdateReferral,
} from '../../api/cases';
import type { StudentRecord } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { EmptyState, ProblemAlert } from '../../components/States';
import { blocking, SWV_NORM_DAYS } from '../../lib/care';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { fullName } from '../../lib/names';
import { Check, Choice, Day, Disclosure, Failure, FormButtons, TextArea, TextInput } from './bits';

/** The route's steps of one kind that can be taken now (allowed, nothing missing). */
function ready(c: CaseRead, actions: readonly string[]): ActionOption[] {
  return c.actions.filter(
    (a) => actions.includes(a.action) && a.allowed && blocking(a).length === 0,
  );
}

// -- referrals ------------------------------------------------------------------------------

const TARGETS: readonly ReferralIn['target'][] = [
  'jgz',
  'jeugdhulp',
  'cjg',
  'ggz',
  'mee',
  'verslavingszorg',
  'leerplicht',
  'other',
];
const REFERRAL_STATUSES: readonly Referral['status'][] = [
  'requested',
  'started',
  'ended',
  'declined',
];

/** External referrals (jeugdgezondheidszorg, jeugdhulp, CJG, leerplicht, …) and their feedback. */
export function Referrals({ c, open }: { c: CaseRead; open: (o: ActionOption) => void }) {
  const { t } = useTranslation('care');
  const id = useId();
  const steps = ready(c, ['refer_external', 'involve_leerplicht']);
  if (c.referrals.length === 0 && steps.length === 0) return null;
  return (
    <section className="panel referrals" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('referrals.title')}</h2>
      {c.referrals.length === 0 ? (
        <EmptyState>{t('referrals.empty')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {c.referrals.map((r) => (
            <li key={r.id}>
              <p className="record-title">
                {t(`referrals.target.${r.target}`)}
                {r.organisation ? ` · ${r.organisation}` : ''}{' '}
                <span className="status">{t(`referrals.status.${r.status}`)}</span>
              </p>
              <p className="meta">
                {t('referrals.referredOn')} <Day iso={r.referred_on} />
                {r.started_on ? (
                  <>
                    {' · '}
                    {t('referrals.startedOn')} <Day iso={r.started_on} />
                  </>
                ) : null}
                {r.legal_ground ? ` · ${t('referrals.legalGround')}` : ''}
              </p>
              <p className="pre">{r.reason}</p>
              {r.feedback ? (
                <p className="pre">
                  <strong>{t('referrals.feedback')}:</strong> {r.feedback}
                </p>
              ) : null}
              {c.editable ? (
                <Disclosure label={t('referrals.update')} className="button secondary small">
                  {(close) => <ReferralUpdateForm caseId={c.id} referral={r} onDone={close} />}
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {steps.length > 0 ? (
        <p className="action-bar">
          {steps.map((o) => (
            <button key={o.key} type="button" className="button secondary" onClick={() => open(o)}>
              {o.label}
            </button>
          ))}
        </p>
      ) : null}
    </section>
  );
}

function ReferralUpdateForm({
  caseId,
  referral: r,
  onDone,
}: {
  caseId: string;
  referral: Referral;
  onDone: () => void;
}) {
  const { t } = useTranslation('care');
  const update = useUpdateReferral(caseId);
  const [v, setV] = useState({
    status: r.status,
    started_on: r.started_on ?? '',
    feedback: r.feedback ?? '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: r.id,
        version: r.version,
        body: {
          status: v.status,
          started_on: v.started_on || null,
          feedback: v.feedback.trim() || null,
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={update.error} />
      <div className="form-grid">
        <Choice
          label={t('referrals.statusLabel')}
          value={v.status}
          options={REFERRAL_STATUSES.map((s) => [s, t(`referrals.status.${s}`)] as const)}
          onChange={(s) => s && setV((x) => ({ ...x, status: s }))}
        />
        <TextInput
          type="date"
          label={t('referrals.startedOn')}
          value={v.started_on}
          onChange={(x) => setV((y) => ({ ...y, started_on: x }))}
        />
      </div>
      <TextArea
        label={t('referrals.feedback')}
        value={v.feedback}
        onChange={(x) => setV((y) => ({ ...y, feedback: x }))}
      />
      <FormButtons pending={update.isPending} save={t('referrals.saveUpdate')} onCancel={onDone} />
    </form>
  );
}

/** A referral: the route's `refer_external` step (consent of the parents to share), or
 * `involve_leerplicht` (a statutory report: no consent needed). If-Match of the case. */
export function ReferralForm({
  c,
  option,
  onDone,
}: {
  c: CaseRead;
  option: ActionOption;
  onDone: () => void;
}) {
  const { t } = useTranslation('care');
  const add = useAddReferral(c.id);
  const leerplicht = option.action === 'involve_leerplicht';
  const consents = useConsents(c.student_id, !leerplicht);
  const usable = (consents.data ?? []).filter(
    (x) =>
      x.granted &&
      !x.withdrawn_at &&
      (x.purpose === 'share_external' || x.purpose === 'register_zat'),
  );
  const [v, setV] = useState({
    target: (leerplicht ? 'leerplicht' : 'jgz') as ReferralIn['target'],
    organisation: '',
    reason: '',
    referred_on: todayIso(),
    consent_id: '',
  });
  const [missing, setMissing] = useState<string[]>([]);
  const patch = (changes: Partial<typeof v>) => setV((x) => ({ ...x, ...changes }));
  const errors = errorsByPointer(add.error);
  const err = (k: string) => (missing.includes(k) ? t('common.required') : errors[`/${k}`]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = (['reason', 'referred_on'] as const).filter((k) => !v[k].trim());
    setMissing(empty);
    if (empty.length) return;
    add.mutate(
      {
        version: c.version,
        body: {
          target: v.target,
          organisation: v.organisation.trim(),
          reason: v.reason.trim(),
          referred_on: v.referred_on,
          consent_id: leerplicht ? null : v.consent_id || null,
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{leerplicht ? t('referrals.leerplichtIntro') : t('referrals.intro')}</p>
      <Failure error={add.error} />
      {leerplicht ? null : (
        <Choice
          label={t('referrals.targetLabel')}
          value={v.target}
          options={TARGETS.filter((x) => x !== 'leerplicht').map(
            (x) => [x, t(`referrals.target.${x}`)] as const,
          )}
          onChange={(x) => x && patch({ target: x })}
          error={errors['/target']}
        />
      )}
      <TextInput
        label={t('referrals.organisation')}
        value={v.organisation}
        onChange={(x) => patch({ organisation: x })}
      />
      <TextArea
        label={t('referrals.reason')}
        value={v.reason}
        onChange={(x) => patch({ reason: x })}
        required
        error={err('reason')}
      />
      <TextInput
        type="date"
        label={t('referrals.referredOn')}
        value={v.referred_on}
        onChange={(x) => patch({ referred_on: x })}
        required
        error={err('referred_on')}
      />
      {leerplicht ? null : (
        <Choice
          label={t('referrals.consent')}
          hint={usable.length === 0 ? t('referrals.noConsent') : t('referrals.consentHint')}
          value={v.consent_id}
          options={usable.map((x) => [x.id, consentText(t, x)] as const)}
          empty={t('referrals.chooseConsent')}
          onChange={(x) => patch({ consent_id: x })}
          error={errors['/consent_id']}
        />
      )}
      <FormButtons pending={add.isPending} save={option.label} onCancel={onDone} />
    </form>
  );
}

// -- SWV arrangement requests ---------------------------------------------------------------

const SWV_TYPES: readonly SwvRequestIn['request_type'][] = [
  'ambulant_support',
  'consultation',
  'rebound',
  'special_education',
  'other',
];
const DECISIONS: readonly SwvDecisionIn['decision'][] = [
  'pending',
  'granted',
  'rejected',
  'withdrawn',
];
/** R33: a placement elsewhere only after repeated, well-documented efforts. */
const EFFORTS_REQUIRED: readonly SwvRequestIn['request_type'][] = ['rebound', 'special_education'];

/** Arrangements of the samenwerkingsverband: requests, the decision, and the start within the
 * norm of 8 weeks. */
export function SwvRequests({ c, open }: { c: CaseRead; open: (o: ActionOption) => void }) {
  const { t } = useTranslation('care');
  const id = useId();
  const steps = ready(c, ['request_swv']);
  if (c.swv_requests.length === 0 && steps.length === 0) return null;
  return (
    <section className="panel swv" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('swv.title')}</h2>
      {c.swv_requests.length === 0 ? (
        <EmptyState>{t('swv.empty')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {c.swv_requests.map((r) => (
            <li key={r.id}>
              <SwvView c={c} request={r} />
            </li>
          ))}
        </ul>
      )}
      {steps.length > 0 ? (
        <p className="action-bar">
          {steps.map((o) => (
            <button key={o.key} type="button" className="button secondary" onClick={() => open(o)}>
              {o.label}
            </button>
          ))}
        </p>
      ) : null}
    </section>
  );
}

function SwvView({ c, request: r }: { c: CaseRead; request: SwvRequest }) {
  const { t } = useTranslation('care');
  const overNorm = r.weeks_to_start !== null && r.weeks_to_start * 7 > SWV_NORM_DAYS;
  return (
    <>
      <p className="record-title">
        {t(`swv.type.${r.request_type}`)}
        {r.temporary ? ` (${t('swv.temporaryShort')})` : ''}{' '}
        <span className="status">{t(`swv.decision.${r.decision}`)}</span>
      </p>
      <p className="meta">
        {t('swv.requestedOn')} <Day iso={r.requested_on} /> · {t('swv.requestedStart')}{' '}
        <Day iso={r.requested_start} />
        {r.decided_on ? (
          <>
            {' · '}
            {t('swv.decidedOn')} <Day iso={r.decided_on} />
          </>
        ) : null}
        {r.starts_on ? (
          <>
            {' · '}
            {t('swv.startsOn')} <Day iso={r.starts_on} />
          </>
        ) : null}
        {r.ended_on ? (
          <>
            {' · '}
            {t('swv.endedOn')} <Day iso={r.ended_on} />
          </>
        ) : null}
      </p>
      {r.weeks_to_start !== null ? (
        <p>
          {t('swv.weeksToStart', { weeks: r.weeks_to_start })}{' '}
          {overNorm ? <span className="status status-overdue">{t('swv.overNorm')}</span> : null}
        </p>
      ) : null}
      <p className="pre">
        <strong>{t('swv.goals')}:</strong> {r.goals}
      </p>
      {r.documented_efforts.length > 0 ? (
        <>
          <p className="field-label">{t('swv.efforts')}</p>
          <ul className="goal-list">
            {r.documented_efforts.map((e) => (
              <li key={`${e.what}${e.period}`}>
                {e.what}
                {e.period ? ` (${e.period})` : ''}
                {e.result ? `: ${e.result}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {r.decision_note ? <p className="pre">{r.decision_note}</p> : null}
      {c.editable ? (
        <Disclosure label={t('swv.recordDecision')} className="button secondary small">
          {(close) => <SwvDecisionForm caseId={c.id} request={r} onDone={close} />}
        </Disclosure>
      ) : null}
    </>
  );
}

function SwvDecisionForm({
  caseId,
  request: r,
  onDone,
}: {
  caseId: string;
  request: SwvRequest;
  onDone: () => void;
}) {
  const { t } = useTranslation('care');
  const decide = useSwvDecision(caseId);
  const [v, setV] = useState({
    decision: r.decision,
    decided_on: r.decided_on ?? todayIso(),
    starts_on: r.starts_on ?? '',
    ended_on: r.ended_on ?? '',
    decision_note: r.decision_note ?? '',
  });
  const patch = (changes: Partial<typeof v>) => setV((x) => ({ ...x, ...changes }));
  const errors = errorsByPointer(decide.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate(
      {
        id: r.id,
        version: r.version,
        body: {
          decision: v.decision,
          decided_on: v.decided_on || null,
          starts_on: v.starts_on || null,
          ended_on: v.ended_on || null,
          decision_note: v.decision_note.trim(),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={decide.error} />
      <div className="form-grid">
        <Choice
          label={t('swv.decisionLabel')}
          value={v.decision}
          options={DECISIONS.map((d) => [d, t(`swv.decision.${d}`)] as const)}
          onChange={(d) => d && patch({ decision: d })}
        />
        <TextInput
          type="date"
          label={t('swv.decidedOn')}
          value={v.decided_on}
          onChange={(x) => patch({ decided_on: x })}
          error={errors['/decided_on']}
        />
        <TextInput
          type="date"
          label={t('swv.startsOn')}
          value={v.starts_on}
          onChange={(x) => patch({ starts_on: x })}
          error={errors['/starts_on']}
        />
        <TextInput
          type="date"
          label={t('swv.endedOn')}
          value={v.ended_on}
          onChange={(x) => patch({ ended_on: x })}
          error={errors['/ended_on']}
        />
      </div>
      <TextArea
        label={t('swv.decisionNote')}
        value={v.decision_note}
        onChange={(x) => patch({ decision_note: x })}
      />
      <FormButtons pending={decide.isPending} save={t('swv.saveDecision')} onCancel={onDone} />
    </form>
  );
}

interface EffortDraft {
  key: number;
  what: string;
  period: string;
  result: string;
}

/** The arrangement request (the route's `request_swv` step, If-Match of the case). */
export function SwvRequestForm({
  c,
  option,
  onDone,
}: {
  c: CaseRead;
  option: ActionOption;
  onDone: () => void;
}) {
  const { t } = useTranslation('care');
  const request = useRequestSwv(c.id);
  const [v, setV] = useState({
    request_type: 'ambulant_support' as SwvRequestIn['request_type'],
    temporary: false,
    goals: '',
    requested_on: todayIso(),
    requested_start: '',
  });
  const [efforts, setEfforts] = useState<EffortDraft[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const patch = (changes: Partial<typeof v>) => setV((x) => ({ ...x, ...changes }));
  const errors = errorsByPointer(request.error);
  const err = (k: string) => (missing.includes(k) ? t('common.required') : errors[`/${k}`]);
  const needsEfforts = EFFORTS_REQUIRED.includes(v.request_type);
  const filled = efforts.filter((e) => e.what.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [
      v.goals.trim() ? '' : 'goals',
      v.requested_on ? '' : 'requested_on',
      v.requested_start ? '' : 'requested_start',
      needsEfforts && filled.length === 0 ? 'documented_efforts' : '',
    ].filter(Boolean);
    setMissing(empty);
    if (empty.length) return;
    request.mutate(
      {
        version: c.version,
        body: {
          ...v,
          goals: v.goals.trim(),
          documented_efforts: filled.map((e) => ({
            what: e.what.trim(),
            period: e.period.trim(),
            result: e.result.trim(),
          })),
        },
      },
      { onSuccess: onDone },
    );
  };
  const setEffort = (key: number, changes: Partial<EffortDraft>) =>
    setEfforts((all) => all.map((e) => (e.key === key ? { ...e, ...changes } : e)));
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{t('swv.intro')}</p>
      <Failure error={request.error} />
      <Choice
        label={t('swv.typeLabel')}
        value={v.request_type}
        options={SWV_TYPES.map((x) => [x, t(`swv.type.${x}`)] as const)}
        onChange={(x) => x && patch({ request_type: x })}
      />
      <Check
        label={t('swv.temporary')}
        checked={v.temporary}
        onChange={(on) => patch({ temporary: on })}
      />
      <TextArea
        label={t('swv.goals')}
        hint={t('swv.goalsHint')}
        value={v.goals}
        onChange={(x) => patch({ goals: x })}
        required
        error={err('goals')}
      />
      <fieldset className="fieldset">
        <legend>{t('swv.efforts')}</legend>
        <p className="hint">{needsEfforts ? t('swv.effortsRequired') : t('swv.effortsHint')}</p>
        {efforts.map((e, i) => (
          <div key={e.key} className="repeat">
            <TextInput
              label={t('swv.effortWhat', { number: i + 1 })}
              value={e.what}
              onChange={(x) => setEffort(e.key, { what: x })}
            />
            <div className="form-grid">
              <TextInput
                label={t('swv.effortPeriod')}
                value={e.period}
                onChange={(x) => setEffort(e.key, { period: x })}
              />
              <TextInput
                label={t('swv.effortResult')}
                value={e.result}
                onChange={(x) => setEffort(e.key, { result: x })}
              />
            </div>
            <button
              type="button"
              className="button link"
              onClick={() => setEfforts((all) => all.filter((x) => x.key !== e.key))}
            >
              {t('swv.removeEffort', { number: i + 1 })}
            </button>
          </div>
        ))}
        {missing.includes('documented_efforts') ? (
          <p className="field-error">{t('swv.effortsMissing')}</p>
        ) : errors['/documented_efforts'] ? (
          <p className="field-error">{errors['/documented_efforts']}</p>
        ) : null}
        <button
          type="button"
          className="button secondary small"
          onClick={() =>
            setEfforts((all) => [
              ...all,
              { key: Date.now() + all.length, what: '', period: '', result: '' },
            ])
          }
        >
          {t('swv.addEffort')}
        </button>
      </fieldset>
      <div className="form-grid">
        <TextInput
          type="date"
          label={t('swv.requestedOn')}
          value={v.requested_on}
          onChange={(x) => patch({ requested_on: x })}
          required
          error={err('requested_on')}
        />
        <TextInput
          type="date"
          label={t('swv.requestedStart')}
          value={v.requested_start}
          onChange={(x) => patch({ requested_start: x })}
          required
          error={err('requested_start')}
        />
      </div>
      <FormButtons pending={request.isPending} save={option.label} onCancel={onDone} />
    </form>
  );
}

// -- consents -------------------------------------------------------------------------------

const PURPOSES: readonly ConsentCreate['purpose'][] = [
  'discuss_care_team',
  'register_zat',
  'share_swv',
  'share_external',
  'transfer_next_school',
];
const METHODS: readonly ConsentCreate['method'][] = ['conversation', 'signed_form', 'digital_form'];

export function consentText(t: TFunction<'care'>, x: Consent): string {
  return [
    t(`purpose.${x.purpose}`),
    x.recipient ?? '',
    t(x.granted ? 'consents.granted' : 'consents.refused'),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The parents' (or, from 16, the student's) consents: to discuss in the care team, to
 * register with the ZAT, to share with the SWV or an organisation. Steps of the route need
 * them. Not for your role: nothing is shown. */
export function Consents({ c, student }: { c: CaseRead; student: StudentRecord | undefined }) {
  const { t } = useTranslation('care');
  const id = useId();
  const consents = useConsents(c.student_id);
  if (consents.isPending) return null;
  if (consents.isError && (isProblem(consents.error, 403) || isProblem(consents.error, 404)))
    return null;
  return (
    <section className="panel consents" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('consents.title')}</h2>
      {consents.isError ? (
        <ProblemAlert error={consents.error} onRetry={() => void consents.refetch()} />
      ) : consents.data.length === 0 ? (
        <EmptyState>{t('consents.empty')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {consents.data.map((x) => (
            <li key={x.id}>
              <p className="record-title">
                {consentText(t, x)}
                {x.withdrawn_at ? (
                  <>
                    {' '}
                    <span className="status status-overdue">{t('consents.withdrawn')}</span>
                  </>
                ) : null}
              </p>
              <p className="meta">
                {t(`consents.method.${x.method}`)} · <Day iso={x.given_on} /> ·{' '}
                {t('recordedBy', { name: x.recorded_by })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {c.editable ? (
        <Disclosure label={t('consents.add')}>
          {(close) => <ConsentForm c={c} student={student} onDone={close} />}
        </Disclosure>
      ) : null}
    </section>
  );
}

function ConsentForm({
  c,
  student,
  onDone,
}: {
  c: CaseRead;
  student: StudentRecord | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation('care');
  const record = useRecordConsent(c.student_id, c.id);
  const guardians = (student?.guardians ?? []).filter((g) => g.parental_authority);
  const [v, setV] = useState({
    purpose: 'discuss_care_team' as ConsentCreate['purpose'],
    granted: true,
    given_by: (guardians.length ? 'guardian' : 'student') as ConsentCreate['given_by'],
    guardian_id: guardians[0]?.id ?? '',
    method: 'conversation' as ConsentCreate['method'],
    given_on: todayIso(),
    recipient: '',
    note: '',
  });
  const [missing, setMissing] = useState<string[]>([]);
  const patch = (changes: Partial<typeof v>) => setV((x) => ({ ...x, ...changes }));
  const errors = errorsByPointer(record.error);
  const err = (k: string) => (missing.includes(k) ? t('common.required') : errors[`/${k}`]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [
      v.given_by === 'guardian' && !v.guardian_id ? 'guardian_id' : '',
      v.purpose === 'share_external' && !v.recipient.trim() ? 'recipient' : '',
      v.given_on ? '' : 'given_on',
    ].filter(Boolean);
    setMissing(empty);
    if (empty.length) return;
    record.mutate(
      {
        purpose: v.purpose,
        granted: v.granted,
        given_by: v.given_by,
        guardian_id: v.given_by === 'guardian' ? v.guardian_id : null,
        method: v.method,
        given_on: v.given_on,
        recipient: v.purpose === 'share_external' ? v.recipient.trim() : null,
        note: v.note.trim() || null,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={record.error} />
      <Choice
        label={t('consents.purpose')}
        value={v.purpose}
        options={PURPOSES.map((p) => [p, t(`purpose.${p}`)] as const)}
        onChange={(p) => p && patch({ purpose: p })}
      />
      {v.purpose === 'share_external' ? (
        <TextInput
          label={t('consents.recipient')}
          value={v.recipient}
          onChange={(x) => patch({ recipient: x })}
          required
          error={err('recipient')}
        />
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('consents.decision')}</legend>
        {([true, false] as const).map((g) => (
          <label key={String(g)} className="check">
            <input
              type="radio"
              name={`${c.id}-granted`}
              checked={v.granted === g}
              onChange={() => patch({ granted: g })}
            />
            {t(g ? 'consents.granted' : 'consents.refused')}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <Choice
          label={t('consents.givenBy')}
          value={v.given_by}
          options={[
            ['guardian', t('consents.by.guardian')],
            ['student', t('consents.by.student')],
          ]}
          onChange={(x) => x && patch({ given_by: x })}
        />
        {v.given_by === 'guardian' ? (
          <Choice
            label={t('consents.guardian')}
            hint={guardians.length === 0 ? t('consents.noGuardians') : undefined}
            value={v.guardian_id}
            options={guardians.map((g) => [g.id, fullName(g)] as const)}
            empty="–"
            onChange={(x) => patch({ guardian_id: x })}
            required
            error={err('guardian_id')}
          />
        ) : null}
        <Choice
          label={t('consents.methodLabel')}
          value={v.method}
          options={METHODS.map((m) => [m, t(`consents.method.${m}`)] as const)}
          onChange={(x) => x && patch({ method: x })}
        />
        <TextInput
          type="date"
          label={t('consents.givenOn')}
          value={v.given_on}
          onChange={(x) => patch({ given_on: x })}
          required
          error={err('given_on')}
        />
      </div>
      <TextArea
        label={t('consents.note')}
        value={v.note}
        onChange={(x) => patch({ note: x })}
        rows={2}
      />
      <FormButtons pending={record.isPending} save={t('consents.save')} onCancel={onDone} />
    </form>
  );
}
