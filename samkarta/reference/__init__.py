"""Reference facts about Swedish municipalities, counties and organisations (see SOURCES.md)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    county_code: str
    county: str
    region_org: str


@dataclass(frozen=True)
class Organization:
    name: str
    kind: str
    level: str
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Reference:
    municipalities: dict[str, Municipality]  # by SCB code
    municipality_aliases: dict[str, str]  # alias or name -> SCB code
    organizations: dict[str, Organization]  # by canonical name
    organization_aliases: dict[str, str]  # alias or name -> canonical name
    counties: dict[str, str]  # county name -> county code
    provinces: dict[str, str] = field(default_factory=dict)  # province or sub-region -> its county

    def municipality_by_name(self, name: str) -> Municipality | None:
        code = self.municipality_aliases.get(name)
        return self.municipalities.get(code) if code else None

    def region_org_of_county(self, county: str) -> str | None:
        return self._region_org_by_county.get(county)

    def county_of_region_org(self, org_name: str) -> str | None:
        return self._county_by_region_org.get(org_name)

    # indexes built on first use (the first municipality in table order decides, as a scan would):
    # extraction and batch building ask for every region organisation they meet
    @cached_property
    def _region_org_by_county(self) -> dict[str, str]:
        return self._first_of_each("county", "region_org")

    @cached_property
    def _county_by_region_org(self) -> dict[str, str]:
        return self._first_of_each("region_org", "county")

    def _first_of_each(self, key: str, value: str) -> dict[str, str]:
        index: dict[str, str] = {}
        for muni in self.municipalities.values():
            index.setdefault(getattr(muni, key), getattr(muni, value))
        return index


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def load_reference() -> Reference:
    """Load the package's reference tables once per process."""
    municipalities = {
        row["code"]: Municipality(row["code"], row["name"], row["county_code"], row["county"], row["region_org"])
        for row in _rows("municipalities.csv")
    }
    by_name = {m.name: m.code for m in municipalities.values()}
    aliases = dict(by_name)
    for row in _rows("municipality_aliases.csv"):
        aliases[row["alias"]] = by_name[row["name"]]
    organizations: dict[str, Organization] = {}
    org_aliases: dict[str, str] = {}
    # the shared table first, then general national organisations and named national initiatives
    # (models, programmes, methods: they are matched as projects; see SOURCES.md)
    for row in _rows("organizations.csv") + _rows("organizations_national.csv") + _rows("initiatives.csv"):
        alias_list = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        org = Organization(row["name"], row["kind"], row["level"], alias_list)
        organizations[org.name] = org
        for alias in (org.name, *alias_list):
            org_aliases.setdefault(alias, org.name)
    counties = {m.county: m.county_code for m in municipalities.values()}
    provinces = {row["name"]: row["county"] for row in _rows("provinces.csv")}
    return Reference(municipalities, aliases, organizations, org_aliases, counties, provinces)
