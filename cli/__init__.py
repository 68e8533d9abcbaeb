"""recoupe's command line: options in, checker calls, renderer out, exit code."""

import sys


def run() -> None:
    """The ``recoupe`` command: cli.main.main, with Ctrl-C during its imports handled as later on.

    Importing the command line (typer, rich, the library) takes a noticeable part of a short run;
    a Ctrl-C then would otherwise end in a traceback from the middle of some import.
    """
    try:
        from cli.main import main
    except KeyboardInterrupt:
        sys.stderr.write("recoupe: interrupted\n")
        sys.exit(130)  # checker.outcomes.ExitCode.INTERRUPTED, not imported: it may be what was cut
    main()
