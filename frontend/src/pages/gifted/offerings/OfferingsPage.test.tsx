import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../../session/store';
import { type Api, json, me, renderApp } from '../../../test/app';
import { offering, VOCABULARY } from './fixtures';

const STAFF = {
  items: [
    { id: 'sm1', given_name: 'Sanne', infix: 'de', family_name: 'Vries', email: null },
    { id: 'sm2', given_name: 'Peter', infix: null, family_name: 'Jansen', email: null },
    { id: 'sm3', given_name: 'Fatima', infix: 'el', family_name: 'Amrani', email: null },
  ],
  next_cursor: null,
};

function api(
  roles: string[],
  create?: (body: unknown) => Response,
): { api: Api; sent: { path: string; body: unknown }[] } {
  const sent: { path: string; body: unknown }[] = [];
  return {
    sent,
    api: async (request, url) => {
      if (request.method !== 'GET') {
        const body = await request.json();
        sent.push({ path: url.pathname, body });
        return create ? create(body) : json(201, offering({ id: 'o9', name: 'Nieuw' }));
      }
      if (url.pathname === '/api/v1/me') return json(200, me(roles));
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      if (url.pathname === '/api/v1/schools/s1/staff') return json(200, STAFF);
      if (url.pathname === '/api/v1/schools/s1/offerings')
        return json(200, {
          own: [
            offering(),
            offering({
              id: 'o2',
              name: 'Verrijkingsgroep',
              fixed_teacher_staff_id: null,
              fixed_teacher_name: '',
              enrolled: 12,
              goals: [{ text: 'Samenwerken', cognitive: false }],
            }),
          ],
          regional: [
            offering({
              id: 'o3',
              school_id: 's2',
              school_name: 'Het Baken',
              name: 'Tussenvoorziening Het Baken',
              kind: 'intermediate_provision',
              setting: 'other_school',
              regional: true,
              is_placement: true,
            }),
          ],
        });
      return json(404, { code: 'not-found' });
    },
  };
}

describe('the offerings catalogue', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows own and regional offerings as cards with the points of attention', async () => {
    renderApp('/scholen/s1/aanbod', api(['hb_specialist']).api);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Onderwijsaanbod (hoog)begaafdheid' }),
    ).toBeVisible();
    const plusklas = await screen.findByRole('article', { name: 'Plusklas bovenbouw' });
    expect(within(plusklas).getByText('Fatima el Amrani')).toBeVisible();
    expect(within(plusklas).getByText('cognitief doel')).toBeVisible();
    expect(within(plusklas).getByText('Heel schooljaar')).toBeVisible();
    expect(within(plusklas).getByText('Aparte groep')).toBeVisible();
    expect(within(plusklas).getByText('2,5 uur per week')).toBeVisible();
    expect(within(plusklas).getByText(/10 van 12 bezet · 2 op de wachtlijst/)).toBeVisible();
    expect(within(plusklas).getByText('Ouders, Intern begeleider')).toBeVisible();
    const links = within(plusklas).getByRole('navigation', { name: 'Bij Plusklas bovenbouw' });
    expect(within(links).getByRole('link', { name: 'Aanmeldingen (commissie)' })).toHaveAttribute(
      'href',
      '/aanbod/o1/aanmeldingen',
    );
    expect(within(links).getByRole('link', { name: 'Deelnemers' })).toHaveAttribute(
      'href',
      '/aanbod/o1/deelnemers',
    );

    const other = screen.getByRole('article', { name: 'Verrijkingsgroep' });
    expect(within(other).getByText(/nog geen vaste leerkracht/)).toBeVisible();
    expect(within(other).getByText(/geen expliciet cognitief doel/)).toBeVisible();
    expect(within(other).getByText('Vol')).toBeVisible();

    const regional = screen.getByRole('region', { name: 'Regionaal aanbod (bovenschools)' });
    const baken = within(regional).getByRole('article', { name: 'Tussenvoorziening Het Baken' });
    expect(await within(baken).findByText('Tussenvoorziening · Het Baken')).toBeVisible();
    expect(within(baken).getByText(/afspraken met de stamschool nodig/)).toBeVisible();
    expect(within(baken).queryByRole('button', { name: /bewerken/ })).toBeNull();
  });

  it('offers no editing to a mentor', async () => {
    renderApp('/scholen/s1/aanbod', api(['mentor']).api);
    await screen.findByRole('article', { name: 'Plusklas bovenbouw' });
    expect(screen.queryByRole('button', { name: 'Nieuw aanbod' })).toBeNull();
    expect(screen.queryByRole('button', { name: /bewerken/ })).toBeNull();
  });

  it('records a new offering with a committee of two, and shows 422 pointers by the field', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(['hb_coordinator'], () =>
      json(422, {
        code: 'validation-failed',
        errors: [{ pointer: '/target_group', detail: 'Te algemeen omschreven.' }],
      }),
    );
    renderApp('/scholen/s1/aanbod', answer);
    await user.click(await screen.findByRole('button', { name: 'Nieuw aanbod' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw aanbod' });
    await user.click(within(dialog).getByRole('button', { name: 'Aanbod opslaan' }));
    expect(within(dialog).getByRole('textbox', { name: /^Naam/ })).toHaveFocus();
    expect(
      within(dialog).getByRole('group', { name: 'Toelatingscommissie' }),
    ).toHaveAccessibleDescription(/Kies minstens twee commissieleden\.$/);
    expect(sent).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: /^Naam/ }), 'Plusklas onderbouw');
    const kind = within(dialog).getByRole('combobox', { name: /Soort aanbod/ });
    await within(kind).findByRole('option', { name: 'Plusklas' });
    await user.selectOptions(kind, 'Plusklas');
    await user.type(within(dialog).getByRole('textbox', { name: /^Doel 1/ }), 'Leren plannen');
    await user.type(within(dialog).getByRole('textbox', { name: /^Doelgroep/ }), 'Groep 4-5');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Sanne de Vries' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Peter Jansen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Aanbod opslaan' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.path).toBe('/api/v1/schools/s1/offerings');
    expect(sent[0]?.body).toMatchObject({
      name: 'Plusklas onderbouw',
      kind: 'plusklas',
      goals: [{ text: 'Leren plannen', cognitive: true }],
      target_group: 'Groep 4-5',
      application_routes: ['intern_begeleider'],
      committee_staff_ids: ['sm1', 'sm2'],
    });
    expect(
      await within(dialog).findByRole('textbox', { name: /^Doelgroep/ }),
    ).toHaveAccessibleDescription(/Te algemeen omschreven\.$/);
  }, 15_000);
});
