import {
  mayCheckChoiceHours,
  mayEditChoicePolicy,
  mayEditRoster,
  mayLeadCycle,
  mayPlanCareMeetings,
  mayRecordMeasurements,
  mayWriteGifted,
  mayWriteOpp,
  sectionsFor,
} from './roles';

describe('what a role may use', () => {
  it('gives mentors and teachers their own groups first', () => {
    expect(sectionsFor(['mentor'])).toEqual(['myGroups', 'students', 'care', 'choiceHours']);
    expect(sectionsFor(['teacher'])).toEqual(['myGroups', 'students', 'care', 'choiceHours']);
  });

  it('gives care and leadership roles the whole school', () => {
    expect(sectionsFor(['team_leader'])).toEqual([
      'groups',
      'students',
      'care',
      'gifted',
      'offerings',
      'choiceHours',
    ]);
    expect(sectionsFor(['mentor', 'zorgcoordinator'])).toEqual([
      'myGroups',
      'groups',
      'students',
      'care',
      'gifted',
      'offerings',
      'choiceHours',
    ]);
  });

  it('offers nothing without a role (deny by default)', () => {
    expect(sectionsFor([])).toEqual([]);
    expect(sectionsFor(['unknown_role'])).toEqual(['students']);
    expect(mayEditRoster(['unknown_role'])).toBe(false);
  });

  it('lets only the roles the API allows correct roster details', () => {
    expect(mayEditRoster(['mentor', 'teacher', 'hb_specialist'])).toBe(false);
    expect(mayEditRoster(['intern_begeleider'])).toBe(true);
    expect(mayEditRoster(['school_leader'])).toBe(true);
  });
});

describe('care-team and privacy roles', () => {
  it('gives care-team members the whole school, and the privacy officer only the search', () => {
    expect(sectionsFor(['orthopedagoog'])).toEqual(['groups', 'students', 'care', 'choiceHours']);
    expect(sectionsFor(['privacy_officer'])).toEqual(['students']);
    expect(sectionsFor(['external_partner'])).toEqual(['students']);
  });
});

describe('who leads the HGW cycle', () => {
  it('offers starting a cycle to mentors and care leads, not to teachers or leadership', () => {
    expect(mayLeadCycle(['mentor'])).toBe(true);
    expect(mayLeadCycle(['intern_begeleider'])).toBe(true);
    expect(mayLeadCycle(['teacher'])).toBe(false);
    expect(mayLeadCycle(['team_leader', 'remedial_teacher'])).toBe(false);
  });
});

describe('who writes the OPP', () => {
  it('offers recording extra support to mentors and care leads, not to teachers or leadership', () => {
    expect(mayWriteOpp(['mentor'])).toBe(true);
    expect(mayWriteOpp(['zorgcoordinator'])).toBe(true);
    expect(mayWriteOpp(['orthopedagoog'])).toBe(true);
    expect(mayWriteOpp(['teacher', 'hb_specialist'])).toBe(false);
    expect(mayWriteOpp(['team_leader', 'school_social_worker'])).toBe(false);
  });
});

describe('the care menu (Zorg)', () => {
  it('is for care, HB and leadership roles, and for mentors and teachers (their students)', () => {
    expect(sectionsFor(['hb_coordinator'])).toContain('care');
    expect(sectionsFor(['school_leader'])).toContain('care');
    expect(sectionsFor(['mentor'])).toContain('care');
    expect(sectionsFor(['teacher'])).toContain('care');
    expect(sectionsFor(['privacy_officer'])).not.toContain('care');
    expect(sectionsFor(['external_partner'])).not.toContain('care');
  });

  it('lets only care, HB and leadership roles plan care meetings', () => {
    expect(mayPlanCareMeetings(['zorgcoordinator'])).toBe(true);
    expect(mayPlanCareMeetings(['intern_begeleider'])).toBe(true);
    expect(mayPlanCareMeetings(['mentor', 'teacher'])).toBe(false);
  });
});

describe('gifted education (Begaafdheid, Keuze-uren)', () => {
  it('offers the HB overview to HB, care leads and leadership, not to mentors or the care team', () => {
    for (const role of [
      'hb_specialist',
      'hb_coordinator',
      'intern_begeleider',
      'zorgcoordinator',
      'team_leader',
      'school_leader',
    ])
      expect(sectionsFor([role])).toContain('gifted');
    for (const role of ['mentor', 'teacher', 'orthopedagoog', 'privacy_officer'])
      expect(sectionsFor([role])).not.toContain('gifted');
  });

  it('offers keuze-uren to every staff role but the privacy officer and external partners', () => {
    expect(sectionsFor(['teacher'])).toContain('choiceHours');
    expect(sectionsFor(['school_social_worker'])).toContain('choiceHours');
    expect(sectionsFor(['privacy_officer'])).not.toContain('choiceHours');
    expect(sectionsFor(['external_partner'])).not.toContain('choiceHours');
  });

  it('lets HB staff and leadership set the policy, HB staff and mentors check', () => {
    expect(mayEditChoicePolicy(['hb_specialist'])).toBe(true);
    expect(mayEditChoicePolicy(['school_leader'])).toBe(true);
    expect(mayEditChoicePolicy(['mentor', 'intern_begeleider'])).toBe(false);
    expect(mayCheckChoiceHours(['mentor'])).toBe(true);
    expect(mayCheckChoiceHours(['teacher'])).toBe(false);
    expect(mayWriteGifted(['teacher'])).toBe(true);
    expect(mayWriteGifted(['team_leader', 'privacy_officer'])).toBe(false);
    expect(mayRecordMeasurements(['hb_specialist'])).toBe(true);
    expect(mayRecordMeasurements(['mentor', 'teacher'])).toBe(false);
  });
});

describe('the offerings catalogue (HB-aanbod)', () => {
  it('is in the menu of those who record offerings and run the committees', () => {
    for (const role of ['hb_specialist', 'intern_begeleider', 'zorgcoordinator', 'school_leader'])
      expect(sectionsFor([role])).toContain('offerings');
    for (const role of ['mentor', 'teacher', 'orthopedagoog', 'privacy_officer'])
      expect(sectionsFor([role])).not.toContain('offerings');
  });
});
