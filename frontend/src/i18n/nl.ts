/** Dutch: the app's first language. Every other language must have the same keys (see en.ts). */
export const nl = {
  app: {
    name: 'Zorgroute',
    skipToContent: 'Naar de inhoud',
    loading: 'Bezig met laden…',
    working: 'Bezig…',
  },
  nav: {
    label: 'Hoofdmenu',
    myGroups: 'Mijn groepen',
    groups: 'Groepen',
    students: 'Leerlingen',
  },
  shell: {
    school: 'School',
    logout: 'Uitloggen',
    otherLanguage: 'English',
    otherLanguageCode: 'en',
    signedInAs: 'Ingelogd als {{name}}',
  },
  roles: {
    teacher: 'docent',
    mentor: 'mentor',
    intern_begeleider: 'intern begeleider',
    zorgcoordinator: 'zorgcoördinator',
    hb_specialist: 'HB-specialist',
    team_leader: 'teamleider',
    school_leader: 'schoolleider',
    orthopedagoog: 'orthopedagoog',
    remedial_teacher: 'remedial teacher',
    school_social_worker: 'schoolmaatschappelijk werker',
    hb_coordinator: 'HB-coördinator',
    privacy_officer: 'privacyfunctionaris',
    external_partner: 'externe partner',
  },
  login: {
    title: 'Welkom bij Zorgroute',
    intro:
      'Zorgroute helpt je school om elke leerling te geven wat die nodig heeft: van signaleren in de klas tot de zorgroute met ouders, intern begeleider en samenwerkingsverband.',
    action: 'Inloggen',
    hint: 'Je logt in met je schoolaccount.',
    loggedOut: 'Je bent uitgelogd.',
    errors: {
      'account-not-provisioned':
        'Je account heeft nog geen toegang tot Zorgroute. Vraag de intern begeleider, zorgcoördinator of beheerder van je school om je toegang te geven.',
      unauthenticated: 'Inloggen is niet gelukt. Probeer het opnieuw.',
    },
  },
  noAccess: {
    title: 'Geen toegang',
    body: 'Je bent ingelogd als {{name}}, maar je hebt nog geen rol op een school in Zorgroute. Vraag de intern begeleider, zorgcoördinator of beheerder van je school om je toegang te geven.',
  },
  myGroups: {
    title: 'Mijn groepen',
    intro: 'De groepen waarvan je mentor of docent bent.',
    empty:
      'Je bent nog niet aan een groep gekoppeld. Die koppeling komt uit het leerlingvolgsysteem (LVS) van je school: vraag de LVS-beheerder om je als mentor of docent aan je groepen toe te voegen.',
    findStudent: 'Een leerling zoeken',
  },
  groups: {
    title: 'Groepen',
    intro: 'Alle groepen van {{school}}.',
    caption: 'Groepen van {{school}}',
    filter: 'Filter op groepsnaam',
    empty:
      'Deze school heeft nog geen groepen in Zorgroute. Groepen komen uit het leerlingvolgsysteem (LVS): vraag de LVS-beheerder om de koppeling aan te zetten.',
    noMatch: 'Geen groep gevonden met “{{query}}” in de naam.',
    columns: {
      name: 'Groep',
      kind: 'Soort',
      mentor: 'Mentor',
      students: 'Leerlingen',
    },
    kind: { homeroom: 'stamgroep', teaching_group: 'lesgroep' },
    studentCount_one: '{{count}} leerling',
    studentCount_other: '{{count}} leerlingen',
    noMentor: 'geen mentor',
    loadMore: 'Meer groepen laden',
  },
  group: {
    mentor: 'Mentor: {{names}}',
    noMentor: 'Deze groep heeft geen mentor.',
    teachers: 'Docenten',
    students: 'Leerlingen',
    studentsCaption: 'Leerlingen van {{group}}',
    empty: 'Er staan nog geen leerlingen in deze groep.',
    notYours:
      'Je ziet alleen leerlingen die je zelf lesgeeft of begeleidt. Vraag de mentor of intern begeleider als je een leerling mist.',
    subject: 'vak: {{subject}}',
    schoolYear: 'Schooljaar {{year}}',
    columns: { name: 'Naam', dateOfBirth: 'Geboortedatum' },
  },
  students: {
    title: 'Leerlingen',
    intro: 'Zoek een leerling op voornaam, roepnaam of achternaam.',
    introOwnGroups: 'Je vindt hier de leerlingen van je eigen groepen.',
    searchLabel: 'Zoek op naam',
    searchHint: 'Typ het begin van een naam, bijvoorbeeld “Vries” of “Emma”.',
    resultsCaption: 'Zoekresultaten',
    noResults:
      'Geen leerling gevonden waarvan de naam begint met “{{query}}”. Controleer de spelling of zoek op achternaam zonder tussenvoegsel.',
    start: 'Begin met typen om leerlingen te zoeken.',
    loadMore: 'Meer leerlingen laden',
  },
  student: {
    personal: 'Persoonsgegevens',
    guardians: 'Ouders en verzorgers',
    enrolments: 'Inschrijvingen',
    timeline: 'Tijdlijn',
    fields: {
      givenName: 'Voornaam',
      preferredName: 'Roepnaam',
      infix: 'Tussenvoegsel',
      familyName: 'Achternaam',
      dateOfBirth: 'Geboortedatum',
      eckId: 'ECK iD',
      school: 'School',
    },
    age_one: '{{count}} jaar',
    age_other: '{{count}} jaar',
    notRecorded: 'niet vastgelegd',
    parentalAuthority: 'heeft gezag',
    noParentalAuthority: 'geen gezag',
    noGuardians:
      'Er zijn geen ouders of verzorgers bekend. Die gegevens komen uit het LVS van de school.',
    noEnrolments: 'Deze leerling staat in geen enkele groep.',
    enrolmentPeriod: '{{from}} tot {{to}}',
    enrolmentFrom: 'vanaf {{from}}',
    relation: {
      mother: 'moeder',
      father: 'vader',
      parent: 'ouder',
      guardian: 'voogd',
      foster_parent: 'pleegouder',
      other: 'anders',
    },
    timelineEmpty:
      'Nog niets vastgelegd. Hier komen signaleringen, onderwijsbehoeften, plannen en zorgtrajecten van {{name}}, met datum en wie ze vastlegde.',
    edit: 'Gegevens corrigeren',
    editTitle: 'Gegevens corrigeren',
    editIntro:
      'Corrigeer alleen wat niet klopt. Het leerlingvolgsysteem blijft de bron: pas het daar ook aan, anders zet de volgende synchronisatie het terug.',
    save: 'Opslaan',
    cancel: 'Annuleren',
    saving: 'Opslaan…',
    saved: 'De gegevens zijn opgeslagen.',
    required: 'Vul dit veld in.',
    unsaved:
      'Je hebt wijzigingen die nog niet zijn opgeslagen. Weet je zeker dat je deze pagina wilt verlaten?',
    stay: 'Blijven',
    leave: 'Toch verlaten',
  },
  session: {
    expiredTitle: 'Je sessie is verlopen',
    expiredBody:
      'Je bent automatisch uitgelogd. Log opnieuw in; wat je hebt ingevuld blijft op deze pagina staan en je kunt daarna gewoon verder.',
    relogin: 'Opnieuw inloggen',
    later: 'Later',
    restored: 'Je bent weer ingelogd. Dit venster sluit vanzelf.',
  },
  problems: {
    title: 'Dat lukte niet',
    network:
      'Zorgroute is niet bereikbaar. Controleer je internetverbinding en probeer het opnieuw.',
    forbidden:
      'Je hebt hiervoor geen toegang. Denk je dat dit niet klopt? Vraag je teamleider of de beheerder van je school.',
    csrf: 'Je sessie is niet meer geldig. Ververs de pagina en probeer het opnieuw.',
    notFound: 'Dit bestaat niet (meer), of je hebt er geen toegang toe.',
    versionMismatch:
      'Iemand anders heeft deze gegevens net gewijzigd. Je ziet nu de nieuwe versie; voer je wijziging opnieuw in.',
    validation: 'Niet alles is goed ingevuld. Controleer de gemarkeerde velden.',
    rateLimited: 'Je doet te veel verzoeken tegelijk. Wacht even en probeer het opnieuw.',
    server:
      'Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw. Blijft het misgaan, meld het dan met de foutcode.',
    unavailable: 'Zorgroute is even niet beschikbaar. Probeer het over een paar minuten opnieuw.',
    generic: 'Er ging iets mis. Probeer het opnieuw.',
    traceId: 'Foutcode: {{id}}',
    retry: 'Opnieuw proberen',
  },
  notFound: {
    title: 'Niet gevonden',
    student:
      'Deze leerling bestaat niet, of je hebt geen toegang tot de gegevens. Zoek de leerling op naam of vraag de mentor.',
    group: 'Deze groep bestaat niet, of je hebt er geen toegang toe.',
    page: 'Deze pagina bestaat niet. Misschien is de link oud of verkeerd overgenomen.',
    school: 'Deze school bestaat niet, of je hebt er geen toegang toe.',
    home: 'Naar de startpagina',
  },
};

type Leaves<T> = { [K in keyof T]: T[K] extends string ? string : Leaves<T[K]> };
export type Messages = Leaves<typeof nl>;
