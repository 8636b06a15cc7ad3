"""Ringfence: a user-mode security console for home users."""

__version__ = "0.1.0"

# The engine contract version. Definitions bundles declare the range of engine versions they
# work with (min_engine / max_engine); the loader refuses a bundle outside that range.
ENGINE_VERSION = "1.0"
