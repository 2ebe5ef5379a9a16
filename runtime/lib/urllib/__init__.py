"""urllib for the runtime: only urllib.parse (no network access from a snippet)."""
