import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AgendaItem,
  type CareMeeting,
  type Forum,
  useSaveDiscussion,
  useStaff,
} from '../../api/cases';
import { isProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/States';
import { lines, minutesFields, stillMissingAfterMinutes, thenOptions } from '../../lib/care';
import { errorsByPointer } from '../../lib/hgw';
import {
  Day,
  Detail,
  type ReportDirty,
  TextArea,
  TextInput,
  useGuardLabel,
  useReportDirty,
} from './bits';
import { staffChoices } from './CaseFileForm';
import {
  type ActionItemDraft,
  ActionItemFields,
  actionItemBody,
  emptyActionItem,
} from './CaseFollowUp';

interface Values {
  minutes: Record<string, string>;
  decisions: string;
  evaluation_on: string;
  informs_student_parents: string;
  relays_advice_to_school: string;
}

function valuesOf(item: AgendaItem): Values {
  return {
    minutes: { ...(item.minutes ?? {}) },
    decisions: item.decisions.join('\n'),
    evaluation_on: item.evaluation_on ?? '',
    informs_student_parents: item.informs_student_parents ?? '',
    relays_advice_to_school: item.relays_advice_to_school ?? '',
  };
}

type Draft = ActionItemDraft & { key: number };
const REQUIRED_ITEM_FIELDS: readonly (keyof ActionItemDraft)[] = [
  'description',
  'owner_name',
  'due_on',
];

/** Minutes of one case (verslag): the forum's report fields (IZO report §4.15, or the ZAT action
 * plan §4.17), decisions, the evaluation date, who informs the student and parents and who
 * relays the advice to the school, new action items; and "daarna" a route step the discussion
 * leads to (e.g. "Bespreking in het IZO vastleggen"), taken when the minutes are saved. */
export function MinutesForm({
  m,
  item,
  reportDirty,
}: {
  m: CareMeeting;
  item: AgendaItem;
  reportDirty?: ReportDirty;
}) {
  const { t } = useTranslation('care');
  const id = useId();
  const save = useSaveDiscussion(m.id);
  const label = useGuardLabel();
  const staff = useStaff(m.school_id);
  const staffOptions = staffChoices(staff.data, []);
  const base = valuesOf(item);
  const [edits, setEdits] = useState<Partial<Values>>({});
  const [actions, setActions] = useState<Draft[]>([]);
  const [then, setThen] = useState('');
  const [missing, setMissing] = useState<number[]>([]);
  const [done, setDone] = useState<{ step: string | null } | null>(null);
  const v: Values = { ...base, ...edits };
  const fields = minutesFields(m.forum);
  const dirty =
    JSON.stringify(v) !== JSON.stringify(base) || actions.some((a) => a.description.trim());
  useReportDirty(reportDirty, `minutes-${item.id}`, dirty);
  const options = thenOptions(item.actions);
  const chosen = options.find((o) => o.action === then);
  const stillMissing = chosen
    ? stillMissingAfterMinutes(chosen, {
        evaluationOn: v.evaluation_on,
        actionItems: actions.filter((a) => a.description.trim()).length,
      })
    : [];
  const errors = errorsByPointer(save.error);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setDone(null);
    setEdits((e) => ({ ...e, [key]: value }));
  };
  const setMinute = (field: string, text: string) =>
    set('minutes', { ...v.minutes, [field]: text });
  const setAction = (key: number, changes: Partial<ActionItemDraft>) =>
    setActions((all) => all.map((a) => (a.key === key ? { ...a, ...changes } : a)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const incomplete = actions
      .filter((a) => a.description.trim() || a.owner_name.trim() || a.due_on)
      .filter((a) => !a.description.trim() || !a.owner_name.trim() || !a.due_on)
      .map((a) => a.key);
    setMissing(incomplete);
    if (incomplete.length) return;
    const minutes = Object.fromEntries(
      Object.entries(v.minutes)
        .map(([k, text]) => [k, text.trim()] as const)
        .filter(([, text]) => text),
    );
    save.mutate(
      {
        caseId: item.case_id,
        version: item.version,
        body: {
          minutes,
          decisions: lines(v.decisions),
          evaluation_on: v.evaluation_on || null,
          informs_student_parents: v.informs_student_parents.trim(),
          relays_advice_to_school: v.relays_advice_to_school.trim(),
          action_items: actions.filter((a) => a.description.trim()).map(actionItemBody),
          then_action: then || null,
        },
      },
      {
        onSuccess: () => {
          setEdits({});
          setActions([]);
          setThen('');
          setDone({ step: chosen?.label ?? null });
        },
      },
    );
  };

  return (
    <form
      className="form minutes"
      onSubmit={submit}
      noValidate
      aria-label={t('minutes.formLabel', { name: item.student_name ?? t('meeting.hiddenCase') })}
    >
      {save.isError && !isProblem(save.error, 401) ? <ProblemAlert error={save.error} /> : null}
      {done && !dirty ? (
        <p className="alert alert-success" role="status">
          {done.step ? t('minutes.savedAndStep', { step: done.step }) : t('minutes.saved')}
        </p>
      ) : null}
      {fields.map((field) => (
        <TextArea
          key={field}
          label={t(`minutes.fields.${field}`)}
          hint={
            field === 'help_question'
              ? t('file.helpQuestionStudentHint')
              : field === 'guidance_question'
                ? t('file.guidanceQuestionHint')
                : undefined
          }
          value={v.minutes[field] ?? ''}
          onChange={(x) => setMinute(field, x)}
          rows={2}
          error={errors[`/minutes/${field}`]}
        />
      ))}
      <TextArea
        label={t('minutes.decisions')}
        hint={t('minutes.decisionsHint')}
        value={v.decisions}
        onChange={(x) => set('decisions', x)}
        error={errors['/decisions']}
      />
      <div className="form-grid">
        <TextInput
          type="date"
          label={t('minutes.evaluationOn')}
          value={v.evaluation_on}
          onChange={(x) => set('evaluation_on', x)}
          error={errors['/evaluation_on']}
        />
        <TextInput
          label={t('minutes.informs')}
          value={v.informs_student_parents}
          onChange={(x) => set('informs_student_parents', x)}
        />
        <TextInput
          label={t('minutes.relays')}
          value={v.relays_advice_to_school}
          onChange={(x) => set('relays_advice_to_school', x)}
        />
      </div>
      <fieldset className="fieldset">
        <legend>{t('minutes.actionItems')}</legend>
        {actions.map((a, i) => (
          <div key={a.key} className="repeat">
            <ActionItemFields
              number={i + 1}
              value={a}
              staff={staffOptions}
              onChange={(changes) => setAction(a.key, changes)}
              error={(k) =>
                missing.includes(a.key) && REQUIRED_ITEM_FIELDS.includes(k) && !a[k].trim()
                  ? t('common.required')
                  : errors[`/action_items/${i}/${k}`]
              }
            />
            <button
              type="button"
              className="button link"
              onClick={() => setActions((all) => all.filter((x) => x.key !== a.key))}
            >
              {t('minutes.removeAction', { number: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button secondary small"
          onClick={() =>
            setActions((all) => [...all, { key: Date.now() + all.length, ...emptyActionItem() }])
          }
        >
          {t('minutes.addAction')}
        </button>
      </fieldset>
      {options.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-then`}>{t('minutes.thenStep')}</label>
          <select
            id={`${id}-then`}
            value={then}
            aria-describedby={stillMissing.length ? `${id}-then-needs` : undefined}
            onChange={(e) => setThen(e.target.value)}
          >
            <option value="">{t('minutes.thenStepNothing')}</option>
            {options.map((o) => (
              <option key={o.key} value={o.action}>
                {o.label}
              </option>
            ))}
          </select>
          {stillMissing.length > 0 ? (
            <div id={`${id}-then-needs`} className="step-needs">
              <p>{t('steps.stillNeeded')}</p>
              <ul>
                {stillMissing.map((x) => (
                  <li key={x.code}>{label(x)}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending
            ? t('common.saving')
            : chosen
              ? t('minutes.saveAndStep', { step: chosen.label })
              : t('minutes.save')}
        </button>
      </div>
    </form>
  );
}

/** The minutes as read by members (and once the meeting is closed to edits). */
export function MinutesView({ forum, item }: { forum: Forum; item: AgendaItem }) {
  const { t } = useTranslation('care');
  const minutes = item.minutes ?? {};
  const filled = minutesFields(forum).filter((f) => minutes[f]);
  if (filled.length === 0 && item.decisions.length === 0 && !item.evaluation_on)
    return <p className="muted">{t('minutes.none')}</p>;
  return (
    <dl className="details">
      {filled.map((f) => (
        <Detail key={f} term={t(`minutes.fields.${f}`)}>
          {minutes[f]}
        </Detail>
      ))}
      <Detail term={t('minutes.decisions')}>{item.decisions.join('\n')}</Detail>
      <Detail term={t('minutes.evaluationOn')}>
        {item.evaluation_on ? <Day iso={item.evaluation_on} /> : null}
      </Detail>
      <Detail term={t('minutes.informs')}>{item.informs_student_parents}</Detail>
      <Detail term={t('minutes.relays')}>{item.relays_advice_to_school}</Detail>
    </dl>
  );
}
