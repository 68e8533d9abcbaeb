"""recoupe's command line: options in, checker calls, renderer out, exit code."""
