import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call, ifMatch, rest, type Schemas } from '../../api/client';
import { hgwKeys, type Need, type Overview, useHelperPhrases } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Field, Select } from '../../components/Fields';
import { ProblemAlert } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import {
  errorsByPointer,
  helperSubject,
  NEED_CATEGORIES,
  type NeedCategory,
  todayIso,
} from '../../lib/hgw';
import { type GoalDraft, GoalsEditor, goalDrafts, goalsIn, newGoal, newKey } from './GoalsEditor';

type NeedWrite = Schemas['NeedWrite'];
interface ItemDraft {
  key: number;
  category: NeedCategory;
  phrase: string;
  text: string;
}
interface Draft {
  scope: NeedWrite['scope'];
  subject: string;
  domain: NeedWrite['domain'];
  nature: NeedWrite['nature'];
  goals: GoalDraft[];
  items: ItemDraft[];
  uses_talents: string;
  set_with_student: boolean;
  student_view: string;
  valid_from: string;
  valid_until: string;
}

const newItem = (category: NeedCategory = 'instruction'): ItemDraft => ({
  key: newKey(),
  category,
  phrase: '',
  text: '',
});

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return todayIso(new Date(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days));
}

function draftOf(need: Need | undefined, overview: Overview | undefined): Draft {
  if (!need) {
    const from = overview?.starts_on ?? todayIso();
    return {
      scope: 'cross_subject',
      subject: '',
      domain: 'basic_skills',
      nature: 'didactic',
      goals: [newGoal()],
      items: [newItem()],
      uses_talents: '',
      set_with_student: false,
      student_view: '',
      valid_from: from,
      valid_until: overview?.ends_on ?? addDays(from, 70),
    };
  }
  return {
    scope: need.scope,
    subject: need.subject ?? '',
    domain: need.domain,
    nature: need.nature,
    goals: goalDrafts(need.goals),
    items: need.items.map((i) => ({ ...i, key: newKey() })),
    uses_talents: need.uses_talents,
    set_with_student: need.set_with_student,
    student_view: need.student_view,
    valid_from: need.valid_from,
    valid_until: need.valid_until,
  };
}

function bodyOf(draft: Draft, overviewId: string | null): NeedWrite {
  return {
    overview_id: overviewId,
    scope: draft.scope,
    subject: draft.scope === 'subject' ? draft.subject.trim() || null : null,
    domain: draft.domain,
    nature: draft.nature,
    goals: goalsIn(draft.goals),
    items: draft.items.map((i) => ({
      category: i.category,
      phrase: i.phrase,
      text: i.text.trim(),
    })),
    uses_talents: draft.uses_talents.trim(),
    set_with_student: draft.set_with_student,
    student_view: draft.student_view.trim(),
    valid_from: draft.valid_from,
    valid_until: draft.valid_until,
  };
}

/** The needs editor: goals (SMART), need items under the begrijpwijzer's seven headings with its
 * helper sentences, talents, the student's own words and the period. Hints warn, never refuse. */
export function NeedForm({
  studentId,
  need,
  overview,
}: {
  studentId: string;
  need: Need | undefined;
  overview: Overview | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [initial] = useState(() => draftOf(need, overview));
  const [draft, setDraft] = useState(initial);
  const overviewId = need ? need.overview_id : (overview?.id ?? null);
  const body = bodyOf(draft, overviewId);
  const dirty = JSON.stringify(body) !== JSON.stringify(bodyOf(initial, overviewId));

  // A saved need opens at its own address, once the unsaved-changes guard is off.
  const [savedAt, setSavedAt] = useState<string | null>(null);
  useEffect(() => {
    if (savedAt) navigate(savedAt, { replace: true, state: { saved: true } });
  }, [savedAt, navigate]);
  const save = useMutation({
    mutationFn: () =>
      need
        ? call(
            rest.PUT('/api/v1/needs/{need_id}', {
              params: { path: { need_id: need.id }, header: ifMatch(need.version) },
              body,
            }),
          )
        : call(
            rest.POST('/api/v1/students/{student_id}/needs', {
              params: { path: { student_id: studentId } },
              body,
            }),
          ),
    onSuccess: (saved) => {
      queryClient.setQueryData<Need[]>(hgwKeys.needs(studentId), (old) =>
        old ? [saved, ...old.filter((n) => n.id !== saved.id)] : [saved],
      );
      if (saved.overview_id)
        void queryClient.invalidateQueries({ queryKey: hgwKeys.overview(saved.overview_id) });
      void queryClient.invalidateQueries({ queryKey: hgwKeys.timeline(studentId) });
      const query = saved.overview_id ? `?overzicht=${saved.overview_id}` : '';
      setSavedAt(`/leerlingen/${studentId}/onderwijsbehoeften/${saved.id}${query}`);
    },
    onError: (error) => {
      // Someone else saved first: load their version; what this user typed stays in the form.
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: hgwKeys.needs(studentId) });
    },
  });
  const errors = errorsByPointer(save.error);
  const hints = !dirty && need ? need.hints : [];

  const patch = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const setItem = (key: number, changes: Partial<ItemDraft>) =>
    patch({ items: draft.items.map((i) => (i.key === key ? { ...i, ...changes } : i)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const fieldId = (pointer: string) => `${id}${pointer.replaceAll('/', '-')}`;

  return (
    <form className="form need-form" onSubmit={submit} noValidate>
      <UnsavedChangesGuard dirty={dirty && savedAt === null} />
      {hints.length > 0 ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-title">{t('need.hintsTitle')}</p>
          <ul>
            {hints.map((h) => (
              <li key={`${h.code}${h.pointer}`}>{h.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {save.isError && !isProblem(save.error, 401) ? <ProblemAlert error={save.error} /> : null}
      {errors[''] ? <p className="field-error">{errors['']}</p> : null}

      <fieldset className="panel fieldset">
        <legend>{t('need.kind')}</legend>
        <div className="form-grid">
          <Select
            label={t('need.domain')}
            value={draft.domain}
            options={(['basic_skills', 'subject', 'pedagogical'] as const).map((d) => [
              d,
              t(`hgw.domain.${d}`),
            ])}
            onChange={(domain) => patch({ domain })}
          />
          <Select
            label={t('need.nature')}
            value={draft.nature}
            options={(['didactic', 'pedagogical'] as const).map((n) => [n, t(`hgw.nature.${n}`)])}
            onChange={(nature) => patch({ nature })}
          />
          <Select
            label={t('need.scope')}
            value={draft.scope}
            options={(['cross_subject', 'subject'] as const).map((s) => [s, t(`hgw.scope.${s}`)])}
            onChange={(scope) => patch({ scope })}
          />
          {draft.scope === 'subject' ? (
            <Field label={t('need.subject')} error={errors['/subject']}>
              {(control) => (
                <input
                  {...control}
                  value={draft.subject}
                  onChange={(e) => patch({ subject: e.target.value })}
                />
              )}
            </Field>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="panel fieldset">
        <legend>{t('need.goals')}</legend>
        <p className="hint">{t('need.goalsHint')}</p>
        <GoalsEditor
          goals={draft.goals}
          onChange={(goals) => patch({ goals })}
          errors={errors}
          at="/goals"
        />
      </fieldset>

      <fieldset className="panel fieldset">
        <legend>{t('need.items')}</legend>
        <p className="hint">{t('need.itemsHint')}</p>
        {errors['/items'] ? <p className="field-error">{errors['/items']}</p> : null}
        {draft.items.map((item, index) => (
          <NeedItemEditor
            key={item.key}
            item={item}
            number={index + 1}
            textId={fieldId(`/items/${index}/text`)}
            error={errors[`/items/${index}/text`]}
            onChange={(changes) => setItem(item.key, changes)}
            onRemove={
              draft.items.length > 1
                ? () => patch({ items: draft.items.filter((i) => i.key !== item.key) })
                : undefined
            }
          />
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => patch({ items: [...draft.items, newItem()] })}
        >
          {t('need.addItem')}
        </button>
      </fieldset>

      <fieldset className="panel fieldset">
        <legend>{t('need.student')}</legend>
        <Field label={t('need.usesTalents')} error={errors['/uses_talents']}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={draft.uses_talents}
              onChange={(e) => patch({ uses_talents: e.target.value })}
            />
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.set_with_student}
            onChange={(e) => patch({ set_with_student: e.target.checked })}
          />
          {t('need.setWithStudent')}
        </label>
        <Field label={t('need.studentView')} error={errors['/student_view']}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.student_view}
              onChange={(e) => patch({ student_view: e.target.value })}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="panel fieldset">
        <legend>{t('need.validity')}</legend>
        <div className="form-grid">
          <Field label={t('need.validFrom')} error={errors['/valid_from']} required>
            {(control) => (
              <input
                {...control}
                type="date"
                value={draft.valid_from}
                onChange={(e) => patch({ valid_from: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('need.validUntil')} error={errors['/valid_until']} required>
            {(control) => (
              <input
                {...control}
                type="date"
                value={draft.valid_until}
                onChange={(e) => patch({ valid_until: e.target.value })}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? t('student.saving') : t('need.save')}
        </button>
      </div>
    </form>
  );
}

/** One need item: a heading, the helper sentences of that heading, and the text. */
function NeedItemEditor({
  item,
  number,
  textId,
  error,
  onChange,
  onRemove,
}: {
  item: ItemDraft;
  number: number;
  textId: string;
  error: string | undefined;
  onChange: (changes: Partial<ItemDraft>) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const phrases = useHelperPhrases();
  const helpers = (phrases.data ?? []).filter((p) => p.category === item.category);
  const chosen = helpers.find((h) => h.phrases.includes(item.phrase));
  const sentence = (heading: string, phrase: string) =>
    t('need.sentence', { what: helperSubject(heading), phrase });
  // The helper sentence frames the need; the text makes it concrete for this student.
  const pick = (phrase: string) => {
    onChange({ phrase: phrase === item.phrase ? '' : phrase });
    document.getElementById(textId)?.focus();
  };
  return (
    <div className="repeat">
      <Select
        label={t('need.itemCategory', { number })}
        value={item.category}
        options={NEED_CATEGORIES.map((c) => [c, t(`hgw.needCategory.${c}`)] as const)}
        onChange={(category) => onChange({ category, phrase: '' })}
      />
      {helpers.length > 0 ? (
        <details className="helpers">
          <summary>
            {t('need.helpers', { category: t(`hgw.needCategory.${item.category}`) })}
          </summary>
          {helpers.map((h) => (
            <div key={h.heading}>
              <p className="helpers-heading">{sentence(h.heading, '…')}</p>
              <ul className="plain-list">
                {h.phrases.map((phrase) => (
                  <li key={phrase}>
                    <button
                      type="button"
                      className="button link phrase"
                      aria-pressed={phrase === item.phrase}
                      onClick={() => pick(phrase)}
                    >
                      {phrase}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      ) : phrases.isError ? (
        <p className="hint">{t('need.helpersUnavailable')}</p>
      ) : null}
      {item.phrase ? (
        <p className="chosen-phrase">
          <span className="visually-hidden">{t('need.chosenPhrase')}: </span>
          {chosen ? sentence(chosen.heading, item.phrase) : item.phrase}
        </p>
      ) : null}
      <p className="hint">{t('need.itemTextHint')}</p>
      <Field id={textId} label={t('need.itemText', { number })} error={error} required>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={item.text}
            onChange={(e) => onChange({ text: e.target.value })}
          />
        )}
      </Field>
      {onRemove ? (
        <button type="button" className="button link" onClick={onRemove}>
          {t('need.removeItem', { number })}
        </button>
      ) : null}
    </div>
  );
}
