"""Why the validation sandbox or the engine's self-test refused a definitions bundle, as messages.

The engine reports a refusal as a code and its arguments (:data:`app.engine.validation_result.REFUSAL_TEXTS`
holds the same codes in English, and a test keeps the two equal); :func:`refusal` makes the message the
update history, the journal and the Updates page keep. A result from an older engine (no code) keeps its
English sentence, named by the step it failed at.
"""

from __future__ import annotations

from app.core.scanning.bundle_messages import bundle_message
from app.core.text.labels import UPDATE_STEPS
from app.core.text.messages import Message, translate
from app.engine.validation_result import BUNDLE_PREFIX, ValidationResult

REFUSALS: dict[str, Message] = {
    "archive-bad": translate("Updates", "The definitions archive cannot be used (%1); it was refused."),
    "manifest-bad": translate("Updates", "The definitions' manifest is not valid (%1); they were refused."),
    "no-manifest": translate("Updates", "The definitions have no content.json manifest and were refused."),
    "version-mismatch": translate("Updates", "The bundle holds version %1 but the channel announced version %2; "
                                             "it was refused."),
    "hash-own-file": translate("Updates", "The definitions list Ringfence's own file %1 as a threat (%2); they were "
                                          "refused."),
    "hash-clean-file": translate("Updates", "The definitions list the clean self-test file %1 as a threat (%2); they "
                                            "were refused."),
    "compile-failed": translate("Updates", "The rules do not compile (%1); the definitions were refused."),
    "eicar-slow": translate("Updates", "The definitions took too long on the EICAR test string; they were refused."),
    "eicar-missing": translate("Updates", "The definitions do not detect the EICAR test string (the EICAR rule is "
                                          "missing or broken); they were refused."),
    "golden-missed": translate("Updates", "The golden sample %1 is no longer detected by its rule %2; the definitions "
                                          "were refused."),
    "clean-corpus-missing": translate("Updates", "The clean self-test corpus is missing, so the definitions cannot be "
                                                 "checked for false positives; reinstall Ringfence."),
    "clean-slow": translate("Updates", "A rule took longer than %1 s on the clean self-test file %2 (a rule that "
                                       "hangs); the definitions were refused."),
    "clean-rule-hit": translate("Updates", "The rule %1 flags the clean self-test file %2 (a false positive); the "
                                           "definitions were refused."),
    "clean-hash-hit": translate("Updates", "The hash entry %1 flags the clean self-test file %2 (a false positive); "
                                           "the definitions were refused."),
    "budget": translate("Updates", "The definitions needed more than %1 s for the self-test files (rules that are too "
                                   "slow); they were refused."),
    "cost-slow": translate("Updates", "The rule %2 took longer than %3 s on a generated %1 file (its cost grows with "
                                      "the file size, so larger files would not be checked at all); the definitions "
                                      "were refused."),
    "cost-budget": translate("Updates", "The rule %2 needs %3 s per MB on a generated %1 file, more than the budget of "
                                        "%4 s per MB; the definitions were refused."),
    "cost-growth": translate("Updates", "The rule %2 needs %3 s per MB on a generated %1 file, more than three times as "
                                        "much as on smaller files (its cost grows with the file size); the definitions "
                                        "were refused."),
    "request-invalid": translate("Updates", "The validation request is invalid (%1)."),
    "timeout": translate("Updates", "Checking the definitions took longer than %1 s (a rule that hangs or is far too "
                                    "slow); they were refused."),
    "crash-memory": translate("Updates", "The engine ran out of memory while checking the definitions; they were "
                                         "refused."),
    "crash-signal": translate("Updates", "The engine crashed (%1) while checking the definitions; they were refused."),
    "crash-exit": translate("Updates", "The engine stopped unexpectedly (exit code %1) while checking the definitions; "
                                       "they were refused."),
    "unreadable": translate("Updates", "The engine gave an unreadable answer while checking the definitions; they "
                                       "were refused."),
    "selftest-load": translate("Updates", "Version %1 failed to load in the engine (%2)."),
    "selftest-failed": translate("Updates", "Version %1 failed its self-test in the engine (%2)."),
}


def refusal(result: ValidationResult) -> Message:
    """Why ``result`` refused the bundle, as a message."""
    if result.code.startswith(BUNDLE_PREFIX):
        found = bundle_message(result.code.removeprefix(BUNDLE_PREFIX), result.args)
        if found is not None:
            return found
    template = REFUSALS.get(result.code)
    if template is not None:
        return template.arg(*result.args)
    return translate("Updates", "The definitions were refused at the %1 step (%2).").arg(
        UPDATE_STEPS(result.step), result.reason or "-")
