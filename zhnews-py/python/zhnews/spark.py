"""zhnews on data frames: a ready ``mapInArrow`` function for PySpark and the
Arrow schema of its rows (needs pyarrow; pyspark only where Spark runs).

>>> out = df.mapInArrow(zhnews.spark.map_in_arrow, zhnews.spark.SPARK_SCHEMA)

``df`` has a string column ``text``, and optionally ``id`` and ``date``
(``"YYYY-MM-DD"``, the document's reference date), as ``spark.read.json`` of
a ``zhnews extract`` input file gives. Each output row is one input row:
``id`` (a string id as is, any other id as its JSON text, ``None`` when
absent), ``error`` (``None``, or why the row could not be analyzed, in the
words of the CLI's error lines), and the document's ``quantities``,
``times``, ``entities`` and ``claims`` as lists of structs with SPEC.md's
field names, the same as the CLI's Parquet output (exact values as decimal
strings, offsets as int64 byte offsets). The lists are ``None`` on an error
row.

:func:`make_map_in_arrow` makes the function for other column names, a
default reference date or another pool size; :func:`analyze_arrow` does the
same work on one ``pyarrow.RecordBatch`` (for Polars, DataFusion, Ray, ...).
The analyzer is :func:`zhnews.shared_analyzer` of the worker process, never
one shipped from the driver.
"""

from __future__ import annotations

import io
import json
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Union

import pyarrow as pa
import pyarrow.json as pa_json

from . import shared_analyzer

__all__ = [
    "SCHEMA",
    "DOCUMENT_SCHEMA",
    "SPARK_SCHEMA",
    "QUANTITY",
    "TIME",
    "ENTITY",
    "SPAN",
    "CLAIM",
    "analyze_arrow",
    "documents",
    "make_map_in_arrow",
    "map_in_arrow",
    "spark_schema",
]

_offset = pa.int64()

QUANTITY = pa.struct(
    [
        pa.field("kind", pa.string()),
        pa.field("text", pa.string()),
        pa.field("start", _offset),
        pa.field("end", _offset),
        pa.field("value", pa.string()),
        pa.field("low", pa.string()),
        pa.field("high", pa.string()),
        pa.field("unit", pa.string()),
        pa.field("qualifier", pa.string()),
    ]
)
"""A quantity (SPEC.md "Quantity"): ``value`` or, for a range, ``low`` and
``high``, as exact decimal strings."""

TIME = pa.struct(
    [
        pa.field("text", pa.string()),
        pa.field("start", _offset),
        pa.field("end", _offset),
        pa.field("value", pa.string()),
        pa.field("relative", pa.bool_()),
        pa.field("offset", pa.string()),
        pa.field("part", pa.string()),
    ]
)
"""A time expression (SPEC.md "Time")."""

ENTITY = pa.struct(
    [
        pa.field("kind", pa.string()),
        pa.field("text", pa.string()),
        pa.field("start", _offset),
        pa.field("end", _offset),
    ]
)
"""A named entity (SPEC.md "Entity")."""

CHANGE = pa.struct(
    [
        pa.field("basis", pa.string()),
        pa.field("direction", pa.string()),
        pa.field("value", QUANTITY),
    ]
)
"""The change of a claim."""

SPAN = pa.struct([pa.field("start", _offset), pa.field("end", _offset)])
"""A byte span of the text (``subject_span``, ``metric_span``)."""

CLAIM = pa.struct(
    [
        pa.field("subject", pa.string()),
        pa.field("metric", pa.string()),
        pa.field("period", pa.string()),
        pa.field("value", QUANTITY),
        pa.field("change", CHANGE),
        pa.field("start", _offset),
        pa.field("end", _offset),
        pa.field("subject_span", SPAN),
        pa.field("metric_span", SPAN),
    ]
)
"""A numeric claim (SPEC.md "Claim")."""

DOCUMENT_SCHEMA = pa.schema(
    [
        pa.field("error", pa.string()),
        pa.field("quantities", pa.list_(QUANTITY)),
        pa.field("times", pa.list_(TIME)),
        pa.field("entities", pa.list_(ENTITY)),
        pa.field("claims", pa.list_(CLAIM)),
    ]
)
"""What :func:`analyze_arrow` reads from the analyzer's JSON lines."""

SCHEMA = pa.schema([pa.field("id", pa.string())] + list(DOCUMENT_SCHEMA))
"""The Arrow schema of the output rows: ``id``, ``error``, ``quantities``,
``times``, ``entities``, ``claims`` (every field nullable, as Spark's are)."""


def _ddl(t: pa.DataType) -> str:
    if pa.types.is_string(t):
        return "string"
    if pa.types.is_int64(t):
        return "bigint"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_list(t):
        return f"array<{_ddl(t.value_type)}>"
    if pa.types.is_struct(t):
        fields = ", ".join(f"`{f.name}`: {_ddl(f.type)}" for f in t)
        return f"struct<{fields}>"
    raise TypeError(f"no Spark type for {t}")


SPARK_SCHEMA = ", ".join(f"`{f.name}` {_ddl(f.type)}" for f in SCHEMA)
""":data:`SCHEMA` as a Spark DDL string, the second argument of
``DataFrame.mapInArrow``."""


def spark_schema() -> Any:
    """:data:`SCHEMA` as a ``pyspark.sql.types.StructType`` (imports pyspark)."""
    from pyspark.sql.types import StructType

    return StructType.fromDDL(SPARK_SCHEMA)


def _ids(column: Optional[pa.Array], n: int) -> pa.Array:
    if column is None:
        return pa.nulls(n, pa.string())
    if pa.types.is_string(column.type):
        return column
    return pa.array(
        [
            v if v is None or isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
            for v in column.to_pylist()
        ],
        pa.string(),
    )


def analyze_arrow(
    batch: Union[pa.RecordBatch, pa.Table],
    *,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    date_column: Optional[str] = "date",
    ref_date: Optional[str] = None,
    threads: Optional[int] = None,
) -> pa.RecordBatch:
    """The output rows (:data:`SCHEMA`) of one Arrow batch or table, one row
    per input row, in order.

    ``text_column`` must exist; ``id_column`` and ``date_column`` are used
    when present. A row's date wins over ``ref_date``, as in ``zhnews
    extract --ref-date``. A row whose text is null or whose date is invalid
    gives an ``error`` and null lists, never an exception.
    """
    names = batch.schema.names
    if text_column not in names:
        raise KeyError(f"no column {text_column!r} among {names}")
    n = batch.num_rows
    if n == 0:
        return pa.RecordBatch.from_pylist([], schema=SCHEMA)

    def column(name: Optional[str]) -> Optional[pa.Array]:
        if name is None or name not in names:
            return None
        c = batch.column(name)
        return c.combine_chunks() if isinstance(c, pa.ChunkedArray) else c

    texts = batch.column(text_column).to_pylist()
    dates_col = column(date_column)
    dates = None if dates_col is None else dates_col.to_pylist()
    analyzer = shared_analyzer(ref_date, threads)
    lines = analyzer.analyze_records_jsonl(texts, dates)
    docs = pa_json.read_json(
        io.BytesIO(lines),
        read_options=pa_json.ReadOptions(use_threads=False, block_size=max(len(lines), 1 << 16)),
        parse_options=pa_json.ParseOptions(
            explicit_schema=DOCUMENT_SCHEMA,
            # a field a later zhnews adds to the JSON is not a failure here
            unexpected_field_behavior="ignore",
        ),
    ).combine_chunks()
    if docs.num_rows != n:
        raise RuntimeError(f"{docs.num_rows} documents for {n} rows")
    arrays = [_ids(column(id_column), n)] + [docs.column(f.name).chunk(0) for f in DOCUMENT_SCHEMA]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def make_map_in_arrow(
    *,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    date_column: Optional[str] = "date",
    ref_date: Optional[str] = None,
    threads: Optional[int] = 1,
    rows_per_batch: int = 1000,
) -> Callable[[Iterable[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """A function for ``DataFrame.mapInArrow(f, SPARK_SCHEMA)`` with these
    settings (see :func:`analyze_arrow`).

    ``threads`` is the pool size of the analyzer in each Python worker:
    1 by default, since Spark already runs one worker per task slot
    (``None`` uses all cores of the machine in every worker).
    ``rows_per_batch`` bounds the rows analyzed at once, and so the memory
    of a worker, whatever the size of the batches Spark sends
    (``spark.sql.execution.arrow.maxRecordsPerBatch``, 10,000 by default).
    """
    if rows_per_batch < 1:
        raise ValueError("rows_per_batch must be at least 1")

    def zhnews_map_in_arrow(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for start in range(0, batch.num_rows, rows_per_batch):
                yield analyze_arrow(
                    batch.slice(start, rows_per_batch),
                    text_column=text_column,
                    id_column=id_column,
                    date_column=date_column,
                    ref_date=ref_date,
                    threads=threads,
                )

    return zhnews_map_in_arrow


map_in_arrow = make_map_in_arrow()
"""The ``mapInArrow`` function for columns ``text``, ``id`` and ``date``, no
default reference date, one analysis thread per Spark task, at most 1,000
rows analyzed at once."""


def documents(batch: Union[pa.RecordBatch, pa.Table]) -> List[Dict[str, Any]]:
    """Rows of :data:`SCHEMA` back as SPEC.md documents (dicts, with ``id``;
    keys that the JSON leaves out, null here, left out again): what
    ``json.loads`` of the ``zhnews extract`` lines gives, for comparisons."""
    return [_document(row) for row in batch.to_pylist()]


def _quantity(q: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    # the JSON leaves out `value` of a range and `low`/`high` of a value
    if q is None:
        return None
    return {k: v for k, v in q.items() if not (v is None and k in ("value", "low", "high"))}


def _time(t: Dict[str, Any]) -> Dict[str, Any]:
    # and `offset` and `part` of a resolved time
    return {k: v for k, v in t.items() if not (v is None and k in ("offset", "part"))}


def _claim(c: Dict[str, Any]) -> Dict[str, Any]:
    change = c["change"]
    if change is not None:
        change = {**change, "value": _quantity(change["value"])}
    return {**c, "value": _quantity(c["value"]), "change": change}


def _document(row: Dict[str, Any]) -> Dict[str, Any]:
    if row.get("error") is not None:
        return {"id": row["id"], "error": row["error"]}
    return {
        "id": row["id"],
        "quantities": [_quantity(q) for q in row["quantities"]],
        "times": [_time(t) for t in row["times"]],
        "entities": row["entities"],
        "claims": [_claim(c) for c in row["claims"]],
    }
