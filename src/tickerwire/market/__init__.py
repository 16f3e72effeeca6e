"""market: not built yet (see the issues)."""
