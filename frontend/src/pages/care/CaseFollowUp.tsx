import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActionItem,
  type ActionItemIn,
  type CaseRead,
  type ConversationIn,
  type Intervention,
  type InterventionIn,
  type InterventionUpdate,
  useAddActionItem,
  useAddConversation,
  useAddIntervention,
  useStaff,
  useUpdateActionItem,
  useUpdateIntervention,
} from '../../api/cases';
import { EmptyState } from '../../components/States';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import {
  Check,
  Choice,
  Day,
  Disclosure,
  Failure,
  FormButtons,
  Overdue,
  TextArea,
  TextInput,
} from './bits';
import { staffChoices } from './CaseFileForm';

// -- conversations --------------------------------------------------------------------------

const MOMENTS: readonly ConversationIn['moment'][] = ['before', 'after', 'kickoff', 'evaluation'];

/** Conversations with the student and with the parents: before and after every IZO or ZAT
 * discussion (I2), the kick-off of a shortened registration, evaluations. */
export function Conversations({ c }: { c: CaseRead }) {
  const { t } = useTranslation('care');
  const id = useId();
  const items = [...c.conversations].sort((a, b) => b.held_on.localeCompare(a.held_on));
  return (
    <section className="panel conversations" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('conversations.title')}</h2>
      <p className="hint">{t('conversations.intro')}</p>
      {items.length === 0 ? (
        <EmptyState>{t('conversations.empty')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {items.map((cv) => (
            <li key={cv.id}>
              <p className="record-title">
                {t(`conversations.with.${cv.with_whom}`)} · {t(`conversations.moment.${cv.moment}`)}
                {cv.forum ? ` (${cv.forum.toUpperCase()})` : ''}
              </p>
              <p className="meta">
                <Day iso={cv.held_on} /> · {t('recordedBy', { name: cv.recorded_by })}
                {cv.participants ? ` · ${cv.participants}` : ''}
              </p>
              {cv.summary ? <p className="pre">{cv.summary}</p> : null}
              {cv.agreements ? (
                <p className="pre">
                  <strong>{t('conversations.agreements')}:</strong> {cv.agreements}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {c.editable ? (
        <Disclosure label={t('conversations.add')}>
          {(close) => <ConversationForm caseId={c.id} onDone={close} />}
        </Disclosure>
      ) : null}
    </section>
  );
}

function ConversationForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('care');
  const add = useAddConversation(caseId);
  const [v, setV] = useState({
    with_whom: 'student' as ConversationIn['with_whom'],
    moment: 'before' as ConversationIn['moment'],
    forum: 'izo' as 'izo' | 'zat' | '',
    held_on: todayIso(),
    participants: '',
    summary: '',
    agreements: '',
  });
  const [missing, setMissing] = useState<string[]>([]);
  const patch = (changes: Partial<typeof v>) => setV((x) => ({ ...x, ...changes }));
  const needsForum = v.moment === 'before' || v.moment === 'after';
  const errors = errorsByPointer(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [
      v.summary.trim() ? '' : 'summary',
      v.held_on ? '' : 'held_on',
      needsForum && !v.forum ? 'forum' : '',
    ].filter(Boolean);
    setMissing(empty);
    if (empty.length) return;
    add.mutate(
      {
        with_whom: v.with_whom,
        moment: v.moment,
        forum: v.forum || null,
        held_on: v.held_on,
        participants: v.participants.trim(),
        summary: v.summary.trim(),
        agreements: v.agreements.trim(),
      },
      { onSuccess: onDone },
    );
  };
  const required = (key: string) =>
    missing.includes(key) ? t('common.required') : errors[`/${key}`];
  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={add.error} />
      <fieldset className="fieldset">
        <legend>{t('conversations.withLegend')}</legend>
        {(['student', 'parents'] as const).map((w) => (
          <label key={w} className="check">
            <input
              type="radio"
              name={`${caseId}-with`}
              checked={v.with_whom === w}
              onChange={() => patch({ with_whom: w })}
            />
            {t(`conversations.with.${w}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <Choice
          label={t('conversations.momentLabel')}
          value={v.moment}
          options={MOMENTS.map((m) => [m, t(`conversations.moment.${m}`)] as const)}
          onChange={(m) => m && patch({ moment: m })}
        />
        <Choice
          label={t('conversations.forum')}
          value={v.forum}
          options={[
            ['izo', t('forum.izo')],
            ['zat', t('forum.zat')],
          ]}
          empty={needsForum ? undefined : t('conversations.noForum')}
          onChange={(f) => patch({ forum: f })}
          required={needsForum}
          error={required('forum')}
        />
        <TextInput
          type="date"
          label={t('conversations.heldOn')}
          value={v.held_on}
          onChange={(x) => patch({ held_on: x })}
          required
          error={required('held_on')}
        />
      </div>
      <TextInput
        label={t('conversations.participants')}
        value={v.participants}
        onChange={(x) => patch({ participants: x })}
      />
      <TextArea
        label={t('conversations.summary')}
        hint={t('conversations.summaryHint')}
        value={v.summary}
        onChange={(x) => patch({ summary: x })}
        required
        error={required('summary')}
      />
      <TextArea
        label={t('conversations.agreements')}
        value={v.agreements}
        onChange={(x) => patch({ agreements: x })}
      />
      <FormButtons pending={add.isPending} save={t('conversations.save')} onCancel={onDone} />
    </form>
  );
}

// -- action items ---------------------------------------------------------------------------

/** Action items (actiepunten): who does what by when, from a discussion or added here; the
 * owner reports when it is done. */
export function ActionItems({ c }: { c: CaseRead }) {
  const { t } = useTranslation('care');
  const id = useId();
  return (
    <section className="panel action-items" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('actionItems.title')}</h2>
      {c.action_items.length === 0 ? (
        <EmptyState>{t('actionItems.empty')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {c.action_items.map((a) => (
            <li key={a.id} className={a.overdue ? 'record overdue' : 'record'}>
              <ActionItemView c={c} item={a} />
            </li>
          ))}
        </ul>
      )}
      {c.editable ? (
        <Disclosure label={t('actionItems.add')}>
          {(close) => <ActionItemForm c={c} onDone={close} />}
        </Disclosure>
      ) : null}
    </section>
  );
}

function ActionItemView({ c, item: a }: { c: CaseRead; item: ActionItem }) {
  const { t } = useTranslation('care');
  return (
    <>
      <p className="record-title">{a.description}</p>
      <p className="meta">
        {a.owner_name}
        {a.organisation ? ` (${a.organisation})` : ''} · {t('actionItems.due')}{' '}
        <Day iso={a.due_on} /> ·{' '}
        <span className={`status status-item-${a.status}`}>
          {t(`actionItems.status.${a.status}`)}
        </span>
        {a.overdue ? (
          <>
            {' '}
            <Overdue />
          </>
        ) : null}
      </p>
      {a.goal ? (
        <p>
          {t('actionItems.goal')}: {a.goal}
        </p>
      ) : null}
      {a.report ? (
        <p className="pre">
          <strong>{t('actionItems.report')}:</strong> {a.report}
        </p>
      ) : null}
      {a.status === 'open' && c.editable ? (
        <Disclosure label={t('actionItems.markDone')} className="button secondary small">
          {(close) => <DoneForm caseId={c.id} item={a} onDone={close} />}
        </Disclosure>
      ) : null}
    </>
  );
}

function DoneForm({
  caseId,
  item,
  onDone,
}: {
  caseId: string;
  item: ActionItem;
  onDone: () => void;
}) {
  const { t } = useTranslation('care');
  const update = useUpdateActionItem(caseId);
  const [report, setReport] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: item.id,
        version: item.version,
        body: { status: 'done', report: report.trim() || null },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={update.error} />
      <TextArea
        label={t('actionItems.reportLabel', { what: item.description })}
        value={report}
        onChange={setReport}
        error={errorsByPointer(update.error)['/report']}
      />
      <FormButtons pending={update.isPending} save={t('actionItems.saveDone')} onCancel={onDone} />
    </form>
  );
}

export function ActionItemForm({ c, onDone }: { c: CaseRead; onDone: () => void }) {
  const { t } = useTranslation('care');
  const add = useAddActionItem(c.id);
  const staff = useStaff(c.school_id);
  const [v, setV] = useState<ActionItemDraft>(emptyActionItem());
  const [missing, setMissing] = useState<string[]>([]);
  const errors = errorsByPointer(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = (['description', 'owner_name', 'due_on'] as const).filter((k) => !v[k].trim());
    setMissing(empty);
    if (empty.length) return;
    add.mutate(actionItemBody(v), { onSuccess: onDone });
  };
  const err = (k: string) => (missing.includes(k) ? t('common.required') : errors[`/${k}`]);
  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={add.error} />
      <ActionItemFields
        value={v}
        staff={staffChoices(staff.data, [])}
        onChange={(changes) => setV((x) => ({ ...x, ...changes }))}
        error={err}
      />
      <FormButtons pending={add.isPending} save={t('actionItems.save')} onCancel={onDone} />
    </form>
  );
}

export interface ActionItemDraft {
  description: string;
  /** A colleague picked from the school's staff ('' for someone else, named by hand). */
  owner_staff_id: string;
  owner_name: string;
  organisation: string;
  goal: string;
  due_on: string;
}

export function emptyActionItem(): ActionItemDraft {
  return {
    description: '',
    owner_staff_id: '',
    owner_name: '',
    organisation: '',
    goal: '',
    due_on: '',
  };
}

/** An action item as the API takes it: a colleague by staff id (the server links their
 * account, so the item is theirs under "mine"), anyone else by name. */
export function actionItemBody(a: ActionItemDraft): ActionItemIn {
  return {
    description: a.description.trim(),
    owner_name: a.owner_name.trim(),
    owner_staff_id: a.owner_staff_id || null,
    organisation: a.organisation.trim(),
    goal: a.goal.trim(),
    due_on: a.due_on,
  };
}

/** The fields of one action item (also in the minutes of a discussion). The owner is a
 * colleague from `staff` ([staff id, name]) or, with "someone else", a name typed in. */
export function ActionItemFields({
  value: v,
  staff,
  onChange,
  error,
  number,
}: {
  value: ActionItemDraft;
  staff: readonly (readonly [string, string])[];
  onChange: (changes: Partial<ActionItemDraft>) => void;
  error: (key: keyof ActionItemDraft) => string | undefined;
  number?: number;
}) {
  const { t } = useTranslation('care');
  const n = number === undefined ? '' : ` ${number}`;
  const byHand = !v.owner_staff_id;
  return (
    <>
      <TextInput
        label={`${t('actionItems.description')}${n}`}
        value={v.description}
        onChange={(x) => onChange({ description: x })}
        required
        error={error('description')}
      />
      <div className="form-grid">
        {staff.length > 0 ? (
          <Choice
            label={`${t('actionItems.owner')}${n}`}
            value={v.owner_staff_id}
            options={staff}
            empty={t('actionItems.someoneElse')}
            onChange={(id) =>
              onChange({
                owner_staff_id: id,
                owner_name: id ? (staff.find(([sid]) => sid === id)?.[1] ?? '') : '',
              })
            }
            error={error('owner_staff_id')}
          />
        ) : null}
        {byHand ? (
          <TextInput
            label={
              staff.length > 0
                ? `${t('actionItems.ownerName')}${n}`
                : `${t('actionItems.owner')}${n}`
            }
            hint={staff.length > 0 ? t('actionItems.ownerNameHint') : undefined}
            value={v.owner_name}
            onChange={(x) => onChange({ owner_name: x })}
            required
            error={error('owner_name')}
          />
        ) : null}
        <TextInput
          label={`${t('actionItems.organisation')}${n}`}
          value={v.organisation}
          onChange={(x) => onChange({ organisation: x })}
        />
        <TextInput
          type="date"
          label={`${t('actionItems.dueOn')}${n}`}
          value={v.due_on}
          onChange={(x) => onChange({ due_on: x })}
          required
          error={error('due_on')}
        />
      </div>
      <TextInput
        label={`${t('actionItems.goal')}${n}`}
        value={v.goal}
        onChange={(x) => onChange({ goal: x })}
      />
    </>
  );
}

// -- interventions --------------------------------------------------------------------------

const KINDS: readonly InterventionIn['kind'][] = [
  'remedial_teaching',
  'dyslexia_support',
  'social_skills_training',
  'fear_of_failure_training',
  'counselling',
  'homework_support',
  'teacher_coaching',
  'parent_support',
  'career_guidance',
  'investigation',
  'enrichment_programme',
  'other',
];
type Effect = NonNullable<Intervention['effect_student']>;
const EFFECTS: readonly Effect[] = ['effective', 'partly', 'not_effective', 'unknown'];
const STATUSES: readonly Intervention['status'][] = ['planned', 'running', 'ended'];

/** Interventions (begeleiding, training, onderzoek) with a measurable goal, and their effect as
 * the student and the parents perceive it. */
export function Interventions({ c }: { c: CaseRead }) {
  const { t } = useTranslation('care');
  const id = useId();
  return (
    <section className="panel interventions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('interventions.title')}</h2>
      {c.interventions.length === 0 ? (
        <EmptyState>{t('interventions.empty')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {c.interventions.map((i) => (
            <li key={i.id}>
              <InterventionView c={c} item={i} />
            </li>
          ))}
        </ul>
      )}
      {c.editable ? (
        <Disclosure label={t('interventions.add')}>
          {(close) => <InterventionForm caseId={c.id} onDone={close} />}
        </Disclosure>
      ) : null}
    </section>
  );
}

function InterventionView({ c, item: i }: { c: CaseRead; item: Intervention }) {
  const { t } = useTranslation('care');
  return (
    <>
      <p className="record-title">
        {t(`interventions.kind.${i.kind}`)}{' '}
        <span className="status">{t(`interventions.status.${i.status}`)}</span>
      </p>
      <p className="meta">
        {i.provider} · <Day iso={i.starts_on} />
        {i.ends_on ? (
          <>
            {' – '}
            <Day iso={i.ends_on} />
          </>
        ) : null}
        {i.frequency ? ` · ${i.frequency}` : ''}
        {i.evaluation_on ? (
          <>
            {' · '}
            {t('interventions.evaluateOn')} <Day iso={i.evaluation_on} />
          </>
        ) : null}
      </p>
      <p>
        {t('interventions.goal')}: {i.goal}
      </p>
      {i.effect_student ? (
        <p>
          {t('interventions.effectStudent')}: {t(`interventions.effect.${i.effect_student}`)}
          {i.effect_student_note ? ` · ${i.effect_student_note}` : ''}
        </p>
      ) : null}
      {i.effect_parents ? (
        <p>
          {t('interventions.effectParents')}: {t(`interventions.effect.${i.effect_parents}`)}
          {i.effect_parents_note ? ` · ${i.effect_parents_note}` : ''}
        </p>
      ) : null}
      {i.outcome ? (
        <p className="pre">
          {t('interventions.outcome')}: {i.outcome}
        </p>
      ) : null}
      {i.transferred_to_class ? <p>{t('interventions.transferred')}</p> : null}
      {c.editable ? (
        <Disclosure label={t('interventions.recordEffect')} className="button secondary small">
          {(close) => <EffectForm caseId={c.id} item={i} onDone={close} />}
        </Disclosure>
      ) : null}
    </>
  );
}

function EffectForm({
  caseId,
  item: i,
  onDone,
}: {
  caseId: string;
  item: Intervention;
  onDone: () => void;
}) {
  const { t } = useTranslation('care');
  const update = useUpdateIntervention(caseId);
  const [v, setV] = useState({
    status: i.status,
    effect_student: (i.effect_student ?? '') as Effect | '',
    effect_student_note: i.effect_student_note ?? '',
    effect_parents: (i.effect_parents ?? '') as Effect | '',
    effect_parents_note: i.effect_parents_note ?? '',
    outcome: i.outcome ?? '',
    transferred_to_class: i.transferred_to_class,
  });
  const patch = (changes: Partial<typeof v>) => setV((x) => ({ ...x, ...changes }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: InterventionUpdate = {
      status: v.status,
      effect_student: v.effect_student || null,
      effect_student_note: v.effect_student_note.trim() || null,
      effect_parents: v.effect_parents || null,
      effect_parents_note: v.effect_parents_note.trim() || null,
      outcome: v.outcome.trim() || null,
      transferred_to_class: v.transferred_to_class,
    };
    update.mutate({ id: i.id, version: i.version, body }, { onSuccess: onDone });
  };
  const effects = EFFECTS.map((e) => [e, t(`interventions.effect.${e}`)] as const);
  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={update.error} />
      <Choice
        label={t('interventions.statusLabel')}
        value={v.status}
        options={STATUSES.map((s) => [s, t(`interventions.status.${s}`)] as const)}
        onChange={(s) => s && patch({ status: s })}
      />
      <div className="form-grid wide">
        <Choice
          label={t('interventions.effectStudent')}
          value={v.effect_student}
          options={effects}
          empty="–"
          onChange={(e) => patch({ effect_student: e })}
        />
        <TextInput
          label={t('interventions.effectStudentNote')}
          value={v.effect_student_note}
          onChange={(x) => patch({ effect_student_note: x })}
        />
        <Choice
          label={t('interventions.effectParents')}
          value={v.effect_parents}
          options={effects}
          empty="–"
          onChange={(e) => patch({ effect_parents: e })}
        />
        <TextInput
          label={t('interventions.effectParentsNote')}
          value={v.effect_parents_note}
          onChange={(x) => patch({ effect_parents_note: x })}
        />
      </div>
      <TextArea
        label={t('interventions.outcome')}
        value={v.outcome}
        onChange={(x) => patch({ outcome: x })}
      />
      <Check
        label={t('interventions.transferredLabel')}
        checked={v.transferred_to_class}
        onChange={(on) => patch({ transferred_to_class: on })}
      />
      <FormButtons
        pending={update.isPending}
        save={t('interventions.saveEffect')}
        onCancel={onDone}
      />
    </form>
  );
}

function InterventionForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('care');
  const add = useAddIntervention(caseId);
  const [v, setV] = useState({
    kind: 'remedial_teaching' as InterventionIn['kind'],
    goal: '',
    provider: '',
    starts_on: todayIso(),
    ends_on: '',
    frequency: '',
    evaluation_on: '',
  });
  const [missing, setMissing] = useState<string[]>([]);
  const patch = (changes: Partial<typeof v>) => setV((x) => ({ ...x, ...changes }));
  const errors = errorsByPointer(add.error);
  const err = (k: string) => (missing.includes(k) ? t('common.required') : errors[`/${k}`]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = (['goal', 'provider', 'starts_on'] as const).filter((k) => !v[k].trim());
    setMissing(empty);
    if (empty.length) return;
    add.mutate(
      {
        kind: v.kind,
        goal: v.goal.trim(),
        provider: v.provider.trim(),
        starts_on: v.starts_on,
        ends_on: v.ends_on || null,
        frequency: v.frequency.trim(),
        evaluation_on: v.evaluation_on || null,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={add.error} />
      <Choice
        label={t('interventions.kindLabel')}
        value={v.kind}
        options={KINDS.map((k) => [k, t(`interventions.kind.${k}`)] as const)}
        onChange={(k) => k && patch({ kind: k })}
      />
      <TextArea
        label={t('interventions.goal')}
        hint={t('interventions.goalHint')}
        value={v.goal}
        onChange={(x) => patch({ goal: x })}
        required
        error={err('goal')}
      />
      <div className="form-grid">
        <TextInput
          label={t('interventions.provider')}
          value={v.provider}
          onChange={(x) => patch({ provider: x })}
          required
          error={err('provider')}
        />
        <TextInput
          label={t('interventions.frequency')}
          value={v.frequency}
          onChange={(x) => patch({ frequency: x })}
        />
        <TextInput
          type="date"
          label={t('interventions.startsOn')}
          value={v.starts_on}
          onChange={(x) => patch({ starts_on: x })}
          required
          error={err('starts_on')}
        />
        <TextInput
          type="date"
          label={t('interventions.endsOn')}
          value={v.ends_on}
          onChange={(x) => patch({ ends_on: x })}
          error={errors['/ends_on']}
        />
        <TextInput
          type="date"
          label={t('interventions.evaluateOn')}
          value={v.evaluation_on}
          onChange={(x) => patch({ evaluation_on: x })}
          error={errors['/evaluation_on']}
        />
      </div>
      <FormButtons pending={add.isPending} save={t('interventions.save')} onCancel={onDone} />
    </form>
  );
}
