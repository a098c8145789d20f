import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call, rest } from '../../api/client';
import {
  hgwKeys,
  type Meeting,
  type Overview,
  useMeeting,
  useOverview,
  usePlan,
} from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Page } from '../../components/Page';
import { ProblemAlert, Skeleton } from '../../components/States';
import { TextThread } from '../../components/TextThread';
import { formatShortDate } from '../../lib/dates';
import { NotFoundPage } from '../NotFoundPage';
import { MeetingReport, ReportView } from './MeetingReport';

/** Groepsbespreking: agenda, teachers' questions, the report, a decision per signalled student,
 * and "Bespreking afronden", which confirms the signals that were discussed. */
export function MeetingPage() {
  const { t, i18n } = useTranslation();
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  const overview = useOverview(meeting.data?.overview_id ?? '');

  if (meeting.isPending) return <Skeleton lines={8} />;
  if (meeting.isError) {
    if (isProblem(meeting.error, 404) || isProblem(meeting.error, 422)) return <NotFoundPage />;
    return <ProblemAlert error={meeting.error} onRetry={() => void meeting.refetch()} />;
  }
  const m = meeting.data;
  const leads = m.status === 'scheduled' && m.editable;

  return (
    <Page
      title={t('meeting.title', { group: m.group_name, period: m.period_name })}
      lead={t('meeting.lead', {
        date: formatShortDate(m.held_on ?? m.scheduled_on, i18n.language),
        status: t(`hgw.meetingStatus.${m.status}`),
        chair: m.chair_name,
      })}
    >
      <p className="meta">
        <Link to={`/groepsoverzichten/${m.overview_id}`}>
          {t('meeting.backToOverview', { group: m.group_name })}
        </Link>
      </p>
      {overview.data ? <PlanLink overview={overview.data} /> : null}
      <div className="stack">
        <div className="sections">
          <section className="panel" aria-labelledby="agenda">
            <h2 id="agenda">{t('meeting.agenda')}</h2>
            <ol>
              {m.agenda.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ol>
            <h3 className="subheading">{t('meeting.attendees')}</h3>
            {m.attendees.length ? (
              <p>{m.attendees.join(', ')}</p>
            ) : (
              <p className="muted">{t('meeting.noAttendees')}</p>
            )}
          </section>
          <Questions meeting={m} />
        </div>
        {overview.isError ? <ProblemAlert error={overview.error} /> : null}
        {overview.isPending ? (
          <Skeleton lines={4} />
        ) : overview.data && leads ? (
          <MeetingReport key={m.id} meeting={m} overview={overview.data} />
        ) : overview.data ? (
          <ReportView meeting={m} overview={overview.data} />
        ) : null}
      </div>
    </Page>
  );
}

/** For the group plan of this overview: open it, or evaluate it while it runs. */
function PlanLink({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const plan = usePlan(overview.plan_id ?? '');
  if (!overview.plan_id || !plan.data) return null;
  const running = plan.data.status === 'active' || plan.data.status === 'midterm_reviewed';
  return (
    <p className="action-bar">
      <Link className="button secondary" to={`/groepsplannen/${plan.data.id}`}>
        {t('meeting.openPlan')}
      </Link>
      {running && plan.data.editable ? (
        <Link className="button secondary" to={`/groepsplannen/${plan.data.id}?evalueren=1`}>
          {t('meeting.evaluatePlan')}
        </Link>
      ) : null}
    </p>
  );
}

/** Teachers' questions for the meeting, asked beforehand. */
function Questions({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <TextThread
      id="questions"
      title={t('meeting.questions')}
      empty={t('meeting.noQuestions')}
      entries={m.teacher_questions.map((q) => ({
        key: `${q.at}${q.author}`,
        author: q.author,
        at: q.at,
        text: q.text,
      }))}
      fieldLabel={t('meeting.questionLabel')}
      buttonLabel={t('meeting.ask')}
      send={
        m.status === 'scheduled'
          ? (text) =>
              call(
                rest.POST('/api/v1/meetings/{meeting_id}/questions', {
                  params: { path: { meeting_id: m.id } },
                  body: { text },
                }),
              )
          : undefined
      }
      onSent={(saved) => queryClient.setQueryData(hgwKeys.meeting(saved.id), saved)}
    />
  );
}
