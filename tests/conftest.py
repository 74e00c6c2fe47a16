"""Shared test set-up: fixture paths, Hypothesis profiles, the golden-update switch."""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import HealthCheck, settings

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
settings.register_profile("dev", max_examples=200, deadline=None)
# The long run (docs/reliability.md): 4 property tests x 40,000 examples = 160,000 inputs.
settings.register_profile(
    "long",
    max_examples=40_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite expected golden files from the current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def fixtures() -> pathlib.Path:
    return FIXTURES
