import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../session/store';
import { type Api, json, me, renderApp } from '../../test/app';

const item = (over: Record<string, unknown>) => ({
  kind: 'case_evaluation',
  record_id: 'c1',
  case_id: 'c1',
  student_id: 'st1',
  student_name: 'Emma de Vries',
  title: 'IZO-begeleiding',
  due_on: '2026-12-01',
  overdue: false,
  days_overdue: 0,
  owner: 'Sanne de Vries',
  mine: true,
  ...over,
});

function api(seen: URL[]): Api {
  return (_request, url) => {
    if (url.pathname === '/api/v1/me') return json(200, me(['zorgcoordinator']));
    if (url.pathname === '/api/v1/schools/s1/care-deadlines') {
      seen.push(url);
      return json(200, {
        items: [
          item({}),
          item({
            kind: 'action_item',
            record_id: 'a1',
            student_name: 'Daan Jansen',
            case_id: 'c2',
            title: 'Gesprek met de jeugdarts plannen',
            due_on: '2026-10-01',
            overdue: true,
            days_overdue: 12,
            owner: 'Peter Jansen',
            mine: false,
          }),
        ],
        metrics: {
          open_cases: 14,
          registration_to_first_discussion_days: 17.5,
          swv_request_to_start_days: 63,
          swv_requests_over_norm: 2,
        },
      });
    }
    return json(404, { code: 'not-found' });
  };
}

describe('what is open in care', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('lists overdue first in words, with the lead times against the 8-week norm', async () => {
    const user = userEvent.setup();
    const seen: URL[] = [];
    renderApp('/scholen/s1/zorg/open', api(seen));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Wat staat er open in de zorg' }),
    ).toBeVisible();
    const panel = screen.getByRole('region', { name: 'Wat moet er gebeuren' });
    const items = await within(panel).findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Daan Jansen');
    expect(items[0]).toHaveTextContent('12 dagen te laat');
    expect(items[0]).toHaveClass('overdue');
    expect(
      within(items[0] as HTMLElement).getByRole('link', { name: 'Daan Jansen' }),
    ).toHaveAttribute('href', '/casussen/c2');
    expect(items[1]).toHaveTextContent('Casus evalueren: IZO-begeleiding');
    expect(items[1]).toHaveTextContent('bij Sanne de Vries voor jou');
    expect(items[0]).not.toHaveTextContent('voor jou');
    expect(items[1]).not.toHaveTextContent('te laat');

    const metrics = screen.getByRole('region', { name: 'Doorlooptijden' });
    expect(metrics).toHaveTextContent('Van aanmelding tot eerste bespreking (mediaan)18 dagen');
    expect(metrics).toHaveTextContent('63 dagen (norm: hoogstens 8 weken, 56 dagen) boven de norm');
    expect(metrics).toHaveTextContent('2 aanvragen');

    expect(seen[0]?.searchParams.get('mine')).toBe('false');
    await user.click(screen.getByRole('checkbox', { name: 'Alleen van mij' }));
    await waitFor(() => expect(seen.some((u) => u.searchParams.get('mine') === 'true')).toBe(true));
  });
});
