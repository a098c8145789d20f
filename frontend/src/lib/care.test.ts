import { labelInWords } from './care';

describe('a missing guard in words', () => {
  const words = (p: string) => (p === 'register_zat' ? 'aanmelden bij het ZAT' : null);

  it('says the parameter the API labels with its code in words', () => {
    expect(
      labelInWords(
        { code: 'consent:register_zat', label: 'De toestemming is vastgelegd (register_zat)' },
        words,
      ),
    ).toBe('De toestemming is vastgelegd (aanmelden bij het ZAT)');
  });

  it('keeps the API label without a parameter, or one it has no words for', () => {
    expect(
      labelInWords({ code: 'evaluation_date', label: 'Er is een evaluatiedatum' }, words),
    ).toBe('Er is een evaluatiedatum');
    expect(
      labelInWords({ code: 'consent:new_purpose', label: 'Toestemming (new_purpose)' }, words),
    ).toBe('Toestemming (new_purpose)');
  });
});
