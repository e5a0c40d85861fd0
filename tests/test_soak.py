"""A kill test per long command: killed at random moments and run again, each gives what
an uninterrupted run gives (``tools/soak.py``; its longer run is in the README)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from soak import CASES, soak  # noqa: E402


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(CASES))
def test_killed_and_run_again_gives_the_uninterrupted_result(command, tmp_path):
    done, problems = soak(command, 2, random.Random(7), tmp_path)
    assert problems == []
    assert done >= 1  # at least one run really was killed mid-way
