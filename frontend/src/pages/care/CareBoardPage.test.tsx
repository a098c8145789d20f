import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../session/store';
import { type Api, json, me, renderApp } from '../../test/app';
import { board, careCase, ROUTE, summary } from '../../test/care';

const ROUTES = [
  { ...board([]).route },
  { ...board([]).route, id: 'r2', key: 'hb-multidisciplinair', name: 'Multidisciplinaire casus' },
];

const HB_ROUTE = {
  ...ROUTE,
  id: 'r2',
  key: 'hb-multidisciplinair',
  name: 'Multidisciplinaire casus',
  definition: {
    ...ROUTE.definition,
    transitions: [
      {
        key: 'G1',
        action: 'open_signal',
        label: 'Signaal vastleggen',
        from: [],
        to: 'bilateral',
        roles: ['hb_coordinator'],
        guards: [],
      },
    ],
  },
};

const BOARD = board([
  {
    state: 'izo_draft',
    name: 'Aanmelding IZO in voorbereiding',
    level: 'l2',
    closed: false,
    cards: [
      summary({
        id: 'c2',
        student_id: 'st2',
        student_name: 'Daan Jansen',
        group_names: ['1A'],
        state: 'izo_draft',
        state_name: 'Aanmelding IZO in voorbereiding',
        coordinator: null,
        mentors: ['Peter Jansen', 'Ilse Bakker'],
        next_deadline: '2026-10-01',
        next_deadline_label: 'Actiepunt',
        overdue: true,
      }),
    ],
  },
  {
    state: 'izo_active',
    name: 'Begeleiding vanuit IZO',
    level: 'l2',
    closed: false,
    cards: [summary()],
  },
  { state: 'izo_evaluation', name: 'Evaluatie in IZO', level: 'l2', closed: false, cards: [] },
  {
    state: 'closed',
    name: 'Afgesloten',
    level: 'l1',
    closed: true,
    cards: [summary({ id: 'c3', student_name: 'Noor Visser', closed_at: '2026-06-01T08:00:00Z' })],
  },
]);

function api(
  roles: string[],
  onPost: (body: unknown) => Response = () => json(500, {}),
): {
  api: Api;
  boards: URL[];
  posts: unknown[];
} {
  const boards: URL[] = [];
  const posts: unknown[] = [];
  return {
    boards,
    posts,
    api: async (request, url) => {
      if (request.method === 'POST') {
        const body = await request.json();
        posts.push(body);
        return onPost(body);
      }
      if (url.pathname === '/api/v1/me') return json(200, me(roles));
      if (url.pathname === '/api/v1/schools/s1/care-routes') return json(200, ROUTES);
      if (url.pathname === '/api/v1/care-routes/r1') return json(200, ROUTE);
      if (url.pathname === '/api/v1/care-routes/r2') return json(200, HB_ROUTE);
      if (url.pathname === '/api/v1/schools/s1/case-board') {
        boards.push(url);
        return json(200, BOARD);
      }
      if (url.pathname === '/api/v1/schools/s1/case-requests')
        return json(200, [
          {
            decision_id: 'd1',
            meeting_id: 'gm1',
            student_id: 'st4',
            student_name: 'Sem de Boer',
            group_name: '2B',
            held_on: '2026-11-02',
            note: 'Werkhouding blijft zorgen geven',
          },
        ]);
      if (url.pathname === '/api/v1/cases/c9')
        return json(200, careCase({ id: 'c9', student_name: 'Sem de Boer' }));
      return json(404, { code: 'not-found' });
    },
  };
}

describe('the case board (Zorgbord)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows a column per open state with a card per case, overdue marked in words', async () => {
    const { api: answer, boards } = api(['zorgcoordinator']);
    renderApp('/scholen/s1/zorg', answer);
    expect(await screen.findByRole('heading', { level: 1, name: 'Zorgbord' })).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveTextContent('Zorg');
    expect(screen.getByRole('link', { name: 'Zorgoverleggen' })).toHaveAttribute(
      'href',
      '/scholen/s1/zorgoverleggen',
    );
    expect(screen.getByRole('link', { name: 'Wat staat er open' })).toHaveAttribute(
      'href',
      '/scholen/s1/zorg/open',
    );
    // The first route is chosen.
    expect(await screen.findByRole('combobox', { name: 'Zorgroute' })).toHaveValue('vo-izo-zat');
    await waitFor(() => expect(boards.length).toBeGreaterThan(0));
    expect(boards[0]?.searchParams.get('route_key')).toBe('vo-izo-zat');
    expect(boards[0]?.searchParams.get('include_closed')).toBe('false');

    const draft = await screen.findByRole('region', {
      name: 'Aanmelding IZO in voorbereiding (1)',
    });
    const card = within(draft).getByRole('article', { name: 'Daan Jansen' });
    expect(within(card).getByRole('link', { name: 'Daan Jansen' })).toHaveAttribute(
      'href',
      '/casussen/c2',
    );
    expect(card).toHaveTextContent('1A');
    expect(card).toHaveTextContent('Mentoren: Peter Jansen, Ilse Bakker');
    expect(card).toHaveTextContent('nog geen casusregisseur');
    expect(card).toHaveTextContent('Actiepunt: 01-10-2026');
    expect(within(card).getByText('te laat')).toBeVisible();
    expect(card).toHaveClass('overdue');

    const active = screen.getByRole('region', { name: 'Begeleiding vanuit IZO (1)' });
    const emma = within(active).getByRole('article', { name: 'Emma de Vries' });
    expect(emma).toHaveTextContent('Mentor: Peter Jansen');
    expect(emma).toHaveTextContent('Casusregisseur: Sanne de Vries');
    expect(emma).toHaveTextContent('Evaluatie: 01-12-2026');
    expect(within(emma).queryByText('te laat')).toBeNull();
    expect(active).toHaveTextContent('Tweede lijn: intern zorgteam');

    expect(screen.getByRole('region', { name: 'Evaluatie in IZO (0)' })).toHaveTextContent(
      'Geen casussen.',
    );
    // Closed cases only on request.
    expect(screen.queryByRole('region', { name: /Afgesloten/ })).toBeNull();
    expect(screen.queryByText('Noor Visser')).toBeNull();
  });

  it('starts the registration a group meeting decided on, and opens the new case', async () => {
    const user = userEvent.setup();
    const { api: answer, posts } = api(['zorgcoordinator'], () =>
      json(201, careCase({ id: 'c9', student_name: 'Sem de Boer' })),
    );
    // Whichever route the board shows, a registration opens on the route that has one.
    const { router } = renderApp('/scholen/s1/zorg?route=hb-multidisciplinair', answer);
    const requests = await screen.findByRole('region', {
      name: 'Aanmeldingen uit groepsbesprekingen',
    });
    expect(await within(requests).findByRole('link', { name: 'Sem de Boer' })).toHaveAttribute(
      'href',
      '/leerlingen/st4',
    );
    expect(requests).toHaveTextContent(
      'Groepsbespreking 2B · 02-11-2026 · Werkhouding blijft zorgen geven',
    );
    // The registration entry of the route, named as the route names it.
    expect(await within(requests).findByText(/Aanmelden bij het intern zorgteam/)).toBeVisible();
    await user.click(
      within(requests).getByRole('button', { name: 'Aanmelding starten voor Sem de Boer' }),
    );

    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      student_id: 'st4',
      route_key: 'vo-izo-zat',
      action: 'open_izo',
      origin_decision_id: 'd1',
      reason: '',
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/casussen/c9'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Zorgtraject van Sem de Boer' }),
    ).toBeVisible();
  });

  it('offers the care menu to a mentor (their students), not to the privacy officer', async () => {
    renderApp('/scholen/s1/leerlingen', api(['mentor']).api);
    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(menu).getByRole('link', { name: 'Zorg' })).toHaveAttribute(
      'href',
      '/scholen/s1/zorg',
    );
    vi.unstubAllGlobals();
    sessionStore.signedOut();
    cleanup();
    renderApp('/scholen/s1/leerlingen', api(['privacy_officer']).api);
    const other = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(other).not.toHaveTextContent('Zorg');
  });
});
