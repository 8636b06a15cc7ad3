"""Translation markers for text that lives outside Qt code.

Core modules declare user-visible strings (setting labels, stop-code explanations, state names) with
``QT_TRANSLATE_NOOP(context, text)``. Qt's ``lupdate`` finds the marker by name and puts the text into
``translations/*.ts``; the UI translates it at display time with ``QCoreApplication.translate``.
The core itself never imports Qt, so the marker here simply returns the text.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    del context
    return text
