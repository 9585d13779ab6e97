"""zhnews.spark without Spark: the schema and analyze_arrow on pyarrow batches."""

from __future__ import annotations

import pyarrow as pa

import zhnews.spark as zs
from conftest import SAMPLE, by_id, cli_documents, read_jsonl


def test_schema_has_the_spec_field_names():
    assert SAMPLE.exists()
    assert zs.SCHEMA.names == ["id", "error", "quantities", "times", "entities", "claims"]
    assert [f.name for f in zs.QUANTITY] == [
        "kind", "text", "start", "end", "value", "low", "high", "unit", "qualifier"
    ]
    assert [f.name for f in zs.TIME] == ["text", "start", "end", "value", "relative", "offset", "part"]
    assert [f.name for f in zs.ENTITY] == ["kind", "text", "start", "end"]
    assert [f.name for f in zs.CLAIM] == [
        "subject", "metric", "period", "value", "change", "start", "end",
        "subject_span", "metric_span",
    ]
    assert [f.name for f in zs.SPAN] == ["start", "end"]
    assert zs.SPARK_SCHEMA.startswith(
        "`id` string, `error` string, `quantities` array<struct<`kind`: string, `text`: string, "
        "`start`: bigint, `end`: bigint, `value`: string, "
    )
    assert "`claims` array<struct<`subject`: string, `metric`: string, `period`: string, `value`: struct<" in zs.SPARK_SCHEMA


def test_every_key_of_the_cli_output_has_a_column():
    def keys(item, path, out):
        if isinstance(item, dict):
            for k, v in item.items():
                out.add(path + "." + k)
                keys(v, path + "." + k, out)
        elif isinstance(item, list):
            for v in item:
                keys(v, path, out)
        return out

    def columns(t, path, out):
        if pa.types.is_list(t):
            return columns(t.value_type, path, out)
        if pa.types.is_struct(t):
            for f in t:
                out.add(path + "." + f.name)
                columns(f.type, path + "." + f.name, out)
        return out

    cli = set()
    for doc in cli_documents(SAMPLE):
        keys(doc, "", cli)
    schema = set()
    for f in zs.SCHEMA:
        schema.add("." + f.name)
        columns(f.type, "." + f.name, schema)
    assert cli - schema == set()
    assert ".claims.change.value.value" in cli


def test_analyze_arrow_of_the_sample_equals_the_cli():
    records = read_jsonl(SAMPLE)
    batch = pa.RecordBatch.from_pylist(records)
    out = zs.analyze_arrow(batch)
    assert out.schema == zs.SCHEMA
    assert out.num_rows == 6
    assert out.column("id").to_pylist() == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert zs.documents(out) == cli_documents(SAMPLE)
    # a table in two chunks gives the same rows
    table = pa.Table.from_batches([batch.slice(0, 2), batch.slice(2)])
    assert zs.analyze_arrow(table) == out
    assert by_id(zs.documents(out))["s1"]["quantities"][0] == {
        "kind": "money", "text": "889 亿元", "start": 132, "end": 142,
        "value": "88900000000", "unit": "CNY", "qualifier": None,
    }


def test_bad_rows_give_errors_not_exceptions():
    batch = pa.RecordBatch.from_pydict(
        {
            "id": pa.array([1, 2, None, 4], pa.int64()),
            "text": pa.array([None, "营收 8 亿元", "营收 8 亿元", "今年营收 8 亿元"], pa.large_string()),
            "date": pa.array([None, "2024-02-30", None, "2024-08-21"]),
        }
    )
    out = zs.analyze_arrow(batch)
    rows = zs.documents(out)
    assert rows[0] == {"id": "1", "error": "missing field `text`"}
    assert rows[1] == {"id": "2", "error": 'field `date`: invalid date "2024-02-30": expected YYYY-MM-DD'}
    assert rows[2]["id"] is None
    assert rows[2]["quantities"][0]["value"] == "800000000"
    assert rows[3]["times"] == [{"text": "今年", "start": 0, "end": 6, "value": "2024", "relative": True}]
    assert out.column("quantities").to_pylist()[0] is None
    assert out.column("error").to_pylist()[2:] == [None, None]


def test_options_other_columns_and_a_default_date():
    batch = pa.RecordBatch.from_pydict({"body": ["今年营收 8 亿元"], "key": ["k"]})
    out = zs.analyze_arrow(batch, text_column="body", id_column="key", ref_date="2023-05-01")
    assert zs.documents(out)[0]["times"][0]["value"] == "2023"
    assert out.column("id").to_pylist() == ["k"]
    no_id = zs.analyze_arrow(pa.RecordBatch.from_pydict({"text": ["x"]}))
    assert no_id.column("id").to_pylist() == [None]
    empty = zs.analyze_arrow(pa.RecordBatch.from_pydict({"text": pa.array([], pa.string())}))
    assert empty.num_rows == 0 and empty.schema == zs.SCHEMA
    f = zs.make_map_in_arrow(ref_date="2023-05-01", text_column="body", id_column="key")
    assert list(f(iter([batch]))) == [out]


def test_map_in_arrow_slices_big_batches_and_keeps_order():
    records = read_jsonl(SAMPLE)
    batch = pa.RecordBatch.from_pylist(records)
    f = zs.make_map_in_arrow(rows_per_batch=4)
    out = list(f(iter([batch, batch.slice(0, 0), batch.slice(5)])))
    assert [b.num_rows for b in out] == [4, 2, 1]
    assert pa.Table.from_batches(out).column("id").to_pylist() == ["s1", "s2", "s3", "s4", "s5", "s6", "s6"]
    assert zs.documents(pa.Table.from_batches(out[:2])) == cli_documents(SAMPLE)


def test_ids_of_other_types_are_their_json_text():
    batch = pa.RecordBatch.from_pydict(
        {"id": pa.array([7, None]), "text": ["a", "b"]}
    )
    assert zs.analyze_arrow(batch).column("id").to_pylist() == ["7", None]
    batch = pa.RecordBatch.from_pydict({"id": pa.array([True, False]), "text": ["a", "b"]})
    assert zs.analyze_arrow(batch).column("id").to_pylist() == ["true", "false"]
    batch = pa.RecordBatch.from_pydict({"id": pa.array(["k"], pa.large_string()), "text": ["a"]})
    assert zs.analyze_arrow(batch).column("id").to_pylist() == ["k"]
