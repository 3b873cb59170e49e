"""Family-only entries: kept out of everything public, published only encrypted.

An entry with ``audience: family`` never reaches either engine (MkDocs drops its file, Zensical
is told to exclude it). travelog renders it itself into pages under ``family/`` whose text,
photos and archived comments are sealed with AES-256-GCM under a key derived from the family
passphrase; the browser opens them with WebCrypto.
"""
