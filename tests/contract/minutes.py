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
