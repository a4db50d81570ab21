"""Facts computed once per note and run: a letter's anatomy, names, specificity, the timing policy."""
