"""serve: not built yet (see the issues)."""
