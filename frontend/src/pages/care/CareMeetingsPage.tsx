import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  type Forum,
  type MemberIn,
  useCareMeetings,
  useCreateMeeting,
  useStaff,
} from '../../api/cases';
import { isProblem } from '../../api/problem';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { localDateTime } from '../../lib/care';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { fullName } from '../../lib/names';
import { mayPlanCareMeetings } from '../../lib/roles';
import type { MySchool } from '../../session/useMe';
import { Choice, Moment, TextInput } from './bits';
import { staffChoices } from './CaseFileForm';

export const FORUMS: readonly Forum[] = [
  'izo',
  'zat',
  'leerlingbespreking',
  'ondersteuningsteam',
  'mdo',
];
export const MEMBERSHIPS: readonly MemberIn['membership'][] = [
  'standing',
  'on_call',
  'external',
  'student',
  'parent',
];

/** Zorgoverleggen: IZO, ZAT, leerlingbespreking, ondersteuningsteam and MDO sessions, upcoming
 * first; care staff and leadership plan a new one. */
export function CareMeetingsPage({ school }: { school: MySchool }) {
  const { t } = useTranslation('care');
  const meetings = useCareMeetings(school.id);
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('meetings.title')}
      lead={t('meetings.lead', { school: school.name })}
      actions={
        mayPlanCareMeetings(school.roles) ? (
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            {t('meetings.new')}
          </button>
        ) : null
      }
    >
      <p className="meta">
        <Link to={`/scholen/${school.id}/zorg`}>{t('dashboard.toBoard')}</Link>
      </p>
      {meetings.isPending ? (
        <Skeleton lines={5} />
      ) : meetings.isError ? (
        <ProblemAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.data.length === 0 ? (
        <EmptyState>{t('meetings.empty')}</EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">
            {t('meetings.caption', { school: school.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.columns.when')}</th>
              <th scope="col">{t('meetings.columns.title')}</th>
              <th scope="col">{t('meetings.columns.forum')}</th>
              <th scope="col">{t('meetings.columns.status')}</th>
              <th scope="col" className="numeric">
                {t('meetings.columns.cases')}
              </th>
              <th scope="col">{t('meetings.columns.pack')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.data.map((m) => (
              <tr key={m.id}>
                <td>
                  <Moment iso={m.scheduled_at} />
                </td>
                <th scope="row">
                  <Link to={`/zorgoverleggen/${m.id}`}>{m.title}</Link>
                </th>
                <td>{t(`forum.${m.forum}`)}</td>
                <td>{t(`meeting.status.${m.status}`)}</td>
                <td className="numeric">{m.cases}</td>
                <td>
                  {m.case_pack_sent_at ? (
                    <Moment iso={m.case_pack_sent_at} />
                  ) : (
                    t('meeting.packNotSent')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormDialog open={creating} title={t('meetings.new')} onClose={() => setCreating(false)}>
        <NewMeetingForm school={school} onClose={() => setCreating(false)} />
      </FormDialog>
    </Page>
  );
}

interface MemberDraft extends MemberIn {
  key: number;
}

function NewMeetingForm({ school, onClose }: { school: MySchool; onClose: () => void }) {
  const { t } = useTranslation('care');
  const navigate = useNavigate();
  const create = useCreateMeeting(school.id);
  const staff = useStaff(school.id);
  const [v, setV] = useState({
    forum: 'izo' as Forum,
    title: '',
    day: todayIso(),
    time: '09:00',
    location: '',
    chair: '',
    minute_taker: '',
  });
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const patch = (changes: Partial<typeof v>) => setV((x) => ({ ...x, ...changes }));
  const errors = errorsByPointer(create.error);
  const err = (k: string) => (missing.includes(k) ? t('common.required') : errors[`/${k}`]);
  const staffOptions = staffChoices(staff.data, []);
  const added = new Set(members.map((m) => m.staff_id).filter(Boolean));
  const addable = staffOptions.filter(([sid]) => !added.has(sid));

  // A colleague is added by staff id: the server links their account, so they can open the
  // meeting and its case pack. Anyone else (a partner, a parent) by name only.
  const addMember = (staffMember?: { id: string; name: string }) =>
    setMembers((all) => [
      ...all,
      {
        key: Date.now() + all.length,
        name: staffMember?.name ?? '',
        staff_id: staffMember?.id ?? null,
        membership: 'standing',
        role_label: '',
        organisation: '',
        attendance: 'invited',
      },
    ]);
  const setMember = (key: number, changes: Partial<MemberDraft>) =>
    setMembers((all) => all.map((m) => (m.key === key ? { ...m, ...changes } : m)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = v.title.trim() || t(`forum.${v.forum}`);
    const empty = [
      v.day ? '' : 'scheduled_at',
      ...members.filter((m) => !m.name.trim()).map(() => 'members'),
    ].filter(Boolean);
    setMissing(empty);
    if (empty.length) return;
    create.mutate(
      {
        forum: v.forum,
        title,
        scheduled_at: localDateTime(v.day, v.time),
        location: v.location.trim(),
        chair_staff_id: v.chair || null,
        minute_taker: v.minute_taker.trim(),
        members: members.map(({ key: _key, ...m }) => ({
          ...m,
          staff_id: m.staff_id || null,
          name: m.name.trim(),
          role_label: m.role_label?.trim() ?? '',
          organisation: m.organisation?.trim() ?? '',
        })),
      },
      {
        onSuccess: (created) => {
          onClose();
          navigate(`/zorgoverleggen/${created.id}`);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {create.isError && !isProblem(create.error, 401) ? (
        <ProblemAlert error={create.error} />
      ) : null}
      <Choice
        label={t('meetings.forum')}
        value={v.forum}
        options={FORUMS.map((f) => [f, t(`forum.${f}`)] as const)}
        onChange={(f) => f && patch({ forum: f })}
      />
      <TextInput
        label={t('meetings.titleLabel')}
        hint={t('meetings.titleHint')}
        value={v.title}
        onChange={(x) => patch({ title: x })}
        error={errors['/title']}
      />
      <div className="form-grid">
        <TextInput
          type="date"
          label={t('meetings.day')}
          value={v.day}
          onChange={(x) => patch({ day: x })}
          required
          error={err('scheduled_at')}
        />
        <TextInput
          type="time"
          label={t('meetings.time')}
          value={v.time}
          onChange={(x) => patch({ time: x })}
        />
        <TextInput
          label={t('meetings.location')}
          value={v.location}
          onChange={(x) => patch({ location: x })}
        />
        <Choice
          label={t('meetings.chair')}
          value={v.chair}
          options={staffOptions}
          empty="–"
          onChange={(x) => patch({ chair: x })}
          error={errors['/chair_staff_id']}
        />
        <TextInput
          label={t('meetings.minuteTaker')}
          value={v.minute_taker}
          onChange={(x) => patch({ minute_taker: x })}
        />
      </div>
      <fieldset className="fieldset">
        <legend>{t('meetings.members')}</legend>
        <p className="hint">{t('meetings.membersHint')}</p>
        {members.map((m, i) => (
          <div key={m.key} className="repeat">
            <div className="form-grid">
              {m.staff_id ? (
                <div className="field">
                  <span className="field-label">{t('meetings.memberName', { number: i + 1 })}</span>
                  <p>
                    {m.name} <span className="meta">{t('meetings.colleague')}</span>
                  </p>
                </div>
              ) : (
                <TextInput
                  label={t('meetings.memberName', { number: i + 1 })}
                  value={m.name}
                  onChange={(x) => setMember(m.key, { name: x })}
                  required
                  error={
                    missing.includes('members') && !m.name.trim()
                      ? t('common.required')
                      : errors[`/members/${i}/name`]
                  }
                />
              )}
              <Choice
                label={t('meetings.membership')}
                value={m.membership}
                options={MEMBERSHIPS.map((x) => [x, t(`meeting.membership.${x}`)] as const)}
                onChange={(x) => x && setMember(m.key, { membership: x })}
              />
              <TextInput
                label={t('meetings.roleLabel')}
                value={m.role_label ?? ''}
                onChange={(x) => setMember(m.key, { role_label: x })}
              />
              <TextInput
                label={t('meetings.organisation')}
                value={m.organisation ?? ''}
                onChange={(x) => setMember(m.key, { organisation: x })}
              />
            </div>
            <button
              type="button"
              className="button link"
              onClick={() => setMembers((all) => all.filter((x) => x.key !== m.key))}
            >
              {t('meetings.removeMember', { number: i + 1 })}
            </button>
          </div>
        ))}
        <div className="action-bar">
          <button type="button" className="button secondary small" onClick={() => addMember()}>
            {t('meetings.addMember')}
          </button>
          {addable.length > 0 ? (
            <label className="field inline">
              <span>{t('meetings.addStaff')}</span>
              <select
                value=""
                onChange={(e) => {
                  const s = staff.data?.find((x) => x.id === e.target.value);
                  if (s) addMember({ id: s.id, name: fullName(s) });
                }}
              >
                <option value="">–</option>
                {addable.map(([sid, name]) => (
                  <option key={sid} value={sid}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? t('common.working') : t('meetings.create')}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
