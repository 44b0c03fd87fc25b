"""``python -m checker`` runs the claimcheck command."""

from checker.cli import main

main()
