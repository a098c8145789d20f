import { ApiProblem } from '../api/problem';
import i18n from '../i18n';
import { fieldErrors, problemMessage } from './problemMessage';

const t = i18n.getFixedT('nl');

describe('problems in plain Dutch', () => {
  it.each([
    [ApiProblem.network(), 'niet bereikbaar'],
    [new ApiProblem(403, 'forbidden'), 'geen toegang'],
    [new ApiProblem(403, 'csrf-failed'), 'Ververs de pagina'],
    [new ApiProblem(412, 'version-mismatch'), 'Iemand anders'],
    [new ApiProblem(422, 'validation-failed'), 'gemarkeerde velden'],
    [new ApiProblem(422, 'transition-guard-failed'), 'ontbreekt nog iets'],
    [new ApiProblem(409, 'invalid-transition'), 'Ververs de pagina'],
    [new ApiProblem(500, 'internal-error'), 'aan onze kant'],
    [new ApiProblem(503, 'upstream-unavailable'), 'even niet beschikbaar'],
    [new Error('boom'), 'Er ging iets mis'],
  ])('%s', (error, expected) => {
    expect(problemMessage(t, error)).toContain(expected);
  });

  it('reads a problem document from the API', () => {
    const problem = ApiProblem.fromBody(
      422,
      {
        code: 'validation-failed',
        detail: 'Check the fields',
        trace_id: 'abc123',
        errors: [{ pointer: '/given_name', detail: 'String should have at least 1 character' }],
      },
      null,
    );
    expect(problem.traceId).toBe('abc123');
    expect(fieldErrors(problem)).toEqual({ given_name: 'String should have at least 1 character' });
  });

  it('names what a refused step still needs, as far as the SPA knows it', () => {
    const guard = (missing: unknown) =>
      problemMessage(
        t,
        ApiProblem.fromBody(422, { code: 'transition-guard-failed', missing }, null),
      );
    expect(guard(['determined_with_student', 'determined_with_parents'])).toContain(
      'nog niet vastgesteld met de leerling en de ouders',
    );
    expect(guard(['determined_with_parents'])).toContain('nog niet vastgesteld met de ouders.');
    const unsigned = guard([
      'individual_plans/a/parent_sign_off',
      'individual_plans/b/parent_sign_off',
    ]);
    expect(unsigned).toBe('Een IHP is nog niet ondertekend door een ouder.');
    expect(guard(['rows', 'individual_plans/a/parent_sign_off'])).toMatch(
      /^Een IHP is nog niet ondertekend door een ouder\. Voor deze stap ontbreekt nog iets/,
    );
    expect(guard(['midterm_review'])).toContain('ontbreekt nog iets');
    expect(guard('not a list')).toContain('ontbreekt nog iets');
  });

  it('names the guards of a care route step, with their parameter', () => {
    const guard = (missing: unknown) =>
      problemMessage(
        t,
        ApiProblem.fromBody(422, { code: 'transition-guard-failed', missing }, null),
      );
    expect(guard(['help_question', 'registration:izo', 'consent:register_zat'])).toBe(
      'Voor deze stap is nog nodig: de hulpvraag van de leerling (“Help mij …”); ' +
        'het ingevulde aanmeldingsformulier (IZO); ' +
        'de toestemming van de ouders (aanmelden bij het ZAT).',
    );
    expect(guard(['evaluation_date', 'something_new'])).toMatch(
      /^Voor deze stap is nog nodig: een evaluatiedatum\. Voor deze stap ontbreekt nog iets/,
    );
  });

  it('copes with a body that is not a problem document', () => {
    const problem = ApiProblem.fromBody(502, '<html>Bad gateway</html>', 'req-1');
    expect(problem.code).toBe('http-502');
    expect(problem.traceId).toBe('req-1');
  });
});
