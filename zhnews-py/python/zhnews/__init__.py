"""zhnews: exact quantities, times, entities and numeric claims from Chinese
finance news, with the Rust engine of the ``zhnews`` crate and CLI.

>>> import zhnews
>>> doc = zhnews.Analyzer().analyze("营收 889 亿元，同比增长 32%")
>>> doc["quantities"][0]["value"], doc["quantities"][0]["unit"]
('88900000000', 'CNY')

Every result is a document of the crate's output contract (SPEC.md), the
same as a line of ``zhnews extract`` without its ``id``:
``{"quantities": [...], "times": [...], "entities": [...], "claims": [...]}``.
Exact values (``value``, ``low``, ``high``) are decimal *strings*, as in the
JSON (``"88900000000"``, ``"0.32"``): pass them to ``decimal.Decimal`` for
arithmetic, never to ``float`` if exactness matters. ``start``/``end`` are
byte offsets into the UTF-8 encoding of the text
(``text.encode()[start:end].decode()`` is the expression).

- :class:`Analyzer`: ``analyze``/``analyze_json`` for one text,
  ``analyze_batch``/``analyze_batch_json`` for many on all cores (the GIL is
  released), ``analyze_records`` for data frames (bad rows give an error
  instead of an exception). Picklable; safe to use after ``fork``.
- :func:`shared_analyzer`: the one analyzer of this process for a given
  reference date (for Spark and multiprocessing workers).
- :func:`normalize`: one expression (``"2.4 亿美元"``, ``"去年二季度"``).
- :mod:`zhnews.spark`: a ready ``mapInArrow`` function and its schema
  (needs pyarrow).
- :mod:`zhnews.results`: the shapes of the results as ``TypedDict`` types.
"""

from __future__ import annotations

import datetime
import os
import threading
from typing import Dict, Optional, Tuple, Union

from ._zhnews import Analyzer, __version__, normalize

__all__ = ["Analyzer", "normalize", "shared_analyzer", "__version__"]

_shared: Dict[Tuple[Optional[str], Optional[int]], Analyzer] = {}
_shared_lock = threading.Lock()


def _after_fork_in_child() -> None:
    # a lock held by another thread of the parent at fork time would stay
    # held forever in the child
    global _shared_lock
    _shared_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def shared_analyzer(
    ref_date: Union[str, datetime.date, None] = None, threads: Optional[int] = None
) -> Analyzer:
    """The analyzer of this process for ``ref_date`` and ``threads``, built
    on the first call and returned again by every later one.

    Use it inside functions that Spark, Dask or multiprocessing ship to
    workers: a module-level analyzer of the driver script would be pickled
    with the function and rebuilt for every task, while this one lives in the
    worker process as long as the process does. (The engine behind every
    analyzer, dictionaries and lexicons, is built once per process anyway;
    what is shared here is the analyzer's thread pool.)
    """
    key = (Analyzer(ref_date).ref_date, threads)
    with _shared_lock:
        analyzer = _shared.get(key)
        if analyzer is None:
            analyzer = Analyzer(key[0], threads)
            _shared[key] = analyzer
        return analyzer
