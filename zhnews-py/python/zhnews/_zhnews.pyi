"""Type stubs of the native module ``zhnews._zhnews`` (PyO3)."""

from typing import Any, Dict, Iterable, List, Optional, Union, final

from .results import Change, DateLike, Document, Quantity, Time

__all__ = ["Analyzer", "normalize", "__version__"]

__version__: str

@final
class Analyzer:
    """Analyzes Chinese finance news: quantities, times, entities, claims.

    ``ref_date`` resolves relative times of texts that bring no date of
    their own; ``threads`` is the size of the pool that the batch methods
    run on (``None``: all cores, or ``RAYON_NUM_THREADS``). Picklable
    (unpickling builds a new analyzer with the same arguments); safe to use
    in a process forked from one that used it.
    """

    def __new__(cls, ref_date: DateLike = None, threads: Optional[int] = None) -> "Analyzer": ...
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
        ``dates`` has one date (or ``None``) per text. Each worker builds
        the dicts of its documents, holding the GIL only for that."""
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
    def analyze_records_jsonl(
        self, texts: Iterable[Optional[str]], dates: Optional[Iterable[Any]] = None
    ) -> bytes:
        """``analyze_records`` as UTF-8 JSON lines, one per record, each
        ending in a newline: the input of Arrow's JSON reader."""
    def __reduce__(self) -> Any: ...

def normalize(expr: str, ref_date: DateLike = None) -> Union[Quantity, Time, Change]:
    """One quantity or, failing that, one time expression or a change phrase
    (``同比增长 14%``: basis, direction and the quantity), as ``zhnews
    normalize`` prints it. Raises ``ValueError`` with the library's message
    when it is none of them."""
