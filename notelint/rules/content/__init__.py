"""NL1xx: what a note says, and whether only this conversation could have produced it."""
