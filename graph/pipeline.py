"""Reading protocol files for a load: in this process or a pool of worker processes, in order.

Each file is first hashed: when the store already holds a graph mapped from a source file
with the same SHA-256 by this samgraf version, the file is not parsed at all (``UNCHANGED``).
Otherwise it is parsed (a protocol file) or read (a JSON record file) into records.

With ``jobs > 1`` the files go to worker processes in small chunks; results come back in the
order of the files, and no more than a bounded number of files (about a load batch) are ahead
of the reader, so memory stays flat however many files there are.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator

from samgraf.loaders.model import Protocol

UNCHANGED = "unchanged"
CHUNK = 8  # files per task sent to a worker
AHEAD = 4  # chunks in flight per worker


class LoadFailure(Exception):
    """Why one file or record could not be read (a plain message, so it crosses processes)."""


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_file(path: Path, known_digest: str | None = None) -> str | list[tuple[str, Protocol | Exception, str | None]]:
    """``UNCHANGED`` when the file's SHA-256 is ``known_digest``, else its (label, record or
    error, the record's content hash) list: the hash is worked out here, in the worker, where
    the loading process would spend a sixth of its time on it."""
    from samgraf.graph.api import read_records
    from samgraf.graph.mapping import record_sha256

    if not path.exists():
        return [(str(path), LoadFailure("no such file"), None)]
    if known_digest is not None:
        try:
            if file_sha256(path) == known_digest:
                return UNCHANGED
        except OSError:
            pass  # the parser reports it
    from samgraf.graph.api import failure_message

    return [(label, record, record_sha256(record)) if isinstance(record, Protocol)
            else (label, LoadFailure(failure_message(record)), None)
            for label, record in read_records(path)]


def _read_chunk(tasks: list[tuple[str, str | None]]) -> list[str | list]:
    return [read_file(Path(path), digest) for path, digest in tasks]


def read_files(tasks: Iterable[tuple[Path, str | None]], jobs: int = 1, ahead: int = 0) -> Iterator[tuple[Path, str | list]]:
    """(path, what :func:`read_file` gives) for each (path, known digest), in order.

    With workers, up to ``ahead`` files (at least a few chunks per worker) are read ahead of
    the caller, so the workers go on parsing while the caller loads a batch.
    """
    if jobs <= 1:
        for path, digest in tasks:
            yield path, read_file(path, digest)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["samgraf.graph.api", "samgraf.loaders"])
    pending: deque = deque()
    iterator = iter(tasks)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        def submit() -> bool:
            chunk = [(path, digest) for path, digest in (next(iterator, (None, None)) for _ in range(CHUNK)) if path is not None]
            if chunk:
                pending.append((chunk, pool.submit(_read_chunk, [(str(p), d) for p, d in chunk])))
            return len(chunk) == CHUNK

        window = max(jobs * AHEAD, -(-ahead // CHUNK))
        more = True
        while more and len(pending) < window:
            more = submit()
        while pending:
            chunk, future = pending.popleft()
            results = future.result()
            if more:
                more = submit()
            for (path, _), result in zip(chunk, results):
                yield path, result
