import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ifMatch, rest, type Schemas } from '../../api/client';
import { hgwKeys, type Meeting, type Overview } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Field } from '../../components/Fields';
import { EmptyState, ProblemAlert } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { errorsByPointer, signalTone, todayIso } from '../../lib/hgw';
import { fullName } from '../../lib/names';

type Decision = Schemas['DecisionIn']['decision'];
const DECISIONS: readonly Decision[] = [
  'continue_in_group_plan',
  'bilateral_consultation',
  'teacher_coaching',
  'register_care_team',
];
const TEXTS = [
  'previous_plan_evaluation',
  'clarified_needs',
  'clustering',
  'attention_points',
  'agreements',
  'summary',
] as const;
type Text = (typeof TEXTS)[number];
type Report = Record<Text, string> & {
  chair_name: string;
  scheduled_on: string;
  attendees: string;
  decisions: Record<string, { decision: Decision | ''; note: string }>;
};

function reportOf(m: Meeting): Report {
  return {
    ...Object.fromEntries(TEXTS.map((f) => [f, m[f]])),
    chair_name: m.chair_name,
    scheduled_on: m.scheduled_on,
    attendees: m.attendees.join('\n'),
    decisions: Object.fromEntries(
      m.decisions.map((d) => [d.student_id, { decision: d.decision, note: d.note }]),
    ),
  } as Report;
}

function bodyOf(r: Report, m: Meeting): Schemas['MeetingUpdate'] {
  return {
    ...Object.fromEntries(TEXTS.map((f) => [f, r[f].trim()])),
    chair_name: r.chair_name.trim(),
    scheduled_on: r.scheduled_on,
    agenda: m.agenda,
    attendees: r.attendees
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    decisions: Object.entries(r.decisions).flatMap(([student_id, d]) =>
      d.decision ? [{ student_id, decision: d.decision, note: d.note.trim() }] : [],
    ),
  } as Schemas['MeetingUpdate'];
}

/** The students the meeting is about: those with signals in the overview. */
function signalled(overview: Overview) {
  return overview.rows.filter((r) => r.signals.length > 0);
}

/** The report form of a scheduled meeting, with a decision per signalled student. */
export function MeetingReport({ meeting: m, overview }: { meeting: Meeting; overview: Overview }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [baseline, setBaseline] = useState(() => reportOf(m));
  const [report, setReport] = useState(baseline);
  const [heldOn, setHeldOn] = useState(todayIso());
  const students = signalled(overview);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(
    () =>
      new Set(students.flatMap((r) => r.signals.filter((s) => !s.confirmed_at).map((s) => s.id))),
  );
  const body = bodyOf(report, m);
  const dirty = JSON.stringify(body) !== JSON.stringify(bodyOf(baseline, m));

  const put = (version: number) =>
    call(
      rest.PUT('/api/v1/meetings/{meeting_id}', {
        params: { path: { meeting_id: m.id }, header: ifMatch(version) },
        body,
      }),
    );
  const afterSave = (saved: Meeting) => {
    queryClient.setQueryData(hgwKeys.meeting(saved.id), saved);
    setBaseline(report);
  };
  const onError = (error: Error) => {
    // Someone else saved first: load their version; what this user typed stays in the form.
    if (isProblem(error, 412))
      void queryClient.invalidateQueries({ queryKey: hgwKeys.meeting(m.id) });
  };
  const save = useMutation({ mutationFn: () => put(m.version), onSuccess: afterSave, onError });
  const hold = useMutation({
    mutationFn: async () => {
      // Unsaved report changes are saved first, so the decisions count.
      const version = dirty ? (await put(m.version)).version : m.version;
      return call(
        rest.POST('/api/v1/meetings/{meeting_id}/hold', {
          params: { path: { meeting_id: m.id }, header: ifMatch(version) },
          body: { held_on: heldOn, confirmed_signal_ids: [...confirmed] },
        }),
      );
    },
    onSuccess: (held) => {
      afterSave(held);
      void queryClient.invalidateQueries({ queryKey: hgwKeys.overview(overview.id) });
      void queryClient.invalidateQueries({ queryKey: hgwKeys.overviews(overview.group_id) });
      for (const r of students)
        void queryClient.invalidateQueries({ queryKey: hgwKeys.timeline(r.student_id) });
    },
    onError,
  });
  const failed = [save, hold].find((x) => x.isError && !isProblem(x.error, 401));
  const errors = errorsByPointer(failed?.error);
  const patch = (changes: Partial<Report>) => setReport((r) => ({ ...r, ...changes }));
  const decide = (studentId: string, changes: Partial<Report['decisions'][string]>) =>
    patch({
      decisions: {
        ...report.decisions,
        [studentId]: { decision: '', note: '', ...report.decisions[studentId], ...changes },
      },
    });
  const toggle = (signalId: string, on: boolean) =>
    setConfirmed((all) => {
      const next = new Set(all);
      if (on) next.add(signalId);
      else next.delete(signalId);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form className="form stack" onSubmit={submit} noValidate aria-labelledby="report">
      <UnsavedChangesGuard dirty={dirty && !hold.isSuccess} />
      <h2 id="report">{t('meeting.report')}</h2>
      {failed ? <ProblemAlert error={failed.error} /> : null}
      {errors[''] ? <p className="field-error">{errors['']}</p> : null}
      {save.isSuccess && !dirty ? (
        <p className="alert alert-success" role="status">
          {t('meeting.saved')}
        </p>
      ) : null}
      <div className="panel">
        <div className="form-grid">
          <Field label={t('meeting.chair')} error={errors['/chair_name']} required>
            {(control) => (
              <input
                {...control}
                value={report.chair_name}
                onChange={(e) => patch({ chair_name: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('meeting.scheduledOn')} error={errors['/scheduled_on']} required>
            {(control) => (
              <input
                {...control}
                type="date"
                value={report.scheduled_on}
                onChange={(e) => patch({ scheduled_on: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Field label={t('meeting.attendeesLabel')} error={errors['/attendees']}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={report.attendees}
              onChange={(e) => patch({ attendees: e.target.value })}
            />
          )}
        </Field>
        {TEXTS.map((field) => (
          <Field key={field} label={t(`meeting.fields.${field}`)} error={errors[`/${field}`]}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={report[field]}
                onChange={(e) => patch({ [field]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>

      <section className="panel" aria-labelledby="decisions">
        <h2 id="decisions">{t('meeting.decisions')}</h2>
        {students.length === 0 ? (
          <EmptyState>{t('meeting.noSignals')}</EmptyState>
        ) : (
          <ul className="plain-list decisions">
            {students.map((row) => {
              const name = fullName(row);
              const d = report.decisions[row.student_id];
              return (
                <li key={row.student_id}>
                  <p className="decision-name">{name}</p>
                  <ul className="plain-list compact">
                    {row.signals.map((s) => (
                      <li key={s.id}>
                        {s.confirmed_at ? (
                          <span className={`chip chip-${signalTone(s.category)}`}>
                            {t(`hgw.signalCategory.${s.category}`)} · {t('overview.confirmed')}
                          </span>
                        ) : (
                          <label className="check">
                            <input
                              type="checkbox"
                              checked={confirmed.has(s.id)}
                              onChange={(e) => toggle(s.id, e.target.checked)}
                            />
                            {t('meeting.confirmSignal', {
                              category: t(`hgw.signalCategory.${s.category}`),
                            })}
                          </label>
                        )}
                      </li>
                    ))}
                  </ul>
                  <div className="form-grid">
                    <Field label={t('meeting.decisionFor', { name })}>
                      {(control) => (
                        <select
                          {...control}
                          value={d?.decision ?? ''}
                          onChange={(e) =>
                            decide(row.student_id, { decision: e.target.value as Decision | '' })
                          }
                        >
                          <option value="">–</option>
                          {DECISIONS.map((x) => (
                            <option key={x} value={x}>
                              {t(`hgw.decision.${x}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field label={t('meeting.decisionNote', { name })}>
                      {(control) => (
                        <input
                          {...control}
                          value={d?.note ?? ''}
                          onChange={(e) => decide(row.student_id, { note: e.target.value })}
                        />
                      )}
                    </Field>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <div className="form-actions">
        <button type="submit" className="button secondary" disabled={save.isPending}>
          {save.isPending ? t('student.saving') : t('meeting.save')}
        </button>
      </div>
      <section className="panel" aria-labelledby="hold">
        <h2 id="hold">{t('meeting.holdTitle')}</h2>
        <p className="hint">{t('meeting.holdIntro')}</p>
        <div className="form-actions">
          <label className="field inline">
            <span>{t('meeting.heldOn')}</span>
            <input type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
          </label>
          <button
            type="button"
            className="button primary"
            disabled={hold.isPending}
            onClick={() => hold.mutate()}
          >
            {hold.isPending ? t('app.working') : t('meeting.hold')}
          </button>
        </div>
      </section>
    </form>
  );
}

/** The report as read by teachers, and by everyone once the meeting is held. */
export function ReportView({ meeting: m, overview }: { meeting: Meeting; overview: Overview }) {
  const { t } = useTranslation();
  const names = new Map(overview.rows.map((r) => [r.student_id, fullName(r)]));
  const filled = TEXTS.filter((f) => m[f]);
  return (
    <section className="panel" aria-labelledby="report">
      <h2 id="report">{t('meeting.report')}</h2>
      {filled.length === 0 && m.decisions.length === 0 ? (
        <EmptyState>{t('meeting.noReport')}</EmptyState>
      ) : null}
      <dl className="details">
        {filled.map((f) => (
          <div key={f} className="details-row">
            <dt>{t(`meeting.fields.${f}`)}</dt>
            <dd className="pre">{m[f]}</dd>
          </div>
        ))}
      </dl>
      {m.decisions.length > 0 ? (
        <>
          <h3 className="subheading">{t('meeting.decisions')}</h3>
          <ul className="plain-list">
            {m.decisions.map((d) => (
              <li key={d.student_id}>
                <strong>{names.get(d.student_id) ?? t('plan.unknownStudent')}</strong>:{' '}
                {t(`hgw.decision.${d.decision}`)}
                {d.note ? ` · ${d.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
