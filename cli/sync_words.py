"""What ``enrol`` and ``sync`` say, in the interface's language (bokmål unless ``--lang en``),
as every other command of the counter does. The server's own reasons (``error.reason``, a
tenant refusal) are quoted as the server gave them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cli.words import counted

if TYPE_CHECKING:
    from pos.services.joining import JoinedCentre
    from sync.cycle import CycleReport
    from sync.enrolment import Enrolled, TenantOutcome


def say(lang: str, nb: str, en: str) -> str:
    return en if lang == "en" else nb


def enrol_refused(lang: str, reason: str) -> str:
    return say(lang, f"registreringen ble avvist: {reason}", f"enrolment refused: {reason}")


def enrol_failed(lang: str, reason: str) -> str:
    return say(lang, f"registreringen mislyktes: {reason}", f"enrolment failed: {reason}")


def enrol_refusal(lang: str, code: str, register: str) -> str:
    """The server's refusals of an enrolment in words ("" for others, quoted as given): nothing
    was stored on either side, and the code is not used up."""
    if code == "register_taken":
        return say(
            lang,
            f"registreringen ble avvist: en annen kasse i senteret er allerede kasse {register}, "
            "som denne kassen har solgt som (en kasse fra et annet senter, eller en som er "
            "gjenopprettet fra en annen kasses sikkerhetskopi?). Ingenting er lagret, og koden "
            "kan brukes igjen. En gjenopprettet kasse registreres på nytt med koden laget for "
            "sin egen enhet (omigjen-server admin enrolment-code --device ID)",
            f"enrolment refused: another counter of the centre is register {register} already, "
            "the register this counter has sold as (a counter of another centre, or one "
            "restored from another counter's backup?). Nothing was stored, and the code can "
            "be used again. Re-enrol a restored counter with the code made for its own device "
            "(omigjen-server admin enrolment-code --device ID)",
        )
    if code == "centre_other":
        return say(
            lang,
            "registreringen ble avvist: denne kassen er satt opp som et annet senter, med "
            "leietakere stedet ikke har, og stedet har allerede sitt senter fra en annen kasse. "
            "Ingenting er lagret, og koden kan brukes igjen. Registrer kassen med en kode for "
            "sitt eget senters sted; en ny kasse i dette senteret starter med en tom datamappe",
            "enrolment refused: this counter is set up as another centre, with tenants the "
            "site does not have, and the site has its centre from another counter already. "
            "Nothing was stored, and the code can be used again. Enrol the counter with a code "
            "of its own centre's site; a new counter of this centre starts from an empty data "
            "directory",
        )
    return ""


def enrolled(lang: str, done: Enrolled) -> list[str]:
    device, epoch, site = done.device_id, done.device_epoch, done.site_id
    register, block = done.register_id, done.label_block
    lines = [
        say(lang, f"registrert som {device} (epoke {epoch}) på stedet {site}",
            f"enrolled as {device} (epoch {epoch}) at site {site}"),
        say(lang, f"denne kassen er kasse {register} med etikettserie {block}: "
            "kvitteringsnumrene og etikettene blir aldri de samme som stedets andre kassers",
            f"this counter is register {register} with label block {block}: its receipt "
            "numbers and labels never collide with the site's other counters'"),
    ]  # fmt: skip
    if done.shared:
        lines.append(say(
            lang, f"{done.shared} varegrupper, ansatte og varer går til stedets andre kasser "
            "med neste synkronisering", f"{done.shared} article groups, staff and items go to "
            "the site's other counters with the next sync"))  # fmt: skip
    else:
        lines.append(say(
            lang, "senterets leietakere, ansatte, varegrupper og varer kommer med neste "
            "synkronisering", "the centre's tenants, staff, article groups and items come "
            "with the next sync"))  # fmt: skip
    lines += offered(lang, done.offered)
    lines.append(say(lang, "stedets leietakere på serveren:", "the site's tenants on the server:"))
    return lines + [f"  {tenant}" for tenant in done.tenants]


_WHY = {
    "approval": ("stedet holder nye leietakere til operatøren godkjenner dem",
                 "the site holds new tenants for the operator"),
    "id_at_other_site": ("et annet sted har en leietaker med denne id-en",
                         "another site has a tenant with this id"),
    "code_in_use": ("en annen leietaker på stedet har denne koden",
                    "another tenant of the site has this code"),
    "org_no_in_use": ("en annen leietaker på stedet har dette organisasjonsnummeret",
                      "another tenant of the site has this org.no"),
}  # fmt: skip
_OUTCOME = {
    "known": ("finnes allerede på serveren", "already on the server"),
    "registered": ("registrert for stedet", "registered for the site"),
}


def offered(lang: str, outcomes: tuple[TenantOutcome, ...]) -> list[str]:
    """What became of each tenant this counter brought."""
    lines = [say(lang, "denne kassens leietakere:", "this counter's tenants:")] if outcomes else []
    for t in outcomes:
        text = say(lang, *_OUTCOME[t.status]) if t.status in _OUTCOME else t.status
        if t.status == "pending":
            why = say(lang, *_WHY[t.reason]) if t.reason in _WHY else t.reason
            approve = f"omigjen-server admin tenants --approve {t.tenant_id}"
            text = say(lang, f"venter på operatørens godkjenning ({why}): {approve}",
                       f"waits for the operator's approval ({why}): {approve}")  # fmt: skip
        elif t.status == "refused":
            text = say(lang, f"avvist av serveren: {t.reason}",
                       f"refused by the server: {t.reason}")  # fmt: skip
        lines.append(f"  {t.code} {t.name}: {text}")
    return lines


def no_problems(lang: str) -> str:
    return say(lang, "Ingen synkroniseringsproblemer.", "No sync problems.")


def remove_needs_problems(lang: str) -> str:
    return say(lang, "--remove hører til --problems: sync --problems --remove NR --staff NR",
               "--remove goes with --problems: sync --problems --remove NO --staff NO")  # fmt: skip


def remove_needs_manager(lang: str) -> str:
    return say(lang, "Å fjerne synkroniseringsproblemer krever en leder: oppgi --staff NR.",
               "Removing sync problems needs a manager: give --staff NO.")  # fmt: skip


def problem_status(lang: str, status: str) -> str:
    """What became of a problem event: the server holds it (it is stored once the operator
    releases it, never lost) or stored it with a flag; as the sync page says it."""
    if status == "rejected":
        return say(lang, "holdt", "held")
    if status == "flagged":
        return say(lang, "merket", "flagged")
    return status


def problems_unknown(lang: str, keys: list[str]) -> str:
    listed = ", ".join(keys)
    return say(lang, f"ikke i listen over synkroniseringsproblemer: {listed}; ingenting er "
               "fjernet (se: sync --problems)", f"not in the list of sync problems: {listed}; "
               "nothing was removed (see: sync --problems)")  # fmt: skip


def problems_removed(lang: str, gone: int, kept: int) -> str:
    text = say(lang, f"{gone} problemer fjernet fra listen (serveren beholder hendelsene og "
               "merkene deres)", f"{gone} problems removed from the list (the server keeps "
               "the events and their flags)")  # fmt: skip
    if kept:
        text += say(lang, f"; {kept} hendelser holdes på serveren og blir stående til "
                    "operatøren slipper dem", f"; {kept} events are held on the server and "
                    "stay until its operator releases them")  # fmt: skip
    return text


def failure(lang: str, error: Exception) -> str:
    """Why a sync or an enrolment failed, in the interface's language where the counter itself
    found it (no answer, a certificate refused); a server's own words are quoted as given."""
    from sync.http import SyncError, Unreachable

    if isinstance(error, Unreachable) and error.cause:
        if error.tls:
            return say(lang, f"serverens TLS-sertifikat ble ikke godtatt: {error.cause}",
                       error.reason)  # fmt: skip
        return say(lang, f"serveren svarer ikke ({error.cause})", error.reason)
    return error.reason if isinstance(error, SyncError) else str(error)


def sync_failed(lang: str, reason: str) -> str:
    return say(lang, f"synkroniseringen mislyktes: {reason} (hendelsene venter i køen)",
               f"sync failed: {reason} (events stay queued)")  # fmt: skip


def sync_stopped(lang: str, reason: str) -> str:
    return say(lang, f"synkroniseringen stoppet: {reason} (hendelsene venter i køen)",
               f"sync stopped: {reason} (events stay queued)")  # fmt: skip


def summary(lang: str, report: CycleReport) -> str:
    if lang == "en":
        return report.summary()
    text = (
        f"sendte {report.pushed} hendelser i {report.batches} omganger ({report.duplicates} "
        f"fantes allerede på serveren, {report.flagged} merket, {report.rejected} holdt i "
        f"serverens karantene); hentet {report.pulled} endringer i felles data"
    )
    if report.full_resync:
        text += " (alt hentet på nytt)"
    if report.refused:
        text += f", {report.refused} avvist her"
    if report.resolved:
        text += f"; {report.resolved} holdte hendelser er lagret på serveren siden"
    if report.drained:
        return text + "; alt er sendt"
    return text + f"; {report.remaining} venter fortsatt"


def held(lang: str, report: CycleReport) -> str:
    """Why events were refused: they are held in the server's quarantine, not lost."""
    counts = ", ".join(f"{n} {code}" for code, n in sorted(report.refused_codes.items()))
    text = say(
        lang,
        f"{report.rejected} hendelser holdes i serverens karantene ({counts}), de er ikke "
        "tapt: de lagres når årsaken er rettet; se: sync --problems",
        f"{report.rejected} events are held in its quarantine by the server ({counts}), not "
        "lost: they are stored once the cause is fixed; see: sync --problems",
    )
    if report.waiting_tenants:
        tenants = ", ".join(sorted(report.waiting_tenants))
        pending = "omigjen-server admin tenants --pending"
        text += "\n" + say(
            lang,
            f"leietakerne deres venter på operatørens godkjenning ({tenants}): {pending}, "
            "deretter --approve ID",
            f"their tenants wait for the operator's approval ({tenants}): {pending}, then "
            "--approve ID",
        )
    return text


def clock_off(lang: str, offset_ms: int) -> str:
    from pos.model.clock_skew import skew_span

    n, unit = skew_span(offset_ms)  # the status strip's rule: minutes, hours or days
    behind = offset_ms > 0
    nouns = {
        "minutes": (("minutt", "minutter"), ("minute", "minutes")),
        "hours": (("time", "timer"), ("hour", "hours")),
        "days": (("døgn", "døgn"), ("day", "days")),
    }[unit]
    span = counted(lang, n, *nouns)
    return say(
        lang,
        f"kassens klokke går {span} {'etter' if behind else 'foran'} den sentrale "
        "serverens: still PC-ens dato og klokkeslett riktig (kvitteringer og journal får "
        "kassens tid)",
        f"this counter's clock is {span} {'behind' if behind else 'ahead of'} the "
        "central server's: set the PC's date and time right (receipts and the journal carry "
        "the counter's time)",
    )


def centre_arrived(lang: str, centre: JoinedCentre) -> str:
    c = centre
    tenants = counted(lang, c.tenants, ("leietaker", "leietakere"), ("tenant", "tenants"))
    staff = counted(lang, c.staff, ("ansatt", "ansatte"), ("staff member", "staff"))
    managers = counted(lang, c.managers, ("leder", "ledere"), ("manager", "managers"))
    groups = counted(
        lang, c.article_groups, ("varegruppe", "varegrupper"), ("article group", "article groups")
    )
    items = counted(lang, c.items, ("vare", "varer"), ("item", "items"))
    return say(
        lang,
        f"kassen er nå satt opp fra serveren som kasse {c.register_id} (etikettserie "
        f"{c.label_block}) i senteret {c.centre_name}: {tenants}, {staff} ({managers}), "
        f"{groups}, {items}; de ansatte logger inn med sine egne PIN-koder",
        f"this counter is now set up from the server as register {c.register_id} (label "
        f"block {c.label_block}) of centre {c.centre_name}: {tenants}, {staff} ({managers}), "
        f"{groups}, {items}; staff log in with their own PINs",
    )
