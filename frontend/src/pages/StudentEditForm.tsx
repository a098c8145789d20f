import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, rest } from '../api/client';
import { isProblem } from '../api/problem';
import { studentKey } from '../api/queries';
import { ProblemAlert } from '../components/States';
import { UnsavedChangesGuard } from '../components/UnsavedChangesGuard';
import { fieldErrors } from '../lib/problemMessage';
import type { StudentDetails } from './StudentPage';

type Field = 'given_name' | 'preferred_name' | 'infix' | 'family_name' | 'date_of_birth';
type Values = Record<Field, string>;

const FIELDS: { name: Field; label: string; required: boolean; type?: string }[] = [
  { name: 'given_name', label: 'givenName', required: true },
  { name: 'preferred_name', label: 'preferredName', required: false },
  { name: 'infix', label: 'infix', required: false },
  { name: 'family_name', label: 'familyName', required: true },
  { name: 'date_of_birth', label: 'dateOfBirth', required: true, type: 'date' },
];

function valuesOf(s: StudentDetails): Values {
  return {
    given_name: s.givenName,
    preferred_name: s.preferredName ?? '',
    infix: s.infix ?? '',
    family_name: s.familyName,
    date_of_birth: s.dateOfBirth,
  };
}

/** Correct a student's details. Saves with If-Match: a concurrent change is never overwritten. */
export function StudentEditForm({
  student,
  onDone,
}: {
  student: StudentDetails;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const queryClient = useQueryClient();
  const original = valuesOf(student);
  const [values, setValues] = useState<Values>(original);
  const [missing, setMissing] = useState<Field[]>([]);
  const changes = Object.fromEntries(
    FIELDS.filter(({ name }) => values[name] !== original[name]).map(({ name }) => [
      name,
      values[name].trim() || null,
    ]),
  );
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: () =>
      call(
        rest.PATCH('/api/v1/students/{student_id}', {
          params: {
            path: { student_id: student.id },
            header: { 'if-match': `"v${student.version}"` },
          },
          body: changes,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: studentKey(student.id) });
      onDone(true);
    },
    onError: (error) => {
      // Someone else saved first: load their version; what this user typed stays in the form.
      if (isProblem(error, 412))
        void queryClient.invalidateQueries({ queryKey: studentKey(student.id) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = FIELDS.filter((f) => f.required && !values[f.name].trim()).map((f) => f.name);
    setMissing(empty);
    if (empty.length > 0) {
      document.getElementById(`${formId}-${empty[0]}`)?.focus();
      return;
    }
    if (!dirty) return onDone(false);
    save.mutate();
  };

  const serverErrors = fieldErrors(save.error);
  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <UnsavedChangesGuard dirty={dirty && !save.isSuccess} />
      <h2 id={`${formId}-title`}>{t('student.editTitle')}</h2>
      <p className="hint">{t('student.editIntro')}</p>
      {save.isError && !isProblem(save.error, 401) ? <ProblemAlert error={save.error} /> : null}
      <div className="form-grid">
        {FIELDS.map(({ name, label, required, type }) => {
          const error = missing.includes(name) ? t('student.required') : serverErrors[name];
          const id = `${formId}-${name}`;
          return (
            <div className="field" key={name}>
              <label htmlFor={id}>
                {t(`student.fields.${label}` as 'student.fields.givenName')}
                {required ? <span aria-hidden="true"> *</span> : null}
              </label>
              <input
                id={id}
                type={type ?? 'text'}
                value={values[name]}
                required={required}
                maxLength={100}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
              />
              {error ? (
                <p id={`${id}-error`} className="field-error">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? t('student.saving') : t('student.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(false)}>
          {t('student.cancel')}
        </button>
      </div>
    </form>
  );
}
