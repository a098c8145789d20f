import { screen, within } from '@testing-library/react';
import type { GiftedOverview, GiftedStudentRow } from '../../api/gifted';
import { sessionStore } from '../../session/store';
import { json, me, renderApp } from '../../test/app';
import { VOCABULARY } from './testData';

function row(over: Partial<GiftedStudentRow>): GiftedStudentRow {
  return {
    student_id: 'st1',
    name: 'Emma de Vries',
    group_name: '1A',
    twice_exceptional: false,
    underachievement_suspected: false,
    latest_recommendation: 'group_offering',
    observed_on: '2026-10-01',
    open_follow_up: null,
    applications: ['Plusklas: submitted'],
    offerings: [],
    goals_achieved: 0,
    goals_total: 0,
    next_review_on: null,
    measurement_change: null,
    exits_goals_met: 0,
    ...over,
  };
}

const OVERVIEW: GiftedOverview = {
  school_id: 's1',
  signalled: 14,
  enrolled: 6,
  to_observe: 2,
  reviews_due: 1,
  applications_open: 3,
  reference_share: 0.025,
  student_count: 812,
  students: [
    row({}),
    row({
      student_id: 'st2',
      name: 'Daan Jansen',
      group_name: '2B',
      twice_exceptional: true,
      latest_recommendation: 'challenge_in_class',
      open_follow_up: 'review',
      applications: [],
      offerings: ['Plusklas'],
      goals_achieved: 2,
      goals_total: 3,
      next_review_on: '2020-01-15',
      measurement_change: 0.4,
      exits_goals_met: 1,
    }),
  ],
};

describe('the HB overview (Begaafdheid)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows the counters with the 2.5% as a reference and every student with what waits', async () => {
    renderApp('/scholen/s1/begaafdheid', (_request, url) => {
      if (url.pathname === '/api/v1/me') return json(200, me(['hb_specialist']));
      if (url.pathname === '/api/v1/schools/s1/gifted-overview') return json(200, OVERVIEW);
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      return json(404, { code: 'not-found' });
    });
    await screen.findByRole('heading', { level: 1, name: 'Begaafdheid' });
    const counters = await screen.findByRole('region', { name: 'Kerngetallen' });
    expect(counters).toHaveTextContent('Gesignaleerd14');
    expect(counters).toHaveTextContent(
      'ongeveer 2,5% van 812 leerlingen is ongeveer 20. Dit is een referentie, geen quotum.',
    );
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(menu).getByRole('link', { name: 'Begaafdheid' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('link', { name: 'Aanbod' })).toHaveAttribute(
      'href',
      '/scholen/s1/aanbod',
    );

    const daan = screen.getByRole('row', { name: /Daan Jansen/ });
    expect(within(daan).getByRole('link', { name: 'Daan Jansen' })).toHaveAttribute(
      'href',
      '/leerlingen/st2/begaafdheid',
    );
    expect(daan).toHaveTextContent('Uitdaging in de klas bieden, wel in de gaten houden');
    expect(daan).toHaveTextContent('opnieuw kijken');
    expect(daan).toHaveTextContent('2 van 3');
    expect(daan).toHaveTextContent('15-01-2020 te laat');
    expect(daan).toHaveTextContent('+0,4');
    const emma = screen.getByRole('row', { name: /Emma de Vries/ });
    expect(emma).toHaveTextContent('Plusklas: ingediend');
  });
});
