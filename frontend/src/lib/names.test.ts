import { fullName, listName, shortName } from './names';

const emma = { given_name: 'Emma', infix: 'de', family_name: 'Vries' };
const daan = {
  given_name: 'Daniël',
  preferred_name: 'Daan',
  infix: 'van der',
  family_name: 'Berg',
};

describe('Dutch names', () => {
  it('writes the tussenvoegsel between first and family name', () => {
    expect(fullName(emma)).toBe('Emma de Vries');
    expect(listName(emma)).toBe('Vries, Emma de');
    expect(shortName(emma)).toBe('E. de Vries');
  });

  it('addresses people by their roepnaam when they have one', () => {
    expect(fullName(daan)).toBe('Daan van der Berg');
    expect(fullName({ ...daan, preferred_name: '  ' })).toBe('Daniël van der Berg');
  });

  it('reads GraphQL (camelCase) names too', () => {
    expect(fullName({ givenName: 'Aya', infix: null, familyName: 'El Amrani' })).toBe(
      'Aya El Amrani',
    );
  });
});
