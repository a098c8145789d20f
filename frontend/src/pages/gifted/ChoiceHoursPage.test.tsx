import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ChoiceHour, ChoiceHourPolicy } from '../../api/gifted';
import { sessionStore } from '../../session/store';
import { json, me, renderApp } from '../../test/app';

const POLICY: ChoiceHourPolicy = {
  max_hours_per_week: 2,
  notice_hours: 24,
  allowed_activities: ['other_lesson', 'deepening', 'project'],
  never_during_tests: true,
  instructions: '',
  configured: false,
  version: 0,
};

function request(over: Partial<ChoiceHour>): ChoiceHour {
  return {
    id: 'ch1',
    student_id: 'st1',
    student_name: 'Emma de Vries',
    group_name: '2B',
    subject: 'Frans',
    subject_teacher_staff_id: 'sm1',
    subject_teacher_name: 'Sanne de Vries',
    lesson_date: '2099-11-20',
    lesson_hour: 3,
    location: 'Mediatheek',
    activity_kind: 'project',
    activity: 'Profielwerkstuk',
    status: 'requested',
    decline_reason: '',
    acknowledged_by_name: '',
    attendance: null,
    attendance_marked_by_name: '',
    checked_by_name: '',
    checked_at: null,
    requested_by_name: 'Bram',
    version: 2,
    ...over,
  };
}

interface Sent {
  path: string;
  ifMatch: string | null;
  body: unknown;
}

function api(roles: string[], mine: ChoiceHour[], school: ChoiceHour[]) {
  const sent: Sent[] = [];
  return {
    sent,
    api: async (req: Request, url: URL) => {
      if (req.method !== 'GET') {
        const text = await req.text();
        sent.push({
          path: url.pathname,
          ifMatch: req.headers.get('if-match'),
          body: text ? JSON.parse(text) : null,
        });
        if (url.pathname.endsWith('/choice-hour-policy'))
          return json(200, { ...POLICY, configured: true, version: 1 });
        return json(200, request({ status: 'acknowledged', version: 3 }));
      }
      if (url.pathname === '/api/v1/me') return json(200, me(roles));
      if (url.pathname === '/api/v1/schools/s1/choice-hour-policy') return json(200, POLICY);
      if (url.pathname === '/api/v1/schools/s1/choice-hours')
        return json(200, url.searchParams.get('mine') === 'true' ? mine : school);
      return json(404, { code: 'not-found' });
    },
  };
}

describe('keuze-uren', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('lets the subject teacher agree with If-Match, and shows the rules', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(['teacher'], [request({})], []);
    renderApp('/scholen/s1/keuze-uren', answer);
    await screen.findByRole('heading', { level: 1, name: 'Keuze-uren' });
    const rules = await screen.findByRole('region', { name: 'Afspraken van de school' });
    expect(rules).toHaveTextContent('Hoogstens 2 lesuren per week.');
    expect(rules).toHaveTextContent('Bij toetsen mag uitruilen niet.');
    // A teacher has no school list (only their lessons) and no policy form.
    expect(screen.queryByRole('region', { name: 'Keuze-uren van de school' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Afspraken wijzigen' })).toBeNull();

    const mine = await screen.findByRole('region', { name: 'Aanvragen voor mijn lessen' });
    const row = await within(mine).findByRole('row', { name: /Emma de Vries/ });
    expect(row).toHaveTextContent('20-11-2099, 3e uur');
    expect(row).toHaveTextContent('project: Profielwerkstuk');
    expect(
      within(row).getByRole('button', { name: 'Niet akkoord (toets): Emma de Vries' }),
    ).toBeVisible();
    await user.click(within(row).getByRole('button', { name: 'Akkoord: Emma de Vries' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: '/api/v1/choice-hours/ch1/decision',
      ifMatch: '"v2"',
      body: { acknowledge: true, reason: '', test_in_lesson: false },
    });
  });

  it('lets the HB-specialist check, and set the rules the first time with If-Match "v0"', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(
      ['hb_specialist'],
      [],
      [request({ status: 'acknowledged', attendance: 'present', lesson_date: '2020-01-10' })],
    );
    renderApp('/scholen/s1/keuze-uren', answer);
    const school = await screen.findByRole('region', { name: 'Keuze-uren van de school' });
    const row = await within(school).findByRole('row', { name: /Emma de Vries/ });
    expect(row).toHaveTextContent('akkoord · aanwezig');
    await user.click(within(row).getByRole('button', { name: 'Gecontroleerd: Emma de Vries' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.path).toBe('/api/v1/choice-hours/ch1/check');

    await user.click(screen.getByRole('button', { name: 'Afspraken wijzigen' }));
    await user.click(screen.getByRole('button', { name: 'Afspraken opslaan' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toMatchObject({
      path: '/api/v1/schools/s1/choice-hour-policy',
      ifMatch: '"v0"',
      body: { max_hours_per_week: 2, notice_hours: 24 },
    });
    expect(await screen.findByText('De afspraken zijn opgeslagen.')).toBeVisible();
  });
});
