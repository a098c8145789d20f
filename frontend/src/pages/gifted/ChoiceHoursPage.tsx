import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStaff } from '../../api/cases';
import {
  type ChoiceActivity,
  type ChoiceHour,
  type ChoiceHourPolicy,
  useCancelChoiceHour,
  useCheckChoiceHour,
  useChoiceHourPolicy,
  useChoiceHours,
  useDecideChoiceHour,
  useMarkAttendance,
  useRequestChoiceHour,
  useSaveChoiceHourPolicy,
} from '../../api/gifted';
import { Page } from '../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { lessonHeld, splitByLesson } from '../../lib/gifted';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import {
  mayCheckChoiceHours,
  mayEditChoicePolicy,
  mayWriteGifted,
  teachesLessons,
} from '../../lib/roles';
import type { MySchool } from '../../session/useMe';
import {
  CheckGroup,
  Choice,
  Disclosure,
  Failure,
  FormButtons,
  TextArea,
  TextInput,
} from '../care/bits';
import { staffChoices } from '../care/CaseFileForm';
import { type ChosenStudent, StudentPicker } from './bits';

const ACTIVITIES: readonly ChoiceActivity[] = [
  'other_lesson',
  'acceleration',
  'deepening',
  'broadening',
  'project',
  'other',
];

/** Keuze-uren: the school's rules; for subject teachers the requests for their lessons
 * ("Akkoord", "Niet akkoord (toets)", decline with a reason; afterwards "Aanwezig"/"Afwezig");
 * for HB staff and mentors the school's list with "Gecontroleerd"; registering a keuze-uur;
 * and for HB staff and leadership the rules themselves. */
export function ChoiceHoursPage({ school }: { school: MySchool }) {
  const { t } = useTranslation('gifted');
  const policy = useChoiceHourPolicy(school.id);
  const roles = school.roles;
  const teaches = teachesLessons(roles);
  const seesSchool = roles.some((r) => r !== 'teacher');
  return (
    <Page title={t('choiceHours.title')} lead={t('choiceHours.lead')}>
      <div className="stack">
        {policy.isPending ? (
          <Skeleton lines={3} />
        ) : policy.isError ? (
          <ProblemAlert error={policy.error} onRetry={() => void policy.refetch()} />
        ) : (
          <PolicyPanel
            schoolId={school.id}
            policy={policy.data}
            mayEdit={mayEditChoicePolicy(roles)}
          />
        )}
        {teaches ? <RequestList schoolId={school.id} mine /> : null}
        {seesSchool ? (
          <RequestList schoolId={school.id} mine={false} mayCheck={mayCheckChoiceHours(roles)} />
        ) : null}
        {mayWriteGifted(roles) && policy.data ? (
          <RegistrationPanel schoolId={school.id} policy={policy.data} />
        ) : null}
      </div>
    </Page>
  );
}

function PolicyText({ policy }: { policy: ChoiceHourPolicy }) {
  const { t } = useTranslation('gifted');
  return (
    <ul>
      <li>{t('choiceHours.maxHours', { count: policy.max_hours_per_week })}</li>
      <li>{t('choiceHours.notice', { count: policy.notice_hours })}</li>
      {policy.never_during_tests ? <li>{t('choiceHours.noTests')}</li> : null}
      <li>
        {t('choiceHours.allowed', {
          list: policy.allowed_activities.map((a) => t(`choiceHours.activity.${a}`)).join(', '),
        })}
      </li>
    </ul>
  );
}

function PolicyPanel({
  schoolId,
  policy,
  mayEdit,
}: {
  schoolId: string;
  policy: ChoiceHourPolicy;
  mayEdit: boolean;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('choiceHours.policyTitle')}</h2>
      {!policy.configured ? <p className="muted">{t('choiceHours.policyDefault')}</p> : null}
      {saved ? (
        <p className="alert alert-success" role="status">
          {t('choiceHours.policySaved')}
        </p>
      ) : null}
      <PolicyText policy={policy} />
      {policy.instructions ? <p className="pre">{policy.instructions}</p> : null}
      {mayEdit ? (
        <Disclosure label={t('choiceHours.policyForm')}>
          {(close) => (
            <PolicyForm
              schoolId={schoolId}
              policy={policy}
              onClose={(didSave) => {
                setSaved(didSave);
                close();
              }}
            />
          )}
        </Disclosure>
      ) : null}
    </section>
  );
}

/** The rules, with If-Match of what was read ("v0" while the school had none). */
function PolicyForm({
  schoolId,
  policy,
  onClose,
}: {
  schoolId: string;
  policy: ChoiceHourPolicy;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation('gifted');
  const save = useSaveChoiceHourPolicy(schoolId);
  const [maxHours, setMaxHours] = useState(String(policy.max_hours_per_week));
  const [notice, setNotice] = useState(String(policy.notice_hours));
  const [allowed, setAllowed] = useState<ChoiceActivity[]>([...policy.allowed_activities]);
  const [instructions, setInstructions] = useState(policy.instructions);
  const [noActivity, setNoActivity] = useState(false);
  const errors = errorsByPointer(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNoActivity(allowed.length === 0);
    if (allowed.length === 0) return;
    save.mutate(
      {
        version: policy.version,
        body: {
          max_hours_per_week: Number(maxHours),
          notice_hours: Number(notice),
          allowed_activities: allowed,
          instructions: instructions.trim(),
        },
      },
      { onSuccess: () => onClose(true) },
    );
  };

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={save.error} />
      <div className="form-grid">
        <Choice
          label={t('choiceHours.maxHoursField')}
          value={maxHours}
          options={Array.from({ length: 10 }, (_, i) => [String(i + 1), String(i + 1)] as const)}
          onChange={(x) => x && setMaxHours(x)}
          error={errors['/max_hours_per_week']}
        />
        <Choice
          label={t('choiceHours.noticeField')}
          value={notice}
          options={['0', '12', '24', '48', '72', '168'].map((h) => [h, h] as const)}
          onChange={(x) => x && setNotice(x)}
          error={errors['/notice_hours']}
        />
      </div>
      <CheckGroup
        legend={t('choiceHours.allowedField')}
        value={allowed}
        options={ACTIVITIES.map((a) => [a, t(`choiceHours.activity.${a}`)] as const)}
        onChange={setAllowed}
        error={noActivity ? t('choiceHours.atLeastOneActivity') : errors['/allowed_activities']}
      />
      <p className="hint">{t('choiceHours.noTests')}</p>
      <TextArea
        label={t('choiceHours.instructions')}
        value={instructions}
        onChange={setInstructions}
        error={errors['/instructions']}
      />
      <FormButtons
        pending={save.isPending}
        save={t('choiceHours.policySave')}
        onCancel={() => onClose(false)}
      />
    </form>
  );
}

/** The requests for my lessons (`mine`), or the school's requests. */
function RequestList({
  schoolId,
  mine,
  mayCheck = false,
}: {
  schoolId: string;
  mine: boolean;
  mayCheck?: boolean;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const list = useChoiceHours(schoolId, mine);
  const title = mine ? t('choiceHours.mine') : t('choiceHours.school');
  const { upcoming, past } = splitByLesson(list.data ?? [], todayIso());
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {list.isPending ? (
        <Skeleton lines={3} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState>{mine ? t('choiceHours.mineEmpty') : t('choiceHours.schoolEmpty')}</EmptyState>
      ) : (
        (
          [
            ['upcoming', upcoming],
            ['past', past],
          ] as const
        )
          .filter(([, items]) => items.length > 0)
          .map(([part, items]) => (
            <RequestTable
              key={part}
              caption={t('choiceHours.caption', { title, part: t(`choiceHours.${part}`) })}
              heading={t(`choiceHours.${part}`)}
              items={items}
              mine={mine}
              mayCheck={mayCheck}
            />
          ))
      )}
    </section>
  );
}

function RequestTable({
  caption,
  heading,
  items,
  mine,
  mayCheck,
}: {
  caption: string;
  heading: string;
  items: readonly ChoiceHour[];
  mine: boolean;
  mayCheck: boolean;
}) {
  const { t, i18n } = useTranslation('gifted');
  return (
    <>
      <h3 className="subheading">{heading}</h3>
      <div className="grid-scroller">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('choiceHours.col.when')}</th>
              <th scope="col">{t('choiceHours.col.student')}</th>
              <th scope="col">{t('choiceHours.col.lesson')}</th>
              <th scope="col">{t('choiceHours.col.where')}</th>
              <th scope="col">{t('choiceHours.col.what')}</th>
              <th scope="col">{t('choiceHours.col.status')}</th>
              <th scope="col">{t('choiceHours.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  {t('choiceHours.when', {
                    date: formatShortDate(r.lesson_date, i18n.language),
                    hour: r.lesson_hour,
                  })}
                </td>
                <th scope="row">
                  <Link to={`/leerlingen/${r.student_id}/begaafdheid`}>{r.student_name}</Link>
                  {r.group_name ? <span className="meta"> ({r.group_name})</span> : null}
                </th>
                <td>
                  {t('choiceHours.lesson', {
                    subject: r.subject,
                    teacher: r.subject_teacher_name,
                  })}
                </td>
                <td>{r.location}</td>
                <td>
                  {t(`choiceHours.activity.${r.activity_kind}`)}
                  {r.activity ? `: ${r.activity}` : ''}
                </td>
                <td>
                  <RequestStatus request={r} />
                </td>
                <td>
                  <RequestActions request={r} mine={mine} mayCheck={mayCheck} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RequestStatus({ request: r }: { request: ChoiceHour }) {
  const { t } = useTranslation('gifted');
  return (
    <>
      <span className={r.status === 'requested' ? 'status status-draft' : 'status'}>
        {t(`choiceHours.status.${r.status}`)}
      </span>
      {r.status === 'declined' && r.decline_reason ? (
        <span className="meta"> {r.decline_reason}</span>
      ) : null}
      {r.attendance ? (
        <span className="meta"> · {t(`choiceHours.attendance.${r.attendance}`)}</span>
      ) : null}
      {r.checked_at ? (
        <span className="meta"> · {t('choiceHours.checked', { name: r.checked_by_name })}</span>
      ) : null}
    </>
  );
}

/** What can be done with a request now: the subject teacher decides and marks attendance; HB
 * staff and mentors check; a request for a lesson still to come can be cancelled. */
function RequestActions({
  request: r,
  mine,
  mayCheck,
}: {
  request: ChoiceHour;
  mine: boolean;
  mayCheck: boolean;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const decide = useDecideChoiceHour();
  const attend = useMarkAttendance();
  const check = useCheckChoiceHour();
  const cancel = useCancelChoiceHour();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const today = todayIso();
  const busy = decide.isPending || attend.isPending || check.isPending || cancel.isPending;
  const error = decide.error ?? attend.error ?? check.error ?? cancel.error;
  const base = { id: r.id, version: r.version };
  const upcoming = r.lesson_date > today;

  const decline = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    decide.mutate(
      { ...base, body: { acknowledge: false, reason: reason.trim(), test_in_lesson: false } },
      { onSuccess: () => setDeclining(false) },
    );
  };

  const buttons: [string, () => void][] = [];
  if (mine && r.status === 'requested' && !declining) {
    buttons.push([
      t('choiceHours.acknowledge'),
      () =>
        decide.mutate({ ...base, body: { acknowledge: true, reason: '', test_in_lesson: false } }),
    ]);
    buttons.push([
      t('choiceHours.test'),
      () =>
        decide.mutate({
          ...base,
          body: { acknowledge: false, reason: 'toets', test_in_lesson: true },
        }),
    ]);
    buttons.push([t('choiceHours.decline'), () => setDeclining(true)]);
  }
  if (
    mine &&
    r.status === 'acknowledged' &&
    r.attendance === null &&
    r.checked_at === null &&
    lessonHeld(r, today)
  ) {
    buttons.push([
      t('choiceHours.present'),
      () => attend.mutate({ ...base, attendance: 'present' }),
    ]);
    buttons.push([t('choiceHours.absent'), () => attend.mutate({ ...base, attendance: 'absent' })]);
  }
  if (!mine && mayCheck && r.status === 'acknowledged' && r.attendance !== null && !r.checked_at)
    buttons.push([t('choiceHours.check'), () => check.mutate(base)]);
  if (!mine && upcoming && (r.status === 'requested' || r.status === 'acknowledged'))
    buttons.push([t('choiceHours.cancelRequest'), () => cancel.mutate(base)]);

  return (
    <>
      <Failure error={error} />
      {buttons.length > 0 ? (
        <div className="form-actions">
          {buttons.map(([label, onClick]) => (
            <button
              key={label}
              type="button"
              className="button secondary"
              disabled={busy}
              aria-label={`${label}: ${r.student_name}`}
              onClick={onClick}
            >
              {label}
            </button>
          ))}
        </div>
      ) : null}
      {declining ? (
        <form className="inline-form" onSubmit={decline} noValidate>
          <TextInput
            id={`${id}-reason`}
            label={t('choiceHours.declineReason')}
            value={reason}
            onChange={setReason}
            required
            error={missing ? t('common.required') : errorsByPointer(decide.error)['/reason']}
          />
          <FormButtons
            pending={decide.isPending}
            save={t('choiceHours.declineSubmit')}
            onCancel={() => setDeclining(false)}
          />
        </form>
      ) : null}
    </>
  );
}

/** "Keuze-uur registreren": who, which lesson (subject, teacher, day, hour), where the student
 * is and what they will do, under the school's rules (shown with the form). */
function RegistrationPanel({ schoolId, policy }: { schoolId: string; policy: ChoiceHourPolicy }) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const [registered, setRegistered] = useState(false);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('choiceHours.register')}</h2>
      {registered ? (
        <p className="alert alert-success" role="status">
          {t('choiceHours.registered')}
        </p>
      ) : null}
      {!policy.configured ? (
        <p className="alert alert-info">{t('choiceHours.noPolicy')}</p>
      ) : (
        <Disclosure label={t('choiceHours.register')}>
          {(close) => (
            <RegistrationForm
              schoolId={schoolId}
              policy={policy}
              onClose={(done) => {
                setRegistered(done);
                close();
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}

function RegistrationForm({
  schoolId,
  policy,
  onClose,
}: {
  schoolId: string;
  policy: ChoiceHourPolicy;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const staff = useStaff(schoolId);
  const request = useRequestChoiceHour();
  const [student, setStudent] = useState<ChosenStudent | null>(null);
  const [subject, setSubject] = useState('');
  const [teacher, setTeacher] = useState('');
  const [lessonDate, setLessonDate] = useState('');
  const [hour, setHour] = useState('1');
  const [location, setLocation] = useState('');
  const [kind, setKind] = useState<ChoiceActivity | ''>(policy.allowed_activities[0] ?? '');
  const [activity, setActivity] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const errors = errorsByPointer(request.error);
  const required = (field: string, pointer: string) =>
    missing.includes(field) ? t('common.required') : errors[pointer];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [
      student ? '' : 'student',
      subject.trim() ? '' : 'subject',
      teacher ? '' : 'teacher',
      lessonDate ? '' : 'date',
      location.trim() ? '' : 'location',
      kind ? '' : 'kind',
    ].filter(Boolean);
    setMissing(empty);
    if (empty.length > 0) {
      document.getElementById(`${id}-${empty[0]}`)?.focus();
      return;
    }
    if (!student || !kind) return;
    request.mutate(
      {
        student_id: student.id,
        subject: subject.trim(),
        subject_teacher_staff_id: teacher,
        lesson_date: lessonDate,
        lesson_hour: Number(hour),
        location: location.trim(),
        activity_kind: kind,
        activity: activity.trim(),
      },
      { onSuccess: () => onClose(true) },
    );
  };

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <div className="alert alert-info">
        <p className="alert-title">{t('choiceHours.policyTitle')}</p>
        <PolicyText policy={policy} />
      </div>
      <Failure error={request.error} />
      <fieldset className="fieldset">
        <legend>{t('choiceHours.student')}</legend>
        <StudentPicker
          schoolId={schoolId}
          value={student}
          onChange={setStudent}
          inputId={`${id}-student`}
          error={missing.includes('student') ? t('studentPicker.required') : errors['/student_id']}
        />
      </fieldset>
      <div className="form-grid">
        <TextInput
          id={`${id}-subject`}
          label={t('choiceHours.subject')}
          value={subject}
          onChange={setSubject}
          required
          error={required('subject', '/subject')}
        />
        <Choice
          id={`${id}-teacher`}
          label={t('choiceHours.subjectTeacher')}
          value={teacher}
          options={staffChoices(staff.data, [])}
          empty={t('common.chooseStaff')}
          onChange={setTeacher}
          required
          error={required('teacher', '/subject_teacher_staff_id')}
        />
        <TextInput
          id={`${id}-date`}
          type="date"
          label={t('choiceHours.lessonDate')}
          value={lessonDate}
          onChange={setLessonDate}
          required
          error={required('date', '/lesson_date')}
        />
        <Choice
          label={t('choiceHours.lessonHour')}
          value={hour}
          options={Array.from(
            { length: 12 },
            (_, i) => [String(i + 1), t('choiceHours.lessonHourOption', { hour: i + 1 })] as const,
          )}
          onChange={(x) => x && setHour(x)}
          error={errors['/lesson_hour']}
        />
      </div>
      <TextInput
        id={`${id}-location`}
        label={t('choiceHours.location')}
        value={location}
        onChange={setLocation}
        required
        error={required('location', '/location')}
      />
      <Choice
        id={`${id}-kind`}
        label={t('choiceHours.activityKind')}
        value={kind}
        options={policy.allowed_activities.map((a) => [a, t(`choiceHours.activity.${a}`)] as const)}
        onChange={setKind}
        required
        error={required('kind', '/activity_kind')}
      />
      <TextArea
        label={t('choiceHours.activityText')}
        value={activity}
        onChange={setActivity}
        error={errors['/activity']}
      />
      <FormButtons
        pending={request.isPending}
        save={t('choiceHours.registerSubmit')}
        onCancel={() => onClose(false)}
      />
    </form>
  );
}
