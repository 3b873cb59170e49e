"""Importers that move a journal in from another platform (one sub-package per source)."""
