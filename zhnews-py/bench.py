"""The figures of zhnews-py/README.md "Performance", measured on this machine.

    python zhnews-py/bench.py            # batches and per-document overhead
    python zhnews-py/bench.py --spark    # and the Spark job vs zhnews extract

Inputs: corpus/sample.jsonl plus $ZHNEWS_SHARED/corpus/news-zh/sample-100.jsonl
(else ../shared beside the repository) for the batches; part-008.jsonl of the
same folder for Spark. The CLI is target/release/zhnews
(`cargo build --release -p zhnews-cli`). Each time is the best of several
runs (other processes only ever slow a run down); CPU times (user + sys of
the whole process, per document) are medians. ZHNEWS_BENCH_RUNS sets the
number of runs (25).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import zhnews

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ZHNEWS_SHARED", REPO.parent / "shared"))
NEWS = SHARED / "corpus" / "news-zh"
CLI = REPO / "target" / "release" / "zhnews"


def records(path: Path) -> list:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def best(f, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def batches() -> None:
    print(f"load average {os.getloadavg()[0]:.2f}")
    recs = records(REPO / "corpus" / "sample.jsonl") + records(NEWS / "sample-100.jsonl")
    texts = [r["text"] for r in recs]
    dates = [r.get("date") for r in recs]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"batch input: {len(texts)} documents, {mb:.2f} MB (sample + sample-100)")
    one, two = zhnews.Analyzer(threads=1), zhnews.Analyzer(threads=2)
    for a in (one, two):
        a.analyze_batch(texts, dates)  # warm: pool, page faults
    runs = int(os.environ.get("ZHNEWS_BENCH_RUNS", "25"))
    n = len(texts)
    for method in ("analyze_batch", "analyze_batch_json"):
        # interleaved, so that both see the same machine; CPU time (user +
        # sys of the whole process: the pool and the calling thread) per run
        wall = {1: [], 2: []}
        cpus = {1: [], 2: []}
        for _ in range(runs):
            for threads, a in ((1, one), (2, two)):
                c, t = cpu(), time.perf_counter()
                getattr(a, method)(texts, dates)
                wall[threads].append(time.perf_counter() - t)
                cpus[threads].append(cpu() - c)
        t1, t2 = min(wall[1]), min(wall[2])
        c1, c2 = (sorted(cpus[k])[runs // 2] / n * 1e6 for k in (1, 2))
        print(
            f"{method:20s} 1 thread {t1 * 1e3:7.1f} ms ({mb / t1:5.2f} MB/s), "
            f"2 threads {t2 * 1e3:7.1f} ms ({mb / t2:5.2f} MB/s): {t1 / t2:.2f}x "
            f"[best of {runs}; median CPU per document {c1:.0f} us / {c2:.0f} us]"
        )
    a = zhnews.Analyzer()
    docs = [a.analyze_json(t, d) for t, d in zip(texts, dates)]
    out_kb = sum(len(j.encode()) for j in docs) / n / 1e3
    # per document, each way in turn, in alternating order: a text just
    # analyzed is faster to analyze again (warm caches), so the way that
    # came second would look cheaper
    ways = {
        "json": lambda t, d: a.analyze_json(t, d),
        "dict": lambda t, d: a.analyze(t, d),
        "json+loads": lambda t, d: json.loads(a.analyze_json(t, d)),
    }
    totals = {k: [] for k in ways}
    for rep in range(runs):
        spent = dict.fromkeys(ways, 0.0)
        order = list(ways)[rep % 3:] + list(ways)[: rep % 3]
        for t, d in zip(texts, dates):
            for k in order:
                t0 = time.perf_counter()
                result = ways[k](t, d)
                spent[k] += time.perf_counter() - t0
                del result
        for k in ways:
            totals[k].append(spent[k] / n)
    tj, td, tl = (min(totals[k]) for k in ("json", "dict", "json+loads"))
    tp = best(lambda: [json.loads(j) for j in docs], runs) / n
    print(f"one by one, per document (output {out_kb:.1f} KB of JSON on average):")
    print(f"  analyze_json {tj * 1e6:7.0f} us   analyze (dict) {td * 1e6:7.0f} us   "
          f"dict - json {(td - tj) * 1e6:5.0f} us ({(td - tj) / tj:.0%})")
    print(f"  json.loads(analyze_json) {tl * 1e6:7.0f} us (json.loads alone {tp * 1e6:.0f} us)")
    print(f"  load average {os.getloadavg()[0]:.2f}")


def spark() -> None:
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession

    import zhnews.spark as zs

    path = NEWS / "part-008.jsonl"
    size = path.stat().st_size / 1e6
    n = len(records(path))
    print(f"spark input: {path.name}, {n} records, {size:.2f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        def cli_jsonl():
            with open(Path(tmp) / "cli.jsonl", "wb") as out:
                subprocess.run([str(CLI), "extract", str(path)], stdout=out, stderr=subprocess.DEVNULL, check=True)

        def cli_parquet():
            subprocess.run(
                [str(CLI), "extract", "--format", "parquet", "--output", str(Path(tmp) / "cli.parquet"), str(path)],
                stderr=subprocess.DEVNULL, check=True,
            )

        t_jsonl = best(cli_jsonl, 5)
        print(f"zhnews extract (JSONL, 2 threads)       {t_jsonl:6.2f} s")
        try:
            t_pq = best(cli_parquet, 5)
            print(f"zhnews extract --format parquet          {t_pq:6.2f} s")
        except subprocess.CalledProcessError:
            print("zhnews extract --format parquet: not built with the parquet feature")

        os.environ["PYSPARK_PYTHON"] = sys.executable
        os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
        t0 = time.perf_counter()
        session = (
            SparkSession.builder.master("local[2]")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        t_start = time.perf_counter() - t0

        def job(i: int) -> None:
            df = session.read.schema("id string, text string, date string").json(str(path)).repartition(4)
            df.mapInArrow(zs.map_in_arrow, zs.SPARK_SCHEMA).write.mode("overwrite").parquet(f"{tmp}/spark-{i}")

        t = time.perf_counter()
        job(0)
        t_first = time.perf_counter() - t
        runs = []
        for i in range(1, 4):
            t = time.perf_counter()
            job(i)
            runs.append(time.perf_counter() - t)
        assert pq.read_table(f"{tmp}/spark-1").num_rows == n
        print(f"spark local[2] session start            {t_start:6.2f} s")
        print(f"spark job (read, mapInArrow, Parquet)    {t_first:6.2f} s first, {min(runs):.2f} s best of 3 more")
        print(f"spark job / zhnews extract (JSONL)       {min(runs) / t_jsonl:6.1f}x")
        session.stop()


if __name__ == "__main__":
    batches()
    if "--spark" in sys.argv:
        spark()
