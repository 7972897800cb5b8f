"""What the side-by-side benchmarks share: the repository's paths, and Alembic's own harness (../shared/bench/alembic).

bench.py reads BENCH_WORK and BENCH_RESULTS when it is imported, so `alembic(work)` sets them first.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALEMBIC_BENCH = os.environ.get("ALEMBIC_BENCH", os.path.join(ROOT, "..", "shared", "bench", "alembic"))
CLI = os.path.join(ROOT, "src", "Cli", "bin", "Release", "net10.0", "diffmigrate.dll")


def alembic(work):
    """Alembic's bench module, writing under `work` (unless BENCH_WORK says otherwise)."""
    work = os.environ.setdefault("BENCH_WORK", work)
    os.environ.setdefault("BENCH_RESULTS", os.path.join(work, "alembic.jsonl"))
    if ALEMBIC_BENCH not in sys.path:
        sys.path.insert(0, ALEMBIC_BENCH)
    import bench
    return bench
