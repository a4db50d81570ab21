"""NL5xx: what each person of the hiring process should hear."""
