"""``--help`` in the interface's language: the commands are declared with English help texts
(as the code is English); on a bokmål counter (the default, unless ``--lang en``) the parser's
texts are replaced by their bokmål here before anything is printed, argparse's own words
(usage, options, its error messages) included. A text not listed stays English."""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Callable, Sequence

ARGPARSE_NB = {
    "usage: ": "bruk: ",
    "positional arguments": "argumenter",
    "options": "valg",
    "show this help message and exit": "vis denne hjelpen og avslutt",
    "%(prog)s: error: %(message)s\n": "%(prog)s: feil: %(message)s\n",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldig valg: %(value)r (velg blant %(choices)s)"
    ),
    "expected one argument": "venter ett argument",
    "one of the arguments %s is required": "ett av argumentene %s må gis",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "not allowed with argument %s": "kan ikke brukes sammen med %s",
}
"""argparse's own words (its ``_`` is gettext's), bokmål."""

HELP_NB = {
    # the counter as a whole
    "where the counter keeps its database and keys (default: the platform's user data "
    "directory)": "hvor kassen har databasen og nøklene (standard: systemets datamappe for "
    "brukeren)",
    "language of the user interface and messages (default: nb)": (
        "språket i vinduet og meldingene (standard: nb; en for engelsk)"
    ),
    "send every printed document to this printer instead of the register's own: usb://VID:PID, "
    "serial:///dev/ttyUSB0?baudrate=9600, tcp://host:9100, file:///path, cups://NAME": (
        "send alt som skrives ut til denne skriveren i stedet for kassens egen: usb://VID:PID, "
        "serial:///dev/ttyUSB0?baudrate=9600, tcp://vert:9100, file:///sti, cups://NAVN"
    ),
    "a serial barcode scanner as a pyserial URL: /dev/ttyACM0, COM3, socket://host:port": (
        "en seriell strekkodeleser som pyserial-URL: /dev/ttyACM0, COM3, socket://vert:port"
    ),
    # the commands
    "seed the demo centre (does nothing if a centre exists)": (
        "lag demosenteret (gjør ingenting om et senter finnes)"
    ),
    "make realistic history with the real services": "lag realistisk historikk (bare i demo)",
    "days of history (default: 7)": "dager med historikk (standard: 7)",
    "first simulated day, YYYY-MM-DD (default: where the store's history ends; in an empty "
    "directory, so that the days end today). Never before the store's history, and no history "
    "after now.": (
        "første simulerte dag, ÅÅÅÅ-MM-DD (standard: der historikken slutter; i en tom mappe slik "
        "at dagene slutter i dag). Aldri før historikken, og aldri historikk etter nå."
    ),
    "list tenants: code, org.no, name (tab-separated)": (
        "list leietakerne: kode, org.nr., navn (tabulatorskilt)"
    ),
    "check the journal, signatures, receipts, copies and Z reports (exit 1 on a problem)": (
        "kontroller journalen, signaturene, kvitteringene, kopiene og Z-rapportene (avslutter "
        "med 1 ved feil)"
    ),
    "print the signing public key (PEM)": "skriv ut den offentlige signeringsnøkkelen (PEM)",
    "make a new signing key pair (manager; journaled; the next sync sends the public key)": (
        "lag et nytt signeringsnøkkelpar (leder; journalføres; neste synkronisering sender den "
        "offentlige nøkkelen)"
    ),
    "a manager confirms the real time when the PC's clock is behind the journal, or declares "
    "the last records stamped ahead (journaled)": (
        "en leder bekrefter riktig tid når PC-klokken går bak journalen, eller erklærer at de "
        "siste registreringene ble stemplet for langt fram (journalføres)"
    ),
    "the real date and time in Norway, 'YYYY-MM-DD HH:MM'": (
        "riktig dato og klokkeslett i Norge, 'ÅÅÅÅ-MM-DD TT:MM'"
    ),
    "declare that the last records were stamped ahead (the PC's clock ran fast and was set "
    "right since): the till goes on from --now, a time before them (journaled)": (
        "erklær at de siste registreringene ble stemplet for langt fram (PC-klokken gikk for fort "
        "og er rettet siden): kassen går videre fra --now, en tid før dem (journalføres)"
    ),
    "put the newest good (or a given) backup in place of the store (a manager)": (
        "legg den nyeste hele (eller en gitt) sikkerhetskopien i stedet for databasen (leder)"
    ),
    "take a backup of the store now": "ta en sikkerhetskopi av databasen nå",
    "import a tenant's items from a CSV file": "importer en leietakers varer fra en CSV-fil",
    "take in a repair job (prints its id)": "ta inn en reparasjonsjobb (skriver ut id-en)",
    "list the repair board (open jobs, newest first)": (
        "list reparasjonstavla (åpne jobber, nyeste først)"
    ),
    "repair outcomes as Open Repair Data Standard CSV (reuse impact)": (
        "reparasjonsutfall som Open Repair Data Standard-CSV (ombrukseffekt)"
    ),
    "open the till with its float (a manager; journaled; the drawer opens)": (
        "åpne kassen med vekselkasse (leder; journalføres; skuffen åpnes)"
    ),
    "is the till open, and its float": "er kassen åpen, og vekselkassen",
    "X report per tenant since its last Z (journaled in full)": (
        "X-rapport per leietaker siden siste Z (journalføres i sin helhet)"
    ),
    "Z report per tenant for one business day (default: the day still open, the oldest day "
    "with use and no Z; every tenant in use that day)": (
        "Z-rapport per leietaker for én salgsdag (standard: dagen som fortsatt er åpen, den "
        "eldste dagen med bruk og uten Z; alle leietakere med bruk den dagen)"
    ),
    "SAF-T Cash Register XML for one tenant": "SAF-T Cash Register-XML for én leietaker",
    "close the till with a blind count": "steng kassen med blindtelling",
    "write the note on the last till close's variance": (
        "skriv merknaden til differansen i siste kasseoppgjør"
    ),
    "set a tenant's commission, rent and account": ("sett en leietakers provisjon, leie og konto"),
    "print a receipt again on this register's printer: its original if it never printed, "
    "else its one copy (KOPI); a second copy is refused": (
        "skriv ut en kvittering igjen på kassens skriver: originalen om den aldri ble skrevet "
        "ut, ellers den ene kopien (KOPI); en andre kopi avvises"
    ),
    "settle a tenant for a period (numbered)": (
        "gjør opp med en leietaker for en periode (nummerert)"
    ),
    "correct a settlement: a new numbered one that takes it back and settles its period again": (
        "korriger et oppgjør: et nytt nummerert oppgjør som tilbakefører det og gjør perioden "
        "opp på nytt"
    ),
    "the centre's own company, which pays the tenants (name, org.no., account; a manager)": (
        "senterets eget firma, som betaler leietakerne (navn, org.nr., konto; leder)"
    ),
    "make a new recovery code (manager; shown once; the old code stops working)": (
        "lag en ny gjenopprettingskode (leder; vises én gang; den gamle slutter å virke)"
    ),
    "give a manager a new PIN with the recovery code (lifts a lock; journaled)": (
        "gi en leder ny PIN med gjenopprettingskoden (opphever sperre; journalføres)"
    ),
    "enrol this counter with the central server": "registrer kassen hos sentralserveren",
    "push the outbox until drained, then pull once": (
        "send alt som venter til serveren, og hent én gang"
    ),
    # their options
    "list sync problems and exit": "list synkroniseringsproblemene og avslutt",
    "with --problems: remove the problems dealt with (their number or event id from the list, "
    "or all); a manager, with --staff": (
        "med --problems: fjern problemene som er tatt hånd om (nummeret eller hendelses-id-en "
        "fra listen, eller all); en leder, med --staff"
    ),
    "a manager's staff number (with --remove)": "en leders ansattnummer (med --remove)",
    "the journal anchor printed on an X or Z report, e.g. 1234-9F3A-C21B-77D0-1E2A": (
        "journalankeret som står på en X- eller Z-rapport, f.eks. 1234-9F3A-C21B-77D0-1E2A"
    ),
    "check what was journaled after the anchor (--anchor, else the server's newest, else the "
    "last Z report): seconds, where the whole journal takes minutes": (
        "kontroller det som er journalført etter ankeret (--anchor, ellers serverens nyeste, "
        "ellers siste Z-rapport): sekunder, der hele journalen tar minutter"
    ),
    "a backup file (default: newest good)": "en sikkerhetskopi (standard: den nyeste hele)",
    "only list the backups": "bare list sikkerhetskopiene",
    "a manager's staff number": "en leders ansattnummer",
    "their PIN (asked for when left out)": "PIN-en (spørres om når den mangler)",
    "restore although neither this PC nor a server knows what the register did after the "
    "backup (asked for when left out)": (
        "gjenopprett selv om verken denne PC-en eller en server vet hva kassen gjorde etter "
        "sikkerhetskopien (spørres om når det mangler)"
    ),
    "also copy it to this folder": "kopier den også til denne mappen",
    "save the folder every backup is also copied to ('' for none; a manager)": (
        "lagre mappen hver sikkerhetskopi også kopieres til ('' for ingen; leder)"
    ),
    "a manager's staff number (with --set-…)": "en leders ansattnummer (med --set-…)",
    "the float in kroner, e.g. 1500": "vekselkassen i kroner, f.eks. 1500",
    "or the float counted: pieces per denomination, e.g. 500=2,100=4,20=5": (
        "eller vekselkassen talt: antall per valør, f.eks. 500=2,100=4,20=5"
    ),
    "staff number of the person doing this": "ansattnummeret til den som gjør dette",
    "register id (default: this counter's)": "kassens id (standard: denne kassens)",
    "code or org.no (repeatable)": "kode eller org.nr. (kan gjentas)",
    "directory for the PDFs": "mappe for PDF-ene",
    "business day, YYYY-MM-DD (never after today)": "salgsdag, ÅÅÅÅ-MM-DD (aldri etter i dag)",
    "only list the days with use and no Z report": "bare list dagene med bruk og uten Z-rapport",
    "also tenants with no use": "også leietakere uten bruk",
    "print the Z reports taken for --date again, marked KOPI (default: the latest day)": (
        "skriv ut Z-rapportene for --date igjen, merket KOPI (standard: siste dag)"
    ),
    "list the latest days with Z reports taken": "list de siste dagene med Z-rapporter",
    "directory for the Z PDFs and the day-end PDF": "mappe for Z-PDF-ene og dagsoppgjøret",
    "pieces per denomination in kroner, e.g. 1000=2,50=3,1=4": (
        "antall per valør i kroner, f.eks. 1000=2,50=3,1=4"
    ),
    "card terminal batch total (kr)": "bankterminalens bunttotal (kr)",
    "Vipps batch total (kr)": "Vipps' bunttotal (kr)",
    "note on a variance (else asked after the count)": (
        "merknad til en differanse (ellers bes det om den etter tellingen)"
    ),
    "what the variance is about": "hva differansen skyldes",
    # the options' own texts
    "YYYY-MM-DD": "ÅÅÅÅ-MM-DD",
    "an extra amount in kroner (negative: the tenant pays)": (
        "et tilleggsbeløp i kroner (negativt: leietakeren betaler)"
    ),
    "the recovery code, e.g. ABCD-EFGH-...": "gjenopprettingskoden, f.eks. ABCD-EFGH-...",
    "allow plain http:// to another machine (the code and token cross unencrypted)": (
        "tillat vanlig http:// til en annen maskin (koden og nøkkelen går ukryptert)"
    ),
    "staff number of who takes it in": "ansattnummeret til den som tar den inn",
    "the centre's account the payment file pays from (default: the one stored on the back "
    "office's settlements page); needed with --pain001": (
        "senterets konto betalingsfilen betaler fra (standard: den som er lagret på bakrommets "
        "oppgjørsside); trengs med --pain001"
    ),
    "CSV for the accountant": "CSV til regnskapsføreren",
    "the company's name": "selskapets navn",
    "its bank account (11 digits)": "kontonummeret (11 sifre)",
    "device name (default: the register's)": "navn på enheten (standard: kassens)",
    "the customer may be contacted": "kunden kan kontaktes",
    "put a category that names no article group into GROUP (an id or a name); repeat for each "
    "category": (
        "legg en kategori som ikke er en varegruppe i GRUPPE (id eller navn); gjenta for hver "
        "kategori"
    ),
    "why (printed and journaled)": "hvorfor (skrives ut og journalføres)",
    "per article group: GROUP=PERCENT": "per varegruppe: GRUPPE=PROSENT",
    "payment date (default: tomorrow)": "betalingsdato (standard: i morgen)",
    "import the good rows even if some rows have errors": (
        "importer de gode radene selv om noen rader har feil"
    ),
    "percent, e.g. 20 or 12,5": "prosent, f.eks. 20 eller 12,5",
    "the receipt number, e.g. 15-K1-000004": "kvitteringsnummeret, f.eks. 15-K1-000004",
    "its organisation number (9 digits)": "organisasjonsnummeret (9 sifre)",
    "org.no or code": "org.nr. eller kode",
    "the new PIN (asked for when left out)": "den nye PIN-en (spørres om når den mangler)",
    "ISO 20022 payment file": "ISO 20022-betalingsfil",
    "the one-time enrolment code": "engangskoden for registrering",
    "tenant's bank account (11 digits)": "leietakerens kontonummer (11 sifre)",
    "file, or directory (standard name)": "fil, eller mappe (standard filnavn)",
    "also print it on the receipt printer": "skriv den også ut på kvitteringsskriveren",
    "server URL, e.g. https://sync.example": "serverens URL, f.eks. https://sync.example",
    "in kroner, e.g. 450 or 450,50": "i kroner, f.eks. 450 eller 450,50",
    "where rows without a category, or with an unmapped unknown one, go (default DIVERSE)": (
        "hvor rader uten kategori, eller med en ukjent kategori uten plass, havner (standard "
        "DIVERSE)"
    ),
    "the tenant's two-digit code": "leietakerens tosifrede kode",
    "what it is, e.g. 'Sykkel DBS'": "hva det er, f.eks. 'Sykkel DBS'",
    "the manager's staff number": "lederens ansattnummer",
    "the repair tenant's two-digit code": "reparasjonsleietakerens tosifrede kode",
    "only check the file": "bare kontroller filen",
    "the customer accepted the terms": "kunden har godtatt vilkårene",
    "statement PDF path": "sti til oppgjørs-PDF-en",
    "seconds to keep retrying while the server is unavailable": (
        "sekunder å prøve igjen mens serveren ikke er tilgjengelig"
    ),
    "monthly rent in kroner, e.g. 3000": "månedsleie i kroner, f.eks. 3000",
    "CA certificate to trust for the server": "CA-sertifikat å stole på for serveren",
    "e.g. ready_for_pickup": "f.eks. ready_for_pickup",
    "the settlement to correct: 3 or OPPGJ-…": "oppgjøret som skal rettes: 3 eller OPPGJ-…",
    "ticket id, phone or name": "jobbnummer, telefon eller navn",
    "the customer's name": "kundens navn",
}
"""The commands' help texts, English as declared → bokmål."""


def language_of(argv: Sequence[str]) -> str:
    """The ``--lang`` given on the command line (``nb`` unless ``en``), read before the
    parser is built so its help speaks that language."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", default="nb")
    known, _rest = early.parse_known_args(list(argv))
    return "en" if known.lang == "en" else "nb"


def localised(build: Callable[[], argparse.ArgumentParser], lang: str) -> argparse.ArgumentParser:
    """The parser ``build`` makes, with its help texts and argparse's own words in ``lang``
    (argparse looks its words up through its module's ``_`` as it builds and prints)."""
    argparse._ = gettext.gettext if lang == "en" else _argparse_nb  # type: ignore[attr-defined]
    parser = build()
    if lang != "en":
        _translate(parser)
    return parser


def restore_argparse_words() -> None:
    """argparse's own English again (a process that parses more than once, e.g. the tests)."""
    argparse._ = gettext.gettext  # type: ignore[attr-defined]


def _argparse_nb(text: str) -> str:
    return ARGPARSE_NB.get(text, text)


def _translate(parser: argparse.ArgumentParser) -> None:
    if parser.description:
        parser.description = HELP_NB.get(parser.description, parser.description)
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            action.help = HELP_NB.get(action.help, ARGPARSE_NB.get(action.help, action.help))
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    choice.help = HELP_NB.get(choice.help, choice.help)
            for sub in action.choices.values():
                _translate(sub)
