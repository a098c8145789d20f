import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseRead,
  type RegistrationForm as Form,
  type Registration,
  type RegistrationKind,
  useSaveRegistration,
} from '../../api/cases';
import { isProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/States';
import { errorsByPointer } from '../../lib/hgw';
import {
  CheckGroup,
  Detail,
  Moment,
  type ReportDirty,
  TextArea,
  TextInput,
  useReportDirty,
} from './bits';

type SupportType = NonNullable<Form['support_types']>[number];
type RequestType = NonNullable<Form['request_types']>[number];
const SUPPORT_TYPES: readonly SupportType[] = [
  'investigation_needs_opp',
  'student_guidance',
  'teacher_guidance',
  'parent_guidance',
  'other',
];
const REQUEST_TYPES: readonly RequestType[] = [
  'advice_support_school',
  'external_help',
  'other_school_or_special',
];
/** The form's text fields in the order of Appendix 20, in three parts. */
const PROBLEM = ['problem', 'onset_cause', 'functioning_at_home'] as const;
const DONE = [
  'already_done',
  'earlier_help',
  'earlier_discussed',
  'earlier_investigation',
  'diagnosed_disorder',
] as const;
const SCHOOL = [
  'learning_results',
  'social_emotional',
  'interaction',
  'work_attitude',
  'motivation',
  'attendance',
  'other',
] as const;
type TextKey =
  | (typeof PROBLEM)[number]
  | (typeof DONE)[number]
  | (typeof SCHOOL)[number]
  | 'support_other';
/** Only the mentor and care staff see (and write) these. */
const RESTRICTED: readonly TextKey[] = ['functioning_at_home', 'diagnosed_disorder'];
/** Required to submit (the API's registration guard). */
const REQUIRED: Record<RegistrationKind, readonly string[]> = {
  izo: ['problem'],
  zat: ['problem', 'request_types'],
};
const EDITABLE: readonly Registration['status'][] = ['draft', 'info_requested', 'returned'];

type Values = Record<TextKey, string> & {
  support_types: SupportType[];
  request_types: RequestType[];
};
const TEXT_KEYS: readonly TextKey[] = [...PROBLEM, ...DONE, ...SCHOOL, 'support_other'];

function valuesOf(form: Form | undefined): Values {
  const v = Object.fromEntries(TEXT_KEYS.map((k) => [k, form?.[k] ?? ''])) as Record<
    TextKey,
    string
  >;
  return {
    ...v,
    support_types: [...(form?.support_types ?? [])],
    request_types: [...(form?.request_types ?? [])],
  };
}

function bodyOf(v: Values, kind: RegistrationKind): Form {
  const texts = Object.fromEntries(TEXT_KEYS.map((k) => [k, v[k].trim()])) as Record<
    TextKey,
    string
  >;
  return {
    ...texts,
    support_other: v.support_types.includes('other') ? texts.support_other : '',
    support_types: v.support_types,
    request_types: kind === 'zat' ? v.request_types : [],
  };
}

/** The registration form (aanmeldingsformulier) of the current state: IZO (Appendix 20) or ZAT
 * (§4.16, adds what the school asks of the ZAT). Saved as a draft as often as needed (If-Match
 * once it exists); submitting is the route's step. Once submitted it is read-only. */
export function RegistrationSection({
  c,
  kind,
  current,
  reportDirty,
}: {
  c: CaseRead;
  kind: RegistrationKind;
  /** The form of the current state (editable); an earlier form is only read. */
  current: boolean;
  reportDirty?: ReportDirty;
}) {
  const { t } = useTranslation('care');
  const id = useId();
  const reg = c.registrations.find((r) => r.kind === kind);
  const editable = current && c.editable && (!reg || EDITABLE.includes(reg.status));
  const screening = [...c.screenings].reverse().find((s) => s.registration_kind === kind);
  return (
    <section className="panel registration" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`registration.title.${kind}`)}</h2>
      <p className="meta">
        {reg ? (
          <>
            <span className={`status status-reg-${reg.status}`}>
              {t(`registration.status.${reg.status}`)}
            </span>
            {reg.submitted_at ? (
              <>
                {' '}
                {t('registration.submittedBy', { name: reg.submitted_by ?? '' })}{' '}
                <Moment iso={reg.submitted_at} />
              </>
            ) : null}
          </>
        ) : (
          t('registration.notStarted')
        )}
      </p>
      {reg && screening && (reg.status === 'info_requested' || reg.status === 'returned') ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-title">
            {reg.status === 'info_requested'
              ? t('registration.infoRequested')
              : t('registration.firstLineFirst')}
          </p>
          {screening.missing_items.length > 0 ? (
            <ul>
              {screening.missing_items.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {screening.proposed_actions ? <p className="pre">{screening.proposed_actions}</p> : null}
        </div>
      ) : null}
      {editable ? (
        <RegistrationForm c={c} kind={kind} reg={reg} reportDirty={reportDirty} />
      ) : reg ? (
        <RegistrationView reg={reg} seesRestricted={c.sees_restricted} />
      ) : (
        <p className="muted">{t('registration.none')}</p>
      )}
    </section>
  );
}

function RegistrationForm({
  c,
  kind,
  reg,
  reportDirty,
}: {
  c: CaseRead;
  kind: RegistrationKind;
  reg: Registration | undefined;
  reportDirty?: ReportDirty;
}) {
  const { t } = useTranslation('care');
  const save = useSaveRegistration(c.id);
  const base = valuesOf(reg?.form);
  const [edits, setEdits] = useState<Partial<Values>>({});
  const [saved, setSaved] = useState(false);
  const v: Values = { ...base, ...edits };
  const body = bodyOf(v, kind);
  const dirty = JSON.stringify(body) !== JSON.stringify(bodyOf(base, kind));
  useReportDirty(reportDirty, `registration-${kind}`, dirty);
  const errors = errorsByPointer(save.error);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setSaved(false);
    setEdits((e) => ({ ...e, [key]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { kind, version: reg?.version ?? null, body },
      {
        onSuccess: () => {
          setEdits({});
          setSaved(true);
        },
      },
    );
  };
  const text = (key: TextKey) =>
    RESTRICTED.includes(key) && !c.sees_restricted ? null : (
      <TextArea
        key={key}
        label={t(`registration.fields.${key}`)}
        hint={hintOf(t, key, kind)}
        value={v[key]}
        onChange={(x) => set(key, x)}
        required={REQUIRED[kind].includes(key)}
        error={errors[`/${key}`]}
      />
    );

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{t('registration.intro')}</p>
      {save.isError && !isProblem(save.error, 401) ? <ProblemAlert error={save.error} /> : null}
      {saved && !dirty ? (
        <p className="alert alert-success" role="status">
          {t('registration.saved')}
        </p>
      ) : null}
      <h3 className="subheading">{t('registration.parts.problem')}</h3>
      {PROBLEM.map(text)}
      {kind === 'zat' ? (
        <CheckGroup
          legend={t('registration.requestTypes')}
          hint={t('registration.requestTypesHint')}
          value={v.request_types}
          options={REQUEST_TYPES.map((r) => [r, t(`registration.requestType.${r}`)] as const)}
          onChange={(x) => set('request_types', x)}
          error={errors['/request_types']}
        />
      ) : null}
      <CheckGroup
        legend={t('registration.supportTypes')}
        value={v.support_types}
        options={SUPPORT_TYPES.map((s) => [s, t(`registration.supportType.${s}`)] as const)}
        onChange={(x) => set('support_types', x)}
        error={errors['/support_types']}
      />
      {v.support_types.includes('other') ? (
        <TextInput
          label={t('registration.fields.support_other')}
          value={v.support_other}
          onChange={(x) => set('support_other', x)}
          error={errors['/support_other']}
        />
      ) : null}
      <h3 className="subheading">{t('registration.parts.done')}</h3>
      {DONE.map(text)}
      <h3 className="subheading">{t('registration.parts.school')}</h3>
      {SCHOOL.map(text)}
      <div className="form-actions">
        <button
          type="submit"
          className="button primary"
          disabled={save.isPending || (!dirty && reg !== undefined)}
        >
          {save.isPending ? t('common.saving') : t('registration.save')}
        </button>
      </div>
    </form>
  );
}

function hintOf(t: TFunction<'care'>, key: TextKey, kind: RegistrationKind): string | undefined {
  if (RESTRICTED.includes(key)) return t('file.restrictedHint');
  switch (key) {
    case 'problem':
      return t(`registration.hints.problem_${kind}`);
    case 'onset_cause':
      return t('registration.hints.onset_cause');
    case 'already_done':
      return t('registration.hints.already_done');
    case 'earlier_discussed':
      return t('registration.hints.earlier_discussed');
    case 'learning_results':
      return t('registration.hints.learning_results');
    case 'attendance':
      return t('registration.hints.attendance');
    default:
      return undefined;
  }
}

export function RegistrationView({
  reg,
  seesRestricted,
}: {
  reg: Registration;
  seesRestricted: boolean;
}) {
  const { t } = useTranslation('care');
  const f = reg.form;
  const keys = TEXT_KEYS.filter(
    (k) => k !== 'support_other' && (seesRestricted || !RESTRICTED.includes(k)),
  );
  const support = (f.support_types ?? []).map((s) =>
    s === 'other' && f.support_other
      ? `${t('registration.supportType.other')}: ${f.support_other}`
      : t(`registration.supportType.${s}`),
  );
  return (
    <dl className="details">
      {keys.map((k) => (
        <Detail key={k} term={t(`registration.fields.${k}`)}>
          {f[k]}
        </Detail>
      ))}
      <Detail term={t('registration.supportTypes')}>{support.join(', ')}</Detail>
      {reg.kind === 'zat' ? (
        <Detail term={t('registration.requestTypes')}>
          {(f.request_types ?? []).map((r) => t(`registration.requestType.${r}`)).join(', ')}
        </Detail>
      ) : null}
    </dl>
  );
}
