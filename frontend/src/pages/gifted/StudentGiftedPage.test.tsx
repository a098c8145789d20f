import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StudentGifted } from '../../api/gifted';
import { sessionStore } from '../../session/store';
import { json, me, renderApp } from '../../test/app';
import { SkillComparisonTable } from './Instruments';
import { observation, STUDENT, studentGifted, VOCABULARY } from './testData';

function api(gifted: StudentGifted, roles = ['mentor']) {
  const sent: { path: string; ifMatch: string | null; body: unknown }[] = [];
  return {
    sent,
    api: async (request: Request, url: URL) => {
      if (request.method !== 'GET') {
        const body = await request.json();
        sent.push({ path: url.pathname, ifMatch: request.headers.get('if-match'), body });
        return json(200, { ...gifted.profile, ...(body as object), version: 2 });
      }
      if (url.pathname === '/api/v1/me') return json(200, me(roles));
      if (url.pathname === '/graphql') return json(200, { data: { student: STUDENT } });
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      if (url.pathname === '/api/v1/students/st1/gifted') return json(200, gifted);
      return json(404, { code: 'not-found' });
    },
  };
}

describe("the teacher's observation next to the student's view", () => {
  it('shows each skill with both views and marks a difference in words', () => {
    render(
      <SkillComparisonTable
        vocabulary={VOCABULARY}
        comparison={[
          { skill: 'planning', teacher_score: 1, student_view: 'strength', differs: true },
          { skill: 'task_initiation', teacher_score: 4, student_view: 'strength', differs: false },
          { skill: 'collaboration', teacher_score: null, student_view: 'none', differs: false },
          {
            skill: 'fixed_mindset',
            teacher_score: null,
            student_view: 'attention',
            differs: false,
          },
        ]}
      />,
    );
    const table = screen.getByRole('table', {
      name: 'Observatie van de leraar naast de zelfbeoordeling van de leerling',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Taakinitiatie4goed in',
      'Planning/prioritering1goed inverschilt',
      'Vaste mindset (omgekeerd: hoog = meer moeite)n.g.aandacht nodig',
    ]);
    expect(screen.getByText('Bij 1 vaardigheid zien leraar en leerling het anders.')).toBeVisible();
  });

  it('says so when there is nothing to compare', () => {
    render(<SkillComparisonTable vocabulary={VOCABULARY} comparison={[]} />);
    expect(screen.getByText(/nog geen observatie of zelfbeoordeling/)).toBeVisible();
  });
});

describe("the student's gifted page", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('shows the profile without "dubbel bijzonder" for who may not see it', async () => {
    renderApp('/leerlingen/st1/begaafdheid', api(studentGifted(), ['teacher']).api);
    await screen.findByRole('heading', { level: 1, name: 'Begaafdheid: Emma de Vries' });
    const profile = await screen.findByRole('region', { name: 'Profiel' });
    expect(profile).toHaveTextContent('Gesignaleerd als (hoog)begaafdja (15-09-2026)');
    expect(profile).not.toHaveTextContent('Dubbel bijzonder');
  });

  it('lets the mentor change the profile with If-Match, "dubbel bijzonder" included', async () => {
    const user = userEvent.setup();
    const gifted = studentGifted({
      profile: { ...studentGifted().profile, twice_exceptional: false, version: 3 },
      observations: [observation()],
      applications: [],
    });
    const { api: answer, sent } = api(gifted);
    renderApp('/leerlingen/st1/begaafdheid', answer);
    const profile = await screen.findByRole('region', { name: 'Profiel' });
    expect(profile).toHaveTextContent('Dubbel bijzondernee');
    await user.click(within(profile).getByRole('button', { name: 'Profiel bewerken' }));
    await user.click(within(profile).getByRole('checkbox', { name: 'Dubbel bijzonder' }));
    await user.type(
      within(profile).getByRole('textbox', { name: 'Toelichting dubbel bijzonder' }),
      'dyslexie',
    );
    await user.click(within(profile).getByRole('button', { name: 'Profiel opslaan' }));
    await within(profile).findByText('Het profiel is opgeslagen.');
    expect(sent[0]).toMatchObject({
      path: '/api/v1/students/st1/support-profile',
      ifMatch: '"v3"',
      body: { twice_exceptional: true, twice_exceptional_note: 'dyslexie', signalled_gifted: true },
    });

    // The latest observation as a compact table, with its recommendation and follow-up.
    const observations = screen.getByRole('region', { name: 'Observaties' });
    expect(within(observations).getByRole('row', { name: /Taakinitiatie/ })).toHaveTextContent(
      'Taakinitiatie3',
    );
    expect(observations).toHaveTextContent('Uitdaging in de klas bieden, wel in de gaten houden');
    expect(observations).toHaveTextContent('Vervolg: opnieuw kijken · open · 01-12-2026');
  });
});
