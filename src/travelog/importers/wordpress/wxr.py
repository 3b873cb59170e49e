"""Read a WordPress eXtended RSS (WXR 1.0-1.2) export into :mod:`records`.

The file is parsed by defusedxml with entity expansion and external references forbidden,
so an entity-expansion bomb is refused instead of expanded. The WXR version is sniffed from
the ``wp`` namespace the file declares.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from travelog.errors import TravelogError
from travelog.importers.wordpress.html_text import plain_text
from travelog.importers.wordpress.records import Author, Comment, Export, Item, Term

_WP_NAMESPACE = re.compile(r"^http://wordpress\.org/export/(?P<version>\d+\.\d+)/$")
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
_ZERO_DATE = "0000-00-00 00:00:00"
_DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
_EXPORT_AGAIN = "export it again from WordPress (Tools > Export > All content)"


class WxrError(TravelogError):
    """The file is not a readable WordPress export."""


def read_export(path: Path, fallback_tz: dt.tzinfo) -> Export:
    """Parse ``path``; dates without a GMT twin (drafts) are read in ``fallback_tz``."""
    root = _parse(path)
    channel = root.find("channel") if root.tag == "rss" else None
    namespace = _wp_namespace(channel) if channel is not None else None
    if channel is None or namespace is None:
        what = "an RSS feed" if root.tag == "rss" else f"a <{_local(root.tag)}> document"
        raise WxrError(
            f"not a WordPress export ({what} without wp:wxr_version); {_EXPORT_AGAIN}",
            path=path,
        )
    reader = _Reader(namespace, fallback_tz)
    version = _WP_NAMESPACE.match(namespace)
    return Export(
        wxr_version=version["version"] if version else "",
        base_url=reader.text(channel, "base_blog_url")
        or (channel.findtext("link") or "").strip()
        or reader.text(channel, "base_site_url"),
        authors=tuple(reader.author(node) for node in channel.findall(reader.wp("author"))),
        categories=tuple(reader.terms(channel, "category")),
        tags=tuple(reader.terms(channel, "post_tag")),
        items=tuple(reader.item(node) for node in channel.findall("item")),
        title=_plain(channel.findtext("title") or "").strip(),
        link=(channel.findtext("link") or "").strip(),
    )


def _parse(path: Path) -> ET.Element:
    try:
        tree = SafeET.parse(path, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except FileNotFoundError:
        raise WxrError("no such file; give the path of the WordPress export", path=path) from None
    except OSError as error:
        raise WxrError(f"cannot read the export ({error.strerror})", path=path) from None
    except defusedxml.DefusedXmlException as error:
        raise WxrError(
            "refused: the file declares XML entities or external references, which can "
            f"expand without bound ({type(error).__name__}); a real WordPress export has "
            f"none, {_EXPORT_AGAIN}",
            path=path,
        ) from None
    except ET.ParseError as error:
        line, _column = error.position
        reason = str(error).split(":")[0]
        raise WxrError(
            f"not well-formed XML ({reason}): the file is damaged or truncated; {_EXPORT_AGAIN}",
            path=path,
            line=line,
        ) from None
    return tree.getroot()


def _wp_namespace(channel: ET.Element) -> str | None:
    for child in channel:
        if child.tag.endswith("}wxr_version"):
            return child.tag[1 : child.tag.index("}")]
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _Reader:
    def __init__(self, namespace: str, fallback_tz: dt.tzinfo):
        self.ns = namespace
        self.excerpt_ns = namespace + "excerpt/"
        self.fallback_tz = fallback_tz

    def wp(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def text(self, node: ET.Element, name: str) -> str:
        return (node.findtext(self.wp(name)) or "").strip()

    def author(self, node: ET.Element) -> Author:
        login = self.text(node, "author_login")
        return Author(
            login=login, display_name=_plain(self.text(node, "author_display_name")) or login
        )

    def terms(self, channel: ET.Element, taxonomy: str) -> list[Term]:
        """Terms from ``wp:category`` / ``wp:tag`` and from WXR 1.2's generic ``wp:term``."""
        if taxonomy == "category":
            tag, slug, name, description = (
                "category",
                "category_nicename",
                "cat_name",
                "category_description",
            )
        else:
            tag, slug, name, description = "tag", "tag_slug", "tag_name", "tag_description"
        terms = [
            Term(
                slug=self.text(node, slug),
                name=_plain(self.text(node, name)),
                description=_plain(self.text(node, description)),
            )
            for node in channel.findall(self.wp(tag))
        ]
        for node in channel.findall(self.wp("term")):
            if self.text(node, "term_taxonomy") == taxonomy:
                terms.append(
                    Term(
                        slug=self.text(node, "term_slug"),
                        name=_plain(self.text(node, "term_name")),
                        description=_plain(self.text(node, "term_description")),
                    )
                )
        return terms

    def item(self, node: ET.Element) -> Item:
        categories, tags = [], []
        for term in node.findall("category"):
            name = _plain(term.text or "")
            if term.get("domain") == "category" and term.get("nicename") != "uncategorized":
                categories.append(name)
            elif term.get("domain") == "post_tag":
                tags.append(name)
        meta = {
            self.text(entry, "meta_key"): self.text(entry, "meta_value")
            for entry in node.findall(self.wp("postmeta"))
        }
        return Item(
            id=self.text(node, "post_id"),
            post_type=self.text(node, "post_type"),
            title=_plain(node.findtext("title") or ""),
            link=(node.findtext("link") or "").strip(),
            guid=(node.findtext("guid") or "").strip(),
            slug=self.text(node, "post_name"),
            status=self.text(node, "status"),
            password=self.text(node, "post_password"),
            author=(node.findtext(f"{{{DC_NS}}}creator") or "").strip(),
            date=self.date(self.text(node, "post_date"), self.text(node, "post_date_gmt")),
            content=node.findtext(f"{{{CONTENT_NS}}}encoded") or "",
            excerpt=node.findtext(f"{{{self.excerpt_ns}}}encoded") or "",
            parent=self.text(node, "post_parent"),
            menu_order=int(self.text(node, "menu_order") or 0),
            categories=tuple(dict.fromkeys(categories)),
            tags=tuple(dict.fromkeys(tags)),
            comments=tuple(self.comment(entry) for entry in node.findall(self.wp("comment"))),
            attachment_url=self.text(node, "attachment_url"),
            meta=meta,
        )

    def comment(self, node: ET.Element) -> Comment:
        parent = self.text(node, "comment_parent")
        date = self.date(self.text(node, "comment_date"), self.text(node, "comment_date_gmt"))
        return Comment(
            id=self.text(node, "comment_id"),
            parent=parent if parent not in ("", "0") else None,
            author=_plain(self.text(node, "comment_author")),
            website=self.text(node, "comment_author_url"),
            date=date or dt.datetime(1970, 1, 1, tzinfo=dt.UTC),
            text=node.findtext(self.wp("comment_content")) or "",
            state=self.text(node, "comment_approved"),
            kind=self.text(node, "comment_type") or "comment",
        )

    def date(self, local: str, gmt: str) -> dt.datetime | None:
        """The local date with its offset, which is the difference between local and GMT."""
        if not local or local == _ZERO_DATE:
            return None
        local_time = dt.datetime.strptime(local, _DATE_FORMAT)
        if not gmt or gmt == _ZERO_DATE:
            return local_time.replace(tzinfo=self.fallback_tz)
        offset = local_time - dt.datetime.strptime(gmt, _DATE_FORMAT)
        minutes = round(offset.total_seconds() / 60)
        return local_time.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))


def _plain(value: str) -> str:
    """Titles and names as plain text: markup removed, the entities WordPress leaves decoded."""
    return plain_text(value)
