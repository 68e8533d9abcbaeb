"""One pure function per output format: each takes a Report and returns text."""
