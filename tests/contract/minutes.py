"""The invented minutes the contract suites ingest (one meeting, a decision, an action, a handoff)."""

from __future__ import annotations

MINUTES = """Minnesanteckningar

Länsgrupp för familjehemsfrågor 2023-03-09

Närvarande: Torbjörn Wahlgren ordf. Sala, Agneta Lövgren Region Västmanland, Fredrik Ödman Köping

1. Rekrytering av familjehem

Agneta Lövgren informerar om länets kampanj för familjehemmen. Torbjörn ska ta med sig frågan om gemensam \
annonsering till Socialchefsnätverket.

Länsgruppen beslutade
att ställa sig bakom kampanjen.
"""

# minutes that name a person in the genitive in a decision, an action and a handoff
GENITIVE_MINUTES = """Protokoll 2024-05-14

Samverkansgruppen för äldreomsorg i Dalarna

Närvarande: Vibeke Ylvander, Mora; Edvin Pellas, Falun

1. Budget

Gruppen beslutade att anta Vibeke Ylvanders förslag till budget. Vibeke Ylvander:s grupp ska ta fram \
underlaget till nästa möte. Frågan om VIBEKE YLVANDERS förslag och Vibeke
Ylvander's enkät lämnas till Socialchefsnätverket.
"""


# one name spelled two ways in one county, in two bodies and two municipalities: a person merge
# candidate that resolution leaves to people
PAIR_MINUTES = {
    "rug-2023-03-09.txt": """Minnesanteckningar

RUG barn och unga i Dalarna 2023-03-09

Närvarande: Anna Berg ordf. Falun, Karin Lindqvist Borlänge

1. Barnahus

Anna Berg informerar om Barnahus.
""",
    "schnv-2023-05-11.txt": """Minnesanteckningar

Socialchefsnätverket i Dalarna 2023-05-11

Närvarande: Per Lind ordf. Mora, Karin Lindkvist Ludvika

1. Uppföljning

Per Lind redovisar planen.
""",
}
