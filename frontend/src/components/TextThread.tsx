import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/problem';
import { errorsByPointer } from '../lib/hgw';
import { Field } from './Fields';
import { EmptyState, ProblemAlert } from './States';

export interface ThreadEntry {
  key: string;
  author: string;
  at: string;
  text: string;
}

interface Props<T> {
  id: string;
  title: string;
  empty: string;
  entries: readonly ThreadEntry[];
  /** Label of the text field and of the button; no form when `send` is absent. */
  fieldLabel: string;
  buttonLabel: string;
  send?: (text: string) => Promise<T>;
  onSent: (saved: T) => void;
}

/** Dated texts by colleagues with a form to add one: questions for a group meeting, the
 * amendments of an active plan. Nothing is edited afterwards; entries are only added. */
export function TextThread<T>({
  id,
  title,
  empty,
  entries,
  fieldLabel,
  buttonLabel,
  send,
  onSent,
}: Props<T>) {
  const { i18n } = useTranslation();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: (value: string) => {
      if (!send) throw new Error('read-only thread');
      return send(value);
    },
    onSuccess: (saved) => {
      onSent(saved);
      setText('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(text.trim());
  };
  const when = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
  });
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {entries.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className={`plain-list ${id}`}>
          {entries.map((e) => (
            <li key={e.key}>
              <p className="meta">
                {when.format(new Date(e.at))} · {e.author}
              </p>
              <p className="pre">{e.text}</p>
            </li>
          ))}
        </ul>
      )}
      {send ? (
        <form className="form" onSubmit={submit} noValidate>
          {add.isError && !isProblem(add.error, 401) ? <ProblemAlert error={add.error} /> : null}
          <Field label={fieldLabel} error={errorsByPointer(add.error)['/text']}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button
              type="submit"
              className="button secondary"
              disabled={add.isPending || !text.trim()}
            >
              {buttonLabel}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
