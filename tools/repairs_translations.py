# ruff: noqa: E501
"""Fill the repair screens' bokmål catalogue (``resources/translations/repairs_nb.ts``) after
``pyside6-lupdate ui/repairs/*.py -no-obsolete -ts …``; also carries the few repair strings the
sale screen and payment dialog gained (contexts SaleWidget, PaymentDialog). Then lrelease."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "repairs_nb.ts"

NB = {
    "%1 deposit(s), %2 held in total": "%1 depositum, %2 holdes totalt",
    "%1 message(s) waiting": "%1 melding(er) venter",
    "Above what the customer approved: record the approval (F5).": "Over det kunden har godkjent: registrer godkjenningen (F5).",
    "Accessories left": "Tilbehør levert",
    "Accessory": "Tilbehør",
    "Add labour": "Legg til arbeid",
    "Add part": "Legg til del",
    "Add photos": "Legg til bilder",
    "All open": "Alle åpne",
    "All technicians": "Alle teknikere",
    "All workshops": "Alle verksteder",
    "Amount": "Beløp",
    "Amount kr (or minutes: 30m)": "Beløp kr (eller minutter: 30m)",
    "Approved amount kr": "Godkjent beløp kr",
    "Approved up to": "Godkjent inntil",
    "Approved up to (kr)": "Godkjent inntil (kr)",
    "Back": "Tilbake",
    "Bicycle, phone, jacket…": "Sykkel, telefon, jakke …",
    "Brand and model": "Merke og modell",
    "By SMS": "På SMS",
    "By e-mail": "På e-post",
    "By phone": "På telefon",
    "Cancel": "Avbryt",
    "Card": "Kort",
    "Card terminal reference": "Referanse fra kortterminalen",
    "Cash": "Kontant",
    "Cash handed over (empty = exact)": "Kontant mottatt (tomt = nøyaktig)",
    "Category": "Kategori",
    "Change %1.": "Vekslepenger %1.",
    "Change status": "Endre status",
    "Change status of %1": "Endre status for %1",
    "Channel": "Kanal",
    "Claim slip and %1 tag(s) sent to the printer.": "Reparasjonsbevis og %1 lapp(er) sendt til skriveren.",
    "Close": "Lukk",
    "Comma separated: charger, bag": "Skill med komma: lader, veske",
    "Condition": "Tilstand",
    "Contact": "Kontakt",
    "Correct the phone number or e-mail first.": "Rett telefonnummeret eller e-posten først.",
    "Customer": "Kunde",
    "Customer approval": "Kundens godkjenning",
    "Customer messages per status": "Meldinger til kunden per status",
    "Customer name": "Kundens navn",
    "Deposit %1 taken, receipt %2.": "Depositum %1 mottatt, kvittering %2.",
    "Deposit (kr)": "Depositum (kr)",
    "Deposit for %1": "Depositum for %1",
    "Deposit held": "Depositum holdt",
    "Deposit to take: %1": "Depositum å ta: %1",
    "E-mail": "E-post",
    "E-mail only": "Bare e-post",
    "E-mail subject": "Emne (e-post)",
    "Empty = the estimate": "Tomt = prisoverslaget",
    "Estimate": "Prisoverslag",
    "Estimate (kr)": "Prisoverslag (kr)",
    "Extra tag": "Ekstra lapp",
    "Extra tag for… (e.g. Charger)": "Ekstra lapp for … (f.eks. Lader)",
    "Failed": "Feilet",
    "Fault": "Feil",
    "Fault as described": "Feil slik kunden beskriver den",
    "Fields: %1": "Felt: %1",
    "Fill in the form; Ctrl+S saves and prints the slip and the tags.": "Fyll ut skjemaet; Ctrl+S lagrer og skriver ut bevis og lapper.",
    "Held": "Holdt",
    "History": "Historikk",
    "How": "Hvordan",
    "Images (*.jpg *.jpeg *.png *.webp)": "Bilder (*.jpg *.jpeg *.png *.webp)",
    "In person": "Personlig",
    "Item": "Gjenstand",
    "Labour": "Arbeid",
    "Labour and parts": "Arbeid og deler",
    "Labour: what was done": "Arbeid: hva som ble gjort",
    "Left with it": "Levert med",
    "Message": "Melding",
    "Message queued; it is sent when the centre is online.": "Meldingen er lagt i kø og sendes når senteret er på nett.",
    "Messages to customers": "Meldinger til kunder",
    "New intake": "Nytt inntak",
    "New status": "Ny status",
    "Next page": "Neste side",
    "No deposit now": "Ikke depositum nå",
    "No printer is set up for this register.": "Ingen skriver er satt opp for denne kassen.",
    "No printer: print the slip later with F7.": "Ingen skriver: skriv ut beviset senere med F7.",
    "No tickets match.": "Ingen reparasjoner passer.",
    "Note": "Notat",
    "Note for the history (optional)": "Notat til historikken (valgfritt)",
    "Open deposits": "Åpne depositum",
    "Open ticket": "Åpne reparasjon",
    "Overdue only": "Bare forsinkede",
    "Overdue: promised %1": "Forsinket: lovet %1",
    "Page %1": "Side %1",
    "Paid": "Betalt",
    "Part": "Del",
    "Part code or scan": "Delens kode eller skann",
    "Phone": "Telefon",
    "Photos": "Bilder",
    "Photos of the item": "Bilder av gjenstanden",
    "Previous page": "Forrige side",
    "Price now": "Pris nå",
    "Print claim slip again": "Skriv ut bevis igjen",
    "Promised": "Lovet",
    "Promised by": "Lovet ferdig",
    "Qty": "Ant.",
    "Queued": "I kø",
    "Received": "Mottatt",
    "Record approval": "Registrer godkjenning",
    "Refresh": "Oppdater",
    "Repair %1": "Reparasjon %1",
    "Repair board": "Reparasjonstavle",
    "Repair intake": "Reparasjonsinntak",
    "SMS only": "Bare SMS",
    "SMS to a mobile, else e-mail": "SMS til mobil, ellers e-post",
    "Save and print": "Lagre og skriv ut",
    "Save rule": "Lagre regel",
    "Save status": "Lagre status",
    "Saved as %1.": "Lagret som %1.",
    "Saved.": "Lagret.",
    "Saved: «%1» from now on.": "Lagret: «%1» fra nå av.",
    "Search ticket id, phone or name (or scan a tag)": "Søk på reparasjonsnr., telefon eller navn (eller skann en lapp)",
    "Sent to the printer.": "Sendt til skriveren.",
    "Serial number": "Serienummer",
    "Show failed too": "Vis også feilede",
    "State": "Tilstand",
    "Status": "Status",
    "Status is now «%1».": "Status er nå «%1».",
    "Take deposit": "Ta depositum",
    "Technician": "Tekniker",
    "Tell the customer when a job gets this status": "Si fra til kunden når en jobb får denne statusen",
    "Text": "Tekst",
    "The customer agrees to be contacted (SMS/e-mail)": "Kunden samtykker til å bli kontaktet (SMS/e-post)",
    "The customer has accepted the repair terms": "Kunden har godtatt reparasjonsvilkårene",
    "Ticket": "Reparasjon",
    "To": "Til",
    "Vipps": "Vipps",
    "Waiting to be sent": "Venter på sending",
    "What saving will send:": "Dette sendes når du lagrer:",
    "When": "Når",
    "Who": "Hvem",
    "Work": "Arbeid",
    "Workshop": "Verksted",
    "may be contacted": "kan kontaktes",
    "no contact": "ikke kontakt",
    "— not assigned —": "— ikke tildelt —",
    # RepairLabels
    "Diagnosing": "Feilsøking",
    "Awaiting approval": "Venter på godkjenning",
    "Awaiting parts": "Venter på deler",
    "In repair": "Under reparasjon",
    "Ready for pickup": "Klar til henting",
    "Collected": "Hentet",
    "Not repairable": "Kan ikke repareres",
    "Returned unrepaired": "Levert tilbake ureparert",
    "Scrapped": "Kassert",
    "No message will be sent: this status does not notify the customer.": "Ingen melding sendes: denne statusen varsler ikke kunden.",
    "No message will be sent: the customer has not agreed to be contacted.": "Ingen melding sendes: kunden har ikke samtykket til å bli kontaktet.",
    "No message will be sent: the customer has no mobile number or e-mail we can use.": "Ingen melding sendes: kunden har ikke mobilnummer eller e-post vi kan bruke.",
    "E-mail to %1, subject «%2»:": "E-post til %1, emne «%2»:",
    "SMS to %1:": "SMS til %1:",
    # RepairPages
    "Customer messages": "Meldinger til kunder",
    "Message rules": "Meldingsregler",
}

EXTRA = {
    "SaleWidget": {
        "Repair %1 for pickup: %2": "Reparasjon %1 til henting: %2",
        "deposit %1 is deducted when paying": "depositum %1 trekkes fra ved betaling",
    },
    "PaymentDialog": {"Deposit": "Depositum"},
}


def main() -> int:
    tree = ET.parse(TS)
    root = tree.getroot()
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = NB.get(source)
        if text is None:
            missing.append(source)
            continue
        translation.text = text
        translation.attrib.pop("type", None)
    for context_name, entries in EXTRA.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for source, text in entries.items():
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = text
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"no translation: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
