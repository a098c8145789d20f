import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Guidance } from '../../api/gifted';
import { sessionStore } from '../../session/store';
import { json, me, renderApp } from '../../test/app';
import { STUDENT, VOCABULARY } from './testData';

function period(over: Partial<Guidance> = {}): Guidance {
  return {
    id: 'gp1',
    student_id: 'st1',
    lead_staff_id: 'sm1',
    lead_name: 'Sanne de Vries',
    starts_on: '2026-09-01',
    ends_on: null,
    phase: 'content',
    status: 'open',
    goals: [
      {
        id: 'g1',
        goal: 'Zelfstandig een onderzoek plannen',
        plan: 'Elke week een planning maken',
        monitoring: [{ on: '2026-10-01', note: 'Eerste planning gemaakt' }],
        evaluation: '',
        achieved: null,
      },
    ],
    agreements: [],
    differentiation: [],
    external_factors: null,
    checkin_every_weeks: 4,
    next_checkin_on: '2026-10-29',
    checkins: [],
    student_reflection: '',
    handover_note: '',
    development_points: '',
    transfer_notes: '',
    version: 5,
    ...over,
  };
}

interface Sent {
  path: string;
  ifMatch: string | null;
  body: unknown;
}

function api(p: Guidance, answer: (s: Sent) => Response) {
  const sent: Sent[] = [];
  return {
    sent,
    api: async (request: Request, url: URL) => {
      if (request.method !== 'GET') {
        const s = {
          path: url.pathname,
          ifMatch: request.headers.get('if-match'),
          body: await request.json(),
        };
        sent.push(s);
        return answer(s);
      }
      if (url.pathname === '/api/v1/me') return json(200, me(['hb_specialist']));
      if (url.pathname === '/graphql') return json(200, { data: { student: STUDENT } });
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      if (url.pathname === '/api/v1/guidance-periods/gp1') return json(200, p);
      return json(404, { code: 'not-found' });
    },
  };
}

describe('a guidance period (begeleidingsperiode)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows the phases and says what the next phase still needs', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(period(), () =>
      json(422, {
        code: 'validation-failed',
        errors: [
          { pointer: '/agreements', detail: 'Record at least one agreement first: wie doet wat.' },
        ],
      }),
    );
    renderApp('/begeleidingsperiodes/gp1', answer);
    await screen.findByRole('heading', { level: 1, name: 'Begeleidingsperiode: Emma de Vries' });
    const phases = screen.getByRole('region', { name: 'Fasen van het overleg leraar–leerling' });
    const current = within(phases)
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('aria-current') === 'step');
    expect(current).toHaveTextContent('3. Afstemmen van leerinhoudenhuidige fase');
    expect(screen.queryByText('Externe factoren')).toBeNull();
    expect(
      screen.getByText(
        'Voortgangsgesprekken beginnen als de verantwoordelijkheden zijn vastgelegd.',
      ),
    ).toBeVisible();
    expect(screen.getByText(/Eerste planning gemaakt/)).toBeVisible();

    await user.click(
      within(phases).getByRole('button', {
        name: 'Volgende fase: Verantwoordelijkheden vastleggen',
      }),
    );
    expect(await within(phases).findByRole('alert')).toHaveTextContent(
      'Voordat de volgende fase kan:leg eerst minstens één afspraak vast: wie doet wat, wanneer en hoe?',
    );
    expect(sent[0]).toEqual({
      path: '/api/v1/guidance-periods/gp1/phase',
      ifMatch: '"v5"',
      body: { phase: 'responsibilities' },
    });
  });

  it('asks the cause of a stagnation before recording the progress meeting', async () => {
    const user = userEvent.setup();
    const p = period({ phase: 'monitoring', external_factors: '' });
    const { api: answer, sent } = api(p, () => json(201, { ...p, version: 6 }));
    renderApp('/begeleidingsperiodes/gp1', answer);
    await screen.findByRole('heading', { level: 1, name: 'Begeleidingsperiode: Emma de Vries' });
    expect(screen.getByRole('textbox', { name: /Externe factoren/ })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Voortgangsgesprek vastleggen' }));
    await user.click(screen.getByRole('radio', { name: 'stagnatie' }));
    await user.click(screen.getByRole('button', { name: 'Voortgangsgesprek opslaan' }));
    const cause = screen.getByRole('group', { name: /Oorzaak van de stagnatie/ });
    expect(cause).toHaveTextContent('Vul dit veld in.');
    expect(sent).toHaveLength(0);

    await user.click(within(cause).getByRole('radio', { name: 'aanpak' }));
    await user.click(screen.getByRole('button', { name: 'Voortgangsgesprek opslaan' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      path: '/api/v1/guidance-periods/gp1/checkins',
      ifMatch: '"v5"',
      body: { progress: 'stagnating', stagnation_cause: 'approach' },
    });
  });
});
