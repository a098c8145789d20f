import { screen, within } from '@testing-library/react';
import type { OfferingImpact } from '../../../api/offerings';
import { sessionStore } from '../../../session/store';
import { json, me, renderApp } from '../../../test/app';
import { enrolment, offering, VOCABULARY } from './fixtures';

const IMPACT: OfferingImpact = {
  offering_id: 'o1',
  offering_name: 'Plusklas bovenbouw',
  participants: 9,
  measured: 7,
  minimum_cell: 5,
  constructs: [
    {
      code: 'intrinsic_motivation',
      label: 'Intrinsieke motivatie',
      students: 7,
      first_mean: 3.1,
      last_mean: 3.5,
      mean_change: 0.4,
      suppressed: false,
    },
    {
      code: 'boredom',
      label: 'Verveling',
      students: 3,
      first_mean: null,
      last_mean: null,
      mean_change: null,
      suppressed: true,
    },
  ],
  goals_met_exits: 2,
  exits: 3,
  notice:
    'Beschrijvend, niet oorzakelijk: de verandering bij deelnemers, zonder vergelijkingsgroep.',
};

describe('participants and outcomes', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('lists the enrolments and the impact per construct, suppressing small cells', async () => {
    renderApp('/aanbod/o1/deelnemers', (_request, url) => {
      if (url.pathname === '/api/v1/me') return json(200, me(['hb_specialist']));
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      if (url.pathname === '/api/v1/offerings/o1') return json(200, offering());
      if (url.pathname === '/api/v1/offerings/o1/enrolments')
        return json(200, [
          enrolment({ review_overdue: true }),
          enrolment({
            id: 'e2',
            student_name: 'Ali Yilmaz',
            status: 'ended',
            exit_reason: 'goals_met',
          }),
        ]);
      if (url.pathname === '/api/v1/offerings/o1/impact') return json(200, IMPACT);
      return json(404, { code: 'not-found' });
    });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Deelnemers en opbrengsten: Plusklas bovenbouw',
      }),
    ).toBeVisible();
    const table = await screen.findByRole('table', { name: 'Deelnemers van Plusklas bovenbouw' });
    const emma = within(table).getByRole('row', { name: /Emma de Boer/ });
    expect(within(emma).getByText('1 van 2 behaald')).toBeVisible();
    expect(within(emma).getByText('te laat')).toBeVisible();
    expect(within(emma).getByText('onvolledig')).toBeVisible();
    expect(within(table).getByRole('row', { name: /Ali Yilmaz/ })).toHaveTextContent(
      'Beëindigd (Doelen behaald)',
    );

    expect(await screen.findByText(IMPACT.notice)).toBeVisible();
    const impact = screen.getByRole('table', { name: /Verandering per onderdeel/ });
    const motivation = within(impact).getByRole('row', { name: /Intrinsieke motivatie/ });
    expect(motivation).toHaveTextContent('73,13,5+0,4');
    const boredom = within(impact).getByRole('row', { name: /Verveling/ });
    expect(within(boredom).getByText('onderdrukt')).toBeVisible();
    expect(boredom).not.toHaveTextContent(/\d,\d/);
    expect(screen.getByText(/minder dan 5 leerlingen/)).toBeVisible();
    expect(screen.getByText(/2 van 3 beëindigde deelnames/)).toBeVisible();
  });
});
