"""PDF through LibreOffice (headless, one run for many files): the notices' ``--format pdf``."""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, SectoolsError
from .messages import W as phrase


def soffice() -> str | None:
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_files: list[Path], outdir: Path, timeout: int = 600) -> list[Path]:
    """Convert with LibreOffice headless (one run for all files)."""
    import subprocess
    import tempfile

    exe = soffice()
    if not exe:
        raise SectoolsError(Problem("pdf-unavailable"))
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sectools-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
               str(outdir)] + [str(p) for p in docx_files]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise SectoolsError(Problem("pdf-failed", params={"detail": phrase("libreoffice-timeout")})) from None
    out = [outdir / (p.stem + ".pdf") for p in docx_files]
    missing = [p.name for p in out if not p.exists()]
    if missing:
        raise SectoolsError(Problem("pdf-failed", params={"detail": "、".join(missing[:3])}))
    return out
