"""Shared fixtures: the repository, the shared data folder, the CLI and its
output, and a skip that is loud and fails under CI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

import pytest

REPO = Path(__file__).resolve().parents[2]
"""The workspace root (zhnews-py/tests/ is two levels below it)."""

SAMPLE = REPO / "corpus" / "sample.jsonl"
DEV_NEWS = REPO / "corpus" / "dev" / "news.jsonl"


def shared_dir() -> Path:
    """``$ZHNEWS_SHARED``, else ``../shared`` beside the repository."""
    env = os.environ.get("ZHNEWS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


NEWS_PART = shared_dir() / "corpus" / "news-zh" / "part-008.jsonl"
SAMPLE_100 = shared_dir() / "corpus" / "news-zh" / "sample-100.jsonl"


def need(ok: bool, why: str) -> None:
    """Skips the test when ``ok`` is false, loudly (on the real stderr, past
    pytest's capture), and fails it instead when ``CI`` is set."""
    if ok:
        return
    banner = f"\n{'!' * 72}\n!!! zhnews-py test NOT RUN: {why}\n{'!' * 72}\n"
    sys.__stderr__.write(banner)
    sys.__stderr__.flush()
    if os.environ.get("CI"):
        pytest.fail(f"{why} (CI is set: a skip is a failure)", pytrace=False)
    pytest.skip(why)


def read_jsonl(path: Path) -> List[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cli_binary() -> Path:
    """``$ZHNEWS_CLI``, else target/release/zhnews, built with cargo if
    missing (ci.sh builds it first)."""
    env = os.environ.get("ZHNEWS_CLI")
    if env:
        return Path(env)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    exe = target / "release" / "zhnews"
    if not exe.exists():
        subprocess.run(
            ["cargo", "build", "--release", "-p", "zhnews-cli"], cwd=REPO, check=True
        )
    return exe


_cli_cache: Dict[str, List[str]] = {}


def cli_lines(path: Path, ref_date: Optional[str] = None) -> List[str]:
    """The output lines of ``zhnews extract [--ref-date D] path``."""
    key = f"{path}|{ref_date}"
    if key not in _cli_cache:
        args = [str(cli_binary()), "extract"]
        if ref_date:
            args += ["--ref-date", ref_date]
        out = subprocess.run(
            args + [str(path)], check=True, capture_output=True, text=True, encoding="utf-8"
        ).stdout
        _cli_cache[key] = out.splitlines()
    return _cli_cache[key]


def cli_documents(path: Path, ref_date: Optional[str] = None) -> List[dict]:
    """``cli_lines``, parsed."""
    return [json.loads(line) for line in cli_lines(path, ref_date)]


def by_id(docs: List[dict]) -> Dict[str, dict]:
    out = {d["id"]: d for d in docs}
    assert len(out) == len(docs), "ids are not unique"
    return out


@pytest.fixture(scope="session")
def sample_records() -> List[dict]:
    return read_jsonl(SAMPLE)
