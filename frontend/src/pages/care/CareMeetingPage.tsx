import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type AgendaItemIn,
  type CareMeeting,
  type Member,
  useAddAgendaItem,
  useCareMeeting,
  useCareRouteDefinitions,
  useCareRoutes,
  useCaseBoard,
  useCasePack,
  useSendCasePack,
  useUpdateMeeting,
} from '../../api/cases';
import { isProblem } from '../../api/problem';
import { Page } from '../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { useSession } from '../../session/useMe';
import { NotFoundPage } from '../NotFoundPage';
import { Choice, Disclosure, Moment, useDirtyForms } from './bits';
import { MEMBERSHIPS } from './CareMeetingsPage';
import { MinutesForm, MinutesView } from './MinutesForm';

/** A care meeting: members and attendance, the agenda (new and progress cases), the case pack
 * sent beforehand, and per case the minutes — which can take the route's step right away. */
export function CareMeetingPage() {
  const { meetingId = '' } = useParams();
  const meeting = useCareMeeting(meetingId);
  if (meeting.isPending) return <Skeleton lines={8} />;
  if (meeting.isError) {
    if (isProblem(meeting.error, 404) || isProblem(meeting.error, 422))
      return <NotFoundPage what="meeting" />;
    return <ProblemAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  }
  return <MeetingView key={meeting.data.id} m={meeting.data} />;
}

function MeetingView({ m }: { m: CareMeeting }) {
  const { t } = useTranslation('care');
  // The meeting's own school: its list, and the boards its agenda draws from.
  const school = useSession().schools.find((s) => s.id === m.school_id);
  const [dirty, reportDirty] = useDirtyForms();
  const runs = m.editable && m.status !== 'cancelled';
  return (
    <Page
      title={m.title}
      lead={
        <>
          {t(`forum.${m.forum}`)} · <Moment iso={m.scheduled_at} />
          {m.location ? ` · ${m.location}` : ''}
          {m.chair ? ` · ${t('meeting.chairedBy', { name: m.chair.name })}` : ''}{' '}
          <span className={`status status-meeting-${m.status}`}>
            {t(`meeting.status.${m.status}`)}
          </span>
        </>
      }
    >
      <UnsavedChangesGuard dirty={dirty} />
      {school ? (
        <p className="meta">
          <Link to={`/scholen/${school.id}/zorgoverleggen`}>{t('meeting.toList')}</Link>
        </p>
      ) : null}
      {!m.editable ? <p className="alert alert-info">{t('meeting.readOnly')}</p> : null}
      <div className="stack">
        <div className="sections">
          <Members m={m} />
          <CasePackPanel m={m} />
        </div>
        <section className="panel agenda" aria-labelledby="agenda">
          <h2 id="agenda">{t('meeting.agenda')}</h2>
          {m.agenda.length === 0 ? (
            <EmptyState>{t('meeting.noAgenda')}</EmptyState>
          ) : (
            <ol className="plain-list agenda-items">
              {[...m.agenda]
                .sort((a, b) => a.position - b.position)
                .map((item) => (
                  <li key={item.id}>
                    <section className="agenda-item" aria-labelledby={`item-${item.id}`}>
                      <h3 id={`item-${item.id}`}>
                        {item.student_name ? (
                          <Link to={`/casussen/${item.case_id}`}>{item.student_name}</Link>
                        ) : (
                          t('meeting.hiddenCase')
                        )}{' '}
                        <span className="meta">
                          {t(`meeting.kind.${item.kind}`)} · {item.state_name}
                        </span>
                      </h3>
                      {item.discussed_at ? (
                        <p className="meta">
                          {t('meeting.discussedAt')} <Moment iso={item.discussed_at} />
                        </p>
                      ) : null}
                      {item.minutes === null ? (
                        <p className="muted">{t('meeting.minutesHidden')}</p>
                      ) : runs ? (
                        <MinutesForm m={m} item={item} reportDirty={reportDirty} />
                      ) : (
                        <MinutesView forum={m.forum} item={item} />
                      )}
                    </section>
                  </li>
                ))}
            </ol>
          )}
          {runs && m.status === 'scheduled' ? <AddToAgenda m={m} schoolId={m.school_id} /> : null}
        </section>
        {runs && m.status === 'scheduled' ? <HoldOrCancel m={m} /> : null}
      </div>
    </Page>
  );
}

const ATTENDANCE: readonly Member['attendance'][] = ['invited', 'present', 'absent', 'excused'];

/** Members and attendance; saved together (If-Match of the meeting). */
function Members({ m }: { m: CareMeeting }) {
  const { t } = useTranslation('care');
  const update = useUpdateMeeting(m.id);
  const [attendance, setAttendance] = useState<Record<string, Member['attendance']>>({});
  const changed = m.members.some((x) => attendance[x.id] && attendance[x.id] !== x.attendance);
  const save = () =>
    update.mutate(
      {
        version: m.version,
        body: {
          members: m.members.map((x) => ({
            name: x.name,
            membership: x.membership,
            role_label: x.role_label ?? '',
            organisation: x.organisation ?? '',
            user_id: x.user_id,
            attendance: attendance[x.id] ?? x.attendance,
          })),
        },
      },
      { onSuccess: () => setAttendance({}) },
    );
  return (
    <section className="panel members" aria-labelledby="members">
      <h2 id="members">{t('meeting.members')}</h2>
      {update.isError && !isProblem(update.error, 401) ? (
        <ProblemAlert error={update.error} />
      ) : null}
      {m.members.length === 0 ? (
        <EmptyState>{t('meeting.noMembers')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {m.members.map((x) => (
            <li key={x.id} className="member">
              <div>
                <p className="record-title">{x.name}</p>
                <p className="meta">
                  {[
                    MEMBERSHIPS.includes(x.membership)
                      ? t(`meeting.membership.${x.membership}`)
                      : x.membership,
                    x.role_label,
                    x.organisation,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </div>
              {m.editable ? (
                <Choice
                  label={t('meeting.attendanceOf', { name: x.name })}
                  value={attendance[x.id] ?? x.attendance}
                  options={ATTENDANCE.map((a) => [a, t(`meeting.attendance.${a}`)] as const)}
                  onChange={(a) => a && setAttendance((all) => ({ ...all, [x.id]: a }))}
                />
              ) : (
                <span className="status">{t(`meeting.attendance.${x.attendance}`)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {m.editable && changed ? (
        <div className="form-actions">
          <button
            type="button"
            className="button primary"
            disabled={update.isPending}
            onClick={save}
          >
            {update.isPending ? t('common.saving') : t('meeting.saveAttendance')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** "Casuspakket versturen": every member gets what they may read of the cases, beforehand. */
function CasePackPanel({ m }: { m: CareMeeting }) {
  const { t } = useTranslation('care');
  const send = useSendCasePack(m.id);
  return (
    <section className="panel case-pack" aria-labelledby="case-pack">
      <h2 id="case-pack">{t('meeting.casePack')}</h2>
      <p className="hint">{t('meeting.casePackIntro')}</p>
      <p>
        {m.case_pack_sent_at ? (
          <>
            {t('meeting.packSentAt')} <Moment iso={m.case_pack_sent_at} />
          </>
        ) : (
          t('meeting.packNotSent')
        )}
      </p>
      {send.isError && !isProblem(send.error, 401) ? <ProblemAlert error={send.error} /> : null}
      {send.isSuccess ? (
        <p className="alert alert-success" role="status">
          {t('meeting.packSent')}
        </p>
      ) : null}
      <div className="action-bar">
        {m.editable && m.status === 'scheduled' ? (
          <button
            type="button"
            className="button primary"
            disabled={send.isPending || m.agenda.length === 0}
            onClick={() => send.mutate({ version: m.version })}
          >
            {send.isPending
              ? t('common.working')
              : m.case_pack_sent_at
                ? t('meeting.resendPack')
                : t('meeting.sendPack')}
          </button>
        ) : null}
      </div>
      {m.agenda.length > 0 ? (
        <Disclosure label={t('meeting.viewPack')} className="button link">
          {() => <CasePackView meetingId={m.id} />}
        </Disclosure>
      ) : null}
    </section>
  );
}

function CasePackView({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('care');
  const pack = useCasePack(meetingId);
  if (pack.isPending) return <Skeleton lines={3} />;
  if (pack.isError) return <ProblemAlert error={pack.error} onRetry={() => void pack.refetch()} />;
  return (
    <div className="case-pack-view">
      {pack.data.withheld > 0 ? (
        <p className="muted">{t('meeting.packWithheld', { count: pack.data.withheld })}</p>
      ) : null}
      <ul className="plain-list records">
        {pack.data.items.map((item) => (
          <li key={item.case_id}>
            <p className="record-title">
              {item.student_name}{' '}
              <span className="meta">
                {t(`meeting.kind.${item.kind}`)} · {item.state_name}
              </span>
            </p>
            <dl className="details">
              {item.help_question_student ? (
                <>
                  <dt>{t('file.helpQuestionStudent')}</dt>
                  <dd className="pre">{item.help_question_student}</dd>
                </>
              ) : null}
              {item.guidance_question ? (
                <>
                  <dt>{t('file.guidanceQuestion')}</dt>
                  <dd className="pre">{item.guidance_question}</dd>
                </>
              ) : null}
              {item.zat_question ? (
                <>
                  <dt>{t('file.zatQuestion')}</dt>
                  <dd className="pre">{item.zat_question}</dd>
                </>
              ) : null}
              <dt>{t('meeting.openActionItems')}</dt>
              <dd>{item.open_action_items.length}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Put a case on the agenda: an open case from the board of one of the school's routes. */
function AddToAgenda({ m, schoolId }: { m: CareMeeting; schoolId: string }) {
  const { t } = useTranslation('care');
  const id = useId();
  const routes = useCareRoutes(schoolId);
  const definitions = useCareRouteDefinitions((routes.data ?? []).map((r) => r.id));
  const [routeKey, setRouteKey] = useState('');
  // By default the route whose forums meet in this kind of meeting (an IZO: the VO route).
  const meets = definitions.find((d) =>
    d.data?.definition.forums?.some((f) => f.meeting === m.forum),
  )?.data?.key;
  const key = routeKey || meets || routes.data?.[0]?.key || '';
  const board = useCaseBoard(schoolId, key, false);
  const add = useAddAgendaItem(m.id);
  const [caseId, setCaseId] = useState('');
  const [kind, setKind] = useState<AgendaItemIn['kind']>('new');
  const [missing, setMissing] = useState(false);
  const onAgenda = new Set(m.agenda.map((a) => a.case_id));
  const columns = (board.data?.columns ?? []).filter((c) => !c.closed);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!caseId);
    if (!caseId) return;
    add.mutate(
      { version: m.version, body: { case_id: caseId, kind } },
      {
        onSuccess: () => {
          setCaseId('');
        },
      },
    );
  };
  return (
    <form
      className="form subform add-agenda"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="subheading">
        {t('meeting.addCase')}
      </h3>
      {add.isError && !isProblem(add.error, 401) ? <ProblemAlert error={add.error} /> : null}
      {board.isError ? <ProblemAlert error={board.error} /> : null}
      <div className="form-grid">
        {(routes.data?.length ?? 0) > 1 ? (
          <Choice
            label={t('board.route')}
            value={key}
            options={(routes.data ?? []).map((r) => [r.key, r.name] as const)}
            onChange={(k) => {
              setRouteKey(k);
              setCaseId('');
            }}
          />
        ) : null}
        <div className={missing ? 'field invalid' : 'field'}>
          <label htmlFor={`${id}-case`}>
            {t('meeting.case')}
            <span aria-hidden="true"> *</span>
          </label>
          <select
            id={`${id}-case`}
            value={caseId}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-case-error` : undefined}
            onChange={(e) => setCaseId(e.target.value)}
          >
            <option value="">–</option>
            {columns.map((col) =>
              col.cards.length > 0 ? (
                <optgroup key={col.state} label={col.name}>
                  {col.cards
                    .filter((card) => !onAgenda.has(card.id))
                    .map((card) => (
                      <option key={card.id} value={card.id}>
                        {card.student_name}
                        {card.group_names.length ? ` (${card.group_names.join(', ')})` : ''}
                      </option>
                    ))}
                </optgroup>
              ) : null,
            )}
          </select>
          {missing ? (
            <p id={`${id}-case-error`} className="field-error">
              {t('meeting.chooseCase')}
            </p>
          ) : null}
        </div>
        <Choice
          label={t('meeting.kindLabel')}
          value={kind}
          options={(['new', 'progress'] as const).map((k) => [k, t(`meeting.kind.${k}`)] as const)}
          onChange={(k) => k && setKind(k)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button secondary" disabled={add.isPending}>
          {add.isPending ? t('common.working') : t('meeting.addToAgenda')}
        </button>
      </div>
    </form>
  );
}

/** Mark the meeting as held, or cancel it. */
function HoldOrCancel({ m }: { m: CareMeeting }) {
  const { t } = useTranslation('care');
  const update = useUpdateMeeting(m.id);
  return (
    <section className="panel" aria-labelledby="meeting-status">
      <h2 id="meeting-status">{t('meeting.statusTitle')}</h2>
      <p className="hint">{t('meeting.statusIntro')}</p>
      {update.isError && !isProblem(update.error, 401) ? (
        <ProblemAlert error={update.error} />
      ) : null}
      <div className="action-bar">
        <button
          type="button"
          className="button primary"
          disabled={update.isPending}
          onClick={() => update.mutate({ version: m.version, body: { status: 'held' } })}
        >
          {t('meeting.markHeld')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={update.isPending}
          onClick={() => update.mutate({ version: m.version, body: { status: 'cancelled' } })}
        >
          {t('meeting.cancel')}
        </button>
      </div>
    </section>
  );
}
