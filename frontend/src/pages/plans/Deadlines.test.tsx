import { screen, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../session/store';
import { type Api, json, me, renderApp } from '../../test/app';

const item = (over: Record<string, unknown>) => ({
  kind: 'opp_due',
  due_on: '2026-11-23',
  overdue: false,
  student_id: 'st1',
  student_name: 'Emma de Vries',
  group_id: null,
  group_name: null,
  ref_id: 'opp1',
  ...over,
});

function api(roles: string[], deadlines: Response): Api {
  return (_request, url) => {
    if (url.pathname === '/api/v1/me') return json(200, me(roles));
    if (url.pathname === '/api/v1/schools/s1/hgw-deadlines') return deadlines;
    if (url.pathname === '/api/v1/schools/s1/plans') return json(200, []);
    if (url.pathname === '/api/v1/schools/s1/groups')
      return json(200, { items: [], next_cursor: null });
    return json(404, { code: 'not-found' });
  };
}

describe('what is due ("Wat staat er open")', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('puts overdue items first, marked in words, each linking to the student or the plan', async () => {
    renderApp(
      '/scholen/s1/groepen',
      api(
        ['zorgcoordinator'],
        json(200, [
          item({}),
          item({
            kind: 'plan_evaluation',
            due_on: '2026-11-27',
            student_id: null,
            student_name: null,
            group_id: 'g1',
            group_name: '1A',
            ref_id: 'p1',
          }),
          item({
            kind: 'opp_evaluation_due',
            due_on: '2026-09-01',
            overdue: true,
            student_id: 'st2',
            student_name: 'Daan Jansen',
            ref_id: 'opp2',
          }),
        ]),
      ),
    );
    const panel = await screen.findByRole('region', { name: 'Wat staat er open' });
    const items = await within(panel).findAllByRole('listitem');
    expect(items).toHaveLength(3);
    const [first, second, third] = items as [HTMLElement, HTMLElement, HTMLElement];

    expect(first).toHaveTextContent('Daan Jansen');
    expect(first).toHaveTextContent('OPP jaarlijks evalueren met leerling en ouders');
    expect(within(first).getByText('te laat')).toBeVisible();
    expect(first).toHaveClass('overdue');
    expect(within(first).getByRole('link', { name: 'Daan Jansen' })).toHaveAttribute(
      'href',
      '/leerlingen/st2',
    );

    expect(second).toHaveTextContent(
      'OPP vaststellen (uiterlijk 6 weken na de start van extra ondersteuning)',
    );
    expect(second).toHaveTextContent('uiterlijk 23-11-2026');
    expect(second).not.toHaveTextContent('te laat');
    expect(second).not.toHaveClass('overdue');

    expect(third).toHaveTextContent('Groepsplan evalueren');
    expect(within(third).getByRole('link', { name: 'Groepsplan 1A' })).toHaveAttribute(
      'href',
      '/groepsplannen/p1',
    );
  });

  it('says when nothing is due, on a mentor’s Mijn groepen', async () => {
    renderApp('/scholen/s1/mijn-groepen', api(['mentor'], json(200, [])));
    const panel = await screen.findByRole('region', { name: 'Wat staat er open' });
    expect(await within(panel).findByText('Niets dat binnenkort moet.')).toBeVisible();
  });

  it('shows nothing at all when the API refuses', async () => {
    const { fetchMock } = renderApp(
      '/scholen/s1/mijn-groepen',
      api(['teacher'], json(403, { code: 'forbidden' })),
    );
    await screen.findByRole('heading', { level: 1, name: 'Mijn groepen' });
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(([r]) => String((r as Request).url).includes('hgw-deadlines')),
      ).toBe(true),
    );
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Wat staat er open' })).toBeNull(),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
