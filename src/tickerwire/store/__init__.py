"""store: not built yet (see the issues)."""
