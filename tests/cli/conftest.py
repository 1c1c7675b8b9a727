"""The `network` and `run` fixtures of every CLI test module (defined in cli_helpers)."""

from tests.cli.cli_helpers import network_fixture, run_fixture

__all__ = ["network_fixture", "run_fixture"]
