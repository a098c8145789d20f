import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sessionStore } from '../../session/store';
import { json, me, renderApp } from '../../test/app';
import { STUDENT, studentGifted, VOCABULARY } from './testData';

describe('the self-assessment (Jij en jouw executieve vaardigheden)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('takes three per column, not a skill twice, and saves the choices', async () => {
    const user = userEvent.setup();
    const sent: Record<string, unknown>[] = [];
    renderApp('/leerlingen/st1/zelfbeoordeling', async (request, url) => {
      if (request.method === 'POST') {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        return json(201, { id: 'sa1', student_id: 'st1', entered_by_name: 'Sanne', ...body });
      }
      if (url.pathname === '/api/v1/me') return json(200, me(['mentor']));
      if (url.pathname === '/graphql') return json(200, { data: { student: STUDENT } });
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      if (url.pathname === '/api/v1/students/st1/gifted') return json(200, studentGifted());
      return json(404, { code: 'not-found' });
    });
    await screen.findByRole('heading', { level: 1, name: 'Jij en jouw executieve vaardigheden' });

    const good = screen.getByRole('group', { name: 'Waar ben je goed in?' });
    const goodThinking = within(good).getByRole('group', { name: 'Denken' });
    for (const name of ['Werkgeheugen', 'Planning / prioritering', 'Organisatie'])
      await user.click(within(goodThinking).getByRole('checkbox', { name }));
    expect(goodThinking).toHaveTextContent('3 van 3 gekozen');
    expect(within(goodThinking).getByRole('checkbox', { name: /Metacognitie/ })).toBeDisabled();
    expect(goodThinking).toHaveTextContent('Metacognitie (je hebt er al 3 gekozen)');
    // The other column of the same question still takes choices.
    const goodDoing = within(good).getByRole('group', { name: 'Doen' });
    await user.click(within(goodDoing).getByRole('checkbox', { name: 'Flexibiliteit' }));

    const attention = screen.getByRole('group', { name: 'Wat heeft nog (extra) aandacht nodig?' });
    const attentionThinking = within(attention).getByRole('group', { name: 'Denken' });
    expect(
      within(attentionThinking).getByRole('checkbox', { name: /Werkgeheugen/ }),
    ).toBeDisabled();
    expect(attentionThinking).toHaveTextContent('Werkgeheugen (al gekozen bij de andere vraag)');
    await user.click(within(attentionThinking).getByRole('checkbox', { name: 'Metacognitie' }));

    await user.type(
      screen.getByRole('textbox', { name: /In je eigen woorden/ }),
      'Plannen gaat goed',
    );
    await user.click(screen.getByRole('button', { name: 'Zelfbeoordeling opslaan' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      strengths: ['working_memory', 'planning', 'organisation', 'flexibility'],
      attention_points: ['metacognition'],
      student_words: 'Plannen gaat goed',
      discussed_on: null,
    });
    expect(await screen.findByText('De zelfbeoordeling is opgeslagen.')).toBeVisible();
  });
});
