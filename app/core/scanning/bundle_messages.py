"""Why a definitions bundle or rules folder was refused, as messages a translator can reach.

The engine raises :class:`~app.engine.bundle_errors.BundleError` with a code and its arguments
(:data:`~app.engine.bundle_errors.BUNDLE_TEXTS` holds the same codes in English, and a test keeps the two
equal); :func:`bundle_message` makes the message the console and the update history show.
"""

from __future__ import annotations

from app.core.text.messages import Message, translate
from app.engine.bundle_errors import BundleError

BUNDLE_ERRORS: dict[str, Message] = {
    "engine-version-bad": translate("Definitions", "The definitions declare an engine version %1 that is not a version "
                                                   "number."),
    "member-absolute": translate("Definitions", "The definitions archive contains an absolute path (%1) and was "
                                                "refused."),
    "member-escapes": translate("Definitions", "The definitions archive contains a path that leaves its folder (%1) "
                                               "and was refused."),
    "member-link": translate("Definitions", "The definitions archive contains a link (%1) and was refused."),
    "member-special": translate("Definitions", "The definitions archive contains a special file (%1) and was refused."),
    "member-too-large": translate("Definitions", "The definitions archive contains a file that is too large (%1) and "
                                                 "was refused."),
    "member-unexpected": translate("Definitions", "The definitions archive contains an unexpected file (%1) and was "
                                                  "refused."),
    "too-many-files": translate("Definitions", "The definitions archive holds too many files and was refused."),
    "too-large": translate("Definitions", "The definitions archive is too large when expanded and was refused."),
    "archive-damaged": translate("Definitions", "The definitions archive %1 is damaged or unreadable (%2)."),
    "disk-full": translate("Definitions", "There is not enough free disk space to unpack the definitions; free some "
                                          "space and try again."),
    "archive-unreadable": translate("Definitions", "The definitions archive %1 cannot be read (%2)."),
    "no-manifest": translate("Definitions", "The definitions have no content.json manifest and were refused."),
    "manifest-unreadable": translate("Definitions", "The definitions manifest cannot be read (%1)."),
    "manifest-not-object": translate("Definitions", "The definitions manifest is not a JSON object and was refused."),
    "schema": translate("Definitions", "The definitions use content schema %1, which this version of Ringfence does "
                                       "not understand (it reads schema %2)."),
    "version-bad": translate("Definitions", "The definitions manifest has no valid integer version and was refused."),
    "engine-range": translate("Definitions", "The definitions need engine %1 to %2, but this Ringfence has engine %3."),
    "hash-count": translate("Definitions", "The definitions declare %1 entries for hash but contain %2; they were "
                                           "refused."),
    "allow-count": translate("Definitions", "The definitions declare %1 entries for allow but contain %2; they were "
                                            "refused."),
    "golden-count": translate("Definitions", "The definitions declare %1 entries for golden but contain %2; they were "
                                             "refused."),
    "no-rule-count": translate("Definitions", "The definitions manifest does not declare its rule count and was "
                                              "refused."),
    "allow-clash": translate("Definitions", "The definitions list %1 known-good file hash(es) as threats (first: %2); "
                                            "they were refused."),
    "no-file-list": translate("Definitions", "The definitions manifest has no valid file list and was refused."),
    "unlisted-file": translate("Definitions", "The definitions contain files not listed in the manifest (%1)."),
    "missing-file": translate("Definitions", "The definitions are missing a file the manifest lists (%1)."),
    "file-mismatch": translate("Definitions", "The definitions file %1 does not match its manifest entry; it was "
                                              "refused."),
    "hash-list-unreadable": translate("Definitions", "The hash list %1 cannot be read (%2)."),
    "hash-line-bad": translate("Definitions", "Line %1 of %2 is not 'sha256<TAB>name'; the definitions were refused."),
    "golden-not-base64": translate("Definitions", "The golden sample %1 is not valid base64; the definitions were "
                                                  "refused."),
    "no-rule-files": translate("Definitions", "The folder %1 contains no .yar or .yara rule files."),
    "folder-missing": translate("Definitions", "The definitions folder %1 does not exist."),
    "rule-syntax": translate("Definitions", "The definitions contain a rule that does not compile: %1."),
    "compile-failed": translate("Definitions", "The definitions could not be compiled: %1."),
    "rule-count": translate("Definitions", "The definitions declare %1 rules but contain %2; they were refused."),
}


def bundle_message(code: str, values: list[str] | tuple[str, ...]) -> Message | None:
    """The message for the bundle error ``code`` with its ``values`` (None for a code this Ringfence lacks)."""
    template = BUNDLE_ERRORS.get(code)
    return None if template is None else template.arg(*values)


def bundle_error(exc: BundleError) -> Message | str:
    """``exc`` as a message (its English sentence when it has no code)."""
    return bundle_message(exc.code, exc.values) or str(exc)
