"""The sound of a refused scan: a short falling tone (resources/sounds/refused.wav, made by
tools/make_sounds.py) through QSoundEffect, at the register's volume.

QtMultimedia comes with PySide6-Addons and needs libpulse on Linux. Where it cannot load, or no
audio device plays it, the refusal falls back to the system bell and the log says so once: a
missing sound must never stop the till.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLoggingCategory, QObject, QTimer, QUrl, Signal
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)
REFUSED_WAV = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "refused.wav"
DEFAULT_VOLUME = 80
"""Percent of full volume, until a manager sets the register's own (scanner settings)."""
LOAD_AFTER_MS = 1000
"""The sound effect is made this long after its owner, once the first screen has shown."""


def _sound_effect_class() -> type[QSoundEffect] | None:
    # The multimedia backend probes for PipeWire first and warns on stderr when it is absent;
    # PulseAudio (or its PipeWire replacement) is what plays, so the probe's noise is muted.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    try:
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError as error:  # PySide6-Addons missing, or libpulse.so.0 not installed
        log.warning("refusal sound unavailable, using the system bell: %s", error)
        return None
    return QSoundEffect


class RefusalSound(QObject):
    sounded = Signal(int)
    """A refusal was sounded: (volume in percent; 0 is silent)."""

    def __init__(self, volume: int = DEFAULT_VOLUME, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.volume = volume
        self._effect: QSoundEffect | None = None
        self._bell_noted = False
        self._loaded = False
        # Loading QtMultimedia and opening the audio device takes 40-170 ms: not before the
        # first screen shows, but soon after, so that the first refusal sounds at once.
        QTimer.singleShot(LOAD_AFTER_MS, self, self._load)

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        effect_class = _sound_effect_class()
        if effect_class is not None:
            self._effect = effect_class(self)
            self._effect.setSource(QUrl.fromLocalFile(str(REFUSED_WAV)))
            self.set_volume(self.volume)

    @property
    def effect(self) -> QSoundEffect | None:
        """The Qt sound effect (None where QtMultimedia could not load)."""
        self._load()
        return self._effect

    def set_volume(self, percent: int) -> None:
        self.volume = max(0, min(100, percent))
        if self._effect is not None:
            self._effect.setVolume(self.volume / 100)

    def play(self, volume: int | None = None) -> None:
        """Sound a refusal at the register's volume (or ``volume``, for the settings' test)."""
        loudness = self.volume if volume is None else max(0, min(100, volume))
        if loudness > 0:
            self._load()
            if self._playable():
                assert self._effect is not None
                self._effect.setVolume(loudness / 100)
                self._effect.play()
            else:
                QApplication.beep()
        self.sounded.emit(loudness)

    def _playable(self) -> bool:
        if self._effect is None:
            return False
        if self._effect.status() == self._effect.Status.Error:
            if not self._bell_noted:
                log.warning("refusal sound cannot play on this audio device; using the bell")
                self._bell_noted = True
            return False
        return True
