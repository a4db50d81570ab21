"""NL0xx: files that cannot be read."""
