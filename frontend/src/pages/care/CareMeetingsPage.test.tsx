import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CareMeeting } from '../../api/cases';
import { sessionStore } from '../../session/store';
import { type Api, json, me, renderApp } from '../../test/app';

const CREATED: CareMeeting = {
  id: 'cm9',
  school_id: 's1',
  title: 'Intern zorgoverleg (IZO)',
  forum: 'izo',
  scheduled_at: '2026-11-20T08:00:00Z',
  held_at: null,
  status: 'scheduled',
  location: '',
  chair: null,
  minute_taker: null,
  members: [],
  agenda: [],
  case_pack_sent_at: null,
  cases: 0,
  editable: true,
  version: 1,
};

function api(roles: string[]): { api: Api; sent: { path: string; body: unknown }[] } {
  const sent: { path: string; body: unknown }[] = [];
  return {
    sent,
    api: async (request, url) => {
      if (request.method !== 'GET') {
        sent.push({ path: url.pathname, body: await request.json() });
        return json(201, CREATED);
      }
      if (url.pathname === '/api/v1/me') return json(200, me(roles));
      if (url.pathname === '/api/v1/schools/s1/care-meetings') return json(200, []);
      if (url.pathname === '/api/v1/care-meetings/cm9') return json(200, CREATED);
      if (url.pathname === '/api/v1/schools/s1/staff')
        return json(200, {
          items: [
            { id: 'sm1', given_name: 'Sanne', infix: 'de', family_name: 'Vries', email: null },
            { id: 'sm2', given_name: 'Peter', infix: null, family_name: 'Jansen', email: null },
          ],
          next_cursor: null,
        });
      return json(404, { code: 'not-found' });
    },
  };
}

describe('planning a care meeting', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('adds colleagues by staff id (their accounts become members) and others by name', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(['zorgcoordinator']);
    const { router } = renderApp('/scholen/s1/zorgoverleggen', answer);
    await user.click(await screen.findByRole('button', { name: 'Nieuw overleg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw overleg' });

    const colleague = within(dialog).getByRole('combobox', { name: 'Collega toevoegen' });
    await within(colleague).findByRole('option', { name: 'Peter Jansen' });
    await user.selectOptions(colleague, 'Peter Jansen');
    expect(
      within(dialog).getByText('collega: kan het overleg en het casuspakket openen'),
    ).toBeVisible();
    // A colleague is added once.
    expect(within(colleague).queryByRole('option', { name: 'Peter Jansen' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Lid toevoegen' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Naam van lid 2' }),
      'Orthopedagoog',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Overleg plannen' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.path).toBe('/api/v1/schools/s1/care-meetings');
    expect((sent[0]?.body as { members?: unknown[] } | undefined)?.members).toEqual([
      expect.objectContaining({ name: 'Peter Jansen', staff_id: 'sm2', membership: 'standing' }),
      expect.objectContaining({ name: 'Orthopedagoog', staff_id: null }),
    ]);
    await waitFor(() => expect(router.state.location.pathname).toBe('/zorgoverleggen/cm9'));
  });

  it('does not offer planning to a mentor (the meetings they sit in are listed)', async () => {
    renderApp('/scholen/s1/zorgoverleggen', api(['mentor']).api);
    expect(await screen.findByText('Er zijn nog geen zorgoverleggen gepland.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Nieuw overleg' })).toBeNull();
  });
});
