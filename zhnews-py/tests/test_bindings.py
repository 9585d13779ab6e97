"""The bindings: same documents as the CLI, errors as exceptions, pickling,
batches, threads and fork."""

from __future__ import annotations

import datetime
import json
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import threading
import time

import pytest

import zhnews
from conftest import SAMPLE, SAMPLE_100, cli_binary, cli_documents, cli_lines, need, read_jsonl

EXAMPLE = "营收 889 亿元，同比增长 32%"

REVENUE = {
    "kind": "money",
    "text": "889 亿元",
    "start": 7,
    "end": 17,
    "value": "88900000000",
    "unit": "CNY",
    "qualifier": None,
}
GROWTH = {
    "kind": "percent",
    "text": "32%",
    "start": 33,
    "end": 36,
    "value": "0.32",
    "unit": None,
    "qualifier": None,
}
EXAMPLE_DOC = {
    "quantities": [REVENUE, GROWTH],
    "times": [],
    "entities": [],
    "claims": [
        {
            "subject": None,
            "metric": "营收",
            "period": None,
            "value": REVENUE,
            "change": {"basis": "yoy", "direction": "up", "value": GROWTH},
            "start": 0,
            "end": 36,
            "subject_span": None,
            "metric_span": {"start": 0, "end": 6},
        }
    ],
}

RELATIVE = "小米集团去年二季度营收 889 亿元，同比增长 32%。"


def test_the_readme_example_gives_the_spec_document():
    doc = zhnews.Analyzer().analyze(EXAMPLE)
    assert doc == EXAMPLE_DOC
    assert list(doc) == ["quantities", "times", "entities", "claims"]
    assert list(doc["quantities"][0]) == [
        "kind", "text", "start", "end", "value", "unit", "qualifier"
    ]
    # offsets are byte offsets into the UTF-8 text
    assert EXAMPLE.encode()[7:17].decode() == "889 亿元"


def test_json_variant_is_the_cli_line_without_id():
    assert zhnews.Analyzer().analyze_json(EXAMPLE) == json.dumps(
        EXAMPLE_DOC, ensure_ascii=False, separators=(",", ":")
    )


def test_sample_documents_equal_the_cli_output(sample_records):
    lines = cli_lines(SAMPLE)
    assert len(lines) == len(sample_records) == 6
    analyzer = zhnews.Analyzer()
    for record, line in zip(sample_records, lines):
        cli = json.loads(line)
        assert cli.pop("id") == record["id"]
        assert analyzer.analyze(record["text"], record["date"]) == cli
        # the very text: the CLI line is {"id":...,<the document's fields>}
        doc_json = analyzer.analyze_json(record["text"], record["date"])
        assert line == '{"id":' + json.dumps(record["id"]) + "," + doc_json[1:]


def test_ref_date_resolves_relative_times_and_a_date_argument_wins():
    plain = zhnews.Analyzer().analyze(RELATIVE)
    assert plain["times"] == [
        {"text": "去年二季度", "start": 12, "end": 27, "value": None, "relative": True, "offset": "-1y",
         "part": "Q2"}
    ]
    assert plain["claims"][0]["period"] is None
    dated = zhnews.Analyzer(ref_date="2024-08-21").analyze(RELATIVE)
    assert dated["times"] == [
        {"text": "去年二季度", "start": 12, "end": 27, "value": "2023-Q2", "relative": True}
    ]
    assert dated["claims"][0]["period"] == "2023-Q2"
    assert dated["claims"][0]["subject"] == "小米集团"
    # a per-call date overrides the analyzer's, datetime.date and datetime count
    other = zhnews.Analyzer(ref_date="2020-01-01")
    assert other.analyze(RELATIVE, "2024-08-21") == dated
    assert other.analyze(RELATIVE, datetime.date(2024, 8, 21)) == dated
    assert other.analyze(RELATIVE, datetime.datetime(2024, 8, 21, 23, 59)) == dated
    assert zhnews.Analyzer(ref_date=datetime.date(2024, 8, 21)).ref_date == "2024-08-21"
    assert other.analyze(RELATIVE)["times"][0]["value"] == "2019-Q2"


def test_normalize_quantities_and_times():
    assert zhnews.normalize("2.4 亿美元") == {
        "kind": "money", "text": "2.4 亿美元", "start": 0, "end": 13,
        "value": "240000000", "unit": "USD", "qualifier": None,
    }
    assert zhnews.normalize("3-6 亿美元") == {
        "kind": "money", "text": "3-6 亿美元", "start": 0, "end": 13,
        "low": "300000000", "high": "600000000", "unit": "USD", "qualifier": None,
    }
    assert zhnews.normalize("2024 年二季度") == {
        "text": "2024 年二季度", "start": 0, "end": 17, "value": "2024-Q2", "relative": False,
    }
    assert zhnews.normalize("上季度") == {
        "text": "上季度", "start": 0, "end": 9, "value": None, "relative": True, "offset": "-1q",
    }
    assert zhnews.normalize("上季度", "2024-08-21")["value"] == "2024-Q2"


@pytest.mark.parametrize(
    "expr, message",
    [
        ("abc", 'not a quantity or time: "abc"'),
        ("99999999999999999999999999999 亿", 'number out of range: "99999999999999999999999999999 亿"'),
        ("0分之1", 'division by zero in "0分之1"'),
        ("约 3 亿元 多", 'unexpected text " 多" after "约 3 亿元"'),
    ],
)
def test_normalize_errors_are_value_errors_with_the_library_message(expr, message):
    with pytest.raises(ValueError) as e:
        zhnews.normalize(expr)
    assert str(e.value) == message


def test_bad_arguments_raise():
    with pytest.raises(ValueError, match=r'^invalid date "2024-02-30": expected YYYY-MM-DD$'):
        zhnews.Analyzer(ref_date="2024-02-30")
    with pytest.raises(TypeError, match=r"^a date is a 'YYYY-MM-DD' str, a datetime.date or None, not int$"):
        zhnews.Analyzer(ref_date=20240101)
    with pytest.raises(ValueError, match=r"^threads must be at least 1"):
        zhnews.Analyzer(threads=0)
    a = zhnews.Analyzer()
    with pytest.raises(TypeError):
        a.analyze(5)
    with pytest.raises(ValueError, match=r'^invalid date "x": expected YYYY-MM-DD$'):
        a.analyze("营收 8 亿元", "x")
    # a lone surrogate cannot be UTF-8: UnicodeEncodeError, a ValueError
    with pytest.raises(ValueError):
        a.analyze("营收\ud800")
    with pytest.raises(TypeError, match=r"^texts must be an iterable of str, not a single str$"):
        a.analyze_batch("营收 8 亿元")
    with pytest.raises(TypeError, match=r"^texts\[1\] is a number, not a str$"):
        a.analyze_batch(["营收 8 亿元", 3])
    with pytest.raises(ValueError, match=r"^texts\[1\] is not valid Unicode: "):
        a.analyze_batch(["营收 8 亿元", "\udc00"])
    with pytest.raises(ValueError, match=r"^2 dates for 1 texts: give one date \(or None\) per text$"):
        a.analyze_batch(["营收 8 亿元"], ["2024-01-01", "2024-01-02"])
    with pytest.raises(ValueError, match=r'^dates\[0\]: invalid date "2024-13-01": expected YYYY-MM-DD$'):
        a.analyze_batch(["营收 8 亿元"], ["2024-13-01"])


def test_empty_and_hostile_texts_give_documents():
    a = zhnews.Analyzer()
    empty = {"quantities": [], "times": [], "entities": [], "claims": []}
    assert a.analyze("") == empty
    assert a.analyze_batch([]) == []
    assert a.analyze("\x00" * 1000) == empty
    big = "营收 889 亿元，" * 20000
    doc = a.analyze(big)
    assert len(doc["quantities"]) == 20000
    assert doc["quantities"][-1]["value"] == "88900000000"


def _texts_and_dates():
    records = read_jsonl(SAMPLE)
    if SAMPLE_100.exists():
        records += read_jsonl(SAMPLE_100)
    return [r["text"] for r in records], [r.get("date") for r in records]


def test_batch_equals_one_by_one():
    texts, dates = _texts_and_dates()
    a = zhnews.Analyzer(ref_date="2024-06-30", threads=2)
    one_by_one = [a.analyze(t, d) for t, d in zip(texts, dates)]
    assert a.analyze_batch(texts, dates) == one_by_one
    assert a.analyze_batch_json(texts, dates) == [a.analyze_json(t, d) for t, d in zip(texts, dates)]
    assert [json.loads(j) for j in a.analyze_batch_json(texts, dates)] == one_by_one
    # no dates: each text gets the analyzer's ref_date
    assert a.analyze_batch(texts[:3]) == [a.analyze(t) for t in texts[:3]]
    # any iterable, one thread
    assert zhnews.Analyzer(ref_date="2024-06-30", threads=1).analyze_batch(iter(texts), iter(dates)) == one_by_one


def test_batch_of_sample_100_equals_the_cli():
    need(SAMPLE_100.exists(), f"{SAMPLE_100} is absent (set ZHNEWS_SHARED)")
    records = read_jsonl(SAMPLE_100)
    cli = cli_documents(SAMPLE_100)
    assert len(cli) == len(records) == 100
    docs = zhnews.Analyzer().analyze_batch([r["text"] for r in records], [r.get("date") for r in records])
    for record, doc, line in zip(records, docs, cli):
        assert line.pop("id") == record["id"]
        assert doc == line


def test_records_give_error_dicts_with_the_cli_messages():
    a = zhnews.Analyzer()
    out = a.analyze_records(
        ["营收 8 亿元", None, 5, "x", "y", "z"],
        ["2024-01-01", None, None, "2024-02-30", 7, datetime.date(2024, 1, 1)],
    )
    assert out[0]["quantities"][0]["value"] == "800000000"
    assert out[1:5] == [
        {"error": "missing field `text`"},
        {"error": "field `text` is a number, not a string"},
        {"error": 'field `date`: invalid date "2024-02-30": expected YYYY-MM-DD'},
        {"error": "field `date` is a number, not a string"},
    ]
    assert out[5] == {"quantities": [], "times": [], "entities": [], "claims": []}
    q = '{"kind":"money","text":"8 亿元","start":7,"end":15,"value":"800000000","unit":"CNY","qualifier":null}'
    assert a.analyze_records_jsonl(["营收 8 亿元", None]) == (
        '{"quantities":[' + q + '],"times":[],"entities":[],"claims":[{"subject":null,"metric":"营收",'
        '"period":null,"value":' + q + ',"change":null,"start":0,"end":15,'
        '"subject_span":null,"metric_span":{"start":0,"end":6}}]}\n'
        '{"error":"missing field `text`"}\n'
    ).encode()


def test_pickle_rebuilds_the_analyzer():
    a = zhnews.Analyzer(ref_date="2024-08-21", threads=2)
    a.analyze_batch([EXAMPLE])  # a pool exists now; it is not pickled
    b = pickle.loads(pickle.dumps(a))
    assert b is not a
    assert type(b) is zhnews.Analyzer
    assert (b.ref_date, b.threads) == ("2024-08-21", 2)
    assert repr(b) == "Analyzer(ref_date='2024-08-21', threads=2)"
    assert repr(zhnews.Analyzer()) == "Analyzer(ref_date=None, threads=None)"
    assert b.analyze(RELATIVE) == a.analyze(RELATIVE)
    assert b.analyze_batch([RELATIVE]) == [a.analyze(RELATIVE)]


def test_shared_analyzer_is_one_per_arguments():
    a = zhnews.shared_analyzer()
    assert zhnews.shared_analyzer() is a
    d = zhnews.shared_analyzer("2024-08-21")
    assert d is not a
    assert zhnews.shared_analyzer(datetime.date(2024, 8, 21)) is d
    assert zhnews.shared_analyzer("2024-8-21") is d
    assert zhnews.shared_analyzer("2024-08-21", threads=1) is not d
    assert d.ref_date == "2024-08-21"


def test_threads_share_one_analyzer():
    texts, dates = _texts_and_dates()
    a = zhnews.Analyzer(threads=2)
    expected = a.analyze_batch(texts, dates)
    results = [None] * 4

    def work(i):
        results[i] = a.analyze_batch(texts, dates) if i % 2 else [a.analyze(t, d) for t, d in zip(texts, dates)]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert results == [expected] * 4


def _wait(pid: int, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    pytest.fail(f"the forked child hung for {seconds} s")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_process_forked_after_a_batch_does_not_hang():
    texts, dates = _texts_and_dates()
    a = zhnews.Analyzer(threads=2)
    expected = a.analyze_batch(texts, dates)  # the pool's threads exist now
    shared_expected = zhnews.shared_analyzer().analyze_batch(texts[:2])
    pid = os.fork()
    if pid == 0:  # the child: exit code 0 when right, 3 when wrong
        code = 1
        try:
            signal.alarm(60)
            ok = a.analyze_batch(texts, dates) == expected
            ok = ok and zhnews.shared_analyzer().analyze_batch(texts[:2]) == shared_expected
            code = 0 if ok else 3
        finally:
            os._exit(code)
    assert _wait(pid, 90) == 0
    # and the parent's pool still works
    assert a.analyze_batch(texts, dates) == expected


def _child_batch(texts):
    return zhnews.shared_analyzer().analyze_batch_json(texts)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_multiprocessing_fork_after_a_batch():
    texts, _ = _texts_and_dates()
    texts = texts[:8]
    expected = zhnews.shared_analyzer().analyze_batch_json(texts)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        result = pool.map_async(_child_batch, [texts[:4], texts[4:]])
        parts = result.get(timeout=90)
    assert parts[0] + parts[1] == expected


def test_version():
    assert zhnews.__version__ == "0.1.0"


def test_normalize_reads_change_phrases_and_keeps_calendar_parts():
    assert zhnews.normalize("同比增长 14%") == {
        "basis": "yoy", "direction": "up",
        "value": {"kind": "percent", "text": "14%", "start": 13, "end": 16,
                  "value": "0.14", "unit": None, "qualifier": None},
    }
    assert zhnews.normalize("去年三季度") == {
        "text": "去年三季度", "start": 0, "end": 15, "value": None, "relative": True,
        "offset": "-1y", "part": "Q3",
    }
    assert zhnews.normalize("3.8億港幣")["value"] == "380000000"


def _dumps(obj) -> str:
    """JSON text as serde_json writes it (no spaces, no ASCII escapes)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


HOSTILE = ["", "\x00" * 100, '引号"\\反斜杠\n换行\t\x1f控制', "营收 889 亿元，" * 2000, "😀 营收 5 亿美元"]


def test_dicts_are_the_json_texts_parsed_key_for_key():
    # the dicts are built from the documents, not parsed from their JSON:
    # written back as JSON they give the JSON variant byte for byte (same
    # keys in the same order, ints as ints, None where the JSON has null)
    texts, dates = _texts_and_dates()
    texts, dates = texts + HOSTILE, dates + [None] * len(HOSTILE)
    a = zhnews.Analyzer(ref_date="2024-06-30", threads=2)
    json_batch = a.analyze_batch_json(texts, dates)
    assert [_dumps(d) for d in a.analyze_batch(texts, dates)] == json_batch
    assert [_dumps(a.analyze(t, d)) for t, d in zip(texts, dates)] == json_batch
    records = a.analyze_records(texts + [None], dates + [None])
    assert [_dumps(d) for d in records] == a.analyze_records_jsonl(texts + [None], dates + [None]).decode().splitlines()
    assert records[-1] == {"error": "missing field `text`"}
    assert _dumps(a.analyze(HOSTILE[2])) == '{"quantities":[],"times":[],"entities":[],"claims":[]}'


def test_normalize_dicts_are_the_cli_lines():
    exprs = ["2.4 亿美元", "3-6 亿美元", "同比增长 14%", "去年三季度", "2024 年二季度", "超过 5 万家", "三十几万元"]
    out = subprocess.run(
        [str(cli_binary()), "normalize", *exprs], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout.splitlines()
    assert [_dumps(zhnews.normalize(e)) for e in exprs] == out
    assert out[1] == (
        '{"kind":"money","text":"3-6 亿美元","start":0,"end":13,"low":"300000000",'
        '"high":"600000000","unit":"USD","qualifier":null}'
    )


def test_batch_dicts_share_interned_keys():
    a = zhnews.Analyzer(threads=2)
    docs = a.analyze_batch([EXAMPLE, "净利润 3 亿元", EXAMPLE])
    first = [next(iter(d)) for d in docs]
    assert first == ["quantities"] * 3
    assert first[0] is first[1] is first[2] is sys.intern("quantities")
    q0, q1 = docs[0]["quantities"][0], docs[1]["quantities"][0]
    assert [k for k in q0] == ["kind", "text", "start", "end", "value", "unit", "qualifier"]
    assert all(k0 is k1 for k0, k1 in zip(q0, q1))
    assert q1["value"] == "300000000"


def test_batch_keeps_input_order_when_documents_finish_out_of_order():
    # the first document takes far longer than the others: the pool
    # finishes the small ones first, the list is still in input order
    big = "营收 889 亿元，" * 5000
    texts = [big] + [f"营收 {i} 亿元" for i in range(1, 60)]
    for threads in (1, 2):
        docs = zhnews.Analyzer(threads=threads).analyze_batch(texts)
        assert len(docs) == 60
        assert len(docs[0]["quantities"]) == 5000
        assert [d["quantities"][0]["value"] for d in docs[1:]] == [str(i * 100000000) for i in range(1, 60)]
        assert docs[7]["quantities"][0]["text"] == "7 亿元"


def test_dict_batch_releases_the_gil_while_the_pool_works():
    # another Python thread runs while a dict batch is analyzed
    a = zhnews.Analyzer(threads=1)
    texts = ["营收 889 亿元，同比增长 32%。" * 400] * 16
    a.analyze_batch(texts[:1])
    ticks = [0]
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks[0] += 1
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        start = time.perf_counter()
        before = ticks[0]
        docs = a.analyze_batch(texts)
        during = ticks[0] - before
        seconds = time.perf_counter() - start
    finally:
        stop.set()
        t.join()
    assert len(docs) == 16 and docs[15]["quantities"][1]["value"] == "0.32"
    # at most one tick per millisecond; with the GIL held throughout there
    # would be none (or one)
    assert during >= min(5, seconds * 1000 / 4), (during, seconds)
