"""The EICAR anti-virus test string, built in memory so that no test file lies on disk."""

_PARTS = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS", "-TEST-FILE!$H+H*")


def eicar_bytes() -> bytes:
    """The 68-byte standard test string."""
    return "".join(_PARTS).encode("ascii")
