"""Reference lists, identifiers, metadata records, metadata sources and the lookup cache.

Imports only `claims` among the project's packages.
"""
