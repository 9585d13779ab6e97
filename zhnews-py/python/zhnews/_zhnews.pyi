"""Type stubs of the native module ``zhnews._zhnews`` (PyO3)."""

import datetime
from typing import Any, Dict, Iterable, List, Literal, Optional, TypedDict, Union

from typing_extensions import NotRequired

__version__: str

DateLike = Union[str, datetime.date, None]
"""A reference date: ``"YYYY-MM-DD"``, a ``datetime.date`` (a
``datetime.datetime`` counts by its date), or ``None``."""

class Quantity(TypedDict):
    """SPEC.md "Quantity". Exact values are decimal strings (``"240000000"``);
    a range has ``low`` and ``high`` and no ``value``."""

    kind: Literal["money", "percent", "percentage_point", "count", "number", "ordinal", "multiple"]
    text: str
    start: int
    end: int
    value: NotRequired[str]
    low: NotRequired[str]
    high: NotRequired[str]
    unit: Optional[str]
    qualifier: Optional[Literal["approx", "over", "under", "at_least", "at_most"]]

class Time(TypedDict):
    """SPEC.md "Time": ``value`` is ``"2024-Q2"``, ``"2024-08-21"``, a span
    ``"A/B"``, ...; a relative time without a reference date has ``value``
    ``None`` and an ``offset`` (``"-1y"``)."""

    text: str
    start: int
    end: int
    value: Optional[str]
    relative: bool
    offset: NotRequired[str]

class Entity(TypedDict):
    """SPEC.md "Entity"."""

    kind: Literal["org", "person", "place", "product"]
    text: str
    start: int
    end: int

class Change(TypedDict):
    """The change of a claim."""

    basis: Optional[Literal["yoy", "qoq", "mom", "ytd"]]
    direction: Literal["up", "down"]
    value: Optional[Quantity]

class Claim(TypedDict):
    """SPEC.md "Claim"."""

    subject: Optional[str]
    metric: Optional[str]
    period: Optional[str]
    value: Optional[Quantity]
    change: Optional[Change]
    start: int
    end: int

class Document(TypedDict):
    """SPEC.md "Document", without the ``id``: one line of ``zhnews
    extract``, parsed, less its ``id``."""

    quantities: List[Quantity]
    times: List[Time]
    entities: List[Entity]
    claims: List[Claim]

class Analyzer:
    """Analyzes Chinese finance news: quantities, times, entities, claims.

    ``ref_date`` resolves relative times of texts that bring no date of
    their own; ``threads`` is the size of the pool that the batch methods
    run on (``None``: all cores, or ``RAYON_NUM_THREADS``). Picklable
    (unpickling builds a new analyzer with the same arguments); safe to use
    in a process forked from one that used it.
    """

    def __init__(self, ref_date: DateLike = None, threads: Optional[int] = None) -> None: ...
    @property
    def ref_date(self) -> Optional[str]:
        """The default reference date, ``"YYYY-MM-DD"``, or ``None``."""
    @property
    def threads(self) -> Optional[int]:
        """The size of the batch pool, or ``None`` for all cores."""
    def analyze(self, text: str, date: DateLike = None) -> Document:
        """The document of one text; ``date`` overrides ``ref_date``."""
    def analyze_json(self, text: str, date: DateLike = None) -> str:
        """``analyze`` as the JSON text ``zhnews extract`` writes (no ``id``)."""
    def analyze_batch(
        self, texts: Iterable[str], dates: Optional[Iterable[DateLike]] = None
    ) -> List[Document]:
        """``analyze`` of every text, in order, on the pool, GIL released.
        ``dates`` has one date (or ``None``) per text."""
    def analyze_batch_json(
        self, texts: Iterable[str], dates: Optional[Iterable[DateLike]] = None
    ) -> List[str]:
        """``analyze_batch`` as JSON texts, serialized on the pool too."""
    def analyze_records(
        self, texts: Iterable[Optional[str]], dates: Optional[Iterable[Any]] = None
    ) -> List[Union[Document, Dict[str, str]]]:
        """Like ``analyze_batch``, but a record that cannot be analyzed (text
        ``None`` or not a str, an invalid date) gives ``{"error": message}``
        with the CLI's message instead of raising."""
    def __reduce__(self) -> Any: ...

def normalize(expr: str, ref_date: DateLike = None) -> Union[Quantity, Time]:
    """One quantity or, failing that, one time expression, as ``zhnews
    normalize`` prints it. Raises ``ValueError`` with the library's message
    when it is neither."""
