import { screen, within } from '@testing-library/react';
import { sessionStore } from '../session/store';
import { json, me, renderApp } from '../test/app';

const STUDENT = {
  id: 'st1',
  schoolId: 's1',
  givenName: 'Emma',
  preferredName: null,
  infix: 'de',
  familyName: 'Vries',
  dateOfBirth: '2014-03-02',
  version: 1,
  guardians: [],
  enrolments: [],
};

function api(timeline: Response) {
  return (_request: Request, url: URL) => {
    if (url.pathname === '/api/v1/me') return json(200, me(['mentor']));
    if (url.pathname === '/graphql') return json(200, { data: { student: STUDENT } });
    if (url.pathname === '/api/v1/students/st1/timeline') return timeline;
    return json(404, { code: 'not-found' }); // no OPP
  };
}

describe('the student timeline', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signedOut();
  });

  it('lists what happened, newest first, with the student’s own words', async () => {
    renderApp(
      '/leerlingen/st1',
      api(
        json(200, [
          {
            kind: 'need',
            at: '2026-11-18',
            title: 'Onderwijsbehoefte benoemd',
            summary: 'Instructie die kort en concreet is',
            student_words: 'Ik wil sneller rekenen',
            ref_id: 'n1',
            link: '/leerlingen/st1/onderwijsbehoeften/n1',
          },
          {
            kind: 'signal',
            at: '2026-11-17',
            title: 'Gesignaleerd: achterstand basisvaardigheden',
            summary: '',
            student_words: null,
            ref_id: 's1',
            link: null,
          },
        ]),
      ),
    );
    const timeline = await screen.findByRole('region', { name: 'Tijdlijn' });
    const items = await within(timeline).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Onderwijsbehoefte');
    expect(items[0]).toHaveTextContent('18 november 2026');
    expect(within(items[0] as HTMLElement).getByRole('link')).toHaveAttribute(
      'href',
      '/leerlingen/st1/onderwijsbehoeften/n1',
    );
    expect(
      within(items[0] as HTMLElement)
        .getByText('Ik wil sneller rekenen')
        .closest('blockquote'),
    ).not.toBeNull();
    expect(items[1]).toHaveTextContent('Gesignaleerd: achterstand basisvaardigheden');
  });

  it('says only that access is refused on a 403', async () => {
    renderApp('/leerlingen/st1', api(json(403, { code: 'forbidden', detail: 'Not your student' })));
    const timeline = await screen.findByRole('region', { name: 'Tijdlijn' });
    expect(
      await within(timeline).findByText('Je hebt geen toegang tot de tijdlijn van deze leerling.'),
    ).toBeVisible();
    expect(timeline).not.toHaveTextContent('Not your student');
  });
});
