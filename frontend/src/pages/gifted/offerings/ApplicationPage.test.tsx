import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Application } from '../../../api/offerings';
import { sessionStore } from '../../../session/store';
import { type Api, json, me, renderApp } from '../../../test/app';
import { application, enrolment, offering, VOCABULARY } from './fixtures';

type Sent = { method: string; path: string; ifMatch: string | null; body: unknown };

function api(start: Application): { api: Api; sent: Sent[] } {
  const sent: Sent[] = [];
  let current = start;
  return {
    sent,
    api: async (request, url) => {
      if (request.method !== 'GET') {
        const text = await request.text();
        const body: unknown = text ? JSON.parse(text) : null;
        sent.push({
          method: request.method,
          path: url.pathname,
          ifMatch: request.headers.get('if-match'),
          body,
        });
        if (url.pathname.endsWith('/submit'))
          current = {
            ...current,
            status: 'submitted',
            route: 'parents',
            version: current.version + 1,
          };
        else if (url.pathname.endsWith('/withdraw'))
          current = { ...current, status: 'withdrawn', version: current.version + 1 };
        else
          current = {
            ...current,
            ...(body as Partial<Application>),
            offering_name: 'Plusklas bovenbouw',
            version: current.version + 1,
          };
        return json(200, current);
      }
      if (url.pathname === '/api/v1/me') return json(200, me(['intern_begeleider']));
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      if (url.pathname === '/api/v1/applications/a1') return json(200, current);
      if (url.pathname === '/api/v1/schools/s1/offerings')
        return json(200, {
          own: [offering({ application_routes: ['parents', 'swv'] })],
          regional: [
            offering({
              id: 'o3',
              school_id: 's2',
              school_name: 'Het Baken',
              name: 'Denklab',
              regional: true,
            }),
          ],
        });
      if (url.pathname === '/api/v1/students/st1/gifted')
        return json(200, {
          needs_intakes: [
            {
              id: 'ni1',
              student_id: 'st1',
              sections: [
                {
                  informant: 'student',
                  answers: {},
                  respondent: 'Emma',
                  answered_on: '2026-09-22',
                },
              ],
              complete: true,
              version: 1,
            },
          ],
        });
      if (url.pathname === '/api/v1/offering-enrolments/e1') return json(200, enrolment());
      return json(404, { code: 'not-found' });
    },
  };
}

describe('an application', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('completes a draft and submits it on a route the offering allows', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(
      application({
        status: 'draft',
        offering_id: null,
        offering_name: null,
        route: null,
        motivation: '',
        needs_intake: null,
        submitted_at: null,
      }),
    );
    renderApp('/aanmeldingen/a1', answer);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Aanmelding van Emma de Boer' }),
    ).toBeVisible();
    const offeringSelect = screen.getByRole('combobox', { name: 'Aanbod' });
    await within(offeringSelect).findByRole('option', { name: 'Denklab (Het Baken)' });
    await user.selectOptions(offeringSelect, 'Plusklas bovenbouw');
    const route = screen.getByRole('combobox', { name: /^Route/ });
    expect(
      within(route)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['–', 'Ouders', 'Samenwerkingsverband']);
    await user.type(screen.getByRole('textbox', { name: /^Motivatie/ }), 'Behoefte aan uitdaging');
    const intake = screen.getByRole('combobox', { name: 'Intake van de leerling' });
    await within(intake).findByRole('option', { name: 'Intake 22-09-2026 (compleet)' });
    await user.selectOptions(intake, 'Intake 22-09-2026 (compleet)');

    await user.click(screen.getByRole('button', { name: 'Indienen' }));
    expect(route).toHaveAccessibleDescription(/Vul dit veld in\.$/);
    expect(sent).toHaveLength(0);
    await user.selectOptions(route, 'Ouders');
    await user.click(screen.getByRole('button', { name: 'Indienen' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).toEqual({
      method: 'PATCH',
      path: '/api/v1/applications/a1',
      ifMatch: '"v4"',
      body: { offering_id: 'o1', motivation: 'Behoefte aan uitdaging', needs_intake_id: 'ni1' },
    });
    expect(sent[1]).toEqual({
      method: 'POST',
      path: '/api/v1/applications/a1/submit',
      ifMatch: '"v5"',
      body: { route: 'parents' },
    });
    expect(
      await screen.findByText('De aanmelding is ingediend bij de toelatingscommissie.'),
    ).toBeVisible();
  }, 15_000);

  it('shows the decision and starts the participation once admitted', async () => {
    renderApp(
      '/aanmeldingen/a1',
      api(
        application({
          status: 'admitted',
          decision_reason: 'Past bij de doelgroep',
          decided_by: [
            { staff_id: 'sm1', name: 'Sanne de Vries' },
            { staff_id: 'sm2', name: 'Peter Jansen' },
          ],
          decided_at: '2026-09-30T10:00:00Z',
        }),
      ).api,
    );
    expect(await screen.findByText('Past bij de doelgroep')).toBeVisible();
    expect(screen.getByText('Sanne de Vries, Peter Jansen')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Deelname starten' })).toHaveAttribute(
      'href',
      '/deelnames/nieuw?aanmelding=a1',
    );
  });

  it('shows the waitlist position and withdraws after a confirmation', async () => {
    const user = userEvent.setup();
    const { api: answer, sent } = api(
      application({
        status: 'waitlisted',
        waitlist_position: 3,
        decided_at: '2026-09-30T10:00:00Z',
      }),
    );
    renderApp('/aanmeldingen/a1', answer);
    expect(await screen.findByText('plaats 3')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Intrekken' }));
    await user.click(screen.getByRole('button', { name: 'Ja, intrekken' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ path: '/api/v1/applications/a1/withdraw', ifMatch: '"v4"' });
    expect(await screen.findByText('De aanmelding is ingetrokken.')).toBeVisible();
  });
});
