"""auditor: pipeline, checks, configuration and command line. Imports `claims` and `references`."""

__version__ = "0.1.0"
