"""Synthetic Swedish meeting minutes, each with its extraction truth, for scale work.

A world is built once from the seed: for each of the 21 counties a set of collaboration bodies
(Socialchefsnätverket, IFO-chefsnätverket, RUG barn och unga, styrgrupper, beredningsgrupper, ...)
that meet on a schedule over 2012-2026. Their seats are held by people who come and go; some
people hold seats in several bodies, a few also in a neighbouring county (the brokers). Questions
travel between bodies as handoffs ("Medskick till ...", "Frågan tas upp i ..."), so one question
can be followed through several bodies over time. Each document renders one meeting of that world
in one of the formats seen in shared/corpus, and carries its truth in the shape of
shared/gold/SCHEMA.md (plain strings, no lists of alternatives: the generator knows what it wrote).

    python benchmarks/synthetic.py OUT_DIR --docs 10000 --seed 1 [--truth]

Truth notes: ``meeting.body`` is the body's name without the county ("Socialchefsnätverket"),
``meeting.region`` the county as in municipalities.csv ("Dalarna"); a person's affiliation is
set only where the text states it; a decision's ``item`` is the item number ("4", or the
paragraph number of a § protocol) and null in documents whose items are not numbered.
Standard library only.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import functools
import heapq
import json
import random
import string
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

__all__ = ["SyntheticDoc", "generate", "write_corpus", "build_world"]

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "samkarta" / "reference"
FIRST_YEAR, LAST_YEAR = 2012, 2026
FORMATS = ("inline", "lines", "markdown", "numbered")  # "protocol" is kept for political boards

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

# Roughly by frequency, so that drawing with a skew toward the front gives common names more often.
FIRST_NAMES = """
Anna Eva Maria Karin Kristina Lena Sara Emma Kerstin Ingrid Marie Malin Jenny Hanna Linda Annika
Susanne Elisabeth Helena Johanna Birgitta Camilla Sofia Therese Carina Ulrika Anneli Åsa Ewa Cecilia
Pernilla Gunilla Monica Ulla Jessica Frida Ida Louise Petra Annelie Elin Josefin Katarina Karolina
Lisa Madeleine Mikaela Sofie Tove Veronica Agneta Britt Margareta Inger Elisabet Ylva Marita
Charlotte Nina Tina Paulina Emelie Amanda Matilda Rebecka Jeanette Viktoria Stina Mia Tanja Gunnel
Erika Annie Marit Angelica Lotta Lovisa Sanna Maja Ebba Helén Catarina Christina Cristina Marianne
Birgit Ann-Karin Ann-Sofie Anna-Karin Eva-Lena Ann-Christin Anna-Lena Inga-Lill Marie-Louise
Britt-Marie Ann-Marie Lise-Lott Maj-Britt Ulla-Karin Amira Leyla Fatima Natalja Marjo Nadia Elif
Dragana Mirja Rasmira Samira Yasmin Aida Jelena Liisa
Lars Anders Johan Per Erik Karl Peter Magnus Jan Mats Mikael Hans Fredrik Daniel Stefan Andreas
Thomas Tomas Jonas Patrik Henrik Niklas Martin Mattias Björn Bengt Ola Ulf Göran Roger Christer
Robert Joakim Kristoffer Jesper Marcus Sebastian Oskar Gustav Viktor Emil Jörgen Kent Leif Lennart
Håkan Torbjörn Rickard Nicholas Tobias Kjell Sven Olof Pontus Gunnar Anton Claes Stig Rolf Pär Arne
Nils-Göran Per-Olof Karl-Johan Lars-Erik Jan-Erik Carl-Henrik Lars-Göran Per-Anders Jan-Olov
Bahman Ali Ahmed Juan Mehmet Reza Omar Hassan Dario Milan Kaveh
""".split()

SURNAMES = """
Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson
Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson Lindström Lindqvist
Lindgren Berg Axelsson Bergström Lundberg Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg
Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman
Gunnarsson Holm Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren
Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson Lundström Viklund Björklund Eliasson
Pålsson Berggren Sandström Nordin Ström Åberg Hermansson Ekström Holmgren Sundberg Hedlund Dahlberg
Hellström Sjögren Abrahamsson Falk Martinsson Öberg Andreasson Blom Ek Månsson Strand Åkesson
Jonasson Sundström Nordahl Byström Ståhl Granath Söderlund Ahlin Lindén Ohlsson Hedberg Dahl
Lundmark Ågren Öhlund Bäckström Haglund Söderling Sturesson Törnkvist Westerlund Grahn Rydén
Wiklund Nordqvist Melin Hägglund Lindahl Sundqvist Strömberg Nordlund Lundholm Engberg Sjöström
Ekberg Wahlström Backman Boström Edlund Norberg Åström Forsman Ekman Lilja Rosén Englund Borg
Kjellberg Palm Vikström Törnqvist Grönlund Lindholm Sjödin Östlund Hildensjö Ståhlkloo Gärdback
Kumlin Savolainen Nieminen Mäki Zimmer Nystedt Elingfors Frithiof Magnerot Jarhult Linnér
Grimmesjö Lagergren Anderberg Thelin Nazzal Rutgersmark Beijer Singleton Timan Larzon Svanström
Sundemar Kahraman Christiansson Enbuske Fundin Forssell Rydquist Corneliusson Melke Ljung
Holmqvist Randell Franzén Alami Yilmaz Hussein Kovačević Popović Rahimi Haddad Virtanen Korhonen
Wennberg Lagerqvist Ljungberg Bergh Wass Frisk Hedin Stenberg Forslund Åkerlund Lindblom Ringström
""".split()

FIXED_DOUBLE_SURNAMES = [
    "Lindén Ohlsson",
    "Nystedt Forsberg",
    "Kumlin Bergenstråle",
    "Wikman Ericson",
    "Schentz Magnusson",
    "Ågren Wikström",
    "Andersson Lindberg",
    "Edvall Malm",
    "Clausen Edman",
    "Pérez Dervisic",
]

PARTIES = ("S", "S", "S", "M", "M", "C", "L", "KD", "V", "MP", "SD")

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
MEETING_MONTHS = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)
TIMES = (
    "09.00-12.00",
    "13.00-16.00",
    "08.30-11.30",
    "07.45-9.00",
    "09.30-15.00",
    "10.00-12.00",
    "13.15-15.30",
    "09.00-11.00",
    "08.30-12.00",
)

# County -> counties it borders (made symmetric below).
_NEIGHBOURS = {
    "Stockholm": ("Uppsala", "Södermanland", "Gotland"),
    "Uppsala": ("Västmanland", "Gävleborg"),
    "Södermanland": ("Östergötland", "Örebro", "Västmanland"),
    "Östergötland": ("Örebro", "Jönköping", "Kalmar"),
    "Jönköping": ("Kalmar", "Kronoberg", "Halland", "Västra Götaland"),
    "Kronoberg": ("Kalmar", "Blekinge", "Skåne", "Halland"),
    "Kalmar": ("Blekinge", "Gotland"),
    "Blekinge": ("Skåne",),
    "Skåne": ("Halland",),
    "Halland": ("Västra Götaland",),
    "Västra Götaland": ("Värmland", "Örebro"),
    "Värmland": ("Örebro", "Dalarna"),
    "Örebro": ("Västmanland", "Dalarna"),
    "Västmanland": ("Dalarna",),
    "Dalarna": ("Gävleborg", "Jämtland"),
    "Gävleborg": ("Jämtland", "Västernorrland"),
    "Västernorrland": ("Jämtland", "Västerbotten"),
    "Jämtland": ("Västerbotten",),
    "Västerbotten": ("Norrbotten",),
}

# Regional organisations beyond region and Länsstyrelsen, as written in organizations.csv.
_COUNTY_FOU = {
    "Stockholm": ("FoU Södertörn", "FoU Nordväst", "FoU Nordost"),
    "Uppsala": ("FoU Socialtjänst Region Uppsala",),
    "Södermanland": ("FoU i Sörmland",),
    "Västra Götaland": ("FoU i Väst", "FoU Sjuhärad Välfärd"),
    "Värmland": ("FoU Välfärd Värmland",),
    "Gävleborg": ("FoU Välfärd Region Gävleborg",),
    "Västernorrland": ("FoU Västernorrland",),
    "Västerbotten": ("FoU Socialtjänst Västerbotten",),
    "Skåne": ("FoU Malmö",),
    "Dalarna": ("SUD",),
}
_COUNTY_ASSOC = {
    "Stockholm": ("Storsthlm",),
    "Västra Götaland": ("GR", "Fyrbodals kommunalförbund", "Skaraborgs kommunalförbund", "VästKom"),
    "Skåne": ("Skånes Kommuner",),
    "Norrbotten": ("Norrbottens Kommuner",),
    "Västernorrland": ("Kommunförbundet Västernorrland",),
    "Dalarna": ("Dalarnas kommunförbund",),
}
_COUNTY_UNI = {
    "Stockholm": ("Stockholms universitet", "Södertörns högskola"),
    "Uppsala": ("Uppsala universitet",),
    "Södermanland": ("Mälardalens universitet",),
    "Östergötland": ("Linköpings universitet",),
    "Jönköping": ("Jönköping University",),
    "Kronoberg": ("LNU", "Linnéuniversitetet"),
    "Kalmar": ("Linnéuniversitetet",),
    "Gotland": ("Uppsala universitet",),
    "Blekinge": ("Blekinge tekniska högskola",),
    "Skåne": ("Lunds universitet", "Malmö universitet"),
    "Halland": ("Högskolan i Halmstad",),
    "Västra Götaland": ("Göteborgs universitet", "Högskolan Väst"),
    "Värmland": ("Karlstads universitet",),
    "Örebro": ("Örebro universitet",),
    "Västmanland": ("Mälardalens universitet",),
    "Dalarna": ("Högskolan Dalarna",),
    "Gävleborg": ("Högskolan i Gävle",),
    "Västernorrland": ("Mittuniversitetet",),
    "Jämtland": ("Mittuniversitetet",),
    "Västerbotten": ("Umeå universitet",),
    "Norrbotten": ("Luleå tekniska universitet",),
}
# Sub-regions of the three big counties with their own chefsnätverk: county -> (sub-region, organisation
# that runs the network, member municipalities). Memberships from the notes in organizations.csv.
SUBREGIONS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    county: tuple((sub, org, tuple(munis.split(", "))) for sub, org, munis in subs)
    for county, subs in {
        "Stockholm": (
            (
                "Södertörn",
                "FoU Södertörn",
                "Botkyrka, Haninge, Huddinge, Nacka, Nykvarn, Nynäshamn, Salem, Södertälje, Tyresö, Värmdö",
            ),
            (
                "Nordväst",
                "FoU Nordväst",
                "Ekerö, Järfälla, Sigtuna, Sollentuna, Solna, Sundbyberg, Upplands Väsby, Upplands-Bro",
            ),
            ("Nordost", "FoU Nordost", "Danderyd, Lidingö, Vaxholm, Täby, Österåker, Vallentuna, Norrtälje"),
        ),
        "Västra Götaland": (
            (
                "GR",
                "GR",
                "Ale, Alingsås, Göteborg, Härryda, Kungälv, Lerum, Lilla Edet, Mölndal, Partille, "
                "Stenungsund, Tjörn, Öckerö",
            ),
            (
                "Fyrbodal",
                "Fyrbodals kommunalförbund",
                "Bengtsfors, Dals-Ed, Färgelanda, Lysekil, Mellerud, Munkedal, Orust, Sotenäs, Strömstad, Tanum, "
                "Trollhättan, Uddevalla, Vänersborg, Åmål",
            ),
            (
                "Skaraborg",
                "Skaraborgs kommunalförbund",
                "Essunga, Falköping, Grästorp, Gullspång, Götene, Hjo, Karlsborg, Lidköping, Mariestad, Skara, "
                "Skövde, Tibro, Tidaholm, Töreboda, Vara",
            ),
            (
                "Sjuhärad",
                "Boråsregionen",
                "Bollebygd, Borås, Herrljunga, Mark, Svenljunga, Tranemo, Ulricehamn, Vårgårda",
            ),
        ),
        "Skåne": (
            (
                "Skåne nordväst",
                "Skånes Kommuner",
                "Bjuv, Båstad, Helsingborg, Höganäs, Klippan, Landskrona, Perstorp, Svalöv, Åstorp, Ängelholm, "
                "Örkelljunga",
            ),
            ("Skåne nordost", "Skånes Kommuner", "Bromölla, Hässleholm, Kristianstad, Osby, Östra Göinge, Hörby, Höör"),
            ("Skåne sydost", "Skånes Kommuner", "Ystad, Tomelilla, Simrishamn, Sjöbo, Skurup, Eslöv"),
            (
                "Skåne sydväst",
                "Skånes Kommuner",
                "Malmö, Lund, Burlöv, Kävlinge, Lomma, Staffanstorp, Svedala, Trelleborg, Vellinge",
            ),
        ),
    }.items()
}

# (name as written, first year it exists); names/aliases of organizations.csv.
NATIONAL_ORGS = (
    ("Socialstyrelsen", 0),
    ("SKR", 0),
    ("IVO", 2013),
    ("Inspektionen för vård och omsorg", 2013),
    ("Folkhälsomyndigheten", 2014),
    ("Barnafrid", 2016),
    ("MFoF", 2017),
    ("Jämställdhetsmyndigheten", 2018),
    ("Statens institutionsstyrelse", 0),
    ("SiS", 0),
    ("Migrationsverket", 0),
    ("Skolverket", 0),
    ("Barnombudsmannen", 0),
    ("Nationellt centrum för kvinnofrid", 0),
    ("Forte", 2013),
    ("Myndigheten för delaktighet", 2014),
    ("Brottsoffermyndigheten", 0),
    ("Försäkringskassan", 0),
    ("Arbetsförmedlingen", 0),
    ("Kriminalvården", 0),
    ("Rädda Barnen", 0),
    ("BRIS", 0),
    ("Maskrosbarn", 0),
    ("SBU", 0),
    ("Specialpedagogiska skolmyndigheten", 0),
)
# Names that changed inside 2012-2026: name -> (first year of the name, older name). Regions are added
# from organizations.csv (the landsting alias).
_ERA_NAMES: dict[str, tuple[int, str]] = {"SKR": (2020, "SKL"), "Polismyndigheten": (2015, "Polisen")}

# (name, first year). Names as the projects list of the gold annotations writes them.
PROJECTS = (
    ("Barnahus", 2012),
    ("BBIC", 2012),
    ("SIP", 2012),
    ("Yrkesresan", 2018),
    ("Mockingbird", 2018),
    ("Barnens bästa gäller", 2018),
    ("Första linjen", 2014),
    ("Ett hem att växa i", 2012),
    ("Stabilitet som kompetensstrategi", 2016),
    ("HLT", 2016),
    ("Skolfam", 2012),
    ("Signs of Safety", 2014),
    ("Tidiga och samordnade insatser", 2020),
    ("Det väntade barnet", 2019),
    ("ABC", 2014),
    ("Komet", 2012),
    ("FFT", 2012),
    ("Sociala investeringar", 2014),
    ("Psykisk hälsa barn och unga", 2016),
    ("Öppna jämförelser", 2012),
    ("LUMO", 2015),
    ("SAMLA", 2018),
    ("SIMBA", 2018),
    ("Mötesplats IFO", 2014),
    ("Min insats", 2017),
    ("Trygg och effektiv utskrivning", 2018),
    ("Kvinnofridssatsningen", 2018),
    ("Barnkraft", 2021),
    ("Heta linjen", 2023),
    ("Sluta skjut", 2022),
)

# (item title, noun phrase used in running text)
TOPICS = (
    ("Kompetensförsörjning", "kompetensförsörjningen inom socialtjänsten"),
    ("Barnkonventionen", "barnkonventionen som lag"),
    ("Familjehemsvård", "rekryteringen av familjehem"),
    ("Hedersrelaterat våld", "arbetet mot hedersrelaterat våld och förtryck"),
    ("Ensamkommande barn", "mottagandet av ensamkommande barn"),
    ("Psykisk hälsa", "insatser för barn och unga med psykisk ohälsa"),
    ("Missbruk och beroende", "missbruks- och beroendevården"),
    ("Våld i nära relationer", "stödet till våldsutsatta vuxna och barn"),
    ("Digitalisering", "digitala arbetssätt i socialtjänsten"),
    ("Statsbidrag", "de riktade statsbidragen"),
    ("Placeringar", "placeringar av barn och unga på HVB"),
    ("Socialjour", "en länsgemensam socialjour"),
    ("Skolfrånvaro", "skolfrånvaro och hemmasittare"),
    ("Ny socialtjänstlag", "den nya socialtjänstlagen"),
    ("Brukarmedverkan", "brukarmedverkan i den sociala barn- och ungdomsvården"),
    ("Arbetsmiljö", "arbetsmiljön för socialsekreterare"),
    ("Suicidprevention", "det suicidpreventiva arbetet"),
    ("Gängkriminalitet", "barn och unga i kriminella miljöer"),
    ("Ekonomiskt bistånd", "barnperspektivet i ekonomiskt bistånd"),
    ("Utskrivning från slutenvård", "samverkan vid utskrivning från slutenvården"),
)

# Questions that travel between bodies. "{p}" takes a project name.
QUESTIONS = (
    "samordnarrollen för {p}",
    "finansieringen av {p} efter projekttiden",
    "spridning av {p} till fler kommuner",
    "utvärdering av {p}",
    "gemensam utbildningsinsats i {p}",
    "länsgemensam implementering av {p}",
    "introduktionskursen för nya socialsekreterare",
    "antal obehöriga socialsekreterare i länet",
    "gemensam rutin för orosanmälningar",
    "rekrytering av familjehem i länet",
    "boendefrågor för ensamkommande barn",
    "läkarundersökningar av placerade barn",
    "ett regionalt resurscentrum mot hedersrelaterat våld",
    "en länsgemensam socialjour",
    "gemensam upphandling av familjehemsutbildning",
    "statsbidraget för stärkt bemanning",
    "suicidprevention bland unga",
    "spelproblem bland unga",
    "hot och våld mot socialsekreterare",
    "kartläggning av missbruksvården",
    "tillgången till LVM-platser",
    "rutiner vid utskrivning från slutenvården",
    "samverkan kring barn med psykisk ohälsa",
    "uppföljning av öppna jämförelser",
    "digitala möten med klienter",
    "stöd till anhöriga",
    "gemensamma riktlinjer för hemmasittare",
    "kostnadsfördelning för länsgemensamma tjänster",
    "överenskommelsen om psykisk hälsa",
    "brukarmedverkan i den sociala barnavården",
)

_TAGLINES = (
    "Tillsammans skapar vi en trygg och säker uppväxt för varje barn genom tidiga och samordnade insatser",
    "Rätt stöd i rätt tid för barn, unga och deras familjer",
    "Samverkan för en jämlik och hållbar socialtjänst i hela länet",
)


@dataclass(frozen=True)
class BodyType:
    key: str
    name: str
    seats: tuple[tuple[str, str, int, int], ...]  # ("muni", role, lo, hi) | ("org", chain key, 1, 1)
    per_year: tuple[int, int]
    weight: float
    secretary: str  # chain key of the seat that writes the minutes ("" = first municipal seat)
    decider: str  # how the text names the body in "<decider> beslutade att ..."


_M, _O = "muni", "org"
CORE_BODIES = (
    BodyType(
        "schnv",
        "Socialchefsnätverket",
        ((_M, "socialchef", 8, 16), (_O, "reg_avd", 1, 1), (_O, "rss", 1, 1), (_O, "fou", 1, 1)),
        (9, 11),
        1.6,
        "rss",
        "Socialchefsnätverket",
    ),
    BodyType(
        "ifo",
        "IFO-chefsnätverket",
        ((_M, "IFO-chef", 7, 14), (_O, "reg_utv_bu", 1, 1)),
        (7, 10),
        1.3,
        "reg_utv_bu",
        "IFO-chefsnätverket",
    ),
    BodyType(
        "rug",
        "RUG barn och unga",
        ((_M, "enhetschef barn och unga", 3, 5), (_O, "bup", 1, 1), (_O, "reg_utv_bu", 1, 1), (_O, "bhv", 1, 1)),
        (6, 8),
        1.0,
        "reg_utv_bu",
        "RUG",
    ),
    BodyType(
        "lansbu",
        "Länsgrupp barn och unga",
        ((_M, "IFO-chef", 3, 5), (_O, "reg_utv_bu", 1, 1), (_O, "bup", 1, 1), (_O, "polis", 1, 1), (_O, "lst", 1, 1)),
        (4, 6),
        0.8,
        "lst",
        "Länsgruppen",
    ),
)
OPTIONAL_BODIES = (
    BodyType(
        "fh",
        "FH-chefsnätverket",
        ((_M, "FH-chef", 6, 12), (_O, "reg_utv_vux", 1, 1), (_O, "hab", 1, 1)),
        (6, 8),
        0.9,
        "reg_utv_vux",
        "FH-chefsnätverket",
    ),
    BodyType(
        "rugv",
        "RUG vuxna",
        ((_M, "enhetschef vuxen", 3, 5), (_O, "vpsyk", 1, 1), (_O, "reg_utv_vux", 1, 1)),
        (6, 8),
        0.7,
        "reg_utv_vux",
        "RUG vuxna",
    ),
    BodyType(
        "vu",
        "Nätverket för verksamhetsutvecklare",
        ((_M, "verksamhetsutvecklare", 5, 12), (_O, "rss", 1, 1), (_O, "fou", 1, 1)),
        (4, 6),
        0.6,
        "rss",
        "Nätverket",
    ),
    BodyType(
        "bered",
        "Beredningsgrupp för social välfärd",
        ((_M, "socialchef", 3, 5), (_O, "reg_avd", 1, 1), (_O, "rss", 1, 1), (_O, "assoc", 1, 1)),
        (6, 8),
        0.9,
        "rss",
        "Beredningsgruppen",
    ),
    BodyType(
        "beredbu",
        "Beredningsgrupp för barn och unga",
        ((_M, "IFO-chef", 3, 4), (_O, "reg_utv_bu", 1, 1), (_O, "bup", 1, 1)),
        (4, 6),
        0.6,
        "reg_utv_bu",
        "Beredningsgruppen",
    ),
    BodyType(
        "bbic",
        "BBIC-nätverket",
        ((_M, "enhetschef barn och unga", 5, 10), (_O, "reg_utv_bu", 1, 1)),
        (3, 5),
        0.5,
        "reg_utv_bu",
        "BBIC-nätverket",
    ),
    BodyType(
        "vnr",
        "Länsgrupp mot våld i nära relationer",
        ((_O, "lst_vnr", 1, 1), (_M, "IFO-chef", 3, 6), (_O, "polis", 1, 1), (_O, "reg_utv_vux", 1, 1)),
        (4, 5),
        0.6,
        "lst_vnr",
        "Länsgruppen",
    ),
    BodyType(
        "fam",
        "Nätverket för familjehemsfrågor",
        ((_M, "enhetschef familjehem", 5, 10), (_O, "reg_utv_bu", 1, 1)),
        (4, 6),
        0.5,
        "reg_utv_bu",
        "Nätverket",
    ),
    BodyType(
        "ekb",
        "Länsnätverket för ekonomiskt bistånd",
        ((_M, "enhetschef ekonomiskt bistånd", 5, 10), (_O, "rss", 1, 1), (_O, "fk", 1, 1)),
        (4, 6),
        0.5,
        "rss",
        "Nätverket",
    ),
    BodyType(
        "psyk",
        "Samverkansgrupp psykisk hälsa",
        ((_M, "enhetschef vuxen", 3, 5), (_O, "bup", 1, 1), (_O, "vpsyk", 1, 1), (_O, "reg_utv_vux", 1, 1)),
        (4, 6),
        0.6,
        "reg_utv_vux",
        "Samverkansgruppen",
    ),
    BodyType(
        "pol",
        "Politisk styrgrupp för social välfärd",
        ((_M, "politiker", 6, 12), (_O, "assoc", 1, 1)),
        (4, 6),
        0.7,
        "assoc",
        "Styrgruppen",
    ),
)
STEERING = BodyType(
    "styr",
    "Styrgrupp för {p}",
    (
        (_M, "socialchef", 4, 8),
        (_O, "reg_avd", 1, 1),
        (_O, "bup", 1, 1),
        (_O, "polis", 1, 1),
        (_O, "uni", 1, 1),
        (_O, "process", 1, 1),
        (_O, "process2", 1, 1),
    ),
    (4, 6),
    0.9,
    "process",
    "Styrgruppen",
)

# County-level seat chains: key -> (title, where the holder works)
_ORG_CHAINS = {
    "reg_avd": ("avdelningschef Hälsa och välfärd", "region"),
    "rss": ("samordnare RSS", "region"),
    "reg_utv_bu": ("utvecklingsledare barn och unga", "region"),
    "reg_utv_vux": ("utvecklingsledare vuxna", "region"),
    "bup": ("verksamhetschef", "BUP"),
    "bhv": ("samordnare", "Barnhälsovården"),
    "hab": ("verksamhetschef", "Habiliteringen"),
    "vpsyk": ("verksamhetschef", "Vuxenpsykiatrin"),
    "lst": ("strateg", "lst"),
    "lst_vnr": ("strateg våld i nära relationer", "lst"),
    "polis": ("kommunpolis", "Polismyndigheten"),
    "fk": ("samverkansansvarig", "Försäkringskassan"),
    "fou": ("FoU-ledare", "fou"),
    "uni": ("lektor", "uni"),
    "assoc": ("nätverksledare", "assoc"),
    "process": ("processledare", "region"),
    "process2": ("processledare", "region"),
}
_GUEST_TITLES = (
    "forskare",
    "projektledare",
    "strateg",
    "utredare",
    "samordnare",
    "utvecklingsledare",
    "handläggare",
    "enhetschef",
)


# --------------------------------------------------------------------------------------------
# World
# --------------------------------------------------------------------------------------------


@dataclass(eq=False)
class Person:
    pid: int
    first: str
    last: str
    aff: str  # municipality, organisation, or "@region" for the county's region (name depends on the year)
    title: str
    county: County
    party: str = ""

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(eq=False)
class County:
    code: str
    name: str
    lan: str  # "Dalarnas län"
    region_org: str
    munis: tuple[str, ...]
    orgs: tuple[str, ...] = ()  # regional organisations other than the region (for running text)
    neighbours: list[County] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    guests: list[tuple[Person, int, int]] = field(default_factory=list)  # person, first, last ordinal

    def region_name(self, year: int) -> str:
        return era_name(self.region_org, year)


@dataclass(eq=False)
class Body:
    bid: int
    name: str
    btype: BodyType
    county: County
    project: str | None
    dates: list[date]
    ords: list[int]
    seats: list[list[tuple[Person, int, int]]]  # per seat: chain of (person, start ordinal, end ordinal)
    secretary_seat: int
    chair_seats: list[int]
    weight: float
    offset: int = 0  # global id of the first meeting
    extra: list[tuple[Person, int, int]] = field(default_factory=list)  # broker memberships
    formats: dict[int, str] = field(default_factory=dict)  # secretary pid -> house format

    def label(self, from_county: County) -> str:
        """The name as another body's minutes write it: a body of another county carries its county."""
        return self.name if from_county is self.county else f"{self.name} i {self.county.name}"

    def members_at(self, o: int) -> list[tuple[int, Person]]:
        """(seat index or -1 for a broker, person) of everyone holding a seat on day ordinal o."""
        out: dict[int, tuple[int, Person]] = {}
        for i, chain in enumerate(self.seats):
            for p, start, end in chain:
                if start <= o < end:
                    out.setdefault(p.pid, (i, p))
                    break
        for p, start, end in self.extra:
            if start <= o < end:
                out.setdefault(p.pid, (-1, p))
        return list(out.values())


@dataclass
class World:
    seed: int
    counties: list[County]
    bodies: list[Body]
    people: list[Person]
    muni_names: frozenset[str]
    total_meetings: int
    outgoing: dict[int, list[tuple[str, str | None, int]]]  # meeting uid -> (question, project, target bid)
    incoming: dict[int, list[tuple[str, str | None, int]]]  # meeting uid -> (question, project, source bid)
    projects: list[tuple[str, int]]

    def meeting(self, uid: int) -> tuple[Body, int]:
        i = bisect.bisect_right(self._offsets, uid) - 1
        body = self.bodies[i]
        return body, uid - body.offset

    @functools.cached_property
    def _offsets(self) -> list[int]:
        return [b.offset for b in self.bodies]


def era_name(name: str, year: int) -> str:
    """The name an organisation went by in a given year (SKL before SKR, landsting before region)."""
    e = _ERA_NAMES.get(name)
    return e[1] if e and year < e[0] else name


def _lan(county: str) -> str:
    if county in ("Uppsala", "Kalmar", "Blekinge", "Skåne", "Örebro"):
        return f"{county} län"
    return f"{county}s län"


def _read_csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@functools.cache
def reference_organisations() -> frozenset[str]:
    """Every organisation name and alias in organizations.csv."""
    names = set()
    for row in _read_csv("organizations.csv"):
        names.add(row["name"])
        names.update(a for a in row["aliases"].split("|") if a)
    return frozenset(names)


@functools.cache
def _load_reference() -> tuple[list[tuple[str, str, str, tuple[str, ...]]], frozenset[str]]:
    munis: dict[str, list[str]] = {}
    meta: dict[str, tuple[str, str]] = {}
    for row in _read_csv("municipalities.csv"):
        munis.setdefault(row["county_code"], []).append(row["name"])
        meta[row["county_code"]] = (row["county"], row["region_org"])
    for row in _read_csv("organizations.csv"):
        if row["kind"] != "region":
            continue
        since = [w for w in row["note"].replace(")", " ").split() if w.isdigit() and len(w) == 4]
        old = [a for a in row["aliases"].split("|") if "andsting" in a]
        if since and old and FIRST_YEAR < int(since[0]) <= LAST_YEAR:
            _ERA_NAMES[row["name"]] = (int(since[0]), old[0])
    counties = [(code, meta[code][0], meta[code][1], tuple(m)) for code, m in sorted(munis.items())]
    return counties, frozenset(n for m in munis.values() for n in m)


class _Names:
    """Unique, realistic full names; no part of a name is also a municipality name."""

    def __init__(self, rng: random.Random, munis: frozenset[str]) -> None:
        words = {w for m in munis for w in m.replace("-", " ").split()}
        self.first = [n for n in dict.fromkeys(FIRST_NAMES) if n not in words]
        self.last = [n for n in dict.fromkeys(SURNAMES) if n not in words]
        self.rng = rng
        self.used: set[str] = set()

    def _pick(self, names: list[str]) -> str:
        return names[int(len(names) * self.rng.random() ** 1.4)]

    def draw(self) -> tuple[str, str]:
        rng = self.rng
        while True:
            first = self._pick(self.first)
            r = rng.random()
            if r < 0.03:
                last = rng.choice(FIXED_DOUBLE_SURNAMES)
            elif r < 0.09:
                a, b = self._pick(self.last), self._pick(self.last)
                if a == b:
                    continue
                last = f"{a} {b}"
            else:
                last = self._pick(self.last)
            if f"{first} {last}" not in self.used:
                self.used.add(f"{first} {last}")
                return first, last


def _chain(
    rng: random.Random, make: Callable[[], Person], first_year: int = FIRST_YEAR, tenure: tuple[int, int] = (2, 9)
) -> list[tuple[Person, int, int]]:
    """Holders of one seat from before first_year to after LAST_YEAR, each for a few years."""
    out = []
    start = date(first_year - rng.randint(0, 6), rng.randint(1, 12), 1).toordinal()
    end_all = date(LAST_YEAR + 1, 12, 31).toordinal()
    while start < end_all:
        end = start + int(365.25 * rng.uniform(*tenure))
        out.append((make(), start, end))
        start = end
    return out


def _term_chain(rng: random.Random, make: Callable[[], Person]) -> list[tuple[Person, int, int]]:
    """Political seats follow the election terms (2011-2014, 2015-2018, ...); many are re-elected."""
    out: list[tuple[Person, int, int]] = []
    holder = make()
    for term_start in (2011, 2015, 2019, 2023):
        if out and rng.random() < 0.4:
            holder = make()
        out.append((holder, date(term_start, 1, 1).toordinal(), date(term_start + 4, 1, 1).toordinal()))
    return out


def _schedule(rng: random.Random, years: range, per_year: tuple[int, int]) -> list[date]:
    out = set()
    for y in years:
        for m in rng.sample(MEETING_MONTHS, min(len(MEETING_MONTHS), rng.randint(*per_year))):
            d = date(y, m, rng.randint(1, 28))
            wd = d.weekday()
            if wd >= 5:  # to the Friday before, or the Monday after early in the month (stay in the year)
                d = d + timedelta(days=7 - wd) if d.day <= 3 else d - timedelta(days=wd - 4)
            out.add(d)
    return sorted(out)


@functools.lru_cache(maxsize=4)
def build_world(seed: int = 0) -> World:
    """The counties, bodies, people, schedules and question trails for one seed."""
    county_rows, muni_names = _load_reference()
    rng = random.Random(f"samkarta-synthetic-world-{seed}")
    names = _Names(rng, muni_names)
    people: list[Person] = []
    projects = list(PROJECTS)

    def person(first_last: tuple[str, str], aff: str, title: str, county: County, party: str = "") -> Person:
        p = Person(len(people), first_last[0], first_last[1], aff, title, county, party)
        people.append(p)
        return p

    counties = []
    for code, cname, region_org, munis in county_rows:
        orgs = _COUNTY_FOU.get(cname, ()) + _COUNTY_ASSOC.get(cname, ()) + _COUNTY_UNI.get(cname, ())
        counties.append(County(code, cname, _lan(cname), region_org, munis, orgs))
    by_name = {c.name: c for c in counties}
    for a, bs in _NEIGHBOURS.items():
        for b in bs:
            by_name[a].neighbours.append(by_name[b])
            by_name[b].neighbours.append(by_name[a])

    bodies: list[Body] = []
    for county in counties:
        crng = random.Random(f"{seed}-{county.code}")
        size = (len(county.munis) / 12) ** 0.5
        lst = f"Länsstyrelsen {county.name}"

        def org_aff(where: str, county: County = county, crng: random.Random = crng, lst: str = lst) -> str:
            if where == "region":
                return "@region"
            if where == "lst":
                return lst
            pool = {"fou": _COUNTY_FOU, "uni": _COUNTY_UNI, "assoc": _COUNTY_ASSOC}.get(where)
            if pool is None:
                return where
            return crng.choice(pool.get(county.name) or ("@region",))

        org_chains: dict[str, list[tuple[Person, int, int]]] = {}
        for key, (title, where) in _ORG_CHAINS.items():
            aff = org_aff(where)
            org_chains[key] = _chain(crng, lambda t=title, a=aff, c=county: person(names.draw(), a, t, c))
        muni_chains: dict[tuple[str, str], list[tuple[Person, int, int]]] = {}

        def muni_chain(
            muni: str,
            role: str,
            county: County = county,
            crng: random.Random = crng,
            chains: dict[tuple[str, str], list[tuple[Person, int, int]]] = muni_chains,
        ) -> list[tuple[Person, int, int]]:
            if (muni, role) not in chains:
                if role == "politiker":
                    chains[muni, role] = _term_chain(
                        crng,
                        lambda: person(names.draw(), muni, "ordförande socialnämnden", county, crng.choice(PARTIES)),
                    )
                else:
                    chains[muni, role] = _chain(crng, lambda: person(names.draw(), muni, role, county))
            return chains[muni, role]

        # Guests: researchers, strategists and project leads of the county who present and get mentioned.
        for _ in range(int(6 + 6 * size)):
            where = crng.choice(("region", "lst", "fou", "uni", "assoc", "BUP", "Polismyndigheten"))
            aff = org_aff(where)
            if aff == "@region" and where != "region" and crng.random() < 0.5:
                aff = crng.choice(county.munis)
            start = date(crng.randint(FIRST_YEAR - 4, LAST_YEAR - 3), crng.randint(1, 12), 1).toordinal()
            county.guests.append(
                (
                    person(names.draw(), aff, crng.choice(_GUEST_TITLES), county),
                    start,
                    start + int(365.25 * crng.uniform(3, 14)),
                )
            )

        chosen = list(CORE_BODIES) + crng.sample(OPTIONAL_BODIES, crng.randint(5, 9))
        steer = crng.sample([p for p in projects if p[1] <= LAST_YEAR - 2], crng.randint(1, 2))
        specs: list[tuple[BodyType, tuple[str, int] | None, tuple[str, ...]]] = [
            (t, None, county.munis) for t in chosen
        ] + [(STEERING, p, county.munis) for p in steer]
        for sub, sub_org, sub_munis in SUBREGIONS.get(county.name, ()):
            pool = tuple(m for m in sub_munis if m in county.munis)
            org_chains[f"sub:{sub}"] = _chain(
                crng, lambda a=sub_org, c=county: person(names.draw(), a, "nätverksledare", c)
            )
            for base, role, per_year in (
                ("Socialchefsnätverket", "socialchef", (8, 10)),
                ("IFO-chefsnätverket", "IFO-chef", (6, 9)),
            ):
                specs.append(
                    (
                        BodyType(
                            f"sub-{_slug(base)}",
                            f"{base} {sub}",
                            ((_M, role, len(pool), len(pool)), (_O, f"sub:{sub}", 1, 1)),
                            per_year,
                            0.8,
                            f"sub:{sub}",
                            "Nätverket",
                        ),
                        None,
                        pool,
                    )
                )
        for btype, proj, muni_pool in specs:
            if proj is None and btype.key.startswith("sub-"):
                first_year, last_year, name = crng.randint(FIRST_YEAR, 2016), LAST_YEAR, btype.name
            elif proj is None:
                first_year = FIRST_YEAR if btype in CORE_BODIES else crng.randint(FIRST_YEAR, 2020)
                last_year = LAST_YEAR if crng.random() < 0.7 else crng.randint(first_year + 3, LAST_YEAR)
                name = btype.name
            else:
                first_year = max(FIRST_YEAR, proj[1]) + crng.randint(0, 2)
                last_year = min(LAST_YEAR, first_year + crng.randint(3, 8))
                name = btype.name.format(p=proj[0])
            seats: list[list[tuple[Person, int, int]]] = []
            secretary_seat = 0
            for kind, role, lo, hi in btype.seats:
                if kind == _O:
                    if role not in ("process", "process2"):  # shared: one person sits in several bodies
                        chain = org_chains[role]
                    else:
                        title, where = _ORG_CHAINS[role]
                        chain = _chain(
                            crng, lambda t=title, c=county: person(names.draw(), "@region", t, c), first_year, (3, 10)
                        )
                    if role == btype.secretary:
                        secretary_seat = len(seats)
                    seats.append(chain)
                else:
                    k = min(len(muni_pool), max(lo, round(crng.randint(lo, hi) * min(size, 1.5))), hi)
                    for m in crng.sample(muni_pool, k):
                        seats.append(muni_chain(m, role))
            muni_seats = [i for i, chain in enumerate(seats) if chain[0][0].aff in county.munis]
            chair_seats = crng.sample(muni_seats, min(len(muni_seats), 4)) if muni_seats else [0]
            if btype.key == "pol":
                chair_seats = chair_seats[:1]
            dates = _schedule(crng, range(first_year, last_year + 1), btype.per_year)
            if not dates:
                continue
            weight = btype.weight * size * crng.lognormvariate(0, 0.7)
            body = Body(
                len(bodies),
                name,
                btype,
                county,
                proj[0] if proj else None,
                dates,
                [d.toordinal() for d in dates],
                seats,
                secretary_seat,
                chair_seats,
                weight,
            )
            if btype.key == "pol":
                house = {p.pid: "protocol" for p, _s, _e in seats[secretary_seat]}
            else:
                house = {p.pid: crng.choices(FORMATS, (3, 3, 2, 3))[0] for p, _s, _e in seats[secretary_seat]}
            body.formats = house
            bodies.append(body)
            county.bodies.append(body)

    # Brokers: some regional people also sit in a second (third) body, a few in a neighbouring county.
    brng = random.Random(f"{seed}-brokers")
    for county in counties:
        for _ in range(2 + len(county.bodies) // 3):
            src = brng.choice(county.bodies)
            chain = brng.choice(src.seats)
            p, start, end = brng.choice(chain)
            if brng.random() < 0.35 and county.neighbours:
                targets = brng.choice(county.neighbours).bodies
            else:
                targets = [b for b in county.bodies if b is not src]
            if not targets:
                continue
            for target in brng.sample(targets, min(len(targets), brng.choice((1, 1, 2)))):
                if p not in [q for chain2 in target.seats for q, _s, _e in chain2]:
                    target.extra.append((p, start, end))

    offset = 0
    for b in bodies:
        b.offset = offset
        offset += len(b.dates)

    # Question trails: a question raised in one body is handed on to the next meeting of another.
    trng = random.Random(f"{seed}-trails")
    outgoing: dict[int, list[tuple[str, str | None, int]]] = {}
    incoming: dict[int, list[tuple[str, str | None, int]]] = {}
    for body in bodies:
        for i, d in enumerate(body.dates):
            if trng.random() >= 0.2:
                continue
            active = [p for p, y in projects if y <= d.year] or [projects[0][0]]
            tpl = trng.choice(QUESTIONS)
            proj = trng.choice(active) if "{p}" in tpl else None
            question = tpl.format(p=proj) if proj else tpl
            src, si, o = body, i, body.ords[i]
            for _hop in range(4):
                pool = src.county.bodies
                if trng.random() < 0.08 and src.county.neighbours:
                    pool = trng.choice(src.county.neighbours).bodies
                pool = [b for b in pool if b is not src and b.ords[0] <= o + 120 and b.ords[-1] > o]
                if not pool:
                    break
                dst = trng.choice(pool)
                outgoing.setdefault(src.offset + si, []).append((question, proj, dst.bid))
                j = bisect.bisect_right(dst.ords, o)
                if j >= len(dst.ords):
                    break
                incoming.setdefault(dst.offset + j, []).append((question, proj, src.bid))
                if trng.random() > 0.45:
                    break
                src, si, o = dst, j, dst.ords[j]

    return World(seed, counties, bodies, people, muni_names, offset, outgoing, incoming, projects)


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


@dataclass
class SyntheticDoc:
    name: str
    text: str
    truth: dict
    meta: dict = field(default_factory=dict)  # body, county code, format, meeting uid; not part of the schema


def _slug(s: str) -> str:
    s = s.lower().translate(str.maketrans("åäöéü", "aaoeu"))
    return "-".join("".join(c if c.isalnum() else " " for c in s).split())


def _words(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _den(d: date, year: int) -> str:
    return f"den {d.day} {MONTHS[d.month - 1]}" + ("" if d.year == year else f" {d.year}")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


_FMT = string.Formatter()


def _slots(tpl: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for _t, f, _s, _c in _FMT.parse(tpl) if f))


# Running text. Slots: a = an attendee who presents, x = an attendee, m/m2 = municipalities,
# org = regional organisation, norg = national organisation, uni = university, p = project,
# topic = topic phrase, year, d = a later date.
GENERIC = (
    "{a} informerar om läget i arbetet med {topic}.",
    "Vi diskuterar hur {topic} kan samordnas bättre mellan kommunerna i länet.",
    "{m} och {m2} har påbörjat ett gemensamt arbete kring {topic}.",
    "Det finns behov av en länsgemensam kartläggning av {topic}.",
    "{a} berättar att {org} har fått ett nytt uppdrag som rör {topic}.",
    "Nätverket konstaterar att frågan behöver följas upp på kommande möte.",
    "Många kommuner upplever att {topic} tar mycket tid i anspråk och att resurserna inte räcker till.",
    "{norg} har publicerat nytt kunskapsstöd om {topic}, länk skickas ut med anteckningarna.",
    "Diskussion kring hur vi kan ta tillvara erfarenheterna från {m}.",
    "Bilder bifogas minnesanteckningarna.",
    "{x} påpekar att det är viktigt att brukarnas perspektiv finns med i arbetet.",
    "Det är oklart hur finansieringen ser ut efter {year}.",
    "{m} lyfter att det saknas en gemensam struktur för {topic}.",
    "Representanter från {org} deltar gärna i en arbetsgrupp.",
    "Frågan har även diskuterats med {org} som ser positivt på ett fortsatt samarbete.",
    "{a} redogör för resultaten från den senaste uppföljningen, som visar både förbättringar och kvarstående "
    "utmaningar.",
    "Alla kommuner ombeds se över sina rutiner inför nästa möte.",
    "Det upplevs som positivt att fler aktörer är involverade, men arbetet förväntas ske inom befintliga "
    "resurser vilket är svårt.",
    "En enkät om {topic} kommer att skickas ut till kommunerna.",
    "{norg} och {org} har haft ett gemensamt möte om {topic}.",
    "{x} menar att det behövs tydligare ansvarsfördelning mellan kommun och region.",
    "I {m} har man goda erfarenheter av att arbeta i team tillsammans med {org}.",
    "Vi enas om att återkomma till frågan när underlaget från {org} är klart.",
    "Konferens om {topic} {d}, inbjudan skickas ut.",
    "Under diskussionen framkommer att flera kommuner har svårt att rekrytera erfarna socialsekreterare, "
    "vilket påverkar möjligheten att arbeta förebyggande med {topic}.",
    "{a} presenterar en sammanställning av statistiken för länet som visar att antalet ärenden har ökat "
    "jämfört med föregående år.",
    "Det är viktigt att arbetet med {topic} förankras i ledningsgrupperna i respektive kommun innan beslut fattas.",
    "Gruppen ser ett behov av att ta fram en gemensam handlingsplan för {topic} under {year}.",
    "{m} har tagit fram en lokal rutin som övriga kommuner kan ta del av, och den bifogas anteckningarna.",
    "Det behövs en tydligare struktur för hur frågor lyfts mellan de olika nätverken i länet.",
    "{x} lyfter vikten av att barnets perspektiv tydliggörs i alla delar av processen.",
    "Sammantaget bedöms arbetet ha gett goda resultat, men det finns fortfarande stora skillnader mellan kommunerna.",
    "Flera deltagare vittnar om en ansträngd arbetssituation och om svårigheter att hinna med det "
    "utvecklingsarbete som planerats.",
    "{a} går igenom underlaget och svarar på frågor från deltagarna.",
)
PROJECT_TEXT = (
    "{a} ger en lägesrapport om {p}.",
    "Arbetet med {p} fortskrider enligt plan och en reviderad tidsplan presenteras.",
    "{m} och {m2} deltar i {p} från och med i år.",
    "{p} har utvärderats av {uni} och rapporten blir klar under hösten.",
    "Det finns ett stort intresse för {p} i länet, men finansieringen efter projekttiden är oklar.",
    "{a} berättar om erfarenheterna från {p} i {m}.",
    "Utbildningsinsatser och uppföljning inom {p} genomförs kontinuerligt.",
    "Nationellt pågår en förstudie om {p} i samarbete med {norg}.",
    "Viktigt att {p} synkas med pågående arbete kring {topic}.",
    "Processledarna har fått in förslag från kommunerna på tester inom {p}, vilket är väldigt positivt.",
    "{x} undrar hur {p} ska förankras hos politiken i kommunerna.",
    "Tidsplanen för {p} kan behöva justeras eftersom verksamheterna är hårt belastade just nu.",
    "Inom {p} har en arbetsgrupp med representanter från {m}, {m2} och {org} tagit fram ett förslag till "
    "gemensam modell.",
    "{a} presenterar den nya projektplanen för {p} och går igenom mål, aktiviteter och tidsplan för {year}.",
    "Erfarenheterna från {p} visar att samverkan mellan socialtjänst, skola och hälso- och sjukvård är en "
    "förutsättning för att lyckas.",
    "En extern utvärdering av {p} planeras och kontakt har tagits med {uni}.",
    "Barns delaktighet och inflytande i {p} kommer att bli tydligare framöver.",
)
NEWS = (
    "{norg} har aviserat nya föreskrifter som berör {topic}.",
    "{a} informerar om att {org} vill få igång ett arbete kring {topic}.",
    "{norg} har gått ut med information om statsbidrag för {year}.",
    "{a} rapporterar från senaste mötet med {norg}.",
    "{org} har fått en ny chef som tillträder efter sommaren.",
    "{norg} genomför en nationell kartläggning av {topic} där flera kommuner i länet deltar.",
    "{a} berättar om uppdraget att etablera ett regionalt kunskapsstöd kring {topic}.",
)
ROUND = (
    "{m} har rekryterat en ny enhetschef för barn och unga.",
    "{m} har stora utmaningar med bemanningen och använder konsulter.",
    "{m} har infört ett nytt verksamhetssystem.",
    "{m} ser en ökning av antalet orosanmälningar.",
    "{m} genomför en omorganisation från årsskiftet.",
    "{m} har fått medel för ett projekt om {topic}.",
    "{m} har svårt att hitta familjehem och köper fler platser externt.",
    "{m} har startat en ny öppenvårdsinsats för unga.",
)
MENTION = (
    "{mp} är inbjuden till nästa möte för att berätta om {p}.",
    "{mp}, {mpaff}, har anställts som samordnare för {p}.",
    "Kontakt kan tas med {mp} på {mpaff} för mer information om {topic}.",
    "Vi hälsar {mp} välkommen som ny {mptitle} på {mpaff}.",
    "{mp} har skrivit en rapport om {topic} som skickas ut med anteckningarna.",
    "{mp} från {mpaff} medverkar gärna på ett kommande möte.",
)
_SLOTS = {t: _slots(t) for group in (GENERIC, PROJECT_TEXT, NEWS, ROUND, MENTION) for t in group}

_OPENINGS = {
    "numbered": ("Mötets öppnande", "Godkännande av dagordning"),
    "protocol": ("Val av justerare",),
}


class _Doc:
    """One meeting being written out: collects the text and the truth in the same pass."""

    def __init__(self, world: World, body: Body, mi: int, rng: random.Random, rep: int) -> None:
        self.w, self.body, self.rng, self.mi = world, body, rng, mi
        self.county = body.county
        self.d = body.dates[mi]
        self.year = self.d.year
        self.o = body.ords[mi]
        self.out: list[str] = []
        self.people: dict[int, dict] = {}
        self.orgs: dict[str, None] = {}
        self.munis: dict[str, None] = {}
        self.projects: dict[str, None] = {}
        self.networks: dict[str, None] = {body.name: None}
        self.decisions: list[dict] = []
        self.actions: list[dict] = []
        self.handoffs: dict[tuple[str, str], dict] = {}
        self.introduced: set[int] = set()
        self.first_ok: set[int] = set()
        self.present: list[Person] = []
        self.absent: list[Person] = []
        self.guests: list[Person] = []
        self.mentioned: list[Person] = []
        self.speakers: list[Person] = []
        self.chair: Person | None = None
        self.medskick: dict[str, list[str]] = {}
        self.next_meeting: str | None = None
        if body.project:
            self.projects[body.project] = None
        secretary = next((p for p, s, e in body.seats[body.secretary_seat] if s <= self.o < e), None)
        fmt = body.formats.get(secretary.pid, "numbered") if secretary else "numbered"
        if fmt != "protocol" and (rep or rng.random() < 0.15):
            fmt = rng.choice(FORMATS)
        self.fmt = fmt
        self.secretary = secretary

    # ---- truth helpers -----------------------------------------------------------------------
    def aff(self, p: Person) -> str:
        return self.county.region_name(self.year) if p.aff == "@region" else era_name(p.aff, self.year)

    def note(self, s: str) -> str:
        (self.munis if s in self.w.muni_names else self.orgs)[s] = None
        return s

    def role(self, p: Person, role: str | None, show_aff: bool = False) -> None:
        e = self.people.get(p.pid)
        if e is None:
            e = self.people[p.pid] = {"name": p.name, "affiliation": None, "roles": []}
        if role and role not in e["roles"]:
            e["roles"].append(role)
        if show_aff and e["affiliation"] is None:
            e["affiliation"] = self.note(self.aff(p))

    def full(self, p: Person, role: str | None = None, show_aff: bool = False) -> str:
        self.role(p, role, show_aff)
        self.introduced.add(p.pid)
        return p.name

    def ref(self, p: Person, role: str | None = None) -> str:
        """First name once the person is introduced and the first name is unambiguous, else the full name."""
        self.role(p, role)
        if p.pid in self.introduced and p.pid in self.first_ok and self.rng.random() < 0.8:
            return p.first
        self.introduced.add(p.pid)
        return p.name

    def network(self, b: Body) -> str:
        label = b.label(self.county)
        self.networks[label] = None
        if b.project:
            self.projects[b.project] = None
        return label

    def decide(self, text: str, item: str | None) -> None:
        self.decisions.append({"text": text, "item": item})

    def act(self, text: str, who: Person | None) -> None:
        self.actions.append({"text": text, "assignee": who.name if who else None})

    def handoff(self, question: str, to: str) -> None:
        self.handoffs.setdefault((question, to), {"question": question, "to": to})

    # ---- fillers -----------------------------------------------------------------------------
    def muni(self) -> str:
        return self.note(self.rng.choice(self.county.munis))

    def org(self) -> str:
        r = self.rng.random()
        c = self.county
        if r < 0.3:
            s = c.region_name(self.year)
        elif r < 0.45:
            s = f"Länsstyrelsen {c.name}"
        elif r < 0.6 or not c.orgs:
            s = era_name(
                self.rng.choice(
                    (
                        "BUP",
                        "Barnhälsovården",
                        "Polismyndigheten",
                        "Habiliteringen",
                        "Försäkringskassan",
                        "Arbetsförmedlingen",
                    )
                ),
                self.year,
            )
        else:
            s = self.rng.choice(c.orgs)
        return self.note(s)

    def norg(self) -> str:
        while True:
            name, since = self.rng.choice(NATIONAL_ORGS)
            if since <= self.year:
                return self.note(era_name(name, self.year))

    def project(self) -> str:
        if self.body.project and self.rng.random() < 0.6:
            p = self.body.project
        else:
            while True:
                p, since = self.rng.choice(self.w.projects)
                if since <= self.year:
                    break
        self.projects[p] = None
        return p

    def fill(self, tpl: str, fixed: dict[str, str] | None = None) -> str:
        vals: dict[str, str] = dict(fixed) if fixed else {}
        rng = self.rng
        for s in _SLOTS.get(tpl) or _slots(tpl):
            if s in vals:
                continue
            if s == "a":
                vals[s] = self.ref(rng.choice(self.speakers), "presenter")
            elif s == "x":
                vals[s] = self.ref(rng.choice(self.speakers))
            elif s == "m":
                vals[s] = self.muni()
            elif s == "m2":
                m2 = rng.choice(self.county.munis)
                vals[s] = (
                    self.note(m2)
                    if m2 != vals.get("m")
                    else self.note(self.county.munis[0])
                    if self.county.munis[0] != m2
                    else "regionen"
                )
            elif s == "org":
                vals[s] = self.org()
            elif s == "norg":
                vals[s] = self.norg()
            elif s == "uni":
                vals[s] = self.note(rng.choice(_COUNTY_UNI[self.county.name]))
            elif s == "p":
                vals[s] = self.project()
            elif s == "topic":
                vals[s] = rng.choice(TOPICS)[1]
            elif s == "year":
                vals[s] = str(self.year + 1)
            elif s == "d":
                vals[s] = _den(self.d + timedelta(days=rng.randint(10, 80)), self.year)
        return tpl.format(**vals)

    def sentences(self, pool: tuple[str, ...], k: int, fixed: dict[str, str] | None = None) -> list[str]:
        """k filled sentences, grouped into paragraphs of one to three sentences."""
        done = [self.fill(t, fixed) for t in self.rng.sample(pool, k)]
        out = []
        while done:
            n = self.rng.choice((1, 1, 2, 2, 3))
            out.append(" ".join(done[:n]))
            done = done[n:]
        return out


def _plan_people(doc: _Doc) -> None:
    rng, body, o = doc.rng, doc.body, doc.o
    members = body.members_at(o)
    rng.shuffle(members)
    members.sort(key=lambda sp: sp[0] if sp[0] >= 0 else 999)
    n_abs = min(rng.choice((0, 0, 1, 1, 2, 3)), max(0, len(members) - 4))
    absent_idx = set(rng.sample(range(len(members)), n_abs)) if n_abs else set()
    if doc.secretary is not None:
        absent_idx -= {i for i, (_s, p) in enumerate(members) if p is doc.secretary}
    doc.present = [p for i, (_s, p) in enumerate(members) if i not in absent_idx]
    doc.absent = [p for i, (_s, p) in enumerate(members) if i in absent_idx]
    chair_seat = body.chair_seats[((doc.year - FIRST_YEAR) // 2) % len(body.chair_seats)]
    chairs = [p for s, p in members if s == chair_seat and p in doc.present]
    doc.chair = chairs[0] if chairs and rng.random() < 0.85 else None
    if doc.secretary not in doc.present:
        doc.secretary = None
    in_doc = {p.pid for p in doc.present + doc.absent}
    pool = [p for p, s, e in doc.county.guests if s <= o < e and p.pid not in in_doc]
    rng.shuffle(pool)
    doc.guests = pool[: rng.choice((0, 0, 1, 1, 2, 3))]
    rest = pool[len(doc.guests) :]
    # Mentioned: guests of the county not at the meeting, or people of other bodies.
    mentioned = rest[: rng.choice((0, 1, 1, 2))]
    if rng.random() < 0.3:
        other = rng.choice(doc.county.bodies)
        cand = [p for _s, p in other.members_at(o) if p.pid not in in_doc and p not in doc.guests]
        if cand:
            mentioned.append(rng.choice(cand))
    doc.mentioned = [p for p in dict.fromkeys(mentioned) if p not in doc.guests]
    everyone = doc.present + doc.absent + doc.guests + doc.mentioned
    counts: dict[str, int] = {}
    for p in everyone:
        counts[p.first] = counts.get(p.first, 0) + 1
    doc.first_ok = {p.pid for p in doc.present + doc.guests if counts[p.first] == 1}
    doc.speakers = doc.present or doc.guests or doc.absent


def _plan_items(doc: _Doc) -> list[dict]:
    """Agenda: kinds, presenters and the question trail items, before any text is written."""
    rng, w, body = doc.rng, doc.w, doc.body
    uid = body.offset + doc.mi
    items: list[dict] = []
    fmt = doc.fmt
    for t in _OPENINGS.get(fmt, ()):
        items.append({"kind": "open", "title": t})
    if rng.random() < 0.8 and doc.mi > 0:
        items.append({"kind": "prev"})
    for q, proj, src in w.incoming.get(uid, ()):
        items.append({"kind": "incoming", "q": q, "proj": proj, "src": w.bodies[src], "out": []})
    main = ["project", "project", "topic", "topic", "news", "round", "nominate", "plan"]
    if body.project:
        main += ["project", "project"]
    for kind in rng.sample(main, rng.randint(3, 7)):
        items.append({"kind": kind, "out": []})
    rng.shuffle(items[len(_OPENINGS.get(fmt, ())) + 1 :])
    items.append({"kind": "other", "out": []})
    # Presenters: guests present the items they are invited for.
    guests = list(doc.guests)
    for it in items:
        if it["kind"] in ("project", "topic", "news", "incoming"):
            if guests and rng.random() < 0.7:
                it["presenters"] = [guests.pop()]
            elif doc.present and rng.random() < 0.6:
                it["presenters"] = rng.sample(doc.present, min(len(doc.present), rng.choice((1, 1, 2, 3))))
    # Outgoing handoffs go to the item of the same question, else to any discussion item.
    targets = [it for it in items if "out" in it]
    for q, proj, dst in w.outgoing.get(uid, ()):
        same = [it for it in items if it.get("q") == q]
        (same[0] if same else rng.choice(targets))["out"].append((q, proj, w.bodies[dst]))
    return items


def _decider(doc: _Doc) -> str:
    return doc.body.name if doc.rng.random() < 0.6 else doc.body.btype.decider


def _decision_lines(doc: _Doc, texts: list[str], item: str | None) -> list[str]:
    if not texts:
        return []
    for t in texts:
        doc.decide(t, item)
    who = _decider(doc)
    if doc.fmt == "protocol":
        return [f"{who} beslutar", "", *texts]
    if doc.fmt == "numbered":
        style = doc.rng.random()
        if style < 0.4:
            return [f"{who} beslutade", "", *texts]
        if style < 0.7:
            return [f"{who} beslutade:", *texts]
        return [f"**{who} beslutade:", *texts[:-1], texts[-1] + ".**"]
    if len(texts) == 1 and doc.rng.random() < 0.7:
        return [f"{who} beslutade {texts[0]}."]
    return [f"Beslut: {texts[0]}.", *texts[1:]] if doc.rng.random() < 0.5 else [f"{who} beslutade", *texts]


def _handoff_lines(doc: _Doc, it: dict) -> list[str]:
    """Sentences that send the item's questions on; some go to a "Medskick till" list instead."""
    lines = []
    rng = doc.rng
    for q, proj, dst in it.get("out", ()):
        if proj:
            doc.projects[proj] = None
        label = doc.network(dst)
        doc.handoff(q, label)
        r = rng.random()
        if doc.fmt in ("inline", "markdown") and r < 0.35:
            doc.medskick.setdefault(label, []).append(q)
            if rng.random() < 0.5 and doc.present:
                p = rng.choice(doc.present)
                lines.append(f"{doc.ref(p)} ska ta med sig frågan om {q} till {label}.")
                doc.act(f"ta med sig frågan om {q} till {label}", p)
        elif r < 0.6 and doc.present and doc.fmt != "protocol":
            p = rng.choice(doc.present)
            if rng.random() < 0.5:
                lines.append(f"{doc.ref(p)} ska ta med sig frågan om {q} till {label}.")
                doc.act(f"ta med sig frågan om {q} till {label}", p)
            else:
                lines.append(f"{doc.ref(p)} tar upp frågan om {q} med {label}.")
                doc.act(f"tar upp frågan om {q} med {label}", p)
        elif r < 0.8:
            lines.append(
                rng.choice(
                    (
                        f"Frågan om {q} tas upp i {label}.",
                        f"Frågan om {q} lämnas vidare till {label}.",
                        f"Vi diskuterar {q}. Frågan tas upp i {label}.",
                    )
                )
            )
        else:
            it.setdefault("decisions", []).append(f"att lämna frågan om {q} vidare till {label}")
            if doc.fmt == "protocol":
                lines.append(f"Ärendet om {q} överlämnas till {label}.")
    return lines


def _item_text(doc: _Doc, it: dict, num: str | None) -> tuple[str, list[str], list[str]]:
    """(title, paragraphs, decision texts) of one agenda item."""
    rng, kind = doc.rng, it["kind"]
    paras: list[str] = []
    dec: list[str] = it.setdefault("decisions", [])
    for p in it.get("presenters", ()):
        doc.role(p, "presenter")
    speakers = doc.speakers
    if it.get("presenters"):
        doc.speakers = it["presenters"]
    if kind == "open":
        title = it["title"]
        if title == "Godkännande av dagordning":
            dec.append("att godkänna dagordningen")
        elif title == "Val av justerare":
            j = it["justerare"]
            text = f"{doc.full(j)} utses att tillsammans med ordföranden justera protokollet"
            paras.append(text + ".")
            doc.decide(text, num)
        elif doc.chair and rng.random() < 0.6:
            paras.append(f"{doc.ref(doc.chair)} hälsade välkommen och öppnade mötet.")
    elif kind == "prev":
        prev = doc.body.dates[doc.mi - 1]
        title = "Föregående protokoll" if doc.fmt == "protocol" else "Föregående minnesanteckningar"
        if doc.fmt == "numbered":
            title += " " + prev.strftime("%y%m%d")
        if doc.fmt == "inline":
            paras.append("Minnesanteckningarna läggs till handlingarna.")
            doc.decide("Minnesanteckningarna läggs till handlingarna", num)
        elif doc.fmt == "protocol":
            dec.append("att lägga protokollet till handlingarna")
        elif rng.random() < 0.8:
            dec.append("att lägga minnesanteckningarna till handlingarna")
        else:
            paras.append(f"Minnesanteckningarna från mötet {_den(prev, doc.year)} gicks igenom och godkändes.")
    elif kind == "incoming":
        q, src = it["q"], it["src"]
        label = doc.network(src)
        if it["proj"]:
            doc.projects[it["proj"]] = None
        title = _cap(q) if rng.random() < 0.6 else f"Medskick från {label}: {_cap(q)}"
        paras.append(
            rng.choice(
                (
                    f"Frågan om {q} har lyfts från {label}.",
                    f"{label} har skickat med frågan om {q} till {doc.body.name}.",
                    f"Frågan om {q} kommer som ett medskick från {label}.",
                )
            )
        )
        paras += doc.sentences(GENERIC, rng.randint(2, 4), {"topic": q})
        if rng.random() < 0.4:
            dec.append(
                rng.choice(
                    (
                        f"att ge en arbetsgrupp i uppdrag att utreda frågan om {q}",
                        "att lägga informationen till handlingarna",
                        f"att ställa sig bakom förslaget om {q}",
                    )
                )
            )
    elif kind == "project":
        p = doc.project()
        title = rng.choice((p, f"Lägesrapport {p}", f"Information om {p}", f"{p} – uppföljning"))
        paras += doc.sentences(PROJECT_TEXT, rng.randint(3, 6), {"p": p})
        if rng.random() < 0.6:
            dec.append(
                rng.choice(
                    (
                        "att lägga informationen till handlingarna",
                        f"att avsätta medel för {p} under {doc.year + 1}",
                        f"att ställa sig bakom den reviderade tidsplanen för {p}",
                    )
                )
            )
    elif kind == "topic":
        title, phrase = rng.choice(TOPICS)
        paras += doc.sentences(GENERIC, rng.randint(3, 7), {"topic": phrase})
        if rng.random() < 0.3:
            dec.append("att lägga informationen till handlingarna")
    elif kind == "news":
        title = rng.choice(
            (
                "Aktuellt från regional och nationell nivå",
                "Rapporter och delgivningar",
                "Information från regionen",
                "Omvärldsbevakning",
            )
        )
        paras += doc.sentences(NEWS, rng.randint(2, 5))
        if rng.random() < 0.5:
            dec.append("att lägga informationen till handlingarna")
    elif kind == "round":
        title = rng.choice(("Laget runt", "Rapporter från kommunerna", "Aktuellt i kommunerna"))
        paras += doc.sentences(ROUND, rng.randint(3, 6))
    elif kind == "nominate":
        other = [b for b in doc.county.bodies if b is not doc.body]
        cand = doc.present or doc.guests
        if other and cand:
            b = rng.choice(other)
            label = doc.network(b)
            title = f"Beslut om representant till {label}"
            paras.append(f"Det finns behov av en representant från {doc.body.name} i {label}.")
            dec.append(f"att utse {doc.full(rng.choice(cand))} till representant i {label}")
        else:
            title = "Representation"
            paras.append("Frågan om representation bordläggs till nästa möte.")
    elif kind == "plan":
        if doc.d.month >= 8:
            title = f"Verksamhetsplan {doc.year + 1}"
            paras.append(f"Ett förslag till verksamhetsplan för {doc.year + 1} har skickats ut inför mötet.")
            dec.append(f"att godkänna verksamhetsplanen för {doc.year + 1}")
        else:
            title = f"Verksamhetsberättelse {doc.year - 1}"
            paras.append(f"Verksamhetsberättelsen för {doc.year - 1} har sammanställts av {doc.org()}.")
            dec.append(f"att godkänna verksamhetsberättelsen för {doc.year - 1}")
    else:  # other
        title = "Övriga frågor"
        if it["out"] and doc.present:
            p = rng.choice(doc.present)
            q = it["out"][0][0]
            paras.append(f"{doc.full(p, show_aff=True)}, {doc.aff(p)} väckte frågan om {q}.")
        elif not it["out"]:
            paras.append("Inga övriga frågor." if rng.random() < 0.5 else doc.fill(rng.choice(GENERIC)))
    # Mentioned people, actions and handoffs go into whatever discussion item comes first.
    if kind in ("project", "topic", "news", "incoming") and doc.mentioned and rng.random() < 0.6:
        mp = doc.mentioned.pop()
        tpl = rng.choice(MENTION)
        paras.append(
            doc.fill(
                tpl,
                {"mp": doc.full(mp, "mentioned", show_aff="{mpaff}" in tpl), "mpaff": doc.aff(mp), "mptitle": mp.title},
            )
        )
    if kind in ("project", "topic", "incoming", "news") and doc.present and rng.random() < 0.35:
        p = rng.choice(doc.present)
        r = rng.random()
        if r < 0.4:
            t = f"återkommer med en sammanställning om {rng.choice(TOPICS)[1]} till nästa möte"
            doc.act(t, p)
            paras.append(f"{doc.ref(p)} {t}.")
        elif r < 0.7:
            org = doc.org()
            t = f"bjuder in {org} till ett kommande möte"
            doc.act(t, p)
            paras.append(f"{doc.ref(p)} {t}.")
        else:
            due = _den(doc.d + timedelta(days=21), doc.year)
            t = f"Alla kommuner ombeds inkomma med synpunkter senast {due}"
            doc.act(t, None)
            paras.append(t + ".")
    paras += _handoff_lines(doc, it)
    doc.speakers = speakers
    return title, paras, dec


def _person_line(doc: _Doc, p: Person, style: str, role: str = "present") -> str:
    name = doc.full(p, role, show_aff=True)
    aff = doc.aff(p)
    chair = p is doc.chair
    if chair:
        doc.role(p, "chair")
    if style == "inline":
        return f"{name} ordf. {aff}" if chair else f"{name} {aff}"
    if style == "lines":
        if chair:
            return f"{name} {aff}, Ordförande"
        return f"{name}, {aff}" if doc.rng.random() < 0.9 else f"{name}, {aff} (ersättare)"
    if style == "protocol":
        party = f" ({p.party})" if p.party else ""
        return f"{name}{party}, ordförande, {aff}" if chair else f"{name}{party}, {aff}"
    return f"{name}, {aff}, ordförande" if chair else f"{name}, {aff}"


def _place(doc: _Doc) -> str:
    rng = doc.rng
    if 2020 <= doc.year <= 2021 and rng.random() < 0.85:
        return "Teams"
    if doc.year >= 2020 and rng.random() < 0.4:
        return rng.choice(("Teams", "Zoom"))
    return f"{rng.choice(('Regionens hus', 'Stadshuset', 'Kommunhuset', 'Folkets hus'))}, {doc.muni()}"


def _render(doc: _Doc) -> None:
    rng, out, body, d, fmt = doc.rng, doc.out, doc.body, doc.d, doc.fmt
    items = _plan_items(doc)
    numbered = fmt in ("inline", "numbered", "protocol") or rng.random() < 0.7
    if fmt == "protocol":
        start = 1 + sum(1 for x in body.dates[: doc.mi] if x.year == doc.year) * 7
        nums = [str(start + i) for i in range(len(items))]
        cand = [p for p in doc.present if p is not doc.chair and p is not doc.secretary]
        for it in items:
            if it["title" if "title" in it else "kind"] == "Val av justerare":
                if cand:
                    it["justerare"] = rng.choice(cand)
                else:
                    items.remove(it)
                    nums.pop()
                break
    else:
        nums = [str(i + 1) for i in range(len(items))] if numbered else [None] * len(items)  # type: ignore[misc]
    item_of = {id(it): n for it, n in zip(items, nums, strict=True)}
    nxt = body.dates[doc.mi + 1] if doc.mi + 1 < len(body.dates) else None
    state_next = nxt is not None and (nxt - d).days < 200 and rng.random() < (0.5 if fmt == "lines" else 0.8)
    place = _place(doc) if fmt in ("markdown", "numbered", "protocol") else ""
    tm = rng.choice(TIMES)
    sec = doc.secretary
    lan = doc.county.lan

    # ---- header and attendance ----
    if fmt == "inline":
        out += ["", "", "", ""]
        if sec and rng.random() < 0.8:
            mail = f"{_slug(sec.first)}.{_slug(sec.last).replace('-', '')}@{_slug(doc.aff(sec)).replace('-', '')}.se"
            out += [
                "Handläggare",
                doc.full(sec, "author"),
                f"0{rng.randint(10, 99)}-{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                mail,
                "",
            ]
        out += ["Datum", (d + timedelta(days=rng.randint(1, 9))).isoformat(), ""]
        out += [f"{body.name} {d.isoformat()}" if rng.random() < 0.6 else f"{body.name}, {lan}, {_words(d)}", ""]
        # Guests stand in the same list here, so nothing marks them as guests.
        listed = [_person_line(doc, p, "inline") for p in doc.present + doc.guests]
        out.append("Närvarande: " + ", ".join(listed))
        if doc.absent:
            out += [
                "",
                rng.choice(("Förhinder: ", "Frånvarande: "))
                + ", ".join(f"{doc.full(p, 'absent', True)} {doc.aff(p)}" for p in doc.absent),
            ]
        out.append("")
    elif fmt == "lines":
        top = d.isoformat() if rng.random() < 0.7 else f"Datum: {_words(d)}"
        out += ["", "", top, "", "MÖTESANTECKNINGAR", "", "", "", "Mötesanteckningar", ""]
        title = f"{body.name} - i {lan}." if rng.random() < 0.6 else f"{body.name}, {lan}"
        if body.project and rng.random() < 0.5:
            title = title.replace(body.project, f"*{body.project}*")
        out += [title, ""]
        if rng.random() < 0.5:
            out += [rng.choice(_TAGLINES), ""]
        if doc.chair:
            out += [
                "Ordförande hälsar välkommen",
                "",
                f"{doc.full(doc.chair)} hälsar välkomna och går igenom vilka som deltar på mötet.",
                "",
            ]
        out += [rng.choice(("Närvarande är:", "Närvarande:")), ""]
        for p in doc.present:
            out += [_person_line(doc, p, "lines"), ""]
        if doc.guests:
            out += [rng.choice(("Övriga närvarande:", "Adjungerade:", "Medverkande:")), ""]
        for g in doc.guests:
            out += [f"{doc.full(g, 'guest', True)}, {g.title}, {doc.aff(g)}", ""]
            doc.role(g, "present")
        if doc.absent:
            out += [rng.choice(("Frånvarande är:", "Frånvarande:")), ""]
            for p in doc.absent:
                out += [_person_line(doc, p, "lines", "absent"), ""]
    elif fmt == "markdown":
        head = f"# Minnesanteckningar {body.name}" if rng.random() < 0.5 else f"**{body.name}, {lan}**"
        when = _words(d) if rng.random() < 0.5 else d.isoformat()
        out += ["", head, "", f"**Datum:** {when}  ", f"**Plats:** {place}", ""]
        out += ["**Närvarande:**", ""]
        out += [_person_line(doc, p, "markdown") + "  " for p in doc.present]
        if doc.guests:
            out.append("")
            for g in doc.guests:
                n = next((item_of[id(it)] for it in items if g in it.get("presenters", ())), None)
                tail = f" punkt {n}" if n and numbered else ""
                out.append(f"{doc.full(g, 'guest', True)}, {doc.aff(g)}{tail}  ")
                doc.role(g, "present")
        if doc.absent:
            out += [
                "",
                "**Frånvarande:** " + "; ".join(f"{doc.full(p, 'absent', True)}, {doc.aff(p)}" for p in doc.absent),
            ]
        out.append("")
    elif fmt == "numbered":
        written = (d + timedelta(days=rng.randint(1, 6))).isoformat()
        out += [
            "",
            "",
            "",
            "",
            "Minnesanteckningar",
            "",
            f"Datum: {written}",
            "",
            f"{body.name} i {doc.county.name}",
            "",
            f"Datum: {_words(d)}",
            "",
            f"Tid: {tm}",
            "",
            f"Plats: {place}",
            "",
        ]
        names = [doc.full(p, "present") for p in doc.present]
        if doc.chair:
            names[doc.present.index(doc.chair)] += " (ordförande)"
            doc.role(doc.chair, "chair")
        tail = " samt föredragande och medverkande enligt nedan." if doc.guests else "."
        out += ["Närvarande: " + ", ".join(names) + tail, ""]
        if doc.absent:
            out += ["Frånvarande: " + ", ".join(doc.full(p, "absent") for p in doc.absent), ""]
    else:  # protocol
        out += [
            "PROTOKOLL",
            "",
            body.name,
            "",
            f"Dag och tid: {_cap(WEEKDAYS[d.weekday()])} den {_words(d)} kl {tm}",
            f"Plats: {place}",
            "",
            "Ledamöter",
            "Närvarande:",
        ]
        out += [_person_line(doc, p, "protocol") for p in doc.present if p is not sec]
        if doc.absent:
            out += ["Inte närvarande:"] + [_person_line(doc, p, "protocol", "absent") for p in doc.absent]
        if sec:
            out.append(f"Sekreterare: {doc.full(sec, 'secretary', True)}, {doc.aff(sec)}")
            doc.role(sec, "present")
        if doc.guests:
            out.append("Övriga: " + ", ".join(f"{doc.full(g, 'guest', True)}, {doc.aff(g)}" for g in doc.guests))
            for g in doc.guests:
                doc.role(g, "present")
        just = next((it.get("justerare") for it in items if "justerare" in it), None)
        if just:
            out.append(f"Justerare: {doc.full(just)}")
        out.append("")

    # ---- items ----
    heading_style = rng.random()
    for it, num in zip(items, nums, strict=True):
        title, paras, dec = _item_text(doc, it, num)
        if fmt == "protocol":
            head = f"§ {num} {title}"
        elif fmt == "markdown":
            label = f"{num}. {title}" if num else title
            s = heading_style if heading_style < 0.6 else rng.random()
            if s < 0.3:
                head = f"**{label}**"
            elif s < 0.45:
                head = f"### {label}"
            elif s < 0.55:
                head = f"## **{label}**"
            else:
                head = f"## {label}"
        else:
            head = f"{num}. {title}" if num else title
        out += [head, ""]
        if fmt == "numbered" and it.get("presenters"):
            pres = it["presenters"]
            out += [
                "Föredragande: "
                + ", ".join(
                    f"{doc.full(p, 'presenter', True)}, {_cap(p.title)} {doc.aff(p)}"
                    if p in doc.guests
                    else doc.full(p, "presenter")
                    for p in pres
                ),
                "",
            ]
            for p in pres:
                if p in doc.guests:
                    doc.role(p, "guest")
                    doc.role(p, "present")
        for para in paras:
            out += [para, ""]
        dlines = _decision_lines(doc, dec, num)
        if dlines:
            out += [*dlines, ""]

    # ---- next meeting, medskick, signature ----
    if state_next and nxt:
        if fmt == "protocol":
            out += [f"Nästa sammanträde äger rum {_den(nxt, doc.year)}.", ""]
        elif fmt == "markdown":
            out += [
                f"## Nästa nätverksmöte {_den(nxt, doc.year)[4:]}"
                if nxt.year == doc.year
                else f"## Nästa möte {nxt.isoformat()}",
                "",
            ]
        else:
            out += [
                rng.choice(
                    (
                        f"Nästa möte {nxt.isoformat()} kl {rng.choice(TIMES)}.",
                        f"Nästa möte: {_den(nxt, doc.year)} kl. {rng.choice(TIMES)}.",
                        f"Nästa möte äger rum {_den(nxt, doc.year)}.",
                    )
                ),
                "",
            ]
        doc.next_meeting = nxt.isoformat()
    for label, qs in doc.medskick.items():
        out += [f"Medskick till {label}:", ""]
        out += [f"- {_cap(q)}" for q in qs] if fmt == "markdown" else [x for q in qs for x in (_cap(q), "")]
        out.append("")
    if fmt == "protocol" and sec:
        out += ["Vid protokollet", "", doc.full(sec), ""]
        if doc.chair:
            out += ["Ordförande", "", doc.full(doc.chair), ""]
    elif sec and fmt == "inline" and sec.pid in doc.people and "author" in doc.people[sec.pid]["roles"]:
        out += [doc.full(sec), "", _cap(sec.title)]
    elif sec and rng.random() < 0.7:
        tag = rng.choice(("Antecknat av", "Vid pennan", "Minnesanteckningar:"))
        out += [f"{tag}{' ' if tag.endswith(':') else chr(10) + chr(10)}{doc.full(sec, 'secretary')}"]
    elif fmt == "lines" and doc.chair:
        out += ["Avslutning", "", f"{doc.ref(doc.chair)} tackade och avslutade mötet."]


def _render_doc(world: World, uid: int, serial: int, rep: int) -> SyntheticDoc:
    body, mi = world.meeting(uid)
    rng = random.Random(world.seed * 1_000_003 + uid * 7 + rep)
    doc = _Doc(world, body, mi, rng, rep)
    _plan_people(doc)
    _render(doc)
    truth = {
        "meeting": {
            "date": doc.d.isoformat(),
            "body": body.name,
            "region": body.county.name,
            "next_meeting": doc.next_meeting,
        },
        "people": list(doc.people.values()),
        "organizations": list(doc.orgs),
        "municipalities": list(doc.munis),
        "projects": list(doc.projects),
        "networks": list(doc.networks),
        "decisions": doc.decisions,
        "actions": doc.actions,
        "handoffs": list(doc.handoffs.values()),
    }
    name = f"{serial:07d}_{_slug(body.name)}_{_slug(body.county.name)}_{doc.d.isoformat()}.txt"
    meta = {
        "uid": uid,
        "body_id": body.bid,
        "body": body.name,
        "county_code": body.county.code,
        "format": doc.fmt,
        "repeat": rep,
    }
    return SyntheticDoc(name, "\n".join(doc.out).rstrip() + "\n", truth, meta)


def generate(n_docs: int, seed: int = 0) -> Iterator[SyntheticDoc]:
    """Yield n_docs minutes of distinct meetings of the seed's world (busy bodies more often).

    The first k documents of generate(n) are those of generate(k). Beyond the world's number of
    meetings (about 20,000) meetings repeat, rendered afresh (meta["repeat"] > 0).
    """
    world = build_world(seed)
    rng = random.Random(f"samkarta-synthetic-pick-{seed}")
    keys = [0.0] * world.total_meetings
    for b in world.bodies:
        inv = 1.0 / b.weight
        for uid in range(b.offset, b.offset + len(b.dates)):
            keys[uid] = rng.random() ** inv
    total = world.total_meetings
    order = heapq.nlargest(min(n_docs, total), range(total), key=keys.__getitem__)
    for serial in range(n_docs):
        rep, k = divmod(serial, len(order))
        yield _render_doc(world, order[k], serial, rep)


def write_corpus(out_dir: Path, n_docs: int, seed: int = 0, truth: bool = False) -> list[Path]:
    """Write n_docs minutes as OUT_DIR/NAME.txt (and their truth as OUT_DIR/truth/NAME.json)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if truth:
        (out_dir / "truth").mkdir(exist_ok=True)
    paths = []
    for doc in generate(n_docs, seed):
        path = out_dir / doc.name
        path.write_text(doc.text, encoding="utf-8")
        if truth:
            (out_dir / "truth" / (path.stem + ".json")).write_text(
                json.dumps(doc.truth, ensure_ascii=False, indent=1), encoding="utf-8"
            )
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--truth", action="store_true", help="also write OUT_DIR/truth/NAME.json (gold schema)")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    paths = write_corpus(a.out_dir, a.docs, a.seed, a.truth)
    dt = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in paths)
    print(
        f"wrote {len(paths)} documents ({size / 1e6:.1f} MB) to {a.out_dir} in {dt:.1f} s "
        f"({len(paths) / dt:.0f} docs/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
