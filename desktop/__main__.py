"""`python -m desktop`: parse the command line, then hand over to the Qt application."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["report"]:  # `python -m desktop report ...`: no window, no Qt app
        from desktop.report.cli import main as report_main

        return report_main(args[1:])

    from desktop.cli import apply_cli, parse_args
    from desktop.infra.settings import load_settings

    settings, notes = load_settings()
    opts = parse_args(args, settings)
    settings = apply_cli(settings, opts)

    from desktop.ui.run import run

    return run(opts, settings, notes)


if __name__ == "__main__":
    sys.exit(main())
