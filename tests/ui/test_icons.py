"""The icons made for Ringfence: every state and page icon renders, and the platform files hold every size."""

from __future__ import annotations

from PySide6.QtGui import QImage, QImageReader

from app.core.foundation.resources import resource_path
from app.ui.icons import STATES, app_icon, icon, state_icon
from app.ui.main_window import PAGES


def _opaque_pixels(image: QImage) -> int:
    return sum(image.pixelColor(x, y).alpha() > 0 for x in range(image.width()) for y in range(image.height()))


def test_state_and_page_icons_render(qapp: object) -> None:
    images = {}
    for state in STATES:
        image = state_icon(state).pixmap(32, 32).toImage()
        assert _opaque_pixels(image) > 200, state
        images[state] = image
    assert len({bytes(i.constBits()) for i in images.values()}) == len(STATES)  # each state looks different
    for name, _module, _cls in PAGES:
        assert _opaque_pixels(icon(f"page-{name}").pixmap(24, 24).toImage()) > 20, name
    assert not app_icon().isNull()


def test_the_windows_icon_holds_every_size_from_16_to_256() -> None:
    reader = QImageReader(str(resource_path("icons", "ringfence.ico")))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.add(reader.read().width())
    assert {16, 24, 32, 48, 256} <= sizes


def test_linux_png_sizes_are_present() -> None:
    for size in (16, 32, 48, 128, 256, 512):
        image = QImage(str(resource_path("icons", "png", f"ringfence-{size}.png")))
        assert image.width() == size and image.height() == size
