"""Photos: originals under photos/ become captioned, responsive, metadata-free variants.

The step is engine-independent: :func:`travelog.photos.step.prepare_photos` scans the entries,
derives what the cache lacks and writes a manifest that the ``travelog.markdown.photos``
extension reads; :func:`travelog.photos.step.publish_photos` puts the variants into the site.
This package never imports travelog.comments or travelog.importers.
"""
