import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseRead,
  type CaseUpdate,
  type Factors,
  type Staff,
  useUpdateCase,
} from '../../api/cases';
import { isProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { errorsByPointer } from '../../lib/hgw';
import { fullName } from '../../lib/names';
import {
  Check,
  CheckGroup,
  Choice,
  Detail,
  type ReportDirty,
  TextArea,
  TextInput,
  useReportDirty,
} from './bits';

type Reason = NonNullable<CaseUpdate['reasons']>[number];
export const REASONS: readonly Reason[] = [
  'insufficient_benefit',
  'needs_unclear',
  'suspected_disorder',
  'severe_behaviour',
  'home_situation',
  'too_large_for_first_line',
  'gifted_complex',
];
const LOCI = ['student', 'school', 'family'] as const;
type Locus = (typeof LOCI)[number];
type FullFactors = Record<Locus, string>;

interface Values {
  reasons: Reason[];
  help_question_student: string;
  help_question_parents: string;
  guidance_question: string;
  strengths: FullFactors;
  hindering: FullFactors;
  school_career: string;
  prior_support: string;
  home_situation: string;
  zat_question: string;
  parents_informed: boolean;
  parents_not_informed_reason: string;
  complexity: 'regular' | 'complex';
  coordinator_staff_id: string;
  parent_contact_staff_id: string;
  evaluation_on: string;
}
type Key = keyof Values;

function factors(f: Factors): FullFactors {
  return { student: f.student ?? '', school: f.school ?? '', family: f.family ?? '' };
}

function valuesOf(c: CaseRead): Values {
  return {
    reasons: c.reasons.filter((r): r is Reason => REASONS.includes(r as Reason)),
    help_question_student: c.help_question_student ?? '',
    help_question_parents: c.help_question_parents ?? '',
    guidance_question: c.guidance_question ?? '',
    strengths: factors(c.strengths),
    hindering: factors(c.hindering),
    school_career: c.school_career ?? '',
    prior_support: c.prior_support ?? '',
    home_situation: c.home_situation ?? '',
    zat_question: c.zat_question ?? '',
    parents_informed: c.parents_informed,
    parents_not_informed_reason: c.parents_not_informed_reason ?? '',
    complexity: c.complexity,
    coordinator_staff_id: c.coordinator?.id ?? '',
    parent_contact_staff_id: c.parent_contact?.id ?? '',
    evaluation_on: c.evaluation_on ?? '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what the user changed, in the API's shape ("" is "not recorded": null). */
function changesOf(edits: Partial<Values>, base: Values, seesRestricted: boolean): CaseUpdate {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(edits) as [Key, Values[Key]][]) {
    if (same(value, base[key])) continue;
    if (key === 'home_situation' && !seesRestricted) continue;
    if (typeof value === 'string') body[key] = value.trim() || null;
    else if (key === 'strengths' || key === 'hindering') {
      const f = value as FullFactors;
      body[key] = { student: f.student.trim(), school: f.school.trim(), family: f.family.trim() };
    } else body[key] = value;
  }
  // Not informing the parents always goes with its reason (the student's safety).
  const informed = edits.parents_informed ?? base.parents_informed;
  if (informed) delete body.parents_not_informed_reason;
  else if ('parents_informed' in body || 'parents_not_informed_reason' in body) {
    body.parents_informed = false;
    body.parents_not_informed_reason =
      (edits.parents_not_informed_reason ?? base.parents_not_informed_reason).trim() || null;
  }
  return body as CaseUpdate;
}

/** The case file (casusdossier): why the student is registered, the help question and the
 * guidance question, strengths and hindering factors at student, school and family, the
 * school career, earlier support, the home situation (restricted), parents informed, the
 * question to the ZAT, complexity, coordinator and evaluation date. Saved with If-Match; a
 * 412 loads the colleague's version and keeps what this user typed. */
export function CaseFileForm({
  c,
  staff,
  reportDirty,
}: {
  c: CaseRead;
  staff: readonly Staff[] | undefined;
  reportDirty?: ReportDirty;
}) {
  const { t } = useTranslation('care');
  const id = useId();
  const save = useUpdateCase(c.id);
  const base = valuesOf(c);
  const [edits, setEdits] = useState<Partial<Values>>({});
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const v: Values = { ...base, ...edits };
  const body = changesOf(edits, base, c.sees_restricted);
  const dirty = Object.keys(body).length > 0;
  useReportDirty(reportDirty, 'case-file', dirty);

  const set = <K extends Key>(key: K, value: Values[K]) => {
    setSaved(false);
    setEdits((e) => ({ ...e, [key]: value }));
  };
  const setFactor = (kind: 'strengths' | 'hindering', locus: Locus, text: string) =>
    set(kind, { ...v[kind], [locus]: text });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reasonMissing = !v.parents_informed && !v.parents_not_informed_reason.trim();
    setMissing(reasonMissing);
    if (reasonMissing) {
      document.getElementById(`${id}-not-informed`)?.focus();
      return;
    }
    if (!dirty) return;
    save.mutate(
      { version: c.version, body },
      {
        onSuccess: () => {
          setEdits({});
          setSaved(true);
        },
      },
    );
  };
  const errors = errorsByPointer(save.error);
  const staffOptions = staffChoices(staff, [c.coordinator, c.parent_contact]);

  return (
    <form
      className="panel form case-file"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('file.title')}</h2>
      <p className="hint">{t('file.intro')}</p>
      {save.isError && !isProblem(save.error, 401) ? <ProblemAlert error={save.error} /> : null}
      {saved && !dirty ? (
        <p className="alert alert-success" role="status">
          {t('file.saved')}
        </p>
      ) : null}

      <CheckGroup
        legend={t('file.reasons')}
        hint={t('file.reasonsHint')}
        value={v.reasons}
        options={REASONS.map((r) => [r, t(`reasons.${r}`)] as const)}
        onChange={(next) => set('reasons', next)}
        error={errors['/reasons']}
      />

      <h3 className="subheading">{t('file.questions')}</h3>
      <TextArea
        label={t('file.helpQuestionStudent')}
        hint={t('file.helpQuestionStudentHint')}
        value={v.help_question_student}
        onChange={(x) => set('help_question_student', x)}
        error={errors['/help_question_student']}
      />
      <TextArea
        label={t('file.helpQuestionParents')}
        value={v.help_question_parents}
        onChange={(x) => set('help_question_parents', x)}
        error={errors['/help_question_parents']}
      />
      <TextArea
        label={t('file.guidanceQuestion')}
        hint={t('file.guidanceQuestionHint')}
        value={v.guidance_question}
        onChange={(x) => set('guidance_question', x)}
        error={errors['/guidance_question']}
      />

      {(['strengths', 'hindering'] as const).map((kind) => (
        <fieldset key={kind} className="fieldset">
          <legend>{t(`file.${kind}`)}</legend>
          <p className="hint">{t(`file.${kind}Hint`)}</p>
          <div className="form-grid wide">
            {LOCI.map((locus) => (
              <TextArea
                key={locus}
                label={t(`file.locus.${locus}`)}
                value={v[kind][locus]}
                onChange={(x) => setFactor(kind, locus, x)}
                error={errors[`/${kind}/${locus}`]}
              />
            ))}
          </div>
        </fieldset>
      ))}

      <h3 className="subheading">{t('file.background')}</h3>
      <TextArea
        label={t('file.schoolCareer')}
        hint={t('file.schoolCareerHint')}
        value={v.school_career}
        onChange={(x) => set('school_career', x)}
        error={errors['/school_career']}
      />
      <TextArea
        label={t('file.priorSupport')}
        hint={t('file.priorSupportHint')}
        value={v.prior_support}
        onChange={(x) => set('prior_support', x)}
        error={errors['/prior_support']}
      />
      {c.sees_restricted ? (
        <TextArea
          label={t('file.homeSituation')}
          hint={t('file.restrictedHint')}
          value={v.home_situation}
          onChange={(x) => set('home_situation', x)}
          error={errors['/home_situation']}
        />
      ) : null}

      <h3 className="subheading">{t('file.parents')}</h3>
      <Check
        label={t('file.parentsInformed')}
        checked={v.parents_informed}
        onChange={(on) => set('parents_informed', on)}
      />
      {!v.parents_informed ? (
        <TextArea
          label={t('file.notInformedReason')}
          hint={t('file.notInformedReasonHint')}
          value={v.parents_not_informed_reason}
          onChange={(x) => set('parents_not_informed_reason', x)}
          id={`${id}-not-informed`}
          required
          error={missing ? t('common.required') : errors['/parents_not_informed_reason']}
        />
      ) : null}

      <h3 className="subheading">{t('file.direction')}</h3>
      <TextArea
        label={t('file.zatQuestion')}
        hint={t('file.zatQuestionHint')}
        value={v.zat_question}
        onChange={(x) => set('zat_question', x)}
        error={errors['/zat_question']}
      />
      <div className="form-grid">
        <Choice
          label={t('file.complexity')}
          value={v.complexity}
          options={(['regular', 'complex'] as const).map((x) => [x, t(`complexity.${x}`)] as const)}
          onChange={(x) => x && set('complexity', x)}
        />
        <Choice
          label={t('file.coordinator')}
          hint={t('file.coordinatorHint')}
          value={v.coordinator_staff_id}
          options={staffOptions}
          empty={t('file.nobody')}
          onChange={(x) => set('coordinator_staff_id', x)}
          error={errors['/coordinator_staff_id']}
        />
        <Choice
          label={t('file.parentContact')}
          value={v.parent_contact_staff_id}
          options={staffOptions}
          empty={t('file.nobody')}
          onChange={(x) => set('parent_contact_staff_id', x)}
          error={errors['/parent_contact_staff_id']}
        />
        <TextInput
          type="date"
          label={t('file.evaluationOn')}
          value={v.evaluation_on}
          onChange={(x) => set('evaluation_on', x)}
          error={errors['/evaluation_on']}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('file.save')}
        </button>
        {dirty ? (
          <button type="button" className="button secondary" onClick={() => setEdits({})}>
            {t('file.undo')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** Staff to choose from, with people already on the case even if the list lacks them. */
export function staffChoices(
  staff: readonly Staff[] | undefined,
  current: readonly ({ id: string; name: string } | null)[],
): (readonly [string, string])[] {
  const options = new Map<string, string>();
  for (const s of staff ?? []) options.set(s.id, fullName(s));
  for (const ref of current) if (ref && !options.has(ref.id)) options.set(ref.id, ref.name);
  return [...options].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
}

/** The case file as read by those who may not edit it (or once the case is closed). */
export function CaseFileView({ c }: { c: CaseRead }) {
  const { t, i18n } = useTranslation('care');
  const id = useId();
  const v = valuesOf(c);
  return (
    <section className="panel case-file" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('file.title')}</h2>
      <dl className="details">
        <Detail term={t('file.reasons')}>
          {v.reasons.map((r) => t(`reasons.${r}`)).join(', ')}
        </Detail>
        <Detail term={t('file.helpQuestionStudent')}>{v.help_question_student}</Detail>
        <Detail term={t('file.helpQuestionParents')}>{v.help_question_parents}</Detail>
        <Detail term={t('file.guidanceQuestion')}>{v.guidance_question}</Detail>
        {LOCI.map((locus) => (
          <Detail key={`s-${locus}`} term={`${t('file.strengths')}: ${t(`file.locus.${locus}`)}`}>
            {v.strengths[locus]}
          </Detail>
        ))}
        {LOCI.map((locus) => (
          <Detail key={`h-${locus}`} term={`${t('file.hindering')}: ${t(`file.locus.${locus}`)}`}>
            {v.hindering[locus]}
          </Detail>
        ))}
        <Detail term={t('file.schoolCareer')}>{v.school_career}</Detail>
        <Detail term={t('file.priorSupport')}>{v.prior_support}</Detail>
        {c.sees_restricted ? (
          <Detail term={t('file.homeSituation')}>{v.home_situation}</Detail>
        ) : null}
        <Detail term={t('file.parentsInformedShort')}>
          {v.parents_informed
            ? t('yes')
            : [t('no'), v.parents_not_informed_reason].filter(Boolean).join(': ')}
        </Detail>
        <Detail term={t('file.zatQuestion')}>{v.zat_question}</Detail>
        <Detail term={t('file.complexity')}>{t(`complexity.${v.complexity}`)}</Detail>
        <Detail term={t('file.coordinator')}>{c.coordinator?.name}</Detail>
        <Detail term={t('file.parentContact')}>{c.parent_contact?.name}</Detail>
        <Detail term={t('file.evaluationOn')}>
          {c.evaluation_on ? formatShortDate(c.evaluation_on, i18n.language) : null}
        </Detail>
      </dl>
    </section>
  );
}
