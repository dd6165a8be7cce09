<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/approval_dialog.py" line="36"/>
        <source>Manager approval</source>
        <translation>Godkjenning av leder</translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.py" line="55"/>
        <source>Manager&apos;s staff number</source>
        <translation>Lederens ansattnummer</translation>
    </message>
    <message>
        <location filename="../../ui/approval_dialog.py" line="56"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>BasketRecovery</name>
    <message>
        <location filename="../../ui/basket_recovery.py" line="16"/>
        <source>%1&apos;s basket from %2 was interrupted; it is parked under their name (F7 resumes it).</source>
        <translation>Kurven til %1 fra %2 ble avbrutt; den er parkert under %1 (F7 henter den fram).</translation>
    </message>
    <message>
        <location filename="../../ui/basket_recovery.py" line="21"/>
        <source>Your basket from %1 was interrupted and is back.</source>
        <translation>Kurven din fra %1 ble avbrutt og er tilbake.</translation>
    </message>
    <message>
        <location filename="../../ui/basket_recovery.py" line="24"/>
        <source>It was rung up in training mode: training is on.</source>
        <translation>Den ble slått inn i treningsmodus: treningsmodus er på.</translation>
    </message>
</context>
<context>
    <name>BasketTableModel</name>
    <message>
        <location filename="../../ui/basket_model.py" line="61"/>
        <source>Tenant</source>
        <translation>Leietaker</translation>
    </message>
    <message>
        <location filename="../../ui/basket_model.py" line="62"/>
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <location filename="../../ui/basket_model.py" line="63"/>
        <source>Qty</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location filename="../../ui/basket_model.py" line="64"/>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../ui/basket_model.py" line="65"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../ui/basket_model.py" line="66"/>
        <source>Total</source>
        <translation>Sum</translation>
    </message>
</context>
<context>
    <name>BasketTotals</name>
    <message>
        <location filename="../../ui/basket_totals.py" line="50"/>
        <source>Basket %1, deposit %2 deducted (%3). To pay:</source>
        <translation>Kurv %1, depositum %2 trukket fra (%3). Å betale:</translation>
    </message>
</context>
<context>
    <name>ClockDialog</name>
    <message>
        <location filename="../../ui/clock_dialog.py" line="71"/>
        <source>Confirm the right time</source>
        <translation>Bekreft riktig tid</translation>
    </message>
    <message>
        <location filename="../../ui/clock_dialog.py" line="80"/>
        <source>The PC&apos;s clock is slow now: confirm the right time</source>
        <translation>PC-klokken går for sakte nå: bekreft riktig tid</translation>
    </message>
    <message>
        <location filename="../../ui/clock_dialog.py" line="84"/>
        <source>The PC&apos;s clock was fast when the last records were made and is right now: declare them stamped ahead</source>
        <translation>PC-klokken gikk for fort da de siste registreringene ble gjort, og går riktig nå: erklær at de ble stemplet for langt fram</translation>
    </message>
    <message>
        <location filename="../../ui/clock_dialog.py" line="116"/>
        <source>What happened? The last record is dated %1, the PC&apos;s clock shows %2.</source>
        <translation>Hva har skjedd? Siste registrering er datert %1, PC-klokken viser %2.</translation>
    </message>
    <message>
        <location filename="../../ui/clock_dialog.py" line="129"/>
        <source>The right date and time now</source>
        <translation>Riktig dato og klokkeslett nå</translation>
    </message>
    <message>
        <location filename="../../ui/clock_dialog.py" line="130"/>
        <source>Manager&apos;s staff number</source>
        <translation>Lederens ansattnummer</translation>
    </message>
    <message>
        <location filename="../../ui/clock_dialog.py" line="131"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/clock_dialog.py" line="149"/>
        <source>The central server&apos;s clock says the PC&apos;s clock is right now: the last records were most likely stamped ahead.</source>
        <translation>Den sentrale serverens klokke sier at PC-klokken går riktig nå: de siste registreringene ble trolig stemplet for langt fram.</translation>
    </message>
    <message>
        <location filename="../../ui/clock_dialog.py" line="154"/>
        <source>The central server&apos;s clock says the PC&apos;s clock is slow now.</source>
        <translation>Den sentrale serverens klokke sier at PC-klokken går for sakte nå.</translation>
    </message>
    <message>
        <location filename="../../ui/clock_dialog.py" line="187"/>
        <source>First choose what happened to the clock.</source>
        <translation>Velg først hva som har skjedd med klokken.</translation>
    </message>
</context>
<context>
    <name>CountGrid</name>
    <message>
        <location filename="../../ui/count_grid.py" line="29"/>
        <source>%1 kr</source>
        <translation>%1 kr</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../ui/discount_dialog.py" line="37"/>
        <location filename="../../ui/discount_dialog.py" line="55"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../ui/discount_dialog.py" line="41"/>
        <source>e.g. 50 or 10%</source>
        <translation>f.eks. 50 eller 10%</translation>
    </message>
    <message>
        <location filename="../../ui/discount_dialog.py" line="43"/>
        <source>Reason (required)</source>
        <translation>Grunn (må fylles ut)</translation>
    </message>
    <message>
        <location filename="../../ui/discount_dialog.py" line="56"/>
        <source>Reason</source>
        <translation>Grunn</translation>
    </message>
</context>
<context>
    <name>DrawerKick</name>
    <message>
        <location filename="../../ui/drawer_kick_text.py" line="18"/>
        <source>The drawer did NOT open for the float: %1. Open it with its key to put the float in.</source>
        <translation>Skuffen åpnet seg IKKE for vekselkassen: %1. Åpne den med nøkkel og legg i vekselkassen.</translation>
    </message>
    <message>
        <location filename="../../ui/drawer_kick_text.py" line="23"/>
        <source>The drawer did NOT open: %1. No opening is journaled. Open it with F10 (no sale) when the printer works.</source>
        <translation>Skuffen åpnet seg IKKE: %1. Ingen åpning er journalført. Åpne den med F10 (uten salg) når skriveren virker.</translation>
    </message>
    <message>
        <location filename="../../ui/drawer_kick_text.py" line="36"/>
        <source>Drawer opened (no sale).</source>
        <translation>Skuffen er åpnet (uten salg).</translation>
    </message>
    <message>
        <location filename="../../ui/drawer_kick_text.py" line="37"/>
        <source>The drawer is open.</source>
        <translation>Skuffen er åpnet.</translation>
    </message>
</context>
<context>
    <name>EarlyLogin</name>
    <message>
        <location filename="../../ui/early_login.py" line="40"/>
        <source>Counter starting – Omigjen POS</source>
        <translation>Kassen starter – Omigjen POS</translation>
    </message>
    <message>
        <location filename="../../ui/early_login.py" line="55"/>
        <location filename="../../ui/early_login.py" line="83"/>
        <source>Preparing the store…</source>
        <translation>Gjør klar databasen …</translation>
    </message>
    <message>
        <location filename="../../ui/early_login.py" line="88"/>
        <source>The counter is getting ready: you are logged in as soon as it is.</source>
        <translation>Kassen gjøres klar: du logges inn så snart den er klar.</translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <location filename="../../ui/login_widget.py" line="36"/>
        <location filename="../../ui/login_widget.py" line="53"/>
        <source>Staff number</source>
        <translation>Ansattnummer</translation>
    </message>
    <message>
        <location filename="../../ui/login_widget.py" line="39"/>
        <location filename="../../ui/login_widget.py" line="54"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/login_widget.py" line="62"/>
        <source>Forgot manager PIN?</source>
        <translation>Glemt leder-PIN?</translation>
    </message>
    <message>
        <location filename="../../ui/login_widget.py" line="84"/>
        <source>Log in</source>
        <translation>Logg inn</translation>
    </message>
    <message>
        <location filename="../../ui/login_widget.py" line="123"/>
        <source>Enter your staff number and PIN.</source>
        <translation>Skriv ansattnummer og PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/login_widget.py" line="126"/>
        <source>Checking…</source>
        <translation>Sjekker …</translation>
    </message>
    <message>
        <location filename="../../ui/login_widget.py" line="131"/>
        <source>The till is closed: whoever logs in first opens it with the float.</source>
        <translation>Kassen er stengt: den som logger inn først, åpner den med vekselkassen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>Omigjen POS – %1</source>
        <translation>Omigjen kasse – %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>TRAINING MODE – receipts are not real sales</source>
        <translation>TRENINGSMODUS – kvitteringene er ikke ekte salg</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Confirm the right time…</source>
        <translation>Bekreft riktig tid…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>No recovery code has been made. Without one, nobody gets back in if the managers&apos; PINs are lost. Make one now: F1 → Staff → New recovery code (Ctrl+K), and keep it away from the till.</source>
        <translation>Det er ikke laget noen gjenopprettingskode. Uten den kommer ingen inn igjen hvis ledernes PIN-koder går tapt. Lag en nå: F1 → Ansatte → Ny gjenopprettingskode (Ctrl+K), og oppbevar den borte fra kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>The PC&apos;s clock is %1 slow; the till uses the time a manager confirmed. Have the PC&apos;s clock corrected.</source>
        <translation>PC-klokken går %1 for sakte; kassen bruker tiden en leder bekreftet. Få PC-klokken rettet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>The PC&apos;s clock is %1 fast; the till uses the time a manager confirmed. Have the PC&apos;s clock corrected.</source>
        <translation>PC-klokken går %1 for fort; kassen bruker tiden en leder bekreftet. Få PC-klokken rettet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>%1 h</source>
        <translation>%1 t</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>The records stamped ahead are declared; the till goes on from the right time. Log in.</source>
        <translation>Registreringene som ble stemplet for langt fram er erklært; kassen går videre fra riktig tid. Logg inn.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>The time is confirmed. Log in.</source>
        <translation>Tiden er bekreftet. Logg inn.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Staff member %1 has a new PIN.</source>
        <translation>Ansatt %1 har fått ny PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>The basket was parked: F7 brings it back.</source>
        <translation>Kurven ble parkert: F7 henter den fram.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>Locked after a quiet spell.</source>
        <translation>Låst etter en stund uten bruk.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405"/>
        <source>The receipts that had not printed are printed now.</source>
        <translation>Kvitteringene som ikke var skrevet ut, er skrevet ut nå.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427"/>
        <source>Tenants in basket: %1</source>
        <translation>Leietakere i kurven: %1</translation>
    </message>
</context>
<context>
    <name>MenuDialog</name>
    <message>
        <location filename="../../ui/menu_dialog.py" line="35"/>
        <source>Menu</source>
        <translation>Meny</translation>
    </message>
    <message>
        <location filename="../../ui/menu_dialog.py" line="40"/>
        <source>Nothing here for your role.</source>
        <translation>Ingenting her for din rolle.</translation>
    </message>
    <message>
        <location filename="../../ui/menu_dialog.py" line="53"/>
        <source>Back to sale (Esc)</source>
        <translation>Tilbake til salg (Esc)</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/payment_dialog.py" line="57"/>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="80"/>
        <source>Amount (empty = the rest)</source>
        <translation>Beløp (tomt = resten)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="82"/>
        <source>Card terminal reference</source>
        <translation>Referanse fra kortterminalen</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="84"/>
        <source>Credit note number (or scan it)</source>
        <translation>Nummer på tilgodelapp (eller skann den)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="98"/>
        <location filename="../../ui/payment_dialog.py" line="249"/>
        <source>Cash</source>
        <translation>Kontant</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="99"/>
        <location filename="../../ui/payment_dialog.py" line="250"/>
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="100"/>
        <location filename="../../ui/payment_dialog.py" line="251"/>
        <source>Vipps</source>
        <translation>Vipps</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="101"/>
        <location filename="../../ui/payment_dialog.py" line="252"/>
        <source>Credit note</source>
        <translation>Tilgodelapp</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="102"/>
        <source>Remove last payment</source>
        <translation>Fjern siste betaling</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="103"/>
        <source>Confirm sale</source>
        <translation>Fullfør salget</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="105"/>
        <source>Back to basket</source>
        <translation>Tilbake til kurven</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="210"/>
        <source>To pay: %1</source>
        <translation>Å betale: %1</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="215"/>
        <source>Change: %1</source>
        <translation>Vekslepenger: %1</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="217"/>
        <source>(rounding %1)</source>
        <translation>(øreavrunding %1)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="222"/>
        <source>Left to pay: %1 (cash %2)</source>
        <translation>Gjenstår: %1 (kontant %2)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="253"/>
        <source>Deposit</source>
        <translation>Depositum</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="260"/>
        <source>Receipts</source>
        <translation>Kvitteringer</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="261"/>
        <source>Total</source>
        <translation>Sum</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="262"/>
        <source>Rounding</source>
        <translation>Øreavrunding</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="324"/>
        <source>Scan refused while paying: go back to the basket to add %1.</source>
        <translation>Skanning avvist under betaling: gå tilbake til kurven for å legge til %1.</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../ui/price_dialog.py" line="38"/>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../ui/price_dialog.py" line="52"/>
        <source>Optional, e.g. Rain trousers size 98</source>
        <translation>Valgfritt, f.eks. Regnbukse str. 98</translation>
    </message>
    <message>
        <location filename="../../ui/price_dialog.py" line="64"/>
        <source>Tenant</source>
        <translation>Leietaker</translation>
    </message>
    <message>
        <location filename="../../ui/price_dialog.py" line="65"/>
        <source>Price (kr)</source>
        <translation>Pris (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/price_dialog.py" line="67"/>
        <source>What it is</source>
        <translation>Hva det er</translation>
    </message>
</context>
<context>
    <name>PrintJobsDialog</name>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="67"/>
        <source>Print jobs that failed</source>
        <translation>Utskrifter som feilet</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="77"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="77"/>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="77"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="77"/>
        <source>A retry prints</source>
        <translation>Nytt forsøk skriver ut</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="91"/>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="94"/>
        <source>Retry all</source>
        <translation>Prøv alle på nytt</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="97"/>
        <source>Dismiss</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="100"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="114"/>
        <source>No failed print jobs.</source>
        <translation>Ingen utskrifter har feilet.</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="42"/>
        <source>The printer did not answer</source>
        <translation>Skriveren svarte ikke</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="43"/>
        <source>Out of paper</source>
        <translation>Tomt for papir</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="44"/>
        <source>The printer stopped taking data</source>
        <translation>Skriveren sluttet å ta imot data</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="45"/>
        <source>The program stopped while it printed</source>
        <translation>Programmet stoppet under utskriften</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="49"/>
        <source>Printing failed</source>
        <translation>Utskriften feilet</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="143"/>
        <source>Printed: %1.</source>
        <translation>Skrevet ut: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="145"/>
        <source>NOT printed: %1 – %2.</source>
        <translation>IKKE skrevet ut: %1 – %2.</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="159"/>
        <source>Nothing: open the drawer with F10 (journaled)</source>
        <translation>Ingenting: åpne skuffen med F10 (registreres)</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="162"/>
        <source>Nothing: the copy may be on paper</source>
        <translation>Ingenting: kopien kan allerede være på papiret</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="163"/>
        <source>The same copy (KOPI)</source>
        <translation>Den samme kopien (KOPI)</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="165"/>
        <source>The same document again</source>
        <translation>Det samme dokumentet på nytt</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="167"/>
        <source>Nothing: already printed</source>
        <translation>Ingenting: allerede skrevet ut</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="169"/>
        <source>The one copy (KOPI): the original may be on paper</source>
        <translation>Den ene kopien (KOPI): originalen kan allerede være på papiret</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="170"/>
        <source>The original (not marked KOPI)</source>
        <translation>Originalen (uten KOPI-merking)</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="197"/>
        <source>Dismissed, nothing printed: %1.</source>
        <translation>Forkastet, ingenting skrevet ut: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="201"/>
        <source>No printer is connected to this counter.</source>
        <translation>Ingen skriver er koblet til denne kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="217"/>
        <source>Queued for the printer: %1. Waiting for the printer…</source>
        <translation>Sendt til utskriftskøen: %1. Venter på skriveren …</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="231"/>
        <source>original %1</source>
        <translation>originalen av %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="233"/>
        <source>copy (KOPI) %1</source>
        <translation>kopien (KOPI) av %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_jobs_dialog.py" line="234"/>
        <source>the same document</source>
        <translation>det samme dokumentet</translation>
    </message>
</context>
<context>
    <name>PrintWarning</name>
    <message>
        <location filename="../../ui/print_warning.py" line="29"/>
        <location filename="../../ui/print_warning.py" line="63"/>
        <source>Print now</source>
        <translation>Skriv ut nå</translation>
    </message>
    <message>
        <location filename="../../ui/print_warning.py" line="46"/>
        <source>Receipt %1 was NOT printed.</source>
        <translation>Kvittering %1 ble IKKE skrevet ut.</translation>
    </message>
    <message>
        <location filename="../../ui/print_warning.py" line="49"/>
        <source>%1 receipts were NOT printed: %2.</source>
        <translation>%1 kvitteringer ble IKKE skrevet ut: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/print_warning.py" line="54"/>
        <source>The sale is recorded. Give the customer the receipt when the printer works: %1 or the button.</source>
        <translation>Salget er registrert. Gi kunden kvitteringen når skriveren virker: %1 eller knappen.</translation>
    </message>
    <message>
        <location filename="../../ui/print_warning.py" line="59"/>
        <source>The sale is recorded. Sent to the printer again: this warning goes away once it has printed.</source>
        <translation>Salget er registrert. Sendt til skriveren på nytt: varselet forsvinner når den er skrevet ut.</translation>
    </message>
</context>
<context>
    <name>ReceiptLookupPage</name>
    <message>
        <location filename="../../ui/receipts/__init__.py" line="26"/>
        <location filename="../../ui/receipts/lookup_page.py" line="37"/>
        <source>Receipts: print again</source>
        <translation>Kvitteringer: skriv ut igjen</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="41"/>
        <source>Receipt number: type it or scan the receipt</source>
        <translation>Kvitteringsnummer: skriv det eller skann kvitteringen</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="44"/>
        <source>Find</source>
        <translation>Finn</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="60"/>
        <location filename="../../ui/receipts/lookup_page.py" line="110"/>
        <source>Print again</source>
        <translation>Skriv ut igjen</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="63"/>
        <source>Back to sale</source>
        <translation>Tilbake til salg</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="75"/>
        <source>Latest receipts at this register</source>
        <translation>Siste kvitteringer på denne kassen</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="117"/>
        <source>Print the original</source>
        <translation>Skriv ut originalen</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="118"/>
        <source>Print the copy (KOPI)</source>
        <translation>Skriv ut kopi (KOPI)</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="119"/>
        <source>Printing now</source>
        <translation>Skrives ut nå</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="120"/>
        <source>Copy already printed</source>
        <translation>Kopien er allerede skrevet ut</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="133"/>
        <source>%1 is not a receipt number: scan the receipt&apos;s barcode.</source>
        <translation>%1 er ikke et kvitteringsnummer: skann strekkoden på kvitteringen.</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="159"/>
        <source>Found %1.</source>
        <translation>Fant %1.</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="168"/>
        <source>Choose a receipt first.</source>
        <translation>Velg en kvittering først.</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="172"/>
        <source>No printer is connected to this counter.</source>
        <translation>Ingen skriver er koblet til denne kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="190"/>
        <source>Not printed: %1: %2. Print again (F5) when the printer works.</source>
        <translation>Ikke skrevet ut: %1: %2. Skriv ut igjen (F5) når skriveren virker.</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="194"/>
        <source>Printed: %1.</source>
        <translation>Skrevet ut: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="198"/>
        <source>The original of %1 is sent to the printer.</source>
        <translation>Originalen av %1 er sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/lookup_page.py" line="200"/>
        <source>The copy (KOPI) of %1 is sent to the printer.</source>
        <translation>Kopien (KOPI) av %1 er sendt til skriveren.</translation>
    </message>
</context>
<context>
    <name>ReceiptTableModel</name>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="18"/>
        <source>NOT printed</source>
        <translation>IKKE skrevet ut</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="19"/>
        <source>printing now</source>
        <translation>skrives ut nå</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="20"/>
        <source>printed</source>
        <translation>skrevet ut</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="21"/>
        <source>may be partly printed</source>
        <translation>kan være delvis skrevet ut</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="28"/>
        <source>copy NOT printed</source>
        <translation>kopien IKKE skrevet ut</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="29"/>
        <source>copy printing now</source>
        <translation>kopien skrives ut nå</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="30"/>
        <source>copy cut off</source>
        <translation>kopien ble avbrutt</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="32"/>
        <source>copy printed</source>
        <translation>kopi skrevet ut</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="37"/>
        <source>Sale</source>
        <translation>Salg</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="38"/>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="39"/>
        <source>Training</source>
        <translation>Trening</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="40"/>
        <source>Deposit</source>
        <translation>Depositum</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="50"/>
        <source>Receipt</source>
        <translation>Kvittering</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="51"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="52"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="53"/>
        <source>Seller</source>
        <translation>Selger</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="54"/>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location filename="../../ui/receipts/receipt_table_model.py" line="55"/>
        <source>Paper</source>
        <translation>Papir</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="38"/>
        <source>Forgot manager PIN</source>
        <translation>Glemt leder-PIN</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="43"/>
        <source>Type the recovery code from the sheet kept for this, the manager&apos;s staff number and a new PIN.</source>
        <translation>Skriv inn gjenopprettingskoden fra arket som er oppbevart for dette, lederens ansattnummer og en ny PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="72"/>
        <source>Recovery code</source>
        <translation>Gjenopprettingskode</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="73"/>
        <source>Manager&apos;s staff number</source>
        <translation>Lederens ansattnummer</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="74"/>
        <source>New PIN</source>
        <translation>Ny PIN</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="75"/>
        <source>New PIN again</source>
        <translation>Ny PIN igjen</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="88"/>
        <source>The two PINs differ. Type the new PIN twice.</source>
        <translation>De to PIN-kodene er ulike. Skriv den nye PIN-en to ganger.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="104"/>
        <source>%1 has a new PIN and can log in. The code is used up; this is the new one. Write it down now and keep it safe, away from the till: it is shown only once.</source>
        <translation>%1 har fått ny PIN og kan logge inn. Koden er brukt opp; dette er den nye. Skriv den ned nå og oppbevar den trygt, borte fra kassen: den vises bare én gang.</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <location filename="../../ui/refusal_banner.py" line="142"/>
        <source>Scan refused: %1</source>
        <translation>Skanning avvist: %1</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_banner.py" line="142"/>
        <source>Refused: %1</source>
        <translation>Avvist: %1</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_banner.py" line="145"/>
        <source>Also refused: %1</source>
        <translation>Også avvist: %1</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_banner.py" line="150"/>
        <source>and %1 more</source>
        <translation>og %1 til</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/restore_dialog.py" line="44"/>
        <source>Restore the backup…</source>
        <translation>Gjenopprett sikkerhetskopien…</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="46"/>
        <source>Start the till</source>
        <translation>Start kassen</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="49"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="73"/>
        <source>Backup to restore: %1 (taken %2).</source>
        <translation>Sikkerhetskopi som gjenopprettes: %1 (tatt %2).</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="78"/>
        <source>The register gave out %1 signed receipts after this backup; %2 of them can still be read and are brought back. Numbering continues after the highest number ever given out, and the restore is journaled.</source>
        <translation>Kassen har gitt ut %1 signerte kvitteringer etter denne sikkerhetskopien; %2 av dem kan fortsatt leses og hentes tilbake. Nummereringen fortsetter etter det høyeste nummeret som er gitt ut, og gjenopprettingen føres i journalen.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="84"/>
        <source>The backup lacks %1 Z reports taken after it (the last for %2): Z numbers continue after them and no day up to %2 is Z-reported again.</source>
        <translation>Sikkerhetskopien mangler %1 Z-rapporter tatt etter den (den siste for %2): Z-numrene fortsetter etter dem, og ingen dag til og med %2 Z-rapporteres igjen.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="89"/>
        <source>Also %1 other records after the backup (cash in/out, drawer openings, copies, voids, deleted lines, price look-ups, parked baskets, the till&apos;s opening, shift changes and close) are brought back.</source>
        <translation>Også %1 andre registreringer etter kopien (kontanter inn/ut, skuffeåpninger, kopier, annulleringer, slettede linjer, prisforespørsler, parkerte kurver, åpning, vaktbytte og oppgjør av kassen) hentes tilbake.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="96"/>
        <source>These are written in full to the salvage folder and queued for the server: nothing signed is lost.</source>
        <translation>Disse skrives i sin helhet til salvage-mappen og legges i kø til serveren: ingenting som er signert, blir borte.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="103"/>
        <source>Newer backups that failed the check: %1.</source>
        <translation>Nyere sikkerhetskopier som ikke besto kontrollen: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="111"/>
        <source>Not brought back: %1: %2</source>
        <translation>Hentes ikke tilbake: %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="121"/>
        <source>Also brought back (counted in X and Z as before):</source>
        <translation>Også hentet tilbake (talt i X og Z som før):</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="124"/>
        <source>Not brought back (listed in the salvage folder):</source>
        <translation>Ikke hentet tilbake (listet i salvage-mappen):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/restore_dialog.py" line="138"/>
        <source>%n signed receipts did not come back. The list with the reasons: %1.</source>
        <translation>
            <numerusform>%n signert kvittering ble ikke hentet tilbake. Listen med grunnene: %1.</numerusform>
            <numerusform>%n signerte kvitteringer ble ikke hentet tilbake. Listen med grunnene: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="142"/>
        <source>Each sale in full (receipts, signatures, lines, payments): %1. Enter them by hand in the books.</source>
        <translation>Hvert salg i sin helhet (kvitteringer, signaturer, linjer, betaling): %1. Før dem for hånd i regnskapet.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="146"/>
        <source>Queued for the server: %1.</source>
        <translation>Lagt i kø til serveren: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="164"/>
        <source>Restoring…</source>
        <translation>Gjenoppretter…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/restore_dialog.py" line="171"/>
        <source>Restored. %n receipts brought back, %1 could not be.</source>
        <translation>
            <numerusform>Gjenopprettet. %n kvittering hentet tilbake, %1 kunne ikke hentes.</numerusform>
            <numerusform>Gjenopprettet. %n kvitteringer hentet tilbake, %1 kunne ikke hentes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="179"/>
        <source>Cannot be read: %1</source>
        <translation>Kan ikke leses: %1</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="183"/>
        <source>A new signing key (version %1) was made.</source>
        <translation>En ny signeringsnøkkel (versjon %1) ble laget.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="187"/>
        <source>Enrol the till with the server again before selling.</source>
        <translation>Registrer kassen hos serveren på nytt før salg.</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../ui/resume_dialog.py" line="34"/>
        <source>Resume a parked basket</source>
        <translation>Hent fram en parkert kurv</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="38"/>
        <source>Parked</source>
        <translation>Parkert</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="39"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="40"/>
        <source>First item</source>
        <translation>Første vare</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="41"/>
        <source>Tenants</source>
        <translation>Leietakere</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="42"/>
        <source>Lines</source>
        <translation>Linjer</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="43"/>
        <source>Total</source>
        <translation>Sum</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="61"/>
        <source>Resume</source>
        <translation>Hent kurv</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="62"/>
        <source>Back to the basket</source>
        <translation>Tilbake til kurven</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="68"/>
        <source>Which customer&apos;s basket?</source>
        <translation>Hvilken kundes kurv?</translation>
    </message>
    <message>
        <location filename="../../ui/resume_dialog.py" line="77"/>
        <source>(training)</source>
        <translation>(trening)</translation>
    </message>
</context>
<context>
    <name>ReturnsDialog</name>
    <message>
        <location filename="../../ui/returns_dialog.py" line="52"/>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="59"/>
        <source>Receipt number, e.g. 11-K1-000123 (or scan it)</source>
        <translation>Kvitteringsnummer, f.eks. 11-K1-000123 (eller skann det)</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="63"/>
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="63"/>
        <source>Sold</source>
        <translation>Solgt</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="63"/>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="63"/>
        <source>Return qty</source>
        <translation>Antall i retur</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="72"/>
        <source>Cash</source>
        <translation>Kontant</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="73"/>
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="74"/>
        <source>Vipps</source>
        <translation>Vipps</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="75"/>
        <source>New credit note</source>
        <translation>Ny tilgodelapp</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="84"/>
        <source>Record return</source>
        <translation>Registrer retur</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="85"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="86"/>
        <source>Find receipt</source>
        <translation>Finn kvittering</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="91"/>
        <source>Refund to</source>
        <translation>Betal tilbake med</translation>
    </message>
    <message>
        <location filename="../../ui/returns_dialog.py" line="111"/>
        <source>Scan the receipt&apos;s number to return from it.</source>
        <translation>Skann kvitteringsnummeret for å returnere fra den.</translation>
    </message>
</context>
<context>
    <name>SaleScans</name>
    <message>
        <location filename="../../ui/sale_scans.py" line="42"/>
        <source>Credit notes are taken as payment: press Pay (F12).</source>
        <translation>Tilgodelapper tas imot som betaling: trykk Betal (F12).</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="66"/>
        <source>Read twice: «%1» is counted once.</source>
        <translation>Lest to ganger: «%1» telles én gang.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="69"/>
        <source>«%1» is a one-off item and is already in the basket.</source>
        <translation>«%1» er et enkeltstående produkt og ligger allerede i kurven.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="84"/>
        <source>Repair %1 for pickup: %2</source>
        <translation>Reparasjon %1 til henting: %2</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="87"/>
        <source>deposit %1 is deducted when paying</source>
        <translation>depositum %1 trekkes fra ved betaling</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="97"/>
        <source>Deposit paid at register %1, as the central server last said (%2)</source>
        <translation>Depositum betalt på kasse %1, slik den sentrale serveren sist sa det (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="98"/>
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="101"/>
        <source>This counter is offline: the deposit may have been deducted at another counter since; the server flags it if so</source>
        <translation>Kassen er frakoblet: depositumet kan ha blitt trukket fra på en annen kasse siden; serveren merker det i så fall</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="111"/>
        <source>open price</source>
        <translation>åpen pris</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="113"/>
        <source>Price look-up: %1 costs %2</source>
        <translation>Prisforespørsel: %1 koster %2</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="124"/>
        <source>%1 is not in the catalogue: it has no price to look up.</source>
        <translation>%1 finnes ikke i varekatalogen: den har ingen pris å slå opp.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_scans.py" line="127"/>
        <source>The label %1 is not in the catalogue. Type the price on it: it is registered as a one-off item of:</source>
        <translation>Lappen %1 er ikke i varekatalogen. Skriv prisen som står på den: den registreres som enkeltvare hos:</translation>
    </message>
</context>
<context>
    <name>SaleWidget</name>
    <message>
        <location filename="../../ui/sale_widget.py" line="81"/>
        <source>Scan or type a code, Enter to add</source>
        <translation>Skann eller skriv en kode, Enter for å legge til</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="98"/>
        <source>Quick keys (open price)</source>
        <translation>Hurtigtaster (åpen pris)</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="120"/>
        <source>Pay</source>
        <translation>Betal</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="121"/>
        <source>Quantity</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="122"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="123"/>
        <source>Delete line</source>
        <translation>Slett linje</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="124"/>
        <source>Find item</source>
        <translation>Finn vare</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="125"/>
        <source>Price look-up</source>
        <translation>Prisforespørsel</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="126"/>
        <source>Park</source>
        <translation>Parker</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="127"/>
        <source>Resume</source>
        <translation>Hent kurv</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="128"/>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="129"/>
        <source>Void basket</source>
        <translation>Annuller kurv</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="130"/>
        <source>Open drawer</source>
        <translation>Åpne skuff</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="131"/>
        <source>Training</source>
        <translation>Trening</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="132"/>
        <source>Log out</source>
        <translation>Logg ut</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="133"/>
        <source>Menu</source>
        <translation>Meny</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="252"/>
        <source>stock goes below zero (%1): count the shelf</source>
        <translation>lageret går under null (%1): tell opp hylla</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="274"/>
        <source>Quantity of %1</source>
        <translation>Antall av %1</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="321"/>
        <source>Deleted: %1</source>
        <translation>Slettet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="346"/>
        <source>Price look-up: scan an item to see its price (F5 to stop).</source>
        <translation>Prisforespørsel: skann en vare for å se prisen (F5 for å avslutte).</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="348"/>
        <source>Price look-up ended.</source>
        <translation>Prisforespørsel avsluttet.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="366"/>
        <source>Basket parked. Resume it with F7.</source>
        <translation>Kurven er parkert. Hent den med F7.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="372"/>
        <source>No parked baskets.</source>
        <translation>Ingen parkerte kurver.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="390"/>
        <source>Basket resumed.</source>
        <translation>Kurven er hentet fram.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="404"/>
        <source>Basket voided.</source>
        <translation>Kurven er annullert.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="409"/>
        <source>Why open the drawer without a sale?</source>
        <translation>Hvorfor åpne skuffen uten salg?</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="416"/>
        <source>Opening the drawer (no sale): sent to the printer.</source>
        <translation>Skuffen åpnes (uten salg): sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="418"/>
        <source>No receipt printer: the drawer cannot be opened.</source>
        <translation>Ingen kvitteringsskriver: skuffen kan ikke åpnes.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="434"/>
        <source>The basket is empty.</source>
        <translation>Kurven er tom.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="453"/>
        <source>Sale recorded: %1.</source>
        <translation>Salget er registrert: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="455"/>
        <source>Change %1.</source>
        <translation>Vekslepenger %1.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="485"/>
        <source>Return recorded: %1.</source>
        <translation>Retur registrert: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/sale_widget.py" line="487"/>
        <source>Credit note %1 for %2: give it to the customer (it is on the slip).</source>
        <translation>Tilgodelapp %1 på %2: gi den til kunden (den står på kvitteringen).</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <location filename="../../ui/scan_router.py" line="151"/>
        <source>The scanner&apos;s keyboard layout does not match this PC&apos;s (it sent «%1»). Set the scanner to the PC&apos;s layout (see the user guide).</source>
        <translation>Skannerens tastaturoppsett stemmer ikke med PC-ens (den sendte «%1»). Sett skanneren til samme oppsett som PC-en (se brukerveiledningen).</translation>
    </message>
    <message>
        <location filename="../../ui/scan_router.py" line="176"/>
        <source>Log in before scanning.</source>
        <translation>Logg inn før du skanner.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_router.py" line="189"/>
        <source>Finish the open window before scanning.</source>
        <translation>Gjør ferdig det åpne vinduet før du skanner.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_router.py" line="195"/>
        <source>This screen takes no scans. Go back to the sale screen (Esc).</source>
        <translation>Dette skjermbildet tar ikke imot skanning. Gå tilbake til salgsbildet (Esc).</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../ui/search_dialog.py" line="34"/>
        <source>Find item</source>
        <translation>Finn vare</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="37"/>
        <source>Words of the description or code</source>
        <translation>Ord fra beskrivelsen eller koden</translation>
    </message>
    <message>
        <location filename="../../ui/search_dialog.py" line="40"/>
        <source>All tenants</source>
        <translation>Alle leietakere</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../ui/search_model.py" line="25"/>
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="26"/>
        <source>Tenant</source>
        <translation>Leietaker</translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="27"/>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="28"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../ui/status_strip.py" line="85"/>
        <source>Not logged in</source>
        <translation>Ikke innlogget</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="95"/>
        <source>online</source>
        <translation>tilkoblet</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="95"/>
        <source>offline</source>
        <translation>frakoblet</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="99"/>
        <source>%1 sync problems</source>
        <translation>%1 synkroniseringsproblemer</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="123"/>
        <source>Clock %1 behind the server</source>
        <translation>Klokka går %1 etter serveren</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="125"/>
        <source>Clock %1 ahead of the server</source>
        <translation>Klokka går %1 foran serveren</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="130"/>
        <source>set the PC&apos;s date and time right (receipts and the journal carry it)</source>
        <translation>still dato og klokkeslett på PC-en riktig (kvitteringer og journal får den tiden)</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="155"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="157"/>
        <source>%1 h</source>
        <translation>%1 t</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="165"/>
        <location filename="../../ui/status_strip.py" line="168"/>
        <source>Failed print jobs: show and retry (%1)</source>
        <translation>Utskrifter som feilet: vis og prøv igjen (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="167"/>
        <source>Nothing has been printed yet and the printer has not answered.</source>
        <translation>Ingenting er skrevet ut ennå, og skriveren har ikke svart.</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="184"/>
        <source>receipt %1 not printed</source>
        <translation>kvittering %1 ikke skrevet ut</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="185"/>
        <source>%1 receipts not printed</source>
        <translation>%1 kvitteringer ikke skrevet ut</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="187"/>
        <source>1 failed print job</source>
        <translation>1 mislykket utskrift</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="193"/>
        <source>ready</source>
        <translation>klar</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="189"/>
        <source>%1 failed print jobs</source>
        <translation>%1 mislykkede utskrifter</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="97"/>
        <source>%1 waiting (no server)</source>
        <translation>%1 venter (ingen sentral)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_strip.py" line="158"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n døgn</numerusform>
            <numerusform>%n døgn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="195"/>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="197"/>
        <source>not answering</source>
        <translation>svarer ikke</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="201"/>
        <source>Tenants in basket: %1</source>
        <translation>Leietakere i kurven: %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="88"/>
        <source>TRAINING</source>
        <translation>TRENING</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="191"/>
        <source>No printer</source>
        <translation>Ingen skriver</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="161"/>
        <source>Printer: %1</source>
        <translation>Skriver: %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_strip.py" line="93"/>
        <source>%1 not yet synced</source>
        <translation>%1 ikke synkronisert ennå</translation>
    </message>
</context>
<context>
    <name>TillCloseDialog</name>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="65"/>
        <source>Shift change – count and hand over – {register}</source>
        <translation>Vaktbytte – tell opp og overlever – {register}</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="67"/>
        <source>Close the till – {register}</source>
        <translation>Kasseoppgjør – {register}</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="71"/>
        <source>Still open (stays open after the close):</source>
        <translation>Fortsatt åpent (blir liggende etter oppgjøret):</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="78"/>
        <source>Count (pieces)</source>
        <translation>Telling (stk.)</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="80"/>
        <source>Counted cash</source>
        <translation>Opptalt kontant</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="82"/>
        <source>total from the card terminal</source>
        <translation>sum fra kortterminalen</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="83"/>
        <source>Card batch</source>
        <translation>Kortoppgjør</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="85"/>
        <source>total from Vipps</source>
        <translation>sum fra Vipps</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="86"/>
        <source>Vipps batch</source>
        <translation>Vipps-oppgjør</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="90"/>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="104"/>
        <location filename="../../ui/till_close_dialog.py" line="145"/>
        <source>Close the till</source>
        <translation>Lukk kassen</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="104"/>
        <source>Hand over the till</source>
        <translation>Overlever kassen</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="172"/>
        <source>The count is saved: expected %1, counted %2, variance %3. Write a note on the variance.</source>
        <translation>Opptellingen er lagret: forventet %1, talt %2, differanse %3. Skriv en merknad om differansen.</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="181"/>
        <source>Save the note</source>
        <translation>Lagre merknaden</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="206"/>
        <source>Write a note on the variance first.</source>
        <translation>Skriv en merknad om differansen først.</translation>
    </message>
</context>
<context>
    <name>VoidQuestion</name>
    <message>
        <location filename="../../ui/void_question.py" line="19"/>
        <source>Void basket</source>
        <translation>Annuller kurv</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/void_question.py" line="21"/>
        <source>Void the whole basket: %n lines, %1?</source>
        <translation>
            <numerusform>Annullere hele kurven: %n linje, %1?</numerusform>
            <numerusform>Annullere hele kurven: %n linjer, %1?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/void_question.py" line="25"/>
        <source>Void the basket</source>
        <translation>Annuller kurven</translation>
    </message>
    <message>
        <location filename="../../ui/void_question.py" line="26"/>
        <source>Keep the basket</source>
        <translation>Behold kurven</translation>
    </message>
</context>
<context>
    <name>_RefusalFrame</name>
    <message>
        <location filename="../../ui/refusal_banner.py" line="41"/>
        <source>Seen</source>
        <translation>Sett</translation>
    </message>
</context>
</TS>
