"""Read and validate ``docs/glossary.yml``: a list of terms, each with its meaning.

```yaml
- term: 国家
  pronunciation: guó jiā   # optional for Chinese: generated with pypinyin
  meaning: nation, country
  literal: state-family    # optional
  note: ...                # optional
  lang: zh                 # optional, default zh (a BCP 47 language tag)
```
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from travelog.errors import TravelogError
from travelog.glossary.model import DEFAULT_LANG, Glossary, Term
from travelog.glossary.readings import PinyinCache, Syllables, generate_syllables, resolve_reading
from travelog.text_files import read_text
from travelog.yaml_loader import SafeLoader

GLOSSARY_FILE = "glossary.yml"
#: Generated readings kept between builds, relative to the journal's folder (not under .cache/,
#: which `zensical build --clean` empties).
READINGS_CACHE = ".travelog-cache/readings.json"
FIELDS = ("term", "meaning", "pronunciation", "literal", "note", "lang")
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_TERM_LINE = re.compile(r"^\s*-?\s*term\s*:\s*(?P<term>.+?)\s*$")


class GlossaryError(TravelogError):
    """The glossary file is invalid: bad YAML, a duplicate term, a term without meaning."""


def load_glossary(docs_dir: Path, project_dir: Path | None = None) -> Glossary:
    """The journal's glossary; an empty one when ``docs/glossary.yml`` does not exist.

    With ``project_dir`` (the journal's folder), generated readings are kept in
    ``READINGS_CACHE`` there, so a warm build need not load pypinyin.
    """
    path = docs_dir / GLOSSARY_FILE
    if not path.is_file():
        return Glossary(path=path, terms=())
    if project_dir is None:
        return _load(path, generate_syllables)
    cache = PinyinCache(project_dir / READINGS_CACHE)
    glossary = _load(path, cache)
    cache.save()
    return glossary


def _load(path: Path, syllables_of: Syllables) -> Glossary:
    text = read_text(path)
    loader = SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        raise _yaml_error(error, text, path) from None
    finally:
        loader.dispose()
    if data is None:
        return Glossary(path=path, terms=())
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise GlossaryError(
            "expected a list of terms, each starting with '- term: ...'", path=path, line=1
        )
    terms: list[Term] = []
    first_line: dict[str, int] = {}
    for item, node in zip(data, root.value, strict=True):
        line = node.start_mark.line + 1
        term = _read_term(item, path, line, syllables_of)
        if term.text in first_line:
            raise GlossaryError(
                f"term {term.text!r} is listed twice (first on line {first_line[term.text]}); "
                "keep one entry per term",
                path=path,
                line=line,
            )
        first_line[term.text] = line
        terms.append(term)
    return Glossary(path=path, terms=tuple(terms))


def _read_term(item: Any, path: Path, line: int, syllables_of: Syllables) -> Term:
    if not isinstance(item, dict):
        raise GlossaryError(
            "each list item must be a term with keys like 'term:' and 'meaning:'",
            path=path,
            line=line,
        )
    text = item.get("term")
    if not isinstance(text, str) or not text.strip():
        raise GlossaryError("an item has no 'term'; add term: <the word>", path=path, line=line)
    text = text.strip()

    def fail(message: str) -> GlossaryError:
        return GlossaryError(f"term {text!r}: {message}", path=path, line=line)

    unknown = sorted(str(key) for key in item if key not in FIELDS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r}; use only: {', '.join(FIELDS)}")
    for key in FIELDS:
        if item.get(key) is not None and not isinstance(item[key], str):
            raise fail(f"'{key}' must be text (quote it)")
    meaning = (item.get("meaning") or "").strip()
    if not meaning:
        raise fail("missing 'meaning'; add meaning: <what it means in English>")
    lang = (item.get("lang") or DEFAULT_LANG).strip()
    if not _LANG_TAG.match(lang):
        raise fail(f"invalid lang {lang!r}; use a language tag like zh, yue or ja")
    reading = resolve_reading(text, lang, item.get("pronunciation"), syllables_of)
    if reading is None:
        raise fail(
            "missing 'pronunciation'; readings are generated only for Chinese characters (lang zh)"
        )
    return Term(
        text=text,
        lang=lang,
        reading=reading.text,
        syllables=reading.syllables,
        meaning=" ".join(meaning.split()),
        literal=" ".join((item.get("literal") or "").split()),
        note=" ".join((item.get("note") or "").split()),
        generated=reading.generated,
    )


def _yaml_error(error: yaml.YAMLError, text: str, path: Path) -> GlossaryError:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(error, "problem", None) or "invalid YAML"
    near = _term_before(text, line) if line is not None else None
    where = f" in term {near!r}" if near else ""
    return GlossaryError(f"invalid YAML ({problem}){where}; fix the syntax", path=path, line=line)


def _term_before(text: str, line: int) -> str | None:
    """The last ``term:`` written at or above ``line``, to say which term the error is in."""
    for candidate in reversed(text.splitlines()[:line]):
        if match := _TERM_LINE.match(candidate):
            return match["term"].strip("'\"")
    return None
