"""Python-Markdown extensions: they render the journal's features on any engine."""
