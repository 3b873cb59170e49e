"""travelog: an expat travel journal on MkDocs + Material for MkDocs."""

__version__ = "0.1.0"
