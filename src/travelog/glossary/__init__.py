"""The glossary: foreign words with pronunciation and meaning, read from ``docs/glossary.yml``."""

from travelog.glossary.loader import GLOSSARY_FILE, GlossaryError, load_glossary
from travelog.glossary.model import DEFAULT_LANG, Glossary, Term

__all__ = [
    "DEFAULT_LANG",
    "GLOSSARY_FILE",
    "Glossary",
    "GlossaryError",
    "Term",
    "load_glossary",
]
