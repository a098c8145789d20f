import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CaseRead } from '../../api/cases';
import { sessionStore } from '../../session/store';
import { type Api, json, me, renderApp } from '../../test/app';
import { careCase, option, ROUTE } from '../../test/care';

interface Sent {
  method: string;
  path: string;
  ifMatch: string | null;
  body: Record<string, unknown>;
}

/** The API of a case page; `write` answers what the page sends (and records it). */
function api(
  c: CaseRead,
  write: (s: Sent) => Response = () => json(500, {}),
): {
  api: Api;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  return {
    sent,
    api: async (request, url) => {
      if (request.method !== 'GET') {
        const s = {
          method: request.method,
          path: url.pathname,
          ifMatch: request.headers.get('if-match'),
          body: (await request.json()) as Record<string, unknown>,
        };
        sent.push(s);
        return write(s);
      }
      if (url.pathname === '/api/v1/me') return json(200, me(['zorgcoordinator']));
      if (url.pathname === `/api/v1/cases/${c.id}`) return json(200, c);
      if (url.pathname === '/api/v1/care-routes/r1') return json(200, ROUTE);
      if (url.pathname === '/api/v1/schools/s1/staff')
        return json(200, {
          items: [
            { id: 'sm1', given_name: 'Sanne', infix: 'de', family_name: 'Vries', email: null },
          ],
          next_cursor: null,
        });
      if (url.pathname === '/api/v1/students/st1/consents') return json(200, []);
      return json(404, { code: 'not-found' });
    },
  };
}

const IZO_ACTIVE = careCase({
  actions: [
    option({}),
    option({
      key: 'T11',
      action: 'register_zat',
      label: 'Aanmelden bij het ZAT',
      to: 'zat_draft',
      to_name: 'Aanmelding ZAT in voorbereiding',
      missing: ['zat_question'],
      missing_labels: ['De vraag aan het ZAT / ondersteuningsteam is geformuleerd'],
    }),
    option({
      key: 'T18',
      action: 'request_swv',
      label: 'Arrangement aanvragen bij het samenwerkingsverband',
      to: 'swv_arrangement',
      to_name: 'Arrangement samenwerkingsverband',
      // The SWV request form supplies `swv_request`; the others block the step.
      missing: ['swv_request', 'consent:share_swv'],
      missing_labels: [
        'De aanvraag bij het samenwerkingsverband is vastgelegd',
        'De toestemming is vastgelegd (share_swv)',
      ],
    }),
    option({
      key: 'T20',
      action: 'involve_leerplicht',
      label: 'Leerplichtambtenaar inschakelen (verzuim)',
      to: null,
      to_name: null,
      allowed: false,
    }),
  ],
});

describe('the case page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows the next steps; a step that misses something is disabled and says what', async () => {
    renderApp('/casussen/c1', api(IZO_ACTIVE).api);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Zorgtraject van Emma de Vries' }),
    ).toBeVisible();
    const steps = screen.getByRole('region', { name: 'Volgende stappen' });

    const evaluate = within(steps).getByRole('button', { name: 'Evalueren in het IZO' });
    expect(evaluate).toBeEnabled();
    expect(within(steps).getByText('naar: Evaluatie in IZO')).toBeVisible();

    const zat = within(steps).getByRole('button', { name: 'Aanmelden bij het ZAT' });
    expect(zat).toBeDisabled();
    expect(zat).toHaveAccessibleDescription(
      'Nog nodig: De vraag aan het ZAT / ondersteuningsteam is geformuleerd',
    );

    const swv = within(steps).getByRole('button', {
      name: 'Arrangement aanvragen bij het samenwerkingsverband',
    });
    expect(swv).toBeDisabled();
    // The consent's purpose in words, not the API's code.
    expect(swv).toHaveAccessibleDescription(
      /De toestemming is vastgelegd \(delen met het samenwerkingsverband\)/,
    );
    expect(swv).not.toHaveAccessibleDescription(/aanvraag bij het samenwerkingsverband/);

    const leerplicht = within(steps).getByRole('button', {
      name: 'Leerplichtambtenaar inschakelen (verzuim)',
    });
    expect(leerplicht).toBeDisabled();
    expect(leerplicht).toHaveAccessibleDescription('Deze stap is niet voor jouw rol.');

    // The header: route, level, state; the coordinator and the next deadline.
    expect(
      await screen.findByText(/Zorgroute VO: intern zorgoverleg en ZAT · Tweede lijn/),
    ).toBeVisible();
    const facts = screen.getByRole('region', { name: 'Gegevens van de casus' });
    expect(facts).toHaveTextContent('Casusregisseur');
    expect(facts).toHaveTextContent('Sanne de Vries');
    expect(facts).toHaveTextContent('Evaluatie: 01-12-2026');
  });

  it('takes a step with If-Match, and says in words what a refused step still needs', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(IZO_ACTIVE, () =>
      json(422, {
        type: 'https://zorgroute.nl/problems/transition-guard-failed',
        title: 'Something this step needs is missing',
        status: 422,
        code: 'transition-guard-failed',
        detail: "'Evalueren in het IZO' needs: Er is een evaluatiedatum.",
        missing: ['evaluation_date', 'registration:izo'],
        missing_labels: ['Er is een evaluatiedatum', 'Het aanmeldingsformulier is ingevuld (izo)'],
      }),
    );
    renderApp('/casussen/c1', answer);
    const steps = await screen.findByRole('region', { name: 'Volgende stappen' });
    await user.click(within(steps).getByRole('button', { name: 'Evalueren in het IZO' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/cases/c1/transitions',
      ifMatch: '"v7"',
      body: { action: 'evaluate', reason: '' },
    });
    const alert = await within(steps).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Voor deze stap is nog nodig: een evaluatiedatum; het ingevulde aanmeldingsformulier (IZO).',
    );
  });

  it('closes a case with the final evaluation, asked in a dialog', async () => {
    const user = userEvent.setup();
    const evaluation = careCase({
      state: 'izo_evaluation',
      state_name: 'Evaluatie in IZO',
      actions: [
        option({
          key: 'C1',
          action: 'close',
          label: 'Afsluiten',
          to: 'closed',
          to_name: 'Afgesloten',
          missing: ['final_evaluation'],
          missing_labels: [
            'De eindevaluatie met leerling en ouders en de uitkomst zijn vastgelegd',
          ],
        }),
      ],
    });
    const { api: answer, sent } = api(evaluation, () =>
      json(200, { ...evaluation, state: 'closed', state_name: 'Afgesloten', actions: [] }),
    );
    renderApp('/casussen/c1', answer);
    const steps = await screen.findByRole('region', { name: 'Volgende stappen' });
    const close = within(steps).getByRole('button', { name: 'Afsluiten' });
    expect(close).toBeEnabled(); // the dialog supplies the final evaluation
    await user.click(close);

    const dialog = await screen.findByRole('dialog', { name: 'Afsluiten' });
    await user.click(within(dialog).getByRole('button', { name: 'Casus afsluiten' }));
    expect(
      within(dialog).getByRole('textbox', { name: /Eindevaluatie/ }),
    ).toHaveAccessibleDescription(/Vul dit veld in\./);
    expect(sent).toHaveLength(0);

    await user.click(
      within(dialog).getByRole('checkbox', {
        name: 'De eindevaluatie is besproken met de leerling',
      }),
    );
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'De eindevaluatie is besproken met de ouders' }),
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: /Eindevaluatie/ }),
      'Emma plant zelf haar werk.',
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Voorlopig afsluiten' }));
    await user.click(within(dialog).getByRole('button', { name: 'Casus afsluiten' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.body).toEqual({
      action: 'close',
      reason: '',
      closure: {
        evaluated_with_student: true,
        evaluated_with_parents: true,
        outcome: 'goals_met',
        evaluation: 'Emma plant zelf haar werk.',
        aftercare: '',
        provisional: true,
      },
    });
    expect(await within(steps).findByRole('status')).toHaveTextContent(
      '“Afsluiten” is gezet. De casus staat nu op: Afgesloten.',
    );
  });

  it('shows the form the current state works on (registration_kind) without the route', async () => {
    const draft = careCase({
      state: 'zat_draft',
      state_name: 'Aanmelding ZAT in voorbereiding',
      registration_kind: 'zat',
      actions: [],
    });
    const { api: base } = api(draft);
    // The route's definition is not needed for it (and may not be readable at all).
    renderApp('/casussen/c1', (request, url) =>
      url.pathname === '/api/v1/care-routes/r1'
        ? json(404, { code: 'not-found' })
        : base(request, url),
    );
    const form = await screen.findByRole('region', { name: 'Aanmelding ZAT' });
    expect(
      within(form).getByRole('button', { name: 'Aanmeldingsformulier opslaan' }),
    ).toBeVisible();
    expect(
      screen.queryByRole('region', { name: 'Aanmelding intern zorgoverleg (IZO)' }),
    ).toBeNull();
  });

  it('saves only what changed in the case file, with If-Match, and keeps it on a conflict', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(IZO_ACTIVE, () =>
      json(412, { code: 'version-mismatch', status: 412 }),
    );
    renderApp('/casussen/c1', answer);
    const file = await screen.findByRole('form', { name: 'Casusdossier' });
    const help = within(file).getByRole('textbox', { name: 'Hulpvraag van de leerling' });
    expect(help).toHaveAccessibleDescription('In de woorden van de leerling: “Help mij …”');
    await user.clear(help);
    await user.type(help, 'Help mij plannen.');
    await user.click(within(file).getByRole('button', { name: 'Casusdossier opslaan' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      path: '/api/v1/cases/c1',
      ifMatch: '"v7"',
      body: { help_question_student: 'Help mij plannen.' },
    });
    expect(Object.keys(sent[0]?.body ?? {})).toEqual(['help_question_student']);
    expect(await within(file).findByRole('alert')).toHaveTextContent('Iemand anders');
    expect(help).toHaveValue('Help mij plannen.');
  });
});
