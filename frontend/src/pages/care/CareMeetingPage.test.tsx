import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CareMeeting } from '../../api/cases';
import { sessionStore } from '../../session/store';
import { type Api, json, me, renderApp } from '../../test/app';
import { board, option, summary } from '../../test/care';

const MEETING: CareMeeting = {
  id: 'cm1',
  school_id: 's1',
  title: 'IZO november',
  forum: 'izo',
  scheduled_at: '2026-11-20T13:30:00Z',
  held_at: null,
  status: 'scheduled',
  location: 'Kamer 1.04',
  chair: { id: 'sm1', name: 'Sanne de Vries' },
  minute_taker: null,
  members: [
    {
      id: 'mb1',
      name: 'Sanne de Vries',
      membership: 'standing',
      role_label: 'zorgcoördinator',
      organisation: null,
      attendance: 'invited',
      user_id: null,
    },
  ],
  agenda: [
    {
      id: 'ai1',
      case_id: 'c1',
      case_version: 7,
      kind: 'new',
      position: 1,
      student_name: 'Emma de Vries',
      state: 'izo_scheduled',
      state_name: 'Geagendeerd in IZO',
      minutes: {},
      decisions: [],
      evaluation_on: null,
      informs_student_parents: null,
      relays_advice_to_school: null,
      discussed_at: null,
      version: 2,
      actions: [
        option({
          key: 'T9',
          action: 'discuss',
          label: 'Bespreking in het IZO vastleggen',
          to: 'izo_active',
          to_name: 'Begeleiding vanuit IZO',
          missing: ['discussion_recorded', 'evaluation_date'],
          missing_labels: [
            'Het verslag van de bespreking is vastgelegd',
            'Er is een evaluatiedatum',
          ],
        }),
      ],
    },
  ],
  case_pack_sent_at: null,
  cases: 1,
  editable: true,
  version: 3,
};

function api(write: (path: string) => Response): {
  api: Api;
  sent: { path: string; ifMatch: string | null; body: unknown }[];
} {
  const sent: { path: string; ifMatch: string | null; body: unknown }[] = [];
  return {
    sent,
    api: async (request, url) => {
      if (request.method !== 'GET') {
        const text = await request.text();
        sent.push({
          path: url.pathname,
          ifMatch: request.headers.get('if-match'),
          body: text ? JSON.parse(text) : null,
        });
        return write(url.pathname);
      }
      if (url.pathname === '/api/v1/me') return json(200, me(['zorgcoordinator']));
      if (url.pathname === '/api/v1/care-meetings/cm1') return json(200, MEETING);
      if (url.pathname === '/api/v1/schools/s1/staff')
        return json(200, {
          items: [
            { id: 'sm1', given_name: 'Sanne', infix: 'de', family_name: 'Vries', email: null },
            { id: 'sm2', given_name: 'Peter', infix: null, family_name: 'Jansen', email: null },
          ],
          next_cursor: null,
        });
      if (url.pathname === '/api/v1/schools/s1/care-routes') return json(200, [board([]).route]);
      if (url.pathname === '/api/v1/schools/s1/case-board')
        return json(
          200,
          board([
            {
              state: 'izo_scheduled',
              name: 'Geagendeerd in IZO',
              level: 'l2',
              closed: false,
              cards: [summary({ id: 'c5', student_name: 'Daan Jansen' })],
            },
          ]),
        );
      return json(404, { code: 'not-found' });
    },
  };
}

describe('a care meeting', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('records the IZO report of a case and takes the route step in the same save', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(() => json(200, { ...MEETING, version: 4 }));
    renderApp('/zorgoverleggen/cm1', answer);
    expect(await screen.findByRole('heading', { level: 1, name: 'IZO november' })).toBeVisible();
    const minutes = screen.getByRole('form', { name: 'Verslag van Emma de Vries' });
    // The twelve fields of the IZO report.
    for (const label of [
      'Analyse van het probleem',
      'Hulpvraag van de leerling',
      'Aanbod in de groep',
      'Afstemming met de ouders',
      'Samenvatting van afspraken, besluiten en vervolgstappen',
    ])
      expect(within(minutes).getByRole('textbox', { name: label })).toBeVisible();
    expect(
      within(minutes).queryByRole('textbox', { name: 'Oplossingsrichtingen: gezin' }),
    ).toBeNull();

    await user.type(
      within(minutes).getByRole('textbox', { name: 'Analyse van het probleem' }),
      'Plannen lukt niet.',
    );
    await user.type(
      within(minutes).getByRole('textbox', { name: /^Besluiten/ }),
      'Wekelijks gesprek{Enter}Planner in de klas',
    );
    const then = within(minutes).getByRole('combobox', { name: 'Daarna in de zorgroute' });
    await user.selectOptions(then, 'Bespreking in het IZO vastleggen');
    // The minutes themselves record the discussion; the evaluation date is still needed.
    expect(then).toHaveAccessibleDescription('Nog nodig: Er is een evaluatiedatum');
    const date = within(minutes).getByLabelText('Evaluatiedatum');
    await user.type(date, '2027-01-15');
    expect(then).not.toHaveAccessibleDescription(/evaluatiedatum/);

    await user.click(
      within(minutes).getByRole('button', {
        name: 'Verslag opslaan en “Bespreking in het IZO vastleggen”',
      }),
    );
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      path: '/api/v1/care-meetings/cm1/discussions/c1',
      ifMatch: '"v2"',
      body: {
        minutes: { analysis: 'Plannen lukt niet.' },
        decisions: ['Wekelijks gesprek', 'Planner in de klas'],
        evaluation_on: '2027-01-15',
        informs_student_parents: '',
        relays_advice_to_school: '',
        action_items: [],
        then_action: 'discuss',
      },
    });
  });

  it('gives an action item a colleague as owner (by staff id) or someone else by name', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(() => json(200, { ...MEETING, version: 4 }));
    renderApp('/zorgoverleggen/cm1', answer);
    const minutes = await screen.findByRole('form', { name: 'Verslag van Emma de Vries' });
    await user.click(within(minutes).getByRole('button', { name: 'Actiepunt toevoegen' }));
    await user.type(within(minutes).getByRole('textbox', { name: 'Actie 1' }), 'Planner maken');
    const owner = within(minutes).getByRole('combobox', { name: 'Wie 1' });
    await within(owner).findByRole('option', { name: 'Peter Jansen' });
    await user.selectOptions(owner, 'Peter Jansen');
    expect(within(minutes).queryByRole('textbox', { name: /Naam van wie het doet/ })).toBeNull();
    await user.type(within(minutes).getByLabelText(/^Uiterlijk 1/), '2027-01-08');

    await user.click(within(minutes).getByRole('button', { name: 'Actiepunt toevoegen' }));
    await user.type(within(minutes).getByRole('textbox', { name: 'Actie 2' }), 'Consult');
    expect(within(minutes).getByRole('combobox', { name: 'Wie 2' })).toHaveValue('');
    await user.type(
      within(minutes).getByRole('textbox', { name: /Naam van wie het doet 2/ }),
      'Jeugdarts GGD',
    );
    await user.type(within(minutes).getByLabelText(/^Uiterlijk 2/), '2027-01-15');
    await user.click(within(minutes).getByRole('button', { name: 'Verslag opslaan' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect((sent[0]?.body as { action_items?: unknown[] } | undefined)?.action_items).toEqual([
      {
        description: 'Planner maken',
        owner_name: 'Peter Jansen',
        owner_staff_id: 'sm2',
        organisation: '',
        goal: '',
        due_on: '2027-01-08',
      },
      {
        description: 'Consult',
        owner_name: 'Jeugdarts GGD',
        owner_staff_id: null,
        organisation: '',
        goal: '',
        due_on: '2027-01-15',
      },
    ]);
  });

  it('sends the case pack with the meeting’s version', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(() =>
      json(200, { ...MEETING, version: 4, case_pack_sent_at: '2026-11-18T09:00:00Z' }),
    );
    renderApp('/zorgoverleggen/cm1', answer);
    const pack = await screen.findByRole('region', { name: 'Casuspakket' });
    expect(pack).toHaveTextContent('nog niet verstuurd');
    await user.click(within(pack).getByRole('button', { name: 'Casuspakket versturen' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ path: '/api/v1/care-meetings/cm1/case-pack', ifMatch: '"v3"' });
    expect(await within(pack).findByRole('status')).toHaveTextContent(
      'Het casuspakket is verstuurd.',
    );
    expect(
      within(pack).getByRole('button', { name: 'Casuspakket opnieuw versturen' }),
    ).toBeVisible();
  });
});
