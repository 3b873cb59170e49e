"""Comments from family: archived threads (static, sanitized) and live providers (Isso, giscus).

Engine-independent: the MkDocs plugin and ``travelog build`` (for Zensical) both fill the
comments slot that ``overrides/partials/comments.html`` leaves in every page.
"""
