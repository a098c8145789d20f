# ruff: noqa: RUF001  (Turkish names legitimately contain the dotless i, U+0131)
"""Name lists for the deterministic demo data set.

Everything here is plain data: the generator in :mod:`zorgroute.demo.dataset` draws from
these lists with a seeded :class:`random.Random`, so the order of every list matters for
reproducibility. Append new names at the end of a list rather than inserting them.

Family names are stored as ``(tussenvoegsel, achternaam)`` pairs, the way Dutch student
administrations (ParnasSys, Magister, Somtoday) keep them: ``("van der", "Berg")`` sorts under
"B". Names are grouped by background so that a generated family gets a coherent combination of
family name and given names, while children of every background also regularly get "Dutch"
names (Noah, Sara, Adam, Lina …), as they do in practice.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

FamilyName = tuple[str, str]
"""``(tussenvoegsel, achternaam)``; the tussenvoegsel is ``""`` when there is none."""


@dataclass(frozen=True)
class Background:
    """A coherent pool of family and given names."""

    key: str
    weight: int
    family_names: tuple[FamilyName, ...]
    girl_names: tuple[str, ...]
    boy_names: tuple[str, ...]
    adult_female_names: tuple[str, ...]
    adult_male_names: tuple[str, ...]


# --------------------------------------------------------------------------------------------
# Dutch ("nl"): modern children's names (born 2010-2021) and adults born 1965-1995.
# --------------------------------------------------------------------------------------------

_NL_GIRLS: tuple[str, ...] = (
    "Emma", "Julia", "Tess", "Saar", "Mila", "Zoë", "Sophie", "Anna", "Evi", "Lotte",
    "Noor", "Fenna", "Liv", "Sara", "Nora", "Lieke", "Fleur", "Eva", "Isa", "Roos",
    "Lisa", "Yara", "Nina", "Lynn", "Maud", "Sanne", "Femke", "Jasmijn", "Floor", "Elin",
    "Puck", "Loïs", "Iris", "Esmee", "Hailey", "Veerle", "Vera", "Lana", "Luna", "Sofie",
    "Hannah", "Amber", "Feline", "Indy", "Elise", "Merel", "Ivy", "Olivia", "Anne", "Fien",
    "Jill", "Romy", "Mara", "Liz", "Nova", "Jente", "Ilse", "Lize", "Guusje", "Benthe",
)  # fmt: skip

_NL_BOYS: tuple[str, ...] = (
    "Noah", "Sem", "Daan", "Levi", "Lucas", "Finn", "Luuk", "Milan", "Bram", "Jesse",
    "Thijs", "Liam", "Mees", "Thomas", "Sam", "Max", "Adam", "Jayden", "Julian", "Ruben",
    "Tijn", "Siem", "Gijs", "Lars", "Stijn", "Teun", "Hugo", "Jens", "Mats", "Boaz",
    "Tim", "Ties", "Dex", "Guus", "Jurre", "Olivier", "Morris", "Floris", "Jan", "Niels",
    "Owen", "Vince", "Dean", "Mason", "Otis", "Cas", "Koen", "Jelle", "Joep", "Kyan",
    "Pepijn", "Wessel", "Rens", "Sven", "Job", "Jip", "Ravi", "Xavi", "Loek", "Hidde",
)  # fmt: skip

_NL_ADULT_FEMALE: tuple[str, ...] = (
    "Marieke", "Sandra", "Esther", "Linda", "Monique", "Petra", "Anouk", "Manon", "Nicole",
    "Marloes", "Ilse", "Femke", "Sanne", "Kim", "Iris", "Wendy", "Mirjam", "Ingrid",
    "Annemieke", "Judith", "Karin", "Saskia", "Ellen", "Martine", "Jolanda", "Chantal",
    "Miranda", "Suzanne", "Marjolein", "Inge", "Daniëlle", "Lisette", "Astrid", "Bianca",
    "Eline", "Laura", "Renske", "Anne", "Marleen", "Evelien", "Hanneke", "Yvonne", "Anke",
    "Carlijn", "Floortje", "Maaike", "Nienke", "Roos", "Charlotte", "Jacqueline",
)  # fmt: skip

_NL_ADULT_MALE: tuple[str, ...] = (
    "Jeroen", "Mark", "Martijn", "Bas", "Dennis", "Rob", "Erik", "Sander", "Jasper", "Niels",
    "Marco", "Peter", "Paul", "Arjen", "Michiel", "Wouter", "Maarten", "Joost", "Ruud",
    "Edwin", "Patrick", "Rick", "Tom", "Frank", "Hans", "Vincent", "Bart", "Remco",
    "Gert-Jan", "Pieter", "Roel", "Thijs", "Koen", "Stefan", "Jan-Willem", "Marcel",
    "Ronald", "Richard", "Tim", "Gerben", "Hendrik", "Jochem", "Lennart", "Wim", "Arnoud",
    "Erwin", "Sjoerd", "Timo", "Ivo", "Menno",
)  # fmt: skip

_NL_FAMILIES: tuple[FamilyName, ...] = (
    ("de", "Vries"), ("van", "Dijk"), ("van der", "Berg"), ("", "Jansen"), ("", "Bakker"),
    ("de", "Jong"), ("van den", "Heuvel"), ("", "Visser"), ("ter", "Horst"), ("", "Mulder"),
    ("", "Smit"), ("", "Meijer"), ("van", "Leeuwen"), ("", "Bos"), ("", "Hoekstra"),
    ("in 't", "Veld"), ("", "Janssen"), ("de", "Boer"), ("de", "Groot"), ("", "Vos"),
    ("", "Peters"), ("", "Hendriks"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"),
    ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"),
    ("van der", "Linden"), ("", "Kok"), ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"),
    ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"), ("van der", "Heijden"),
    ("", "Schouten"), ("van", "Beek"), ("", "Willems"), ("van", "Vliet"), ("van de", "Ven"),
    ("", "Maas"), ("", "Verhoeven"), ("", "Koster"), ("van", "Dam"), ("van der", "Wal"),
    ("", "Prins"), ("", "Blom"), ("", "Huisman"), ("de", "Jonge"), ("", "Kuipers"),
    ("", "Post"), ("", "Veenstra"), ("", "Kramer"), ("van den", "Brink"), ("", "Scholten"),
    ("van", "Wijk"), ("", "Postma"), ("", "Vink"), ("de", "Ruiter"), ("van 't", "Hof"),
    ("ten", "Cate"), ("ter", "Haar"), ("van", "Os"), ("", "Timmermans"), ("", "Groen"),
    ("", "Gerritsen"), ("", "Bosman"), ("", "Wouters"), ("van", "Rijn"), ("", "Evers"),
    ("van", "Zanten"), ("van", "Maurik"), ("de", "Kruijf"), ("van", "Tuil"), ("", "Verwoerd"),
    ("van", "Ommeren"), ("", "Kalkman"), ("op den", "Kamp"), ("", "Hermsen"),
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# Other backgrounds reflecting the Dutch population.
# --------------------------------------------------------------------------------------------

_MOROCCAN = Background(
    key="ma",
    weight=14,
    family_names=(
        ("", "El Amrani"), ("", "El Idrissi"), ("", "Benali"), ("", "Bouzid"), ("", "Amrani"),
        ("", "El Khatib"), ("", "Haddouchi"), ("", "Ouali"), ("", "Boukhari"), ("", "Azzouzi"),
        ("", "Ait Taleb"), ("", "Chaouki"), ("", "Bakkali"), ("", "Tahiri"), ("", "Ziani"),
    ),
    girl_names=(
        "Aya", "Nour", "Fatima", "Amira", "Yasmina", "Malak", "Inaya", "Hiba", "Lina",
        "Salma", "Imane", "Rania", "Safae", "Dounia", "Maryam",
    ),
    boy_names=(
        "Mohammed", "Yusuf", "Rayan", "Ayoub", "Zakaria", "Bilal", "Amin", "Ilyas", "Anas",
        "Yassin", "Youssef", "Ibrahim", "Mohamed", "Hamza", "Imran",
    ),
    adult_female_names=(
        "Fatima", "Khadija", "Naima", "Malika", "Samira", "Karima", "Hafsa", "Latifa",
        "Loubna", "Siham", "Nadia", "Ilham",
    ),
    adult_male_names=(
        "Mohamed", "Abdelkader", "Rachid", "Mustafa", "Karim", "Hassan", "Said", "Khalid",
        "Youssef", "Mourad", "Driss", "Nordin",
    ),
)  # fmt: skip

_TURKISH = Background(
    key="tr",
    weight=12,
    family_names=(
        ("", "Yılmaz"), ("", "Öztürk"), ("", "Kaya"), ("", "Demir"), ("", "Şahin"),
        ("", "Çelik"), ("", "Arslan"), ("", "Doğan"), ("", "Aydın"), ("", "Koç"),
        ("", "Kılıç"), ("", "Güler"),
    ),
    girl_names=(
        "Elif", "Zeynep", "Ecrin", "Defne", "Azra", "Eylül", "Ayşe", "Esma", "Hira", "Melek",
        "Asya", "Nisa",
    ),
    boy_names=(
        "Mehmet", "Yusuf", "Emir", "Kerem", "Eymen", "Ömer", "Mustafa", "Ali", "Burak", "Efe",
        "Alp", "Miraç",
    ),
    adult_female_names=(
        "Fatma", "Ayşe", "Emine", "Hatice", "Songül", "Derya", "Esra", "Hülya", "Gül",
        "Özlem", "Sevgi", "Tuba",
    ),
    adult_male_names=(
        "Ahmet", "Mehmet", "Hasan", "Hüseyin", "İbrahim", "Murat", "Kemal", "Serkan", "Osman",
        "Erkan", "Volkan", "Cem",
    ),
)  # fmt: skip

_SURINAMESE_ANTILLEAN = Background(
    key="sr",
    weight=8,
    family_names=(
        ("", "Pinas"), ("", "Wijngaarde"), ("", "Sedney"), ("", "Zeegelaar"), ("", "Rozendal"),
        ("", "Martina"), ("", "Doelwijt"), ("", "Kromodimedjo"), ("", "Statia"),
        ("", "Kasanpawiro"),
    ),
    girl_names=(
        "Jayda", "Shanaya", "Naomi", "Kimora", "Jaylinn", "Zoë", "Ashley", "Aaliyah",
        "Chayenne", "Amaya",
    ),
    boy_names=(
        "Jayden", "Dylan", "Jaylano", "Nathan", "Xavi", "Quincy", "Shane", "Damian",
        "Darnell", "Kenzo",
    ),
    adult_female_names=(
        "Sharon", "Natascha", "Priscilla", "Jennifer", "Chantal", "Melissa", "Angelique",
        "Romina",
    ),
    adult_male_names=(
        "Ricardo", "Clarence", "Roy", "Marvin", "Orlando", "Errol", "Dennis", "Glenn",
    ),
)  # fmt: skip

_HINDUSTANI_INDIAN = Background(
    key="hi",
    weight=6,
    family_names=(
        ("", "Ramdin"), ("", "Jagessar"), ("", "Baldewsingh"), ("", "Sewnath"), ("", "Sharma"),
        ("", "Patel"), ("", "Iyer"), ("", "Raghoebir"), ("", "Mahabier"), ("", "Kalloe"),
    ),
    girl_names=(
        "Priya", "Anjali", "Diya", "Kavya", "Aanya", "Riya", "Saanvi", "Ishani", "Shreya",
        "Asha",
    ),
    boy_names=(
        "Arjun", "Rohan", "Aarav", "Vihaan", "Dev", "Ravi", "Krish", "Aryan", "Sahil", "Kiran",
    ),
    adult_female_names=(
        "Sunita", "Anita", "Radha", "Kavita", "Reshma", "Shanti", "Deepa", "Meera",
    ),
    adult_male_names=(
        "Rajesh", "Sanjay", "Anil", "Vikram", "Suresh", "Ramesh", "Deepak", "Prakash",
    ),
)  # fmt: skip

_POLISH = Background(
    key="pl",
    weight=8,
    # Only family names without a feminine form, so parents and children can share them.
    family_names=(
        ("", "Nowak"), ("", "Wójcik"), ("", "Kowalczyk"), ("", "Mazur"), ("", "Krawczyk"),
        ("", "Kaczmarek"), ("", "Zając"), ("", "Wróbel"),
    ),
    girl_names=("Zuzanna", "Maja", "Zofia", "Hanna", "Lena", "Alicja", "Oliwia", "Julia"),
    boy_names=("Jakub", "Antoni", "Szymon", "Filip", "Kacper", "Aleksander", "Mikołaj", "Jan"),
    adult_female_names=(
        "Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Anna", "Monika", "Ewa", "Marta",
    ),
    adult_male_names=(
        "Piotr", "Tomasz", "Paweł", "Marcin", "Krzysztof", "Michał", "Łukasz", "Grzegorz",
    ),
)  # fmt: skip

_SYRIAN = Background(
    key="sy",
    weight=6,
    family_names=(
        ("", "Al-Hassan"), ("", "Haddad"), ("", "Khalil"), ("", "Mansour"), ("", "Alkhatib"),
        ("", "Hamdan"), ("", "Darwish"),
    ),
    girl_names=("Lana", "Maya", "Jana", "Lamar", "Sham", "Rahaf", "Nour", "Judy"),
    boy_names=("Omar", "Karam", "Ahmad", "Hamza", "Jad", "Taim", "Yamen", "Majd"),
    adult_female_names=("Rasha", "Hala", "Rima", "Dima", "Lama", "Ghada", "Yara", "Manal"),
    adult_male_names=("Ahmad", "Mahmoud", "Khaled", "Bassam", "Firas", "Tarek", "Samer", "Wael"),
)  # fmt: skip

_CHINESE = Background(
    key="cn",
    weight=4,
    family_names=(("", "Chen"), ("", "Wang"), ("", "Li"), ("", "Zhang"), ("", "Liu"), ("", "Lin")),
    girl_names=("Xinyi", "Yutong", "Ruoxi", "Mei", "Lily", "Yuxin"),
    boy_names=("Hao", "Jun", "Yichen", "Haoran", "Zihan", "Kai"),
    adult_female_names=("Xiaoling", "Hui", "Ying", "Jing", "Fang", "Lan"),
    adult_male_names=("Wei", "Jian", "Lei", "Tao", "Ming", "Qiang"),
)  # fmt: skip

_JAPANESE = Background(
    key="jp",
    weight=2,
    family_names=(("", "Tanaka"), ("", "Nakamura"), ("", "Sato"), ("", "Suzuki"), ("", "Yamamoto")),
    girl_names=("Yui", "Hana", "Sakura", "Aoi", "Mei"),
    boy_names=("Kenji", "Haruto", "Sota", "Ren", "Yuto"),
    adult_female_names=("Yuko", "Naomi", "Keiko", "Akiko", "Emi"),
    adult_male_names=("Takeshi", "Hiroshi", "Kenji", "Daisuke", "Satoshi"),
)  # fmt: skip

_DUTCH = Background(
    key="nl",
    weight=140,
    family_names=_NL_FAMILIES,
    girl_names=_NL_GIRLS,
    boy_names=_NL_BOYS,
    adult_female_names=_NL_ADULT_FEMALE,
    adult_male_names=_NL_ADULT_MALE,
)

BACKGROUNDS: tuple[Background, ...] = (
    _DUTCH,
    _MOROCCAN,
    _TURKISH,
    _SURINAMESE_ANTILLEAN,
    _HINDUSTANI_INDIAN,
    _POLISH,
    _SYRIAN,
    _CHINESE,
    _JAPANESE,
)
"""All backgrounds, in a fixed order (the generator picks one by weight)."""

DUTCH: Background = _DUTCH
"""The majority background; its children's names are also used by other backgrounds."""

FORMAL_NAMES: tuple[tuple[str, str, str], ...] = (
    ("f", "Elisabeth", "Lisa"),
    ("f", "Johanna", "Hanna"),
    ("f", "Catharina", "Cato"),
    ("f", "Josephine", "Fien"),
    ("f", "Charlotte", "Lotte"),
    ("f", "Maria", "Mia"),
    ("f", "Isabella", "Bella"),
    ("f", "Alexandra", "Lexi"),
    ("m", "Johannes", "Hannes"),
    ("m", "Maximiliaan", "Max"),
    ("m", "Sebastiaan", "Bas"),
    ("m", "Alexander", "Xander"),
    ("m", "Benjamin", "Ben"),
    ("m", "Cornelis", "Kees"),
    ("m", "Willem", "Pim"),
    ("m", "Frederik", "Freek"),
    ("m", "Matthijs", "Thijs"),
    ("m", "Mohammed", "Mo"),
)
"""``(gender, official given name, roepnaam)`` for the few students whose preferred name
differs from their official given name."""


def _unique(items: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return tuple(seen)


GIRL_NAMES: tuple[str, ...] = _unique([n for b in BACKGROUNDS for n in b.girl_names])
BOY_NAMES: tuple[str, ...] = _unique([n for b in BACKGROUNDS for n in b.boy_names])
ADULT_FEMALE_NAMES: tuple[str, ...] = _unique(
    [n for b in BACKGROUNDS for n in b.adult_female_names]
)
ADULT_MALE_NAMES: tuple[str, ...] = _unique([n for b in BACKGROUNDS for n in b.adult_male_names])
FAMILY_NAMES: tuple[FamilyName, ...] = tuple(
    dict.fromkeys(f for b in BACKGROUNDS for f in b.family_names)
)

TUSSENVOEGSELS: frozenset[str] = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "aan", "bij",
        "uit", "onder", "over", "voor", "'s", "d'", "la", "le", "du", "da", "di", "von", "vom",
        "zu", "del", "della", "dos", "das", "do", "van't",
    }
)  # fmt: skip
"""Lower-case particles recognised when splitting a full name into its parts."""

_FOLD_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d"}
)


def ascii_fold(text: str) -> str:
    """Strip diacritics: ``"Öztürk" -> "Ozturk"``, ``"Zoë" -> "Zoe"``, ``"Łukasz" -> "Lukasz"``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_SPECIAL))
    return (
        "".join(c for c in decomposed if not unicodedata.combining(c))
        .encode("ascii", "ignore")
        .decode("ascii")
    )


def email_local_part(given_name: str, infix: str | None, family_name: str) -> str:
    """``("Jan", "van der", "Berg") -> "jan.vanderberg"``; ASCII only, hyphens kept."""

    def squash(part: str) -> str:
        folded = ascii_fold(part).lower()
        return "".join(c for c in folded if c.isalnum() or c == "-")

    return f"{squash(given_name)}.{squash((infix or '') + family_name)}"


def split_full_name(full_name: str) -> tuple[str, str | None, str] | None:
    """Split ``"Anne Marie de Vries"`` into ``("Anne Marie", "de", "Vries")``.

    The first run of lower-case tussenvoegsels after the first word separates the given name(s)
    from the family name. Without tussenvoegsels the first word is the given name and the rest
    the family name (``"Fatima El Amrani" -> ("Fatima", None, "El Amrani")``). Returns ``None``
    when the name has fewer than two words.
    """
    words = full_name.split()
    if len(words) < 2:
        return None
    for start in range(1, len(words) - 1):
        if words[start] not in TUSSENVOEGSELS:
            continue
        end = start
        while end < len(words) - 1 and words[end] in TUSSENVOEGSELS:
            end += 1
        return " ".join(words[:start]), " ".join(words[start:end]), " ".join(words[end:])
    return words[0], None, " ".join(words[1:])
