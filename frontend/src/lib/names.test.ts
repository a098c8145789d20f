import { compareNames, fullName, initials, listName, shortName } from './names';

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
    expect(initials(emma)).toBe('EV');
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

  it('sorts on the family name, ignoring the tussenvoegsel', () => {
    const names = [
      emma,
      { given_name: 'Noah', family_name: 'Bakker' },
      daan,
      { given_name: 'Sem', infix: 'van', family_name: 'Dijk' },
      { given_name: 'Zoë', family_name: 'Ödegaard' },
    ];
    expect(names.sort(compareNames).map(listName)).toEqual([
      'Bakker, Noah',
      'Berg, Daan van der',
      'Dijk, Sem van',
      'Ödegaard, Zoë',
      'Vries, Emma de',
    ]);
  });

  it('orders equal family names by first name, then tussenvoegsel', () => {
    const a = { given_name: 'Anna', infix: 'van', family_name: 'Dam' };
    const b = { given_name: 'Anna', family_name: 'Dam' };
    const c = { given_name: 'Bram', family_name: 'Dam' };
    expect([c, a, b].sort(compareNames).map(fullName)).toEqual([
      'Anna Dam',
      'Anna van Dam',
      'Bram Dam',
    ]);
  });
});
