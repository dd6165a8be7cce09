"""Domain errors of day end: Z reports, till close, settlements, exports (bokmål and English)."""

from __future__ import annotations

from pos.errors import DomainError


class ZReportAlreadyTaken(DomainError):
    code = "z_report_already_taken"
    nb = (
        "Z-rapport for {tenant} på kasse {register} for {date} er allerede tatt (nr. {number}). "
        "En kopi skrives ut med: z-report --date {date} --copy"
    )
    en = (
        "The Z report of {tenant} on register {register} for {date} exists already "
        "(no. {number}). Print a copy with: z-report --date {date} --copy"
    )


class NoZReportTaken(DomainError):
    code = "no_z_report_taken"
    nb = "Ingen Z-rapport er tatt på kasse {register} for {date}."
    en = "No Z report was taken on register {register} for {date}."


class ZReportOutOfOrder(DomainError):
    code = "z_report_out_of_order"
    nb = "{tenant} har allerede en Z-rapport datert {last}; {date} kan ikke tas etter den."
    en = "{tenant} already has a Z report dated {last}; {date} cannot come after it."


class ZReportBeforeRestore(DomainError):
    code = "z_report_before_restore"
    nb = (
        "{tenant} på kasse {register}: dagen {closed} er allerede lukket med en Z-rapport som "
        "ble tatt etter sikkerhetskopien som er gjenopprettet (den ligger ikke i denne "
        "databasen). {date} kan ikke Z-rapporteres igjen; neste Z gjelder dagene etter {closed}."
    )
    en = (
        "{tenant} on register {register}: the day {closed} was already closed by a Z report "
        "taken after the backup that was restored (this store does not hold it). {date} cannot "
        "be Z-reported again; the next Z covers the days after {closed}."
    )


class ZReportInFuture(DomainError):
    code = "z_report_in_future"
    nb = "Z-rapport for {date} kan ikke tas: dagen er ikke kommet ennå (i dag er {today})."
    en = "A Z report for {date} cannot be taken: the day has not come yet (today is {today})."


class ZReportMissing(DomainError):
    code = "z_report_missing"
    nb = (
        "{tenant} har bruk {missing} uten Z-rapport. Hver dag får sin egen Z: ta den for "
        "{missing} først (z-report --date {missing})."
    )
    en = (
        "{tenant} has use on {missing} without a Z report. Every day gets its own Z: take the "
        "one for {missing} first (z-report --date {missing})."
    )


class InvalidReportDate(DomainError):
    code = "invalid_report_date"
    nb = "«{value}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."
    en = "'{value}' is not a valid date (YYYY-MM-DD)."


class InvalidCount(DomainError):
    code = "invalid_count"
    nb = "Opptellingen er ugyldig: {value}."
    en = "The count is invalid: {value}."


class VarianceNoteRequired(DomainError):
    code = "variance_note_required"
    nb = "Kassedifferanse på {value} kr: skriv en merknad."
    en = "Cash variance of {value} kr: write a note."


class InvalidBankAccount(DomainError):
    code = "invalid_bank_account"
    nb = "«{value}» er ikke et gyldig norsk kontonummer (11 siffer, kontrollsiffer mod 11)."
    en = "'{value}' is not a valid Norwegian account number (11 digits, mod 11 check digit)."


class InvalidRate(DomainError):
    code = "invalid_rate"
    nb = "Provisjonssatsen må være mellom 0 og 100 % (fikk {value})."
    en = "The commission rate must be between 0 and 100 % (got {value})."


class SettlementOverlaps(DomainError):
    code = "settlement_overlaps"
    nb = (
        "{tenant} har allerede oppgjør {number} for {period}; lag en korreksjon i stedet "
        "(settlement-correction, eller «Korriger» på oppgjørssiden)."
    )
    en = (
        "{tenant} already has settlement {number} for {period}; make a correction instead "
        "(settlement-correction, or 'Correct' on the settlements page)."
    )


class SettlementPeriodNotClosed(DomainError):
    """A settled period is final: a sale later in it could only be reached by a correction."""

    code = "settlement_period_not_closed"
    nb = (
        "Perioden kan ikke gjøres opp ennå: {day} er ikke avsluttet med Z for {tenant} "
        "(i dag er {today}). Et oppgjør dekker bare dager som er avsluttet; ta Z-rapporten "
        "først, eller velg en periode som slutter før."
    )
    en = (
        "The period cannot be settled yet: {day} is not closed by a Z for {tenant} (today is "
        "{today}). A settlement covers only closed days; take the Z report first, or choose a "
        "period that ends earlier."
    )


class UnknownSettlement(DomainError):
    code = "unknown_settlement"
    nb = "Fant ikke oppgjøret «{value}»."
    en = "No settlement '{value}'."


class InvalidPeriod(DomainError):
    code = "invalid_period"
    nb = "Perioden {value} er ugyldig (fra-dato etter til-dato)."
    en = "The period {value} is invalid (start after end)."


class TenantAccountMissing(DomainError):
    code = "tenant_account_missing"
    nb = (
        "{tenant} har ikke noe kontonummer registrert, så betalingsfilen kan ikke betale "
        "leietakeren. Legg inn kontonummeret under F1 → Back office → Leietakere (eller "
        "tenant-terms --tenant {code} --account KONTONR) og lag oppgjøret på nytt; ingenting er "
        "nummerert."
    )
    en = (
        "{tenant} has no account number on file, so the payment file cannot pay the tenant. "
        "Enter it under F1 → Back office → Tenants (or tenant-terms --tenant {code} --account "
        "NO) and make the settlement again; nothing was numbered."
    )


class CentreAccountMissing(DomainError):
    code = "centre_account_missing"
    nb = (
        "Betalingsfilen trenger senterets konto: oppgi --debtor-account, eller lagre kontoen på "
        "oppgjørssiden i back office."
    )
    en = (
        "The payment file needs the centre's account: give --debtor-account, or store the "
        "account on the settlements page of the back office."
    )


class PayDateInPast(DomainError):
    code = "pay_date_in_past"
    nb = "Betalingsdatoen {value} er passert."
    en = "The payment date {value} has passed."


class SettlementAlreadyCorrected(DomainError):
    code = "settlement_already_corrected"
    nb = "{value} er allerede korrigert av {latest}; korriger den siste i stedet."
    en = "{value} was corrected already by {latest}; correct the latest instead."


class CorrectionReasonMissing(DomainError):
    code = "correction_reason_missing"
    nb = "En korreksjon må ha en begrunnelse."
    en = "A correction needs a reason."


class CannotWriteFile(DomainError):
    code = "cannot_write_file"
    nb = "Kan ikke skrive {value} ({reason}). Ingenting er registrert."
    en = "Cannot write {value} ({reason}). Nothing was recorded."


class SettlementAnswerLost(DomainError):
    """The confirm went out and no answer came: the server may have stored the statement."""

    code = "settlement_answer_lost"
    nb = (
        "Serveren fikk kanskje oppgjøret for {tenant} ({period}), men svaret kom ikke fram "
        "({reason}). Lag det samme oppgjøret på nytt når kassen er på nett: kassen får da det "
        "serveren lagret, og ingenting blir gjort opp to ganger."
    )
    en = (
        "The server may have received the settlement for {tenant} ({period}), but its answer "
        "never arrived ({reason}). Make the same settlement again when the counter is online: "
        "the counter then gets what the server stored, and nothing is settled twice."
    )


class SettlementAwaitingAnswer(DomainError):
    """A confirm whose answer was lost is finished before the tenant is settled again."""

    code = "settlement_awaiting_answer"
    nb = (
        "Oppgjøret for {tenant} ({period}) venter fortsatt på svar fra serveren. Lag det "
        "oppgjøret på nytt først (samme periode), så dette."
    )
    en = (
        "The settlement for {tenant} ({period}) is still waiting for the server's answer. Make "
        "that settlement again first (the same period), then this one."
    )


class SettlementNeedsServer(DomainError):
    """An enrolled counter never settles alone: its statement would miss the other registers.
    ``reason``: ``offline``, ``tls``, ``no_connection`` (said in the person's language) or the
    server's own status and code."""

    code = "settlement_needs_server"
    nb = (
        "Oppgjør lages på den sentrale serveren, som har salget fra alle kassene i senteret, "
        "men den kan ikke brukes nå ({why_nb}). Ingenting er gjort opp; prøv igjen når "
        "kassen er på nett."
    )
    en = (
        "Settlements are made on the central server, which has the sales of every register of "
        "the centre, but it cannot be used now ({why_en}). Nothing was settled; try again "
        "when the counter is online."
    )
    WHY = {
        "offline": ("serveren svarer ikke", "the server does not answer"),
        "tls": ("serverens sertifikat ble ikke godtatt", "its certificate was not accepted"),
        "no_connection": ("kassen har ingen forbindelse til den", "no connection to it"),
    }

    def message(self, lang: str = "nb") -> str:
        reason = str(self.params.get("reason", ""))
        why_nb, why_en = self.WHY.get(reason, (reason, reason))
        self.params.setdefault("why_nb", why_nb)
        self.params.setdefault("why_en", why_en)
        return super().message(lang)


class CentreDayNotClosed(DomainError):
    code = "settlement_day_not_closed"
    nb = (
        "Perioden kan ikke gjøres opp ennå: kasse {register} har salg for {tenant} {day} uten "
        "Z-rapport på serveren. Ta Z der og synkroniser den kassen, så prøv igjen."
    )
    en = (
        "The period cannot be settled yet: register {register} has sales of {tenant} on {day} "
        "and no Z report on the server. Take the Z there and sync that counter, then try again."
    )


class CentreRegisterNotSynced(DomainError):
    code = "settlement_register_not_synced"
    nb = (
        "Perioden kan ikke gjøres opp ennå: kasse {register} har ikke synkronisert med serveren "
        "etter at {day} var omme (sist: {last_sync}), så serveren vet ikke om alt salget derfra "
        "er kommet. Har den kassen salg den dagen, ta Z der og synkroniser; har den ikke, holder "
        "det å synkronisere den når dagen er omme (også når den ikke har noe å sende). Så prøv "
        "igjen. En kasse som ikke lenger brukes stopper alle oppgjør til den trekkes tilbake på "
        "serveren: omigjen-server admin revoke-device --device {device}"
    )
    en = (
        "The period cannot be settled yet: register {register} has not synced with the server "
        "since {day} ended (last: {last_sync}), so the server cannot know it has all its sales. "
        "If that register sold that day, take its Z there and sync; if it did not, syncing it "
        "once the day is over is enough (even with nothing to send). Then try again. A register "
        "no longer used blocks every settlement until it is revoked on the server: "
        "omigjen-server admin revoke-device --device {device}"
    )


class CentreRefusedSettlement(DomainError):
    code = "settlement_refused"
    nb = "Serveren avviste oppgjøret: {reason}"
    en = "The server refused the settlement: {reason}"


class CentreSettlementChanged(DomainError):
    code = "settlement_changed"
    nb = (
        "Salget eller vilkårene for perioden endret seg mens oppgjøret ble laget (en annen kasse "
        "synkroniserte eller gjorde opp). Ingenting er gjort opp; prøv igjen."
    )
    en = (
        "The period's sales or terms changed while the settlement was being made (another "
        "counter synced or settled). Nothing was settled; try again."
    )
