import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../../session/store';
import { type Api, json, me, renderApp } from '../../../test/app';
import { application, enrolment, offering, VOCABULARY } from './fixtures';

function api(exitAnswer?: () => Response): {
  api: Api;
  sent: { path: string; ifMatch: string | null; body: unknown }[];
} {
  const sent: { path: string; ifMatch: string | null; body: unknown }[] = [];
  return {
    sent,
    api: async (request, url) => {
      if (request.method !== 'GET') {
        const body = await request.json();
        sent.push({ path: url.pathname, ifMatch: request.headers.get('if-match'), body });
        if (url.pathname.endsWith('/exit') && exitAnswer) return exitAnswer();
        if (url.pathname === '/api/v1/offering-enrolments')
          return json(201, enrolment({ id: 'e9' }));
        return json(200, enrolment());
      }
      if (url.pathname === '/api/v1/me') return json(200, me(['hb_specialist']));
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      if (url.pathname === '/api/v1/offering-enrolments/e1')
        return json(200, enrolment({ review_overdue: true, next_review_on: '2026-10-01' }));
      if (url.pathname === '/api/v1/offering-enrolments/e9') return json(200, enrolment());
      if (url.pathname === '/api/v1/applications/a1')
        return json(200, application({ status: 'admitted', decided_at: '2026-09-30T10:00:00Z' }));
      if (url.pathname === '/api/v1/offerings/o1')
        return json(
          200,
          offering({ is_placement: true, kind: 'intermediate_provision', setting: 'other_school' }),
        );
      if (url.pathname === '/api/v1/schools/s1/staff')
        return json(200, {
          items: [
            { id: 'sm2', given_name: 'Peter', infix: null, family_name: 'Jansen', email: null },
          ],
          next_cursor: null,
        });
      return json(404, { code: 'not-found' });
    },
  };
}

describe('an enrolment', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows goals, an overdue review in words and an incomplete plan for the regular class', async () => {
    renderApp('/deelnames/e1', api().api);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Deelname van Emma de Boer' }),
    ).toBeVisible();
    const goals = screen.getByRole('region', { name: 'Doelen' });
    expect(within(goals).getByText('1 van 2 behaald')).toBeVisible();
    expect(within(goals).getByText('te laat')).toBeVisible();
    expect(within(goals).getByText('elk kwartaal (13 weken)')).toBeVisible();
    const plan = screen.getByRole('region', { name: 'Plan voor de eigen klas' });
    expect(
      within(plan).getByText(
        'Het plan voor de eigen klas is niet compleet: geen leerkracht, geen afstemming.',
      ),
    ).toBeVisible();
  });

  it('shows the API’s refusal of "doelen behaald" while goals are open', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(() =>
      json(422, {
        code: 'validation-failed',
        errors: [
          { pointer: '/reason', detail: 'Not every goal is achieved: Samenwerken met gelijken' },
        ],
      }),
    );
    renderApp('/deelnames/e1', answer);
    await user.click(await screen.findByRole('button', { name: 'Deelname beëindigen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deelname beëindigen' });
    expect(within(dialog).getByRole('radio', { name: 'Doelen behaald' })).toBeChecked();
    expect(within(dialog).getByText(/Nog niet behaald: “Samenwerken met gelijken”/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Beëindigen' }));
    expect(await within(dialog).findByRole('alert')).toBeVisible();
    expect(within(dialog).getByRole('group', { name: 'Reden' })).toHaveAccessibleDescription(
      /Not every goal is achieved: Samenwerken met gelijken$/,
    );
    expect(sent[0]).toMatchObject({
      path: '/api/v1/offering-enrolments/e1/exit',
      ifMatch: '"v5"',
      body: { reason: 'goals_met', note: '' },
    });
  });

  it('records a review of every goal', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api();
    renderApp('/deelnames/e1', answer);
    await user.click(await screen.findByRole('button', { name: 'Evaluatie vastleggen' }));
    const form = screen.getByRole('form', { name: 'Evaluatie vastleggen' });
    await user.click(within(form).getByRole('button', { name: 'Evaluatie opslaan' }));
    expect(within(form).getByText('Kies de voortgang van elk doel.')).toBeVisible();
    expect(sent).toHaveLength(0);
    const second = within(form).getByRole('group', { name: 'Samenwerken met gelijken' });
    await user.click(within(second).getByRole('radio', { name: 'Op weg' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Besproken met de leerling' }));
    await user.click(within(form).getByRole('button', { name: 'Evaluatie opslaan' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.body).toMatchObject({
      goal_progress: [
        { goal_id: 'g1', progress: 'achieved', note: '' },
        { goal_id: 'g2', progress: 'progressing', note: '' },
      ],
      with_student: true,
      with_parents: false,
      decision: 'continue',
    });
  });

  it('starts an enrolment of a placement with the plan and the stamschool agreements', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api();
    const { router } = renderApp('/deelnames/nieuw?aanmelding=a1', answer);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Deelname starten' }),
    ).toBeVisible();
    // The offering's goals are the start; the review rhythm is quarterly.
    expect(await screen.findByDisplayValue('Leren leren: plannen van een project')).toBeVisible();
    expect(screen.getByRole('combobox', { name: /Evalueren/ })).toHaveDisplayValue(
      'elk kwartaal (13 weken)',
    );
    await user.click(screen.getByRole('button', { name: 'Deelname starten' }));
    expect(screen.getByRole('textbox', { name: /^Wekelijks contact/ })).toHaveAccessibleDescription(
      /Vul dit veld in\.$/,
    );
    expect(sent).toHaveLength(0);

    const teacher = screen.getByRole('combobox', { name: /Leerkracht of mentor/ });
    await within(teacher).findByRole('option', { name: 'Peter Jansen' });
    await user.selectOptions(teacher, 'Peter Jansen');
    await user.type(screen.getByRole('textbox', { name: /^Aanpassingen/ }), 'Compacten rekenen');
    await user.type(screen.getByRole('textbox', { name: /^Afstemming/ }), 'Presentatie in de klas');
    await user.type(screen.getByRole('textbox', { name: /^Afspraak 1/ }), 'Mentor: rapport');
    await user.type(screen.getByRole('textbox', { name: /^Wekelijks contact/ }), 'Maandag');
    await user.type(screen.getByRole('textbox', { name: /^Contact met de ouders/ }), 'Mentor');
    await user.type(screen.getByRole('textbox', { name: /^Contactpersoon/ }), 'IB');
    await user.click(screen.getByRole('button', { name: 'Deelname starten' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.body).toMatchObject({
      application_id: 'a1',
      review_every_weeks: 13,
      regular_teacher_staff_id: 'sm2',
      class_adjustments: 'Compacten rekenen',
      alignment: 'Presentatie in de klas',
      agreements: {
        responsibilities: ['Mentor: rapport'],
        weekly_contact: 'Maandag',
        parent_contact: 'Mentor',
        home_school_contact: 'IB',
        counts_for_report: false,
      },
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/deelnames/e9'));
  }, 15_000);
});
