import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../session/store';
import { json, me, renderApp } from '../../test/app';

const row = (over: Record<string, unknown> = {}) => ({
  student_id: 'st1',
  given_name: 'Emma',
  preferred_name: null,
  infix: 'de',
  family_name: 'Vries',
  observations: '',
  student_conversation: '',
  parent_conversation: '',
  agreements: '',
  stimulating_factors: '',
  hindering_factors: '',
  strengths: 'Tekent graag',
  work_attitude: '',
  particulars: null,
  instruction_level: null,
  version: 3,
  updated_at: '2026-11-16T10:00:00Z',
  updated_by_name: 'Sanne de Vries',
  results: [
    {
      id: 'r1',
      student_id: 'st1',
      kind: 'test',
      domain: 'RK',
      instrument: 'Cito',
      taken_on: '2026-06-01',
      score: 31,
      level: 'V',
      below_minimum: true,
      respondent: null,
      source: 'lvs',
    },
  ],
  signals: [],
  needs: [],
  ...over,
});

function overview(rows = [row()]) {
  return {
    id: 'o1',
    school_id: 's1',
    group_id: 'g1',
    group_name: '1A',
    cycle_period_id: 'p2',
    period_name: 'Cyclus 2',
    cycle: 'A',
    subject: null,
    status: 'draft',
    starts_on: '2026-11-16',
    ends_on: '2027-01-22',
    dated_on: '2026-11-16',
    owner_name: 'Sanne de Vries',
    seeded_from_id: 'o0',
    editable: true,
    may_lead: true,
    test_domains: ['RK', 'TL'],
    seo_categories: [],
    work_attitude_column: false,
    plan_id: null,
    meeting_id: null,
    version: 1,
    rows,
  };
}

describe('the group overview grid', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows results with a textual below-the-standard marker and hides what you may not see', async () => {
    renderApp('/groepsoverzichten/o1', (_request, url) =>
      url.pathname === '/api/v1/me' ? json(200, me(['mentor'])) : json(200, overview()),
    );
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Groepsoverzicht 1A · Cyclus 2');
    const grid = screen.getByRole('table', { name: /Groepsoverzicht van 1A/ });
    const emma = within(grid).getByRole('row', { name: /Emma de Vries/ });
    expect(emma).toHaveTextContent('31 (V)');
    expect(emma).toHaveTextContent('onder de norm');
    expect(within(grid).queryByRole('columnheader', { name: 'Bijzonderheden' })).toBeNull();
    expect(
      within(emma).getByRole('textbox', { name: 'Talenten en sterke kanten van Emma de Vries' }),
    ).toHaveValue('Tekent graag');
    expect(screen.getByRole('button', { name: 'Groepsplan maken' })).toBeVisible();
  });

  it('saves a row when you leave it, with If-Match, and keeps your text on a conflict', async () => {
    const user = userEvent.setup();
    let patches = 0;
    const sent: { ifMatch: string | null; body: unknown }[] = [];
    renderApp('/groepsoverzichten/o1', async (request, url) => {
      if (url.pathname === '/api/v1/me') return json(200, me(['mentor']));
      if (request.method === 'PATCH') {
        patches += 1;
        sent.push({ ifMatch: request.headers.get('if-match'), body: await request.json() });
        return patches === 1
          ? json(200, row({ observations: 'Werkt rustig', version: 4 }))
          : json(412, { code: 'version-mismatch', status: 412 });
      }
      // After the conflict, a colleague's version of the row.
      return json(
        200,
        overview([
          row(
            patches >= 2
              ? { observations: 'Collega schreef dit', version: 9 }
              : patches === 1
                ? { observations: 'Werkt rustig', version: 4 }
                : {},
          ),
        ]),
      );
    });
    const cell = await screen.findByRole('textbox', { name: 'Observaties van Emma de Vries' });
    await user.type(cell, 'Werkt rustig');
    fireEvent.blur(cell, { relatedTarget: null });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ ifMatch: '"v3"', body: { observations: 'Werkt rustig' } });
    await screen.findByText('Opgeslagen');

    await user.clear(cell);
    await user.type(cell, 'Mijn nieuwe tekst');
    fireEvent.blur(cell, { relatedTarget: null });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Een collega heeft deze rij intussen gewijzigd',
    );
    expect(sent[1]?.ifMatch).toBe('"v4"');
    expect(cell).toHaveValue('Mijn nieuwe tekst');
    expect(await screen.findByText('Collega: Collega schreef dit')).toBeVisible();
  });
});
