import type { Messages } from './nl';

/** English: the second language; the compiler keeps its keys equal to the Dutch ones. */
export const en: Messages = {
  app: {
    name: 'Zorgroute',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    working: 'Working…',
  },
  nav: { label: 'Main menu', myGroups: 'My groups', groups: 'Groups', students: 'Students' },
  shell: {
    school: 'School',
    logout: 'Log out',
    otherLanguage: 'Nederlands',
    otherLanguageCode: 'nl',
    signedInAs: 'Signed in as {{name}}',
  },
  roles: {
    teacher: 'teacher',
    mentor: 'mentor',
    intern_begeleider: 'special needs coordinator (IB)',
    zorgcoordinator: 'care coordinator',
    hb_specialist: 'giftedness specialist',
    team_leader: 'team leader',
    school_leader: 'head of school',
  },
  login: {
    title: 'Welcome to Zorgroute',
    intro:
      "Zorgroute helps your school give every student what they need: from noticing in class to the school's care route with parents, care staff and the regional partnership.",
    action: 'Log in',
    hint: 'You log in with your school account.',
    loggedOut: 'You are logged out.',
    errors: {
      'account-not-provisioned':
        "Your account has no access to Zorgroute yet. Ask your school's care coordinator or administrator to give you access.",
      unauthenticated: 'Logging in failed. Please try again.',
    },
  },
  noAccess: {
    title: 'No access',
    body: "You are signed in as {{name}}, but you have no role at a school in Zorgroute yet. Ask your school's care coordinator or administrator to give you access.",
  },
  myGroups: {
    title: 'My groups',
    intro: 'The groups you are mentor or teacher of.',
    empty:
      "You are not linked to any group yet. That link comes from your school's student information system (LVS): ask its administrator to add you as mentor or teacher.",
    findStudent: 'Find a student',
  },
  groups: {
    title: 'Groups',
    intro: 'All groups of {{school}}.',
    caption: 'Groups of {{school}}',
    filter: 'Filter by group name',
    empty:
      'This school has no groups in Zorgroute yet. Groups come from the student information system (LVS): ask its administrator to switch on the link.',
    noMatch: 'No group with “{{query}}” in its name.',
    columns: { name: 'Group', kind: 'Kind', mentor: 'Mentor', students: 'Students' },
    kind: { homeroom: 'homeroom', teaching_group: 'teaching group' },
    studentCount_one: '{{count}} student',
    studentCount_other: '{{count}} students',
    noMentor: 'no mentor',
    loadMore: 'Load more groups',
  },
  group: {
    mentor: 'Mentor: {{names}}',
    noMentor: 'This group has no mentor.',
    teachers: 'Teachers',
    students: 'Students',
    studentsCaption: 'Students of {{group}}',
    empty: 'There are no students in this group yet.',
    notYours:
      'You only see students you teach or mentor. Ask the mentor or care coordinator if a student is missing.',
    subject: 'subject: {{subject}}',
    schoolYear: 'School year {{year}}',
    columns: { name: 'Name', dateOfBirth: 'Date of birth' },
  },
  students: {
    title: 'Students',
    intro: 'Find a student by first, preferred or family name.',
    introOwnGroups: 'You find the students of your own groups here.',
    searchLabel: 'Search by name',
    searchHint: 'Type the start of a name, e.g. “Vries” or “Emma”.',
    resultsCaption: 'Search results',
    noResults:
      'No student whose name starts with “{{query}}”. Check the spelling or search by family name without its prefix.',
    start: 'Start typing to find students.',
    loadMore: 'Load more students',
  },
  student: {
    personal: 'Personal details',
    guardians: 'Parents and carers',
    enrolments: 'Enrolments',
    timeline: 'Timeline',
    fields: {
      givenName: 'First name',
      preferredName: 'Preferred name',
      infix: 'Name prefix',
      familyName: 'Family name',
      dateOfBirth: 'Date of birth',
      eckId: 'ECK iD',
      school: 'School',
    },
    age_one: '{{count}} year old',
    age_other: '{{count}} years old',
    notRecorded: 'not recorded',
    parentalAuthority: 'has parental authority',
    noParentalAuthority: 'no parental authority',
    noGuardians: "No parents or carers are known. They come from the school's LVS.",
    noEnrolments: 'This student is in no group.',
    enrolmentPeriod: '{{from}} to {{to}}',
    enrolmentFrom: 'from {{from}}',
    relation: {
      mother: 'mother',
      father: 'father',
      parent: 'parent',
      guardian: 'guardian',
      foster_parent: 'foster parent',
      other: 'other',
    },
    timelineEmpty:
      'Nothing recorded yet. Signals, educational needs, plans and care cases of {{name}} will appear here, with their date and who recorded them.',
    edit: 'Correct details',
    editTitle: 'Correct details',
    editIntro:
      'Correct only what is wrong. The student information system stays the source: change it there too, or the next sync puts it back.',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Saving…',
    saved: 'The details are saved.',
    required: 'Fill in this field.',
    unsaved: 'You have changes that are not saved. Are you sure you want to leave this page?',
    stay: 'Stay',
    leave: 'Leave anyway',
  },
  session: {
    expiredTitle: 'Your session has expired',
    expiredBody:
      'You were logged out automatically. Log in again; what you filled in stays on this page and you can carry on afterwards.',
    relogin: 'Log in again',
    later: 'Later',
    restored: 'You are logged in again. This window closes by itself.',
  },
  problems: {
    title: 'That did not work',
    network: 'Zorgroute cannot be reached. Check your internet connection and try again.',
    forbidden:
      "You have no access to this. If you think that is wrong, ask your team leader or your school's administrator.",
    csrf: 'Your session is no longer valid. Reload the page and try again.',
    notFound: 'This does not exist (any more), or you have no access to it.',
    versionMismatch:
      'Someone else just changed these details. You now see the new version; enter your change again.',
    validation: 'Not everything is filled in correctly. Check the marked fields.',
    rateLimited: 'Too many requests at once. Wait a moment and try again.',
    server:
      'Something went wrong on our side. Try again in a few minutes. If it keeps happening, report it with the error code.',
    unavailable: 'Zorgroute is briefly unavailable. Try again in a few minutes.',
    generic: 'Something went wrong. Please try again.',
    traceId: 'Error code: {{id}}',
    retry: 'Try again',
  },
  notFound: {
    title: 'Not found',
    student:
      'This student does not exist, or you have no access to their details. Search by name or ask the mentor.',
    group: 'This group does not exist, or you have no access to it.',
    page: 'This page does not exist. Perhaps the link is old or was copied wrongly.',
    school: 'This school does not exist, or you have no access to it.',
    home: 'Go to the start page',
  },
};
