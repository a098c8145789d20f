# ruff: noqa: E501 -- the instruments' wording is kept on one line per item, verbatim.
"""The gifted-education vocabulary, from the seeds (001: Tools thema 4; 004: IMAGE), with the
Dutch labels the screens show. Codes are English; the order is the source's order."""

from __future__ import annotations

# Observatie-instrument onderwijsaanbod buiten de klas (001:392-517): 14 skills, scored
# 1 (niet zichtbaar) .. 5 (volledig zichtbaar), each with the instrument's guiding question.
OBSERVATION_SKILLS: tuple[tuple[str, str, str], ...] = (
    ("task_initiation", "Taakinitiatie", "Start de leerling zelfstandig met een taak zonder uitstel?"),
    ("sustained_attention", "Volgehouden aandacht", "Kan de leerling geconcentreerd blijven werken, ook bij langere en/of minder interessante taken?"),
    ("goal_directed", "Doelgericht gedrag", "Werkt de leerling doelbewust naar een eindresultaat toe?"),
    ("flexibility", "Flexibiliteit", "Kan de leerling met veranderingen, andere invalshoeken of onverwachte situaties omgaan?"),
    ("emotion_regulation", "Emotieregulatie", "Kan de leerling zijn emoties onder controle houden tijdens het (samen)werken of in andere aan school gebonden situaties?"),
    ("response_inhibition", "Reactie-inhibitie", "Kan de leerling impulsen onderdrukken en eerst nadenken voor hij handelt?"),
    ("metacognition", "Metacognitie", "Leert de leerling van zijn eigen fouten en is hij in staat op zijn eigen werk te reflecteren?"),
    ("working_memory", "(Werk)geheugen", "Onthoudt de leerling instructies en informatie om zijn taak te maken en af te ronden?"),
    ("time_management", "Timemanagement", "Deelt de leerling zijn tijd efficiënt in?"),
    ("organisation", "Organisatie", "Houdt de leerling materialen en werk overzichtelijk op orde?"),
    ("planning", "Planning/prioritering", "Plant de leerling zijn werk en weet hij wat eerst moet?"),
    ("fixed_mindset", "Vaste mindset", "Heeft de leerling moeite met het maken van fouten of uitdagingen?"),
    ("growth_mindset", "Groeimindset", "Ziet de leerling moeite doen als iets positiefs en durft hij te leren van fouten?"),
    ("collaboration", "Samenwerken", "Kan de leerling effectief samenwerken, luisteren en bijdragen aan een groepsopdracht?"),
)  # fmt: skip
SKILL_CODES = tuple(code for code, _, _ in OBSERVATION_SKILLS)
# A high score on "vaste mindset" means more difficulty with mistakes: never sum it naively.
REVERSE_SCORED = frozenset({"fixed_mindset"})

# "Aanbeveling op basis van observaties" (001:509-515): an escalation ladder, one choice.
RECOMMENDATIONS: tuple[tuple[str, str], ...] = (
    ("none", "Geen aanvullende begeleiding nodig op dit moment"),
    ("challenge_in_class", "Uitdaging in de klas bieden, wel in de gaten houden"),
    ("specialist_observation", "Extra observatie van de specialist (hoog)begaafdheid nodig"),
    ("individual_guidance", "Aanmelden voor individuele begeleiding"),
    ("group_offering", "Aanmelden voor onderwijsaanbod in groepssetting buiten de klas of groep"),
)
RECOMMENDATION_CODES = tuple(code for code, _ in RECOMMENDATIONS)

# "Executieve vaardigheden - doen en denken" (001:538-606): the 11 skills of the student's
# self-assessment "Jij en jouw executieve vaardigheden" (001:607-643), same codes as above.
SELF_ASSESSMENT_SKILLS: tuple[tuple[str, str, str], ...] = (
    ("response_inhibition", "doen", "Respons inhibitie"),
    ("emotion_regulation", "doen", "Emotieregulatie"),
    ("sustained_attention", "doen", "Volgehouden aandacht"),
    ("task_initiation", "doen", "Taakinitiatie"),
    ("goal_directed", "doen", "Doelgericht gedrag"),
    ("flexibility", "doen", "Flexibiliteit"),
    ("working_memory", "denken", "Werkgeheugen"),
    ("planning", "denken", "Planning / prioritering"),
    ("organisation", "denken", "Organisatie"),
    ("time_management", "denken", "Timemanagement"),
    ("metacognition", "denken", "Metacognitie"),
)
SELF_ASSESSMENT_CATEGORY = {code: category for code, category, _ in SELF_ASSESSMENT_SKILLS}

# Behoefte van de leerling en inhoud van het onderwijsaanbod buiten de groep (001:354-389).
INTAKE_QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "student": (
        ("s1", "Wat is belangrijk om te leren?"),
        ("s2", "Waar loop je tegenaan in de reguliere lessen?"),
        ("s3", "Wat heb je nodig om tot leren te komen?"),
        ("s4", "Wat vind je leuk om te doen of leren buiten school?"),
        ("s5", "Met wie werk je graag samen, of werk je liever alleen?"),
    ),
    "teacher": (
        ("t1", "Welke vaardigheden moet de leerling beheersen om zelfstandig met het compacte of verrijkte aanbod om te gaan?"),
        ("t2", "Wat heb je nodig om de overgang tussen het aanbod buiten en binnen de groep of klas te ondersteunen?"),
        ("t3", "Wat vindt de leerling lastig om op te pakken?"),
        ("t4", "Sociale vaardigheden: waar zie je de leerling moeite mee hebben?"),
        ("t5", "Welke signalen geven aan dat een leerling zich verveelt of onderpresteert?"),
    ),
    "parents": (
        ("p1", "Tegen welke moeilijkheden loopt uw kind thuis aan bij huiswerk?"),
        ("p2", "Wanneer voelt uw kind zich goed op school en heeft het het gevoel dat het leert?"),
        ("p3", "Wat merkt u als uw kind zich wel of niet uitgedaagd voelt?"),
        ("p4", "Wat heeft uw kind nodig op sociaal en/of emotioneel gebied?"),
    ),
}  # fmt: skip
INFORMANTS = tuple(INTAKE_QUESTIONS)

# Onderwijsaanbod (001, 004): what a school or the region offers.
OFFERING_TYPES: tuple[tuple[str, str], ...] = (
    ("differentiation_in_class", "Differentiatie in de klas"),
    ("compacting", "Compacten"),
    ("enrichment", "Verrijken"),
    ("broadening", "Verbreden"),
    ("deepening", "Verdiepen"),
    ("acceleration", "Versnellen"),
    ("plusklas", "Plusklas"),
    ("enrichment_module", "Verrijkingsmodule"),
    ("individual_programme", "Individueel verrijkingsprogramma"),
    ("individual_coaching", "Individuele begeleiding (coaching)"),
    ("project", "Project"),
    ("choice_hours", "Keuze-uren"),
    ("peer_group_part_time", "Peergrouponderwijs (deeltijd)"),
    ("peer_group_full_time", "Voltijds peergrouponderwijs"),
    ("intermediate_provision", "Tussenvoorziening"),
    ("other", "Anders"),
)
OFFERING_TYPE_CODES = tuple(code for code, _ in OFFERING_TYPES)
# Placements that take the student out of the home school need stamschool agreements (001:895-920).
PLACEMENT_TYPES = frozenset({"peer_group_full_time", "intermediate_provision"})
SETTINGS = ("own_class", "separate_group", "other_school")
DURATIONS = ("short_programme", "whole_year")  # IMAGE: a whole year did more (004:95-98)
APPLICATION_ROUTES = ("parents", "intern_begeleider", "swv")  # aanmeldroute (001:966-967)

# IMAGE's student constructs (004:69-102), measured repeatedly (T0, T1, ...) on a 1-5 scale.
CONSTRUCTS: tuple[tuple[str, str], ...] = (
    ("experienced_challenge", "Ervaren uitdaging"),
    ("need_for_challenge", "Behoefte aan cognitieve uitdaging"),
    ("boredom", "Verveling"),
    ("bond_with_classmates", "Band met klasgenoten"),
    ("intrinsic_motivation", "Intrinsieke motivatie"),
    ("sense_of_competence", "Competentiebeleving"),
    ("enjoyment_of_school", "Plezier op school"),
    ("self_regulated_planning", "Zelfregulerend leren: plannen"),
    ("self_confidence", "Zelfvertrouwen"),
    ("creativity", "Creativiteit"),
)
CONSTRUCT_CODES = tuple(code for code, _ in CONSTRUCTS)
# More boredom is worse: a summary over constructs counts its change the other way round.
REVERSED_CONSTRUCTS = frozenset({"boredom"})

# Overlegstructuur leraar-leerling (001:162-327): seven phases, in this order.
GUIDANCE_PHASES: tuple[tuple[str, str], ...] = (
    ("preparation", "Voorbereiding en doelbepaling"),
    ("kickoff", "Gezamenlijk startgesprek"),
    ("content", "Afstemmen van leerinhouden"),
    ("responsibilities", "Verantwoordelijkheden vastleggen"),
    ("monitoring", "Monitoring en bijstelling"),
    ("handover", "Overdracht en continuïteit"),
    ("reflection", "Reflectie en afronding"),
)
GUIDANCE_PHASE_CODES = tuple(code for code, _ in GUIDANCE_PHASES)
DIFFERENTIATION = ("extra_challenge", "deepening_tasks", "repetition", "support")  # 001:195-196
STAGNATION_CAUSES = ("content", "approach", "other_circumstances")  # 001:219-220

# Keuze-uren (001:675-690): what a swapped lesson hour may be used for.
CHOICE_ACTIVITIES = ("other_lesson", "acceleration", "deepening", "broadening", "project", "other")
