"""Use cases of the minutes' frame: the logo and the EU emblem the user provides,
participants' job title and country, apologies for absence. No Qt, no SQL."""

from __future__ import annotations

from pathlib import Path

from facilitator.domain import validation as v
from facilitator.domain.errors import ValidationError
from facilitator.services.workshop import WorkshopService
from facilitator.storage.minutes import IMAGE_KINDS, MinutesRepository

MAX_IMAGE = 5 * 1024 * 1024  # bytes: a logo, not a photo album
_MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def image_type(data: bytes) -> str | None:
    for magic, mime in _MAGIC.items():
        if data.startswith(magic):
            return mime
    return None


class MinutesService:
    def __init__(self, svc: WorkshopService) -> None:
        self.svc = svc
        self.repo = MinutesRepository(svc.file)

    # --- images ---------------------------------------------------------------------

    def image(self, kind: str) -> bytes | None:
        found = self.repo.image(kind)
        return found[1] if found else None

    def set_image(self, kind: str, data: bytes) -> None:
        """Store a PNG or JPEG as the workshop's ``logo`` or ``emblem``."""
        if kind not in IMAGE_KINDS:
            raise ValidationError("image", f"unknown image {kind!r}", rule="choice")
        if len(data) > MAX_IMAGE:
            raise ValidationError(
                "image",
                f"the image is {len(data) // 1024} KiB; at most {MAX_IMAGE // 1024} KiB",
                max=MAX_IMAGE // 1024,
                rule="image_size",
            )
        mime = image_type(data)
        if mime is None or not _readable(data):
            raise ValidationError("image", "the file is not a PNG or JPEG image", rule="image")
        self.repo.set_image(kind, mime, data)

    def set_image_file(self, kind: str, path: Path | str) -> None:
        path = Path(path)
        if path.stat().st_size > MAX_IMAGE:
            raise ValidationError(
                "image", "the image is too large", max=MAX_IMAGE // 1024, rule="image_size"
            )
        self.set_image(kind, path.read_bytes())

    def remove_image(self, kind: str) -> None:
        self.repo.remove_image(kind)

    # --- participants and apologies ---------------------------------------------------

    def participant_details(self) -> dict[int, tuple[str, str]]:
        return self.repo.participant_details()

    def set_participant_details(self, pid: int, job_title: str = "", country: str = "") -> None:
        self.svc.participant(pid)  # raises NotFound
        self.repo.set_participant_details(
            pid,
            v.clean_line(job_title, "job_title", required=False),
            v.clean_line(country, "country", required=False),
        )

    def apologies(self, day_id: int) -> set[int]:
        return self.repo.apologies(day_id)

    def set_apologies(self, day_id: int, pid: int, sent: bool = True) -> None:
        self.svc.day(day_id)
        self.svc.participant(pid)
        if sent and pid in self.svc.present(day_id):
            raise ValidationError(
                "apologies", "a participant present that day sends no apologies", rule="present"
            )
        self.repo.set_apologies(day_id, pid, sent)


def _readable(data: bytes) -> bool:
    """Does reportlab read the image (its size), so it can go into a PDF?"""
    import io

    try:
        from reportlab.lib.utils import ImageReader

        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # noqa: BLE001 - any failure means "not an image we can print"
        return False
    return width > 0 and height > 0
