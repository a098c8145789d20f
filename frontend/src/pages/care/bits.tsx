/** Small labelled controls and read-outs shared by the care screens. */
import { type ReactNode, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/problem';
import { Field } from '../../components/Fields';
import { ProblemAlert } from '../../components/States';
import { labelInWords, type Missing } from '../../lib/care';
import { formatShortDate } from '../../lib/dates';
import { todayIso } from '../../lib/hgw';

interface Common {
  label: string;
  /** A fixed id, when other code must focus the control. */
  id?: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

export function TextArea({
  value,
  onChange,
  rows = 3,
  ...field
}: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          value={value}
          disabled={field.disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextInput({
  value,
  onChange,
  type = 'text',
  ...field
}: Common & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'time';
}) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          type={type}
          value={value}
          disabled={field.disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A select over [value, text] options; `empty` adds a first "–" choice with value "". */
export function Choice<T extends string>({
  value,
  options,
  onChange,
  empty,
  ...field
}: Common & {
  value: T | '';
  options: readonly (readonly [T, string])[];
  onChange: (value: T | '') => void;
  empty?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <select
          {...control}
          value={value}
          disabled={field.disabled}
          onChange={(e) => onChange(e.target.value as T | '')}
        >
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Check({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

/** Several checkboxes in a fieldset with a legend; the hint and the error are read out with
 * the group (`aria-describedby`), and a status line (e.g. "2 leden gekozen") may follow. */
export function CheckGroup<T extends string>({
  legend,
  hint,
  value,
  options,
  onChange,
  error,
  status,
  id: givenId,
}: {
  legend: string;
  hint?: string;
  value: readonly T[];
  options: readonly (readonly [T, string])[];
  onChange: (value: T[]) => void;
  error?: string | undefined;
  status?: ReactNode;
  id?: string;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={id}
      className={error ? 'fieldset invalid' : 'fieldset'}
      aria-describedby={describedBy || undefined}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {options.map(([v, text]) => (
        <Check
          key={v}
          label={text}
          checked={value.includes(v)}
          onChange={(on) => onChange(on ? [...value, v] : value.filter((x) => x !== v))}
        />
      ))}
      {status ? <p className="meta">{status}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

const PURPOSES = [
  'discuss_care_team',
  'register_zat',
  'share_swv',
  'share_external',
  'transfer_next_school',
] as const;

/** A missing guard in words: the API's label, its parameter (a consent's purpose, a form)
 * said in the user's language. */
export function useGuardLabel(): (m: Missing) => string {
  const { t } = useTranslation('care');
  return (m) =>
    labelInWords(m, (param) =>
      param === 'izo' || param === 'zat'
        ? param.toUpperCase()
        : (PURPOSES as readonly string[]).includes(param)
          ? t(`purpose.${param as (typeof PURPOSES)[number]}`)
          : null,
    );
}

/** "te laat" in words, next to the colour. */
export function Overdue({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('care');
  return <span className="status status-overdue">{children ?? t('overdue')}</span>;
}

/** A calendar day ("01-12-2026"); an instant shows the day it was in the user's time zone. */
export function Day({ iso }: { iso: string }) {
  const { i18n } = useTranslation('care');
  const day = iso.length > 10 ? todayIso(new Date(iso)) : iso;
  return <time dateTime={iso}>{formatShortDate(day, i18n.language)}</time>;
}

/** Date and time of an instant, as the school reads it ("20-11-2026 15:30"). */
export function Moment({ iso }: { iso: string }) {
  const { i18n } = useTranslation('care');
  const text = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}

/** A term and its text in a details list; nothing when the text is empty. */
export function Detail({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="details-row">
      <dt>{term}</dt>
      <dd className="pre">{children}</dd>
    </div>
  );
}

/** Forms on one page report whether they have unsaved changes; the page has one guard (a
 * router allows one blocker at a time). */
export type ReportDirty = (form: string, dirty: boolean) => void;

export function useDirtyForms(): [boolean, ReportDirty] {
  const [forms, setForms] = useState<Record<string, boolean>>({});
  const report = useCallback<ReportDirty>(
    (form, dirty) => setForms((all) => (all[form] === dirty ? all : { ...all, [form]: dirty })),
    [],
  );
  return [Object.values(forms).some(Boolean), report];
}

export function useReportDirty(report: ReportDirty | undefined, form: string, dirty: boolean) {
  useEffect(() => {
    report?.(form, dirty);
  }, [report, form, dirty]);
  useEffect(() => () => report?.(form, false), [report, form]);
}

/** A button that opens a form in place (aria-expanded); the form closes itself when done. */
export function Disclosure({
  label,
  children,
  className = 'button secondary',
}: {
  label: string;
  children: (close: () => void) => ReactNode;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="disclosure">
      {open ? null : (
        <button
          type="button"
          className={className}
          aria-expanded={false}
          aria-controls={id}
          onClick={() => setOpen(true)}
        >
          {label}
        </button>
      )}
      <div id={id}>{open ? children(() => setOpen(false)) : null}</div>
    </div>
  );
}

/** Save and cancel for the case page's small forms. */
export function FormButtons({
  pending,
  save,
  onCancel,
}: {
  pending: boolean;
  save: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation('care');
  return (
    <div className="form-actions">
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? t('common.saving') : save}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** A refusal of a form's request (a 401 has its own dialog). */
export function Failure({ error }: { error: Error | null }) {
  return error && !isProblem(error, 401) ? <ProblemAlert error={error} /> : null;
}
