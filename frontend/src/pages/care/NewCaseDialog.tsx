import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type RouteSummary, useCareRoute, useOpenCase } from '../../api/cases';
import { isProblem } from '../../api/problem';
import { useStudents } from '../../api/queries';
import { FormDialog } from '../../components/FormDialog';
import { ProblemAlert } from '../../components/States';
import { entriesOf, registrationEntry } from '../../lib/care';
import { formatShortDate } from '../../lib/dates';
import { errorsByPointer } from '../../lib/hgw';
import { fullName } from '../../lib/names';
import type { MySchool } from '../../session/useMe';
import { Choice, TextArea } from './bits';

/** "Nieuwe casus": a student (search by name), a route and how the case starts (the route's
 * entries: register with the IZO, a bilateral consultation, a shortened registration, …). */
export function NewCaseDialog({
  open,
  school,
  routes,
  routeKey,
  onClose,
}: {
  open: boolean;
  school: MySchool;
  routes: readonly RouteSummary[];
  routeKey: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('care');
  return (
    <FormDialog open={open} title={t('newCase.title')} onClose={onClose}>
      <NewCaseForm school={school} routes={routes} routeKey={routeKey} onClose={onClose} />
    </FormDialog>
  );
}

interface Chosen {
  id: string;
  name: string;
}

function NewCaseForm({
  school,
  routes,
  routeKey,
  onClose,
}: {
  school: MySchool;
  routes: readonly RouteSummary[];
  routeKey: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('care');
  const id = useId();
  const navigate = useNavigate();
  const create = useOpenCase(school.id);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [student, setStudent] = useState<Chosen | null>(null);
  const [key, setKey] = useState(routeKey || routes[0]?.key || '');
  const [action, setAction] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const students = useStudents(school.id, { name: query }, query.length > 0 && !student);
  const found = students.data?.pages.flatMap((p) => p.items) ?? [];
  const route = routes.find((r) => r.key === key);
  const definition = useCareRoute(route?.id);
  const entries = entriesOf(definition.data?.definition);
  const entry =
    entries.find((e) => e.action === action) ??
    registrationEntry(definition.data?.definition) ??
    entries[0];
  const needsReason = entry?.guards?.includes('reason') ?? false;
  const errors = errorsByPointer(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [
      student ? '' : 'student',
      entry ? '' : 'action',
      needsReason && !reason.trim() ? 'reason' : '',
    ].filter(Boolean);
    setMissing(empty);
    if (empty.length) {
      if (empty[0] === 'student') document.getElementById(`${id}-search`)?.focus();
      return;
    }
    if (!student || !entry) return;
    create.mutate(
      { student_id: student.id, route_key: key, action: entry.action, reason: reason.trim() },
      {
        onSuccess: (opened) => {
          onClose();
          navigate(`/casussen/${opened.id}`);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {create.isError && !isProblem(create.error, 401) ? (
        <ProblemAlert error={create.error} />
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('newCase.student')}</legend>
        {student ? (
          <p className="chosen">
            {t('newCase.chosen', { name: student.name })}{' '}
            <button type="button" className="button link" onClick={() => setStudent(null)}>
              {t('newCase.change')}
            </button>
          </p>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-search`}>{t('newCase.search')}</label>
              <input
                id={`${id}-search`}
                type="search"
                autoComplete="off"
                value={text}
                aria-describedby={
                  missing.includes('student') ? `${id}-student-error` : `${id}-hint`
                }
                aria-invalid={missing.includes('student') ? true : undefined}
                onChange={(e) => setText(e.target.value)}
              />
              <p id={`${id}-hint`} className="hint">
                {t('newCase.searchHint')}
              </p>
              {missing.includes('student') ? (
                <p id={`${id}-student-error`} className="field-error">
                  {t('newCase.chooseStudent')}
                </p>
              ) : null}
            </div>
            {query && students.isSuccess && found.length === 0 ? (
              <p className="muted" role="status">
                {t('newCase.noResults', { query })}
              </p>
            ) : null}
            {found.length > 0 ? (
              <ul className="plain-list result-list" aria-label={t('newCase.results')}>
                {found.slice(0, 10).map((s) => (
                  <li key={s.id}>
                    <button
                      type="button"
                      className="button link"
                      onClick={() => setStudent({ id: s.id, name: fullName(s) })}
                    >
                      {t('newCase.choose', { name: fullName(s) })}
                    </button>
                    <span className="meta">{formatShortDate(s.date_of_birth, i18n.language)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </fieldset>
      <Choice
        label={t('newCase.route')}
        value={key}
        options={routes.map((r) => [r.key, r.name] as const)}
        onChange={(k) => {
          setKey(k);
          setAction('');
        }}
        error={errors['/route_key']}
      />
      <Choice
        label={t('newCase.entry')}
        value={entry?.action ?? ''}
        options={entries.map((e) => [e.action, e.label] as const)}
        onChange={setAction}
        disabled={entries.length === 0}
        error={missing.includes('action') ? t('newCase.noEntry') : errors['/action']}
      />
      <TextArea
        label={t('newCase.reason')}
        hint={t('newCase.reasonHint')}
        value={reason}
        onChange={setReason}
        required={needsReason}
        error={missing.includes('reason') ? t('common.required') : errors['/reason']}
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? t('common.working') : t('newCase.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
