"""Metadata sources: E-utilities, PMC ID converter, Crossref, ClinicalTrials.gov."""
