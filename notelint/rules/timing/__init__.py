"""NL4xx: when a note goes."""
