"""Runs the rules over the parsed notes: stamps hits into findings, applies suppressions."""
