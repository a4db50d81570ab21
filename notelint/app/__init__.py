"""The commands' work, from configured paths to a report: check, fix, timeline, evaluation, docs."""
