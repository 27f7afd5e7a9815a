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
