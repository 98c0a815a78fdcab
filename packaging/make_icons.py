"""Draw the application icon and write it as PNG, ICO (Windows) and ICNS (macOS).

Run once when the design changes; the outputs are committed under resources/icons/ so a build
needs neither Pillow nor ImageMagick:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Qt draws the artwork (PySide6 is already a dependency). ICO and ICNS are written here as
containers of PNG images: both formats accept PNG entries (ICO since Windows Vista, ICNS
types ic07-ic10 since macOS 10.5), so no platform tool is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
NAME = "fieldassist"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def draw(size: int) -> QImage:
    """A rounded orange tile with a white headset microphone: a voice assistant for field work."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 100.0
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e8701a"))
    p.drawRoundedRect(QRectF(4 * s, 4 * s, 92 * s, 92 * s), 20 * s, 20 * s)
    white = QPen(QColor("white"), 8 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(white)
    p.setBrush(Qt.BrushStyle.NoBrush)
    band = QPainterPath()  # headband
    band.moveTo(24 * s, 56 * s)
    band.cubicTo(24 * s, 14 * s, 76 * s, 14 * s, 76 * s, 56 * s)
    p.drawPath(band)
    boom = QPainterPath()  # microphone boom towards the mouth
    boom.moveTo(30 * s, 70 * s)
    boom.cubicTo(34 * s, 82 * s, 48 * s, 82 * s, 56 * s, 80 * s)
    p.drawPath(boom)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    for x in (18, 70):  # ear cups
        p.drawRoundedRect(QRectF(x * s, 50 * s, 12 * s, 24 * s), 5 * s, 5 * s)
    p.drawEllipse(QPointF(60 * s, 80 * s), 6 * s, 6 * s)
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, b"PNG"):
        raise RuntimeError("Qt could not encode PNG")
    buf.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """ICONDIR + ICONDIRENTRY per size, then the PNG payloads (width/height 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, payload = b"", b""
    for size, data in sorted(images.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def icns(images: dict[int, bytes]) -> bytes:
    """'icns' + total length, then (type, length incl. 8-byte header, PNG) per entry."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", len(data) + 8) + data
        for size, data in sorted(images.items())
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    rendered = {size: png_bytes(draw(size)) for size in {*ICO_SIZES, *ICNS_TYPES}}
    (OUT / f"{NAME}.png").write_bytes(rendered[256])
    (OUT / f"{NAME}.ico").write_bytes(ico({s: rendered[s] for s in ICO_SIZES}))
    (OUT / f"{NAME}.icns").write_bytes(icns({s: rendered[s] for s in ICNS_TYPES}))
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
