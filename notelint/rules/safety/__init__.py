"""NL3xx: what must never be sent: secrets and unfilled templates."""
