"""What the user sees: the formatters and the statistics, after one redaction step."""
