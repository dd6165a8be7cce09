"""Writes resources/sounds/refused.wav: the tone of a refused scan. Two short falling notes,
square-ish so a till's small speaker carries them over a busy counter; 16-bit mono 22.05 kHz,
about 17 kB. Run it again to change the sound (python tools/make_sounds.py)."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
NOTES = ((880.0, 0.13), (0.0, 0.05), (587.0, 0.20))
"""(frequency Hz, seconds); 0 Hz is a pause. A falling pair reads as "no" in most cultures."""
AMPLITUDE = 0.6
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "refused.wav"


def samples() -> list[int]:
    out: list[int] = []
    for frequency, seconds in NOTES:
        count = int(RATE * seconds)
        fade = int(RATE * 0.01)  # 10 ms in and out: no click at the edges
        for n in range(count):
            if frequency == 0:
                out.append(0)
                continue
            phase = math.sin(2 * math.pi * frequency * n / RATE)
            # rounder than a square wave, louder than a sine
            value = math.copysign(abs(phase) ** 0.3, phase)
            envelope = min(1.0, n / fade, (count - n) / fade)
            out.append(round(32767 * AMPLITUDE * envelope * value))
    return out


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(b"".join(struct.pack("<h", s) for s in samples()))
    print(f"{OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
