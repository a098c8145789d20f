import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../session/store';
import { type Api, json, me, renderApp } from '../../test/app';
import { observation, STUDENT, studentGifted, VOCABULARY } from './testData';

interface Sent {
  path: string;
  body: Record<string, unknown>;
}

function api(sent: Sent[]): Api {
  return async (request, url) => {
    if (request.method === 'POST' && url.pathname === '/api/v1/students/st1/observations') {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push({ path: url.pathname, body });
      return json(
        201,
        observation({
          id: 'o2',
          observed_on: body.observed_on as string,
          review_on: body.review_on as string,
          follow_up: {
            kind: 'review',
            due_on: body.review_on as string,
            application_id: null,
            signal_id: 'sig1',
            done: false,
          },
        }),
      );
    }
    if (url.pathname === '/api/v1/me') return json(200, me(['mentor']));
    if (url.pathname === '/graphql') return json(200, { data: { student: STUDENT } });
    if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
    if (url.pathname === '/api/v1/students/st1/gifted') return json(200, studentGifted());
    return json(404, { code: 'not-found' });
  };
}

const row = (name: string) => screen.getByRole('group', { name });

describe('the observation instrument', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('scores a row with a digit and moves on to the next row; 0 is "niet geobserveerd"', async () => {
    const user = userEvent.setup();
    renderApp('/leerlingen/st1/observatie', api([]));
    await screen.findByRole('heading', {
      level: 1,
      name: 'Observatie-instrument (hoog)begaafdheid',
    });
    expect(screen.getByText(/typ 1 tot en met 5 voor de score, of 0/)).toBeVisible();

    const first = within(row('1. Taakinitiatie')).getByRole('radio', { name: '1 niet zichtbaar' });
    first.focus();
    await user.keyboard('4');
    expect(within(row('1. Taakinitiatie')).getByRole('radio', { name: '4' })).toBeChecked();
    const second = row('2. Volgehouden aandacht');
    expect(within(second).getByRole('radio', { name: '1 niet zichtbaar' })).toHaveFocus();

    await user.keyboard('0');
    expect(within(second).getByRole('radio', { name: 'niet geobserveerd' })).toBeChecked();
    expect(
      within(row('3. Doelgericht gedrag')).getByRole('radio', { name: '1 niet zichtbaar' }),
    ).toHaveFocus();

    // The rest of the rows, one key each; after the last row focus goes to the remarks.
    await user.keyboard('333333333335');
    expect(
      within(row('14. Samenwerken')).getByRole('radio', { name: '5 volledig zichtbaar' }),
    ).toBeChecked();
    expect(
      screen.getByRole('textbox', {
        name: 'Algemene opmerkingen en/of opvallende observaties in de klas',
      }),
    ).toHaveFocus();
    expect(screen.getByText('14 van 14 vaardigheden ingevuld')).toBeVisible();
  }, 20_000); // 16 key presses on a 14-row form: slow on a busy machine

  it('asks for what is missing, then saves and shows what the recommendation started', async () => {
    const user = userEvent.setup();
    const sent: Sent[] = [];
    const { router } = renderApp('/leerlingen/st1/observatie', api(sent));
    await screen.findByRole('heading', {
      level: 1,
      name: 'Observatie-instrument (hoog)begaafdheid',
    });

    within(row('1. Taakinitiatie')).getByRole('radio', { name: '1 niet zichtbaar' }).focus();
    await user.keyboard('4');
    await user.click(screen.getByRole('button', { name: 'Observatie opslaan' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Nog niet alles is ingevuld');
    expect(within(row('2. Volgehouden aandacht')).getByText(/Kies een score/)).toBeVisible();
    expect(sent).toHaveLength(0);

    await user.keyboard('0333333333333');
    await user.click(
      screen.getByRole('radio', { name: 'Uitdaging in de klas bieden, wel in de gaten houden' }),
    );
    const review = screen.getByLabelText(/Wanneer kijk je opnieuw\?/);
    fireEvent.change(review, { target: { value: '2099-12-01' } });
    await user.click(screen.getByRole('button', { name: 'Observatie opslaan' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    const body = sent[0]?.body ?? {};
    expect(body.recommendation).toBe('challenge_in_class');
    expect(body.review_on).toBe('2099-12-01');
    expect(body.offering_id).toBeNull();
    expect(body.scores).toMatchObject({
      task_initiation: 4,
      sustained_attention: null,
      planning: 3,
    });
    expect(Object.keys(body.scores as object)).toHaveLength(14);

    await screen.findByRole('heading', { level: 1, name: 'Begaafdheid: Emma de Vries' });
    expect(router.state.location.pathname).toBe('/leerlingen/st1/begaafdheid');
    const status = screen.getByText('De observatie is opgeslagen.').closest('div');
    expect(status).toHaveTextContent('Opnieuw kijken op 01-12-2099');
    expect(status).toHaveTextContent('gesignaleerd (voorsprong)');
  }, 20_000);
});
