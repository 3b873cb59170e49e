"""Import a WordPress export (WXR): parse -> neutral records -> plan of files -> safe writes.

``wxr`` reads the export into :mod:`records`; ``plan`` turns the records into the journal's
files (entries, pages, authors, topics, photos, comments) in memory; ``writer`` writes them
with the import manifest so that re-running never clobbers files edited since.
"""
