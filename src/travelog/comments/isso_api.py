"""Reading a running Isso through its public HTTP API (approved comments only)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode

from travelog.errors import TravelogError

TIMEOUT_SECONDS = 10.0
USER_AGENT = "travelog-comments"


class IssoUnreachable(TravelogError):
    """Isso did not answer, or answered with an error."""


def fetch_thread(base_url: str, uri: str) -> list[dict[str, Any]]:
    """Every published comment of a thread, flattened, parents before their replies.

    Isso lists top-level comments with their replies nested one level deep.
    """
    data = _request(f"{base_url}?{urlencode({'uri': uri})}", allow_missing=True)
    if data is None:
        return []
    flat: list[dict[str, Any]] = []
    for comment in data.get("replies", []):
        flat.append(comment)
        flat.extend(comment.get("replies", []))
    return flat


def count_threads(base_url: str, uris: list[str]) -> dict[str, int]:
    """Published comments per thread."""
    counts = _request(base_url + "count", body=uris)
    return dict(zip(uris, counts, strict=True))


def _request(url: str, *, body: Any = None, allow_missing: bool = False) -> Any:
    headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        if allow_missing and error.code == 404:
            return None
        raise IssoUnreachable(
            f"Isso at {url} answered {error.code} {error.reason}; check the --isso address"
        ) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise IssoUnreachable(
            f"cannot reach Isso at {url} ({reason}); start it (travelog serve) or pass --isso URL"
        ) from None
    except json.JSONDecodeError:
        raise IssoUnreachable(
            f"{url} did not answer like Isso (no JSON); check the --isso address"
        ) from None
