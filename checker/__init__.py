"""claimcheck: extract normalised claims from news articles and cross-check them across sources.

Public API: :func:`check_paths`, and the models :class:`Claim`, :class:`Finding`, :class:`Report`.
"""

__version__ = "0.1.0"

from checker.models import Claim, Finding, Report  # noqa: E402


def check_paths(*args, **kwargs) -> Report:
    """Load, extract and check; see :func:`checker.pipeline.check_paths`."""
    from checker.pipeline import check_paths as _check_paths

    return _check_paths(*args, **kwargs)


__all__ = ["check_paths", "Claim", "Finding", "Report", "__version__"]
