"""Start Facilitator: the window, or a sub-command (python main.py --help)."""

from facilitator.app import main

if __name__ == "__main__":
    raise SystemExit(main())
