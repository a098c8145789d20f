import { ageOn, formatDate, formatShortDate } from './dates';

describe('dates', () => {
  it('writes dates the Dutch way, without a time zone shift', () => {
    expect(formatDate('2014-03-02')).toBe('2 maart 2014');
    expect(formatShortDate('2014-03-02')).toBe('02-03-2014');
    expect(formatDate('2014-03-02', 'en')).toBe('2 March 2014');
  });

  it('counts age in whole years, birthday included', () => {
    expect(ageOn('2014-03-02', new Date(2026, 2, 1))).toBe(11);
    expect(ageOn('2014-03-02', new Date(2026, 2, 2))).toBe(12);
    expect(ageOn('2014-12-31', new Date(2026, 11, 30))).toBe(11);
  });
});
