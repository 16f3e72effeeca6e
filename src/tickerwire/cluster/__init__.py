"""cluster: not built yet (see the issues)."""
