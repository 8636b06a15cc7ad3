"""Why a definitions bundle or rules folder was refused: a stable code, its arguments and an English sentence.

:class:`BundleError` carries ``code`` and ``values`` beside its English text (logs, the channel tools);
the client turns them into a translated message (``app/core/scanning/bundle_messages.py`` holds the same codes,
and a test keeps the two equal). An error raised with a plain sentence has no code.
"""

from __future__ import annotations

#: English sentences by code; ``{0}``, ``{1}``, … are the arguments.
BUNDLE_TEXTS: dict[str, str] = {
    "engine-version-bad": "The definitions declare an engine version {0} that is not a version number.",
    "member-absolute": "The definitions archive contains an absolute path ({0}) and was refused.",
    "member-escapes": "The definitions archive contains a path that leaves its folder ({0}) and was refused.",
    "member-link": "The definitions archive contains a link ({0}) and was refused.",
    "member-special": "The definitions archive contains a special file ({0}) and was refused.",
    "member-too-large": "The definitions archive contains a file that is too large ({0}) and was refused.",
    "member-unexpected": "The definitions archive contains an unexpected file ({0}) and was refused.",
    "too-many-files": "The definitions archive holds too many files and was refused.",
    "too-large": "The definitions archive is too large when expanded and was refused.",
    "archive-damaged": "The definitions archive {0} is damaged or unreadable ({1}).",
    "disk-full": "There is not enough free disk space to unpack the definitions; free some space and try again.",
    "archive-unreadable": "The definitions archive {0} cannot be read ({1}).",
    "no-manifest": "The definitions have no content.json manifest and were refused.",
    "manifest-unreadable": "The definitions manifest cannot be read ({0}).",
    "manifest-not-object": "The definitions manifest is not a JSON object and was refused.",
    "schema": "The definitions use content schema {0}, which this version of Ringfence does not understand "
              "(it reads schema {1}).",
    "version-bad": "The definitions manifest has no valid integer version and was refused.",
    "engine-range": "The definitions need engine {0} to {1}, but this Ringfence has engine {2}.",
    "hash-count": "The definitions declare {0} entries for hash but contain {1}; they were refused.",
    "allow-count": "The definitions declare {0} entries for allow but contain {1}; they were refused.",
    "golden-count": "The definitions declare {0} entries for golden but contain {1}; they were refused.",
    "no-rule-count": "The definitions manifest does not declare its rule count and was refused.",
    "allow-clash": "The definitions list {0} known-good file hash(es) as threats (first: {1}); they were refused.",
    "no-file-list": "The definitions manifest has no valid file list and was refused.",
    "unlisted-file": "The definitions contain files not listed in the manifest ({0}).",
    "missing-file": "The definitions are missing a file the manifest lists ({0}).",
    "file-mismatch": "The definitions file {0} does not match its manifest entry; it was refused.",
    "hash-list-unreadable": "The hash list {0} cannot be read ({1}).",
    "hash-line-bad": "Line {0} of {1} is not 'sha256<TAB>name'; the definitions were refused.",
    "golden-not-base64": "The golden sample {0} is not valid base64; the definitions were refused.",
    "no-rule-files": "The folder {0} contains no .yar or .yara rule files.",
    "folder-missing": "The definitions folder {0} does not exist.",
    "rule-syntax": "The definitions contain a rule that does not compile: {0}.",
    "compile-failed": "The definitions could not be compiled: {0}.",
    "rule-count": "The definitions declare {0} rules but contain {1}; they were refused.",
}


class BundleError(Exception):
    """A bundle or rules folder was refused: ``code`` (a key of :data:`BUNDLE_TEXTS`) and its ``values``;
    ``str()`` is the English sentence."""

    def __init__(self, code: str, *values: object) -> None:
        self.code = code if code in BUNDLE_TEXTS else ""
        self.values = tuple(str(v) for v in values)
        super().__init__(BUNDLE_TEXTS[code].format(*self.values) if self.code else code)
