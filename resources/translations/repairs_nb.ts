<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="70"/>
        <source>Search ticket id, phone or name (or scan a tag)</source>
        <translation>Søk på reparasjonsnr., telefon eller navn (eller skann en lapp)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="72"/>
        <source>All open</source>
        <translation>Alle åpne</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="77"/>
        <source>Overdue only</source>
        <translation>Bare forsinkede</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="98"/>
        <source>Open ticket</source>
        <translation>Åpne reparasjon</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="99"/>
        <source>Previous page</source>
        <translation>Forrige side</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="100"/>
        <source>Next page</source>
        <translation>Neste side</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="101"/>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="108"/>
        <source>Repair board</source>
        <translation>Reparasjonstavle</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="130"/>
        <source>All workshops</source>
        <translation>Alle verksteder</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="131"/>
        <source>All technicians</source>
        <translation>Alle teknikere</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="184"/>
        <source>Page %1</source>
        <translation>Side %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="187"/>
        <source>No tickets match.</source>
        <translation>Ingen reparasjoner passer.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_page.py" line="218"/>
        <source>%1 is not a job tag: scan the tag (R…) of a job.</source>
        <translation>%1 er ikke en reparasjonslapp: skann lappen (R…) til en jobb.</translation>
    </message>
</context>
<context>
    <name>BoardTableModel</name>
    <message>
        <location filename="../../ui/repairs/board_model.py" line="35"/>
        <source>Ticket</source>
        <translation>Reparasjon</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_model.py" line="36"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_model.py" line="37"/>
        <source>Workshop</source>
        <translation>Verksted</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_model.py" line="38"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_model.py" line="39"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_model.py" line="40"/>
        <source>Item</source>
        <translation>Gjenstand</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_model.py" line="41"/>
        <source>Technician</source>
        <translation>Tekniker</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_model.py" line="42"/>
        <source>Promised</source>
        <translation>Lovet</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/board_model.py" line="64"/>
        <source>Overdue: promised %1</source>
        <translation>Forsinket: lovet %1</translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message>
        <location filename="../../ui/repairs/deposit_dialog.py" line="32"/>
        <source>Deposit for %1</source>
        <translation>Depositum for %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposit_dialog.py" line="39"/>
        <source>Deposit to take: %1</source>
        <translation>Depositum å ta: %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposit_dialog.py" line="44"/>
        <source>Cash handed over (empty = exact)</source>
        <translation>Kontant mottatt (tomt = nøyaktig)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposit_dialog.py" line="46"/>
        <source>Card terminal reference</source>
        <translation>Referanse fra kortterminalen</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposit_dialog.py" line="52"/>
        <source>Cash</source>
        <translation>Kontant</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposit_dialog.py" line="53"/>
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposit_dialog.py" line="54"/>
        <source>Vipps</source>
        <translation>Vipps</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposit_dialog.py" line="55"/>
        <source>No deposit now</source>
        <translation>Ikke depositum nå</translation>
    </message>
</context>
<context>
    <name>DepositsPage</name>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="30"/>
        <source>Open deposits</source>
        <translation>Åpne depositum</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="35"/>
        <source>Ticket</source>
        <translation>Reparasjon</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="36"/>
        <source>Workshop</source>
        <translation>Verksted</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="37"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="38"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="39"/>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="40"/>
        <source>Held</source>
        <translation>Holdt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="50"/>
        <source>Refresh</source>
        <translation>Oppdater</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="51"/>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/deposits_page.py" line="80"/>
        <source>%1 deposit(s), %2 held in total</source>
        <translation>%1 depositum, %2 holdes totalt</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../../ui/repairs/details_dialog.py" line="28"/>
        <source>Edit repair %1</source>
        <translation>Endre reparasjon %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/details_dialog.py" line="30"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/details_dialog.py" line="31"/>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/details_dialog.py" line="32"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/details_dialog.py" line="33"/>
        <source>Kind of item</source>
        <translation>Type gjenstand</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/details_dialog.py" line="34"/>
        <source>Brand and model</source>
        <translation>Merke og modell</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/details_dialog.py" line="35"/>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/details_dialog.py" line="36"/>
        <source>Fault</source>
        <translation>Feil</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/details_dialog.py" line="37"/>
        <source>Condition</source>
        <translation>Tilstand</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="81"/>
        <source>The customer agrees to be contacted (SMS/e-mail)</source>
        <translation>Kunden samtykker til å bli kontaktet (SMS/e-post)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="82"/>
        <source>Bicycle, phone, jacket…</source>
        <translation>Sykkel, telefon, jakke …</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="90"/>
        <source>Comma separated: charger, bag</source>
        <translation>Skill med komma: lader, veske</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="94"/>
        <source>Empty = the estimate</source>
        <translation>Tomt = prisoverslaget</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="100"/>
        <source>The customer has accepted the repair terms</source>
        <translation>Kunden har godtatt reparasjonsvilkårene</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="103"/>
        <source>Extra tag for… (e.g. Charger)</source>
        <translation>Ekstra lapp for … (f.eks. Lader)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="106"/>
        <source>Workshop</source>
        <translation>Verksted</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="107"/>
        <source>Customer name</source>
        <translation>Kundens navn</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="108"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="111"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="114"/>
        <source>Estimate (kr)</source>
        <translation>Prisoverslag (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="115"/>
        <source>Approved up to (kr)</source>
        <translation>Godkjent inntil (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="116"/>
        <source>Deposit (kr)</source>
        <translation>Depositum (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="117"/>
        <source>Promised by</source>
        <translation>Lovet ferdig</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="118"/>
        <source>Technician</source>
        <translation>Tekniker</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="120"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="121"/>
        <source>Brand and model</source>
        <translation>Merke og modell</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="122"/>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="123"/>
        <source>Fault as described</source>
        <translation>Feil slik kunden beskriver den</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="124"/>
        <source>Condition</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="125"/>
        <source>Accessories left</source>
        <translation>Tilbehør levert</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="126"/>
        <source>Photos</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="133"/>
        <source>Save and print</source>
        <translation>Lagre og skriv ut</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="135"/>
        <source>Add photos</source>
        <translation>Legg til bilder</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="136"/>
        <source>Extra tag</source>
        <translation>Ekstra lapp</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="137"/>
        <source>Print claim slip again</source>
        <translation>Skriv ut bevis igjen</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="138"/>
        <source>Take deposit</source>
        <translation>Ta depositum</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="139"/>
        <source>New intake</source>
        <translation>Nytt inntak</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="140"/>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="156"/>
        <source>Repair intake</source>
        <translation>Reparasjonsinntak</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="185"/>
        <source>— not assigned —</source>
        <translation>— ikke tildelt —</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="201"/>
        <source>%1 is filled in from their last job. Ask again whether they agree to be contacted.</source>
        <translation>%1 er fylt inn fra forrige jobb. Spør på nytt om kunden vil bli kontaktet.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="250"/>
        <source>Fill in the form; Ctrl+S saves and prints the slip and the tags.</source>
        <translation>Fyll ut skjemaet; Ctrl+S lagrer og skriver ut bevis og lapper.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="264"/>
        <source>Photos of the item</source>
        <translation>Bilder av gjenstanden</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="264"/>
        <source>Images (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="304"/>
        <source>Correct the phone number or e-mail first.</source>
        <translation>Rett telefonnummeret eller e-posten først.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="325"/>
        <source>Saved as %1.</source>
        <translation>Lagret som %1.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="327"/>
        <source>Claim slip and %1 tag(s) sent to the printer.</source>
        <translation>Reparasjonsbevis og %1 lapp(er) sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="331"/>
        <source>No printer: print the slip later with F7.</source>
        <translation>Ingen skriver: skriv ut beviset senere med F7.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="345"/>
        <source>Accessory</source>
        <translation>Tilbehør</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="359"/>
        <source>Sent to the printer.</source>
        <translation>Sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="361"/>
        <source>No printer is set up for this register.</source>
        <translation>Ingen skriver er satt opp for denne kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="376"/>
        <source>Deposit %1 taken, receipt %2.</source>
        <translation>Depositum %1 mottatt, kvittering %2.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/intake_page.py" line="379"/>
        <source>Change %1.</source>
        <translation>Vekslepenger %1.</translation>
    </message>
</context>
<context>
    <name>KnownCustomersList</name>
    <message>
        <location filename="../../ui/repairs/known_customers.py" line="77"/>
        <source>Jobs here: %1, the last %2</source>
        <translation>Jobber her: %1, den siste %2</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="31"/>
        <source>Messages to customers</source>
        <translation>Meldinger til kunder</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="33"/>
        <source>Show failed too</source>
        <translation>Vis også feilede</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="37"/>
        <source>Queued</source>
        <translation>I kø</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="38"/>
        <source>Ticket</source>
        <translation>Reparasjon</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="39"/>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="40"/>
        <source>How</source>
        <translation>Hvordan</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="41"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="42"/>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="43"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="53"/>
        <source>Refresh</source>
        <translation>Oppdater</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="54"/>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="88"/>
        <source>Waiting: the server tries again</source>
        <translation>Venter: serveren prøver igjen</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="89"/>
        <source>Waiting to be sent</source>
        <translation>Venter på sending</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="86"/>
        <source>Failed</source>
        <translation>Feilet</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="75"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/notifications_page.py" line="81"/>
        <source>%1 message(s) waiting</source>
        <translation>%1 melding(er) venter</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="27"/>
        <source>Repair outcome</source>
        <translation>Utfall av reparasjonen</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="30"/>
        <source>Fixed</source>
        <translation>Reparert</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="31"/>
        <source>Repairable (not finished here)</source>
        <translation>Kan repareres (ikke fullført her)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="32"/>
        <source>End of life</source>
        <translation>Utrangert</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="36"/>
        <source>(no barrier)</source>
        <translation>(ingen hindring)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="38"/>
        <source>Spare parts not available</source>
        <translation>Reservedeler finnes ikke</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="39"/>
        <source>Spare parts too expensive</source>
        <translation>Reservedeler for dyre</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="40"/>
        <source>No way to open the product</source>
        <translation>Produktet kan ikke åpnes</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="41"/>
        <source>Repair information not available</source>
        <translation>Reparasjonsinformasjon mangler</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="42"/>
        <source>Lack of equipment</source>
        <translation>Mangler utstyr</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="43"/>
        <source>Product too worn out</source>
        <translation>Produktet er for utslitt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="48"/>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="52"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="53"/>
        <source>Barrier (end of life)</source>
        <translation>Hindring (utrangert)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/outcome_dialog.py" line="54"/>
        <source>Year of manufacture</source>
        <translation>Produksjonsår</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../ui/repairs/reopen_dialog.py" line="45"/>
        <source>Reopen %1</source>
        <translation>Gjenåpne %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/reopen_dialog.py" line="54"/>
        <source>The job is «%1». Reopening it takes it back into the workshop (for example for a warranty rework); the reason is kept in the history.</source>
        <translation>Jobben har status «%1». Gjenåpning tar den tilbake til verkstedet (for eksempel for garantiarbeid); årsaken lagres i historikken.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/reopen_dialog.py" line="68"/>
        <source>Why is the job reopened? (required)</source>
        <translation>Hvorfor gjenåpnes jobben? (må fylles ut)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/reopen_dialog.py" line="74"/>
        <source>Reopen</source>
        <translation>Gjenåpne</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/reopen_dialog.py" line="76"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/reopen_dialog.py" line="83"/>
        <source>Back to status</source>
        <translation>Tilbake til status</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/reopen_dialog.py" line="85"/>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/reopen_dialog.py" line="102"/>
        <source>Write why the job is reopened; it goes in the history.</source>
        <translation>Skriv hvorfor jobben gjenåpnes; det lagres i historikken.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/reopen_dialog.py" line="128"/>
        <source>Reopening a finished job needs a manager: the manager enters their staff number and PIN.</source>
        <translation>Å gjenåpne en avsluttet jobb krever en leder: lederen taster inn sitt ansattnummer og sin PIN.</translation>
    </message>
</context>
<context>
    <name>RepairLabels</name>
    <message>
        <location filename="../../ui/repairs/labels.py" line="14"/>
        <source>Received</source>
        <translation>Mottatt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="15"/>
        <source>Diagnosing</source>
        <translation>Feilsøking</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="16"/>
        <source>Awaiting approval</source>
        <translation>Venter på godkjenning</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="19"/>
        <source>Awaiting parts</source>
        <translation>Venter på deler</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="20"/>
        <source>In repair</source>
        <translation>Under reparasjon</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="21"/>
        <source>Ready for pickup</source>
        <translation>Klar til henting</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="24"/>
        <source>Collected</source>
        <translation>Hentet</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="25"/>
        <source>Not repairable</source>
        <translation>Kan ikke repareres</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="26"/>
        <source>Returned unrepaired</source>
        <translation>Levert tilbake ureparert</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="29"/>
        <source>Scrapped</source>
        <translation>Kassert</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="38"/>
        <source>No message will be sent: this status does not notify the customer.</source>
        <translation>Ingen melding sendes: denne statusen varsler ikke kunden.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="41"/>
        <source>No message will be sent: the customer has not agreed to be contacted.</source>
        <translation>Ingen melding sendes: kunden har ikke samtykket til å bli kontaktet.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="45"/>
        <source>No message will be sent: the customer has no mobile number or e-mail we can use.</source>
        <translation>Ingen melding sendes: kunden har ikke mobilnummer eller e-post vi kan bruke.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="52"/>
        <source>E-mail to %1, subject «%2»:</source>
        <translation>E-post til %1, emne «%2»:</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="57"/>
        <source>SMS to %1:</source>
        <translation>SMS til %1:</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="66"/>
        <source>SMS to %1</source>
        <translation>SMS til %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="68"/>
        <source>E-mail to %1</source>
        <translation>E-post til %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="71"/>
        <source>(withdrawn: not sent)</source>
        <translation>(trukket tilbake: ikke sendt)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="73"/>
        <source>(sent)</source>
        <translation>(sendt)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/labels.py" line="75"/>
        <source>(could not be sent)</source>
        <translation>(kunne ikke sendes)</translation>
    </message>
</context>
<context>
    <name>RepairPages</name>
    <message>
        <location filename="../../ui/repairs/__init__.py" line="64"/>
        <source>Repair intake</source>
        <translation>Reparasjonsinntak</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/__init__.py" line="69"/>
        <source>Repair board</source>
        <translation>Reparasjonstavle</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/__init__.py" line="74"/>
        <source>Customer messages</source>
        <translation>Meldinger til kunder</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/__init__.py" line="79"/>
        <source>Open deposits</source>
        <translation>Åpne depositum</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/__init__.py" line="85"/>
        <source>Message rules</source>
        <translation>Meldingsregler</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="38"/>
        <source>Customer messages per status</source>
        <translation>Meldinger til kunden per status</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="44"/>
        <source>Tell the customer when a job gets this status</source>
        <translation>Si fra til kunden når en jobb får denne statusen</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="47"/>
        <source>SMS to a mobile, else e-mail</source>
        <translation>SMS til mobil, ellers e-post</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="48"/>
        <source>SMS only</source>
        <translation>Bare SMS</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="49"/>
        <source>E-mail only</source>
        <translation>Bare e-post</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="56"/>
        <source>Fields: %1</source>
        <translation>Felt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="64"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="65"/>
        <source>E-mail subject</source>
        <translation>Emne (e-post)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="66"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="68"/>
        <source>Save rule</source>
        <translation>Lagre regel</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="69"/>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/rules_page.py" line="121"/>
        <source>Saved: «%1» from now on.</source>
        <translation>Lagret: «%1» fra nå av.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/repairs/status_dialog.py" line="45"/>
        <source>Change status of %1</source>
        <translation>Endre status for %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/status_dialog.py" line="56"/>
        <source>What saving will send:</source>
        <translation>Dette sendes når du lagrer:</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/status_dialog.py" line="67"/>
        <source>Note for the history (optional)</source>
        <translation>Notat til historikken (valgfritt)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/status_dialog.py" line="79"/>
        <location filename="../../ui/repairs/status_dialog.py" line="138"/>
        <source>Save status</source>
        <translation>Lagre status</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/status_dialog.py" line="81"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/status_dialog.py" line="87"/>
        <source>New status</source>
        <translation>Ny status</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/status_dialog.py" line="114"/>
        <source>No status change is possible from here.</source>
        <translation>Ingen statusendring er mulig herfra.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/status_dialog.py" line="129"/>
        <source>«%1» is a final status: the job is closed, and only a manager can reopen it. Check it is the right one, then press Save again.</source>
        <translation>«%1» er en endelig status: jobben avsluttes, og bare en leder kan åpne den igjen. Sjekk at det er riktig status, og trykk Lagre en gang til.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/status_dialog.py" line="147"/>
        <source>Yes, close the job</source>
        <translation>Ja, avslutt jobben</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="69"/>
        <source>Repair %1</source>
        <translation>Reparasjon %1</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="82"/>
        <source>Work</source>
        <translation>Arbeid</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="82"/>
        <source>Qty</source>
        <translation>Ant.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="82"/>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="86"/>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="87"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="88"/>
        <location filename="../../ui/repairs/ticket_dialog.py" line="224"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="89"/>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="90"/>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="98"/>
        <source>Note for the job (seen at every counter)</source>
        <translation>Notat om jobben (vises på alle kasser)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="100"/>
        <source>Add note</source>
        <translation>Legg til notat</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="102"/>
        <source>Extra tag for… (e.g. Charger)</source>
        <translation>Ekstra lapp for … (f.eks. Lader)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="104"/>
        <source>Change status</source>
        <translation>Endre status</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="106"/>
        <source>Extra tag</source>
        <translation>Ekstra lapp</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="107"/>
        <source>Print claim slip again</source>
        <translation>Skriv ut bevis igjen</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="108"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="109"/>
        <source>Edit details</source>
        <translation>Endre opplysninger</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="110"/>
        <source>Reopen job</source>
        <translation>Gjenåpne jobb</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="111"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="115"/>
        <source>Labour and parts</source>
        <translation>Arbeid og deler</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="136"/>
        <source>History</source>
        <translation>Historikk</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="194"/>
        <source>Estimate</source>
        <translation>Prisoverslag</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="195"/>
        <source>Approved up to</source>
        <translation>Godkjent inntil</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="196"/>
        <source>Price now</source>
        <translation>Pris nå</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="197"/>
        <source>Deposit held</source>
        <translation>Depositum holdt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="202"/>
        <source>Above what the customer approved: record the approval (F5).</source>
        <translation>Over det kunden har godkjent: registrer godkjenningen (F5).</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="207"/>
        <source>The status was changed at another counter: your change from «%1» to «%2» was not used. The status is now «%3».</source>
        <translation>Statusen ble endret på en annen kasse: endringen din fra «%1» til «%2» ble ikke brukt. Statusen er nå «%3».</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="219"/>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="222"/>
        <source>may be contacted</source>
        <translation>kan kontaktes</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="222"/>
        <source>no contact</source>
        <translation>ikke kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="225"/>
        <source>Workshop</source>
        <translation>Verksted</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="226"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="227"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="228"/>
        <source>Item</source>
        <translation>Gjenstand</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="229"/>
        <source>Fault</source>
        <translation>Feil</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="230"/>
        <source>Condition</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="231"/>
        <source>Left with it</source>
        <translation>Levert med</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="232"/>
        <source>Photos</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="233"/>
        <source>Technician</source>
        <translation>Tekniker</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="234"/>
        <source>Received</source>
        <translation>Mottatt</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="235"/>
        <source>Promised</source>
        <translation>Lovet</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="259"/>
        <source>Status is now «%1».</source>
        <translation>Status er nå «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="261"/>
        <source>Message queued; it is sent when the centre is online.</source>
        <translation>Meldingen er lagt i kø og sendes når senteret er på nett.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="277"/>
        <source>Reopened: the status is now «%1».</source>
        <translation>Gjenåpnet: statusen er nå «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="298"/>
        <source>Note saved.</source>
        <translation>Notatet er lagret.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="335"/>
        <source>This is the job that is open.</source>
        <translation>Dette er jobben som er åpen.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="338"/>
        <source>Job %1 is open. Close it (Esc) before opening %2.</source>
        <translation>Jobb %1 er åpen. Lukk den (Esc) før du åpner %2.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="341"/>
        <source>Only parts can be scanned onto a job.</source>
        <translation>Bare deler kan skannes inn på en jobb.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="343"/>
        <source>This job is finished: reopen it to add parts.</source>
        <translation>Jobben er avsluttet: åpne den igjen for å legge til deler.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="288"/>
        <location filename="../../ui/repairs/ticket_dialog.py" line="302"/>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="306"/>
        <source>Accessory</source>
        <translation>Tilbehør</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="312"/>
        <source>Outcome recorded.</source>
        <translation>Utfallet er registrert.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="326"/>
        <source>Sent to the printer.</source>
        <translation>Sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/ticket_dialog.py" line="328"/>
        <source>No printer is set up for this register.</source>
        <translation>Ingen skriver er satt opp for denne kassen.</translation>
    </message>
</context>
<context>
    <name>WorkPanel</name>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="29"/>
        <source>Labour: what was done</source>
        <translation>Arbeid: hva som ble gjort</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="30"/>
        <source>Amount kr (or minutes: 30m)</source>
        <translation>Beløp kr (eller minutter: 30m)</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="31"/>
        <source>Part code or scan</source>
        <translation>Delens kode eller skann</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="32"/>
        <source>Qty</source>
        <translation>Ant.</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="33"/>
        <source>Approved amount kr</source>
        <translation>Godkjent beløp kr</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="37"/>
        <source>By phone</source>
        <translation>På telefon</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="38"/>
        <source>In person</source>
        <translation>Personlig</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="39"/>
        <source>By SMS</source>
        <translation>På SMS</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="40"/>
        <source>By e-mail</source>
        <translation>På e-post</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="43"/>
        <source>Add labour</source>
        <translation>Legg til arbeid</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="44"/>
        <source>Add part</source>
        <translation>Legg til del</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="45"/>
        <source>Record approval</source>
        <translation>Registrer godkjenning</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="48"/>
        <source>Labour</source>
        <translation>Arbeid</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="52"/>
        <source>Part</source>
        <translation>Del</translation>
    </message>
    <message>
        <location filename="../../ui/repairs/work_panel.py" line="56"/>
        <source>Customer approval</source>
        <translation>Kundens godkjenning</translation>
    </message>
</context>
</TS>
