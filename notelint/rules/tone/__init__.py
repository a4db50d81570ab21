"""NL6xx: how a note sounds."""
