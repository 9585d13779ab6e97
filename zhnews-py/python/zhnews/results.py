"""The shapes of zhnews results (SPEC.md), as ``TypedDict`` types for
annotations: ``def f(doc: zhnews.results.Document) -> None``.

Exact values (``value``, ``low``, ``high``) are decimal strings; ``start``
and ``end`` are byte offsets into the UTF-8 text.
"""

from __future__ import annotations

import datetime
from typing import List, Optional, TypedDict, Union

__all__ = ["DateLike", "Quantity", "Time", "Entity", "Change", "Span", "Claim", "Document"]

DateLike = Union[str, datetime.date, None]
"""A reference date: ``"YYYY-MM-DD"``, a ``datetime.date`` (a
``datetime.datetime`` counts by its date), or ``None``."""


class _Quantity(TypedDict):
    kind: str
    text: str
    start: int
    end: int
    unit: Optional[str]
    qualifier: Optional[str]


class Quantity(_Quantity, total=False):
    """SPEC.md "Quantity": ``kind`` is ``money``, ``percent``,
    ``percentage_point``, ``count``, ``number``, ``ordinal`` or
    ``multiple``; ``value``, or for a range ``low`` and ``high``;
    ``qualifier`` is ``approx``, ``over``, ``under``, ``at_least``,
    ``at_most`` or ``None``."""

    value: str
    low: str
    high: str


class _Time(TypedDict):
    text: str
    start: int
    end: int
    value: Optional[str]
    relative: bool


class Time(_Time, total=False):
    """SPEC.md "Time": ``value`` is ``"2024-Q2"``, ``"2024-08-21"``, a span
    ``"A/B"``, ...; a relative time without a reference date has ``value``
    ``None``, an ``offset`` (``"-1y"``) and, when it names one, the calendar
    ``part`` within that year (``"Q3"`` for ``去年三季度``)."""

    offset: str
    part: str


class Entity(TypedDict):
    """SPEC.md "Entity": ``kind`` is ``org``, ``person``, ``place`` or
    ``product``."""

    kind: str
    text: str
    start: int
    end: int


class Change(TypedDict):
    """The change of a claim: ``basis`` ``yoy``, ``qoq``, ``mom``, ``ytd``
    or ``None``; ``direction`` ``up`` or ``down``."""

    basis: Optional[str]
    direction: str
    value: Optional[Quantity]


class Span(TypedDict):
    """A byte span of the text."""

    start: int
    end: int


class Claim(TypedDict):
    """SPEC.md "Claim", with the spans of its subject and metric mentions."""

    subject: Optional[str]
    metric: Optional[str]
    period: Optional[str]
    value: Optional[Quantity]
    change: Optional[Change]
    start: int
    end: int
    subject_span: Optional[Span]
    metric_span: Optional[Span]


class Document(TypedDict):
    """SPEC.md "Document" without the ``id``: a line of ``zhnews extract``,
    parsed, less its ``id``."""

    quantities: List[Quantity]
    times: List[Time]
    entities: List[Entity]
    claims: List[Claim]
