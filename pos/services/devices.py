"""The register and its devices: name and label block, the scanner settings (keyboard-wedge
timing, serial port) the counter reads at its next start, and how the counter window fills its
screen. Changes are journaled (13999 settings_change); printer settings are in ``print_queue``."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum

from pos.errors import DomainError
from pos.model.staff import Permission
from pos.services.context import TillContext
from pos.services.settings_journal import journal_settings_change
from pos.unit_of_work import UnitOfWorkFactory

SCANNER_META = "scanner_settings:{}"
WINDOW_META = "window_mode:{}"


class WindowMode(StrEnum):
    """How the counter window fills its screen: maximised keeps the desktop's panel (a PC
    shared with other work); full screen covers it (a kiosk counter)."""

    MAXIMISED = "maximised"
    FULL_SCREEN = "full_screen"


class InvalidDeviceSetting(DomainError):
    code = "invalid_device_setting"
    nb = "Ugyldig innstilling: {value}."
    en = "Invalid setting: {value}."


class LabelBlockTaken(DomainError):
    code = "label_block_taken"
    nb = "Etikettserie {value} brukes allerede av kasse {register}."
    en = "Label block {value} is already used by register {register}."


@dataclass(frozen=True)
class RegisterInfo:
    id: str
    name: str
    label_block: int | None


@dataclass(frozen=True)
class ScannerSettings:
    max_gap_ms: int = 50
    """Longest pause between two keys of one wedge scan."""
    min_length: int = 6
    """Shortest burst taken as a scan."""
    prefix: str = ""
    serial_url: str = ""
    """A pyserial URL (``/dev/ttyACM0``, ``COM3``, ``socket://host:port``) or '' for none."""
    baudrate: int = 9600
    refusal_volume: int = 80
    """Loudness of the refused-scan sound, percent (0 silences it)."""


def registers(uow_factory: UnitOfWorkFactory) -> list[RegisterInfo]:
    with uow_factory.read() as uow:
        return [
            RegisterInfo(r["id"], r["name"], r["label_block"]) for r in uow.registers.registers()
        ]


def update_register(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    register_id: str,
    name: str,
    label_block: int | None,
) -> None:
    """Rename a register or give it a label block (1-99, unique: see docs/labels.md)."""
    ctx.require(Permission.MANAGE)
    if not name.strip():
        raise InvalidDeviceSetting("name")
    if label_block is not None and not 1 <= label_block <= 99:
        raise InvalidDeviceSetting(f"label block {label_block} (1-99)")
    with uow_factory() as uow:
        if uow.registers.register_name(register_id) is None:
            raise InvalidDeviceSetting(f"register {register_id}")
        holder = uow.registers.register_with_block(label_block) if label_block else None
        if holder is not None and holder != register_id:
            raise LabelBlockTaken(label_block, register=holder)
        uow.registers.update_register(register_id, name.strip(), label_block)
        changed = {"register": register_id, "name": name.strip(), "block": label_block}
        journal_settings_change(uow, ctx, changed)
        uow.commit()


def scanner_settings(uow_factory: UnitOfWorkFactory, register_id: str) -> ScannerSettings:
    with uow_factory.read() as uow:
        saved = uow.meta.get_meta(SCANNER_META.format(register_id))
    if not saved:
        return ScannerSettings()
    known = set(ScannerSettings.__dataclass_fields__)
    return ScannerSettings(**{k: v for k, v in json.loads(saved).items() if k in known})


def check_scanner_settings(settings: ScannerSettings) -> ScannerSettings:
    if not 5 <= settings.max_gap_ms <= 500:
        raise InvalidDeviceSetting(f"max gap {settings.max_gap_ms} ms (5-500)")
    if not 1 <= settings.min_length <= 64:
        raise InvalidDeviceSetting(f"min length {settings.min_length} (1-64)")
    if settings.baudrate not in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200):
        raise InvalidDeviceSetting(f"baud rate {settings.baudrate}")
    if not 0 <= settings.refusal_volume <= 100:
        raise InvalidDeviceSetting(f"volume {settings.refusal_volume} % (0-100)")
    return settings


def save_scanner_settings(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, settings: ScannerSettings
) -> None:
    """Store this register's scanner settings (used from the next start)."""
    ctx.require(Permission.MANAGE)
    check_scanner_settings(settings)
    with uow_factory() as uow:
        value = asdict(settings)
        uow.meta.set_meta(SCANNER_META.format(ctx.register_id), json.dumps(value, sort_keys=True))
        journal_settings_change(uow, ctx, {"scanner": {"register": ctx.register_id, **value}})
        uow.commit()


def window_mode(uow_factory: UnitOfWorkFactory, register_id: str) -> WindowMode:
    with uow_factory.read() as uow:
        saved = uow.meta.get_meta(WINDOW_META.format(register_id))
    try:
        return WindowMode(saved) if saved else WindowMode.MAXIMISED
    except ValueError:  # written by a newer version: the safe default
        return WindowMode.MAXIMISED


def save_window_mode(uow_factory: UnitOfWorkFactory, ctx: TillContext, mode: WindowMode) -> None:
    """This register's window mode (a manager's setting, journaled)."""
    ctx.require(Permission.MANAGE)
    mode = WindowMode(mode)
    with uow_factory() as uow:
        uow.meta.set_meta(WINDOW_META.format(ctx.register_id), mode.value)
        journal_settings_change(uow, ctx, {"window": {"register": ctx.register_id, "mode": mode}})
        uow.commit()
