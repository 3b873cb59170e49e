"""``travelog init``: a new, empty journal built from the example journal's theme and config."""
