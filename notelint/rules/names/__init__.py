"""NL2xx: people, titles and companies named right."""
