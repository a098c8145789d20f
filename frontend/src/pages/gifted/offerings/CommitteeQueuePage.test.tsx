import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../../session/store';
import { type Api, json, me, renderApp } from '../../../test/app';
import { application, offering, queue, VOCABULARY } from './fixtures';

const WAITLIST = [
  application({
    id: 'w1',
    status: 'waitlisted',
    waitlist_position: 1,
    snapshot: {
      student_name: 'Ali Yilmaz',
      group_name: '7A',
      school_name: 'Stedelijk Lyceum',
      grade: '7',
    },
  }),
  application({
    id: 'w2',
    status: 'waitlisted',
    waitlist_position: 2,
    snapshot: {
      student_name: 'Bo Smit',
      group_name: '7B',
      school_name: 'Stedelijk Lyceum',
      grade: '7',
    },
  }),
  application({
    id: 'w3',
    status: 'waitlisted',
    waitlist_position: 3,
    snapshot: {
      student_name: 'Cas Peters',
      group_name: '8A',
      school_name: 'De Wissel',
      grade: '8',
    },
  }),
];

function api(): { api: Api; sent: { method: string; path: string; body: unknown }[] } {
  const sent: { method: string; path: string; body: unknown }[] = [];
  return {
    sent,
    api: async (request, url) => {
      if (request.method !== 'GET') {
        const body = await request.json();
        sent.push({ method: request.method, path: url.pathname, body });
        const ids = (body as { application_ids: string[] }).application_ids;
        return json(
          200,
          queue({
            offering: offering({ enrolled: 12 }),
            free_places: 0,
            waitlist: ids.map((id, i) =>
              application({ ...WAITLIST.find((a) => a.id === id), waitlist_position: i + 1 }),
            ),
          }),
        );
      }
      if (url.pathname === '/api/v1/me') return json(200, me(['hb_specialist']));
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      if (url.pathname === '/api/v1/offerings/o1/applications')
        return json(
          200,
          queue({ offering: offering({ enrolled: 12 }), free_places: 0, waitlist: WAITLIST }),
        );
      return json(404, { code: 'not-found' });
    },
  };
}

describe('the committee’s queue', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows the fixed selection rule, the places, and what the committee sees', async () => {
    renderApp('/aanbod/o1/aanmeldingen', api().api);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Aanmeldingen: Plusklas bovenbouw' }),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Selectie gebeurt op onderwijsbehoefte; geen vaste IQ-grens; afkomst en geslacht zijn nooit selectiecriteria.',
      ),
    ).toBeVisible();
    const places = screen.getByRole('region', { name: 'Vrije plaatsen' });
    expect(within(places).getAllByText('Vol')[0]).toBeVisible();
    const todo = screen.getByRole('region', { name: 'Te beslissen' });
    const emma = within(todo).getByRole('article', { name: /Emma de Boer/ });
    expect(within(emma).getByText('Groep 7')).toBeVisible();
    expect(within(emma).getByText('Intern begeleider')).toBeVisible();
    expect(within(emma).getByText(/Verveelt zich bij rekenen/)).toBeVisible();
    // Observation and intake open with the keyboard (details/summary).
    expect(within(emma).getByText('Observatie in de klas')).toBeVisible();
    expect(
      await within(emma).findByText(/Aanmelden voor onderwijsaanbod in groepssetting/),
    ).toBeInTheDocument();
    expect(within(emma).getByText('Moeilijke sommen')).toBeInTheDocument();
  });

  it('reorders the waitlist with buttons (keyboard) and saves the whole order', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api();
    renderApp('/aanbod/o1/aanmeldingen', answer);
    const waitlist = await screen.findByRole('region', { name: 'Wachtlijst' });
    const save = within(waitlist).getByRole('button', { name: 'Volgorde opslaan' });
    expect(save).toBeDisabled();
    expect(
      within(waitlist).getByRole('button', { name: 'Ali Yilmaz een plaats omhoog' }),
    ).toBeDisabled();

    const down = within(waitlist).getByRole('button', { name: 'Ali Yilmaz een plaats omlaag' });
    down.focus();
    await user.keyboard('{Enter}');
    expect(
      await within(waitlist).findByText('Ali Yilmaz staat nu op plaats 2.'),
    ).toBeInTheDocument();
    // The keyboard stays on the moved application.
    expect(
      within(waitlist).getByRole('button', { name: 'Ali Yilmaz een plaats omlaag' }),
    ).toHaveFocus();
    await user.click(
      within(waitlist).getByRole('button', { name: 'Cas Peters een plaats omhoog' }),
    );
    const headings = within(waitlist)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual(['Plaats 1: Bo Smit', 'Plaats 2: Cas Peters', 'Plaats 3: Ali Yilmaz']);
    expect(within(waitlist).getByText('De nieuwe volgorde is nog niet opgeslagen.')).toBeVisible();

    await user.click(save);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: 'PUT',
      path: '/api/v1/offerings/o1/waitlist',
      body: { application_ids: ['w2', 'w3', 'w1'] },
    });
    expect(
      await within(waitlist).findByText('De volgorde van de wachtlijst is opgeslagen.'),
    ).toBeVisible();
  });
});
