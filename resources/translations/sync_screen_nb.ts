<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>ProblemWords</name>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="17"/>
        <source>Held on the server</source>
        <translation>Holdt tilbake på sentralen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="18"/>
        <source>Stored, marked</source>
        <translation>Lagret, merket</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="24"/>
        <source>Data from the server</source>
        <translation>Data fra sentralen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="30"/>
        <source>Sale</source>
        <translation>Salg</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="31"/>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="32"/>
        <source>Deposit receipt</source>
        <translation>Depositumskvittering</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="33"/>
        <source>Receipt copy</source>
        <translation>Kvitteringskopi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="34"/>
        <source>Z report</source>
        <translation>Z-rapport</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="35"/>
        <source>Settlement</source>
        <translation>Oppgjør</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="36"/>
        <source>Till opened</source>
        <translation>Kassen åpnet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="37"/>
        <source>Till closed</source>
        <translation>Kassen lukket</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="38"/>
        <source>Cash in or out</source>
        <translation>Penger inn eller ut</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="39"/>
        <source>Item registered</source>
        <translation>Vare registrert</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="40"/>
        <source>Price changed</source>
        <translation>Pris endret</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="41"/>
        <source>Stock counted</source>
        <translation>Lager talt opp</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="42"/>
        <source>Tenant registered</source>
        <translation>Leietaker registrert</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="43"/>
        <source>Staff member</source>
        <translation>Ansatt</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="44"/>
        <source>Article group</source>
        <translation>Varegruppe</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="45"/>
        <source>Tenant terms</source>
        <translation>Leietakervilkår</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="46"/>
        <source>The centre&apos;s company</source>
        <translation>Senterets firma</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="47"/>
        <source>Message to a customer</source>
        <translation>Melding til kunde</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="48"/>
        <source>Message withdrawn</source>
        <translation>Melding trukket tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="49"/>
        <source>Repair taken in</source>
        <translation>Reparasjon mottatt</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="50"/>
        <source>Repair changed</source>
        <translation>Reparasjon endret</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="51"/>
        <source>Repair status</source>
        <translation>Reparasjonsstatus</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="52"/>
        <source>Repair reopened</source>
        <translation>Reparasjon gjenåpnet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="53"/>
        <source>Repair note</source>
        <translation>Reparasjonsnotat</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="54"/>
        <source>Repair part or work added</source>
        <translation>Del eller arbeid lagt til reparasjon</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="55"/>
        <source>Repair part or work removed</source>
        <translation>Del eller arbeid fjernet fra reparasjon</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="56"/>
        <source>Repair quote approved</source>
        <translation>Pristilbud godkjent</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="57"/>
        <source>Repair deposit</source>
        <translation>Depositum for reparasjon</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="64"/>
        <source>The sale is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Salget er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="67"/>
        <source>The return is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Returen er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="70"/>
        <source>The deposit receipt is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Depositumskvitteringen er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="73"/>
        <source>The receipt copy is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Kvitteringskopien er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="76"/>
        <source>The Z report is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Z-rapporten er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="79"/>
        <source>The settlement is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Oppgjøret er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="82"/>
        <source>The till opening is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Kasseåpningen er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="85"/>
        <source>The till close is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Kasselukkingen er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="88"/>
        <source>The cash in or out is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Inn- eller uttaket av kontanter er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="106"/>
        <source>the server does not answer (%1)</source>
        <translation>serveren svarer ikke (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="109"/>
        <source>the server&apos;s TLS certificate was not accepted: %1</source>
        <translation>serverens TLS-sertifikat ble ikke godtatt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="119"/>
        <source>Receipt %1: %2.</source>
        <translation>Kvittering %1: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="120"/>
        <source>Receipt %1.</source>
        <translation>Kvittering %1.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="126"/>
        <source>The repair&apos;s status was changed at another counter first; this change was not used, and the ticket shows the status the other counter set.</source>
        <translation>Statusen på reparasjonen ble endret på en annen kasse først; denne endringen ble ikke brukt, og billetten viser statusen den andre kassen satte.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="129"/>
        <source>Reopening the repair needs a manager the server knows.</source>
        <translation>Gjenåpning av reparasjonen krever en leder som sentralen kjenner.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="130"/>
        <source>The server has not received this repair ticket.</source>
        <translation>Sentralen har ikke fått denne reparasjonsbilletten.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="131"/>
        <source>Some fields of the repair were unreadable and were ignored.</source>
        <translation>Noen felt i reparasjonen kunne ikke leses og ble utelatt.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="133"/>
        <source>This counter&apos;s clock was more than an hour ahead; the edit counts from the server&apos;s time.</source>
        <translation>Klokken på denne kassen gikk mer enn en time for fort; endringen regnes fra sentralens tid.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="137"/>
        <source>Data from the server could not be used on this counter.</source>
        <translation>Data fra sentralen kunne ikke brukes på denne kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="140"/>
        <source>A repair with this number belongs to another site; this change was not used.</source>
        <translation>En reparasjon med dette nummeret hører til et annet senter; endringen ble ikke brukt.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="143"/>
        <source>Another job already has this repair number on the server (a counter restored from a backup?); this intake was kept apart.</source>
        <translation>En annen jobb har allerede dette reparasjonsnummeret på serveren (en kasse gjenopprettet fra sikkerhetskopi?); dette mottaket ble holdt utenfor.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="146"/>
        <source>A repair field was too long for the server.</source>
        <translation>Et felt i reparasjonen var for langt for serveren.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="148"/>
        <source>The receipt&apos;s signature chain does not follow the one before it.</source>
        <translation>Kvitteringens signaturkjede henger ikke sammen med forrige kvittering.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="150"/>
        <source>The receipt&apos;s signature does not verify.</source>
        <translation>Kvitteringens signatur stemmer ikke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="152"/>
        <source>The server lacks the signing key of this receipt (send it with a sync).</source>
        <translation>Serveren mangler signeringsnøkkelen til denne kvitteringen (den sendes ved neste synkronisering).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="154"/>
        <source>A receipt number is missing before this one.</source>
        <translation>Et kvitteringsnummer mangler før dette.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="156"/>
        <source>The record is dated more than five minutes ahead of the server&apos;s clock.</source>
        <translation>Registreringen er datert mer enn fem minutter foran serverens klokke.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="158"/>
        <source>The server could not read this event; it was set aside.</source>
        <translation>Serveren kunne ikke lese denne hendelsen; den ble lagt til side.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="159"/>
        <source>The server does not know this kind of event (too old?).</source>
        <translation>Serveren kjenner ikke denne typen hendelse (for gammel server?).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="160"/>
        <source>This tenant is not served by this counter&apos;s site.</source>
        <translation>Denne leietakeren hører ikke til senteret denne kassen står i.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="161"/>
        <source>The event&apos;s content does not match its checksum.</source>
        <translation>Innholdet i hendelsen stemmer ikke med kontrollsummen.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="162"/>
        <source>Another event already has this event&apos;s id.</source>
        <translation>En annen hendelse har allerede denne hendelsens id.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="164"/>
        <source>The server already has an item with this id; the server&apos;s item was kept.</source>
        <translation>Serveren har allerede en vare med denne ID-en; serverens vare ble beholdt.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="167"/>
        <source>Another item already has this barcode; this item stays on this counter only.</source>
        <translation>En annen vare har allerede denne strekkoden; varen finnes bare på denne kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="170"/>
        <source>A later price for this item was set elsewhere; this price change was not used, and the counter gets the current price.</source>
        <translation>En nyere pris på denne varen er satt et annet sted; denne prisendringen ble ikke brukt, og kassen får gjeldende pris.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="174"/>
        <source>This one-off item was sold at another counter too: both sales are recorded; find the item and settle it with the customer (a return if need be).</source>
        <translation>Denne enkeltstående varen ble også solgt i en annen kasse: begge salgene er registrert; finn varen og gjør det opp med kunden (en retur om nødvendig).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="178"/>
        <source>Another site has a staff member with this id; this change stays here.</source>
        <translation>Et annet senter har en ansatt med denne id-en; endringen blir værende i denne kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="181"/>
        <source>The server does not know this item (registered before the counters shared items?); the new price or count applies at this counter only.</source>
        <translation>Serveren kjenner ikke denne varen (registrert før kassene delte varer?); den nye prisen eller opptellingen gjelder bare på denne kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="185"/>
        <source>The server holds this item as one that is not a stock item; the count applies at this counter only.</source>
        <translation>Serveren har ikke denne varen som lagervare; opptellingen gjelder bare på denne kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="189"/>
        <source>The server already has a different event with this number (a restored backup?); the counter must be enrolled again.</source>
        <translation>Serveren har allerede en annen hendelse med dette nummeret (gjenopprettet sikkerhetskopi?); kassen må registreres på nytt.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="193"/>
        <source>The server holds this tenant until the operator approves it; its sales are kept there and stored once it is approved.</source>
        <translation>Serveren holder igjen denne leietakeren til driftsansvarlig godkjenner den; salget ligger trygt på serveren og lagres når den er godkjent.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="197"/>
        <source>The receipt&apos;s lines, payments or VAT do not add up to its signed totals.</source>
        <translation>Kvitteringens linjer, betalinger eller mva stemmer ikke med de signerte summene.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="199"/>
        <source>A sale with a negative total.</source>
        <translation>Et salg med negativ sum.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="200"/>
        <source>The receipt is signed with an unknown method.</source>
        <translation>Kvitteringen er signert med en ukjent metode.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="202"/>
        <source>Another receipt on the server has the same number (a restored backup?).</source>
        <translation>En annen kvittering på serveren har samme nummer (gjenopprettet sikkerhetskopi?).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="204"/>
        <source>The server already has this receipt under another event.</source>
        <translation>Serveren har allerede denne kvitteringen under en annen hendelse.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="205"/>
        <source>The server could not store a value of this event; set aside.</source>
        <translation>Serveren kunne ikke lagre en verdi i denne hendelsen; den er lagt til side.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="206"/>
        <source>Another event of the same batch had this number.</source>
        <translation>En annen hendelse i samme sending hadde dette nummeret.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="208"/>
        <source>The repair&apos;s deposit was deducted at another counter too (one of them was offline): both sales are recorded; settle it with the customer.</source>
        <translation>Depositumet for reparasjonen ble trukket fra på en annen kasse også (en av dem var frakoblet): begge salgene er registrert; gjør det opp med kunden.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/problem_words.py" line="212"/>
        <source>The server knows no deposit for this repair; the deduction is recorded as sold.</source>
        <translation>Serveren kjenner ikke noe depositum for denne reparasjonen; fradraget er registrert slik det ble solgt.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_screen/__init__.py" line="21"/>
        <location filename="../../ui/sync_screen/sync_page.py" line="48"/>
        <source>Sync with the central server</source>
        <translation>Synkronisering med sentralen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="55"/>
        <source>Sync now (F5)</source>
        <translation>Synkroniser nå (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="59"/>
        <source>Back to sale (Esc)</source>
        <translation>Tilbake til salg (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="71"/>
        <source>CA file (only for a private certificate)</source>
        <translation>CA-fil (bare for et privat sertifikat)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="72"/>
        <source>Enrol this counter</source>
        <translation>Registrer denne kassen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="75"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="76"/>
        <source>One-time code</source>
        <translation>Engangskode</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="77"/>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="80"/>
        <source>Sync problems (the server flagged or refused):</source>
        <translation>Synkroniseringsproblemer (flagget eller avvist av sentralen):</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="84"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="84"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="84"/>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="84"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="91"/>
        <source>Dealt with: remove the chosen problems (Ctrl+Del)</source>
        <translation>Ordnet: fjern de valgte problemene (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="115"/>
        <source>Not enrolled: sales stay on this counter until a manager enrols it.</source>
        <translation>Ikke registrert: salgene blir liggende på denne kassen til en leder registrerer den.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="118"/>
        <source>Server %1 · %2 · %3 not yet synced · last contact %4</source>
        <translation>Server %1 · %2 · %3 ikke synkronisert · siste kontakt %4</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="120"/>
        <source>online</source>
        <translation>tilkoblet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="120"/>
        <source>offline</source>
        <translation>frakoblet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="163"/>
        <source>Choose the problems you have dealt with first.</source>
        <translation>Velg først problemene du har ordnet.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="174"/>
        <source>Events the server holds stay until its operator releases them.</source>
        <translation>Hendelser serveren holder tilbake, blir stående til operatøren slipper dem.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_screen/sync_page.py" line="182"/>
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minutt</numerusform>
            <numerusform>%n minutter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_screen/sync_page.py" line="184"/>
        <source>%n hours</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n timer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_screen/sync_page.py" line="186"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n døgn</numerusform>
            <numerusform>%n døgn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="188"/>
        <source>This counter&apos;s clock is %1 behind the server&apos;s: set the PC&apos;s time.</source>
        <translation>Klokka på kassen går %1 etter serverens: still klokka på PC-en.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="190"/>
        <source>This counter&apos;s clock is %1 ahead of the server&apos;s: set the PC&apos;s time.</source>
        <translation>Klokka på kassen går %1 foran serverens: still klokka på PC-en.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="271"/>
        <source>Enrolled as %1</source>
        <translation>Registrert som %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="274"/>
        <source>Start the program again to sell as register %1.</source>
        <translation>Start programmet på nytt for å selge som kasse %1.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="299"/>
        <source>These tenants wait for the server operator&apos;s approval: %1. Their sales are held on the server until then.</source>
        <translation>Disse leietakerne venter på godkjenning fra den som drifter serveren: %1. Salget deres holdes på serveren til da.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="308"/>
        <source>another counter of this centre is already the register this counter has sold as (a counter of another centre, or one restored from another counter&apos;s backup?). Nothing was stored. Re-enrol a restored counter with the code made for its own device (omigjen-server admin enrolment-code --device ID)</source>
        <translation>en annen kasse i dette senteret er allerede kassen denne kassen har solgt som (en kasse fra et annet senter, eller en som er gjenopprettet fra en annen kasses sikkerhetskopi?). Ingenting ble lagret. Registrer en gjenopprettet kasse på nytt med koden laget for dens egen enhet (omigjen-server admin enrolment-code --device ID)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="315"/>
        <source>this counter is set up as another centre, with tenants the site does not have, and the site has its centre from another counter already. Nothing was stored. Enrol the counter with a code of its own centre&apos;s site; a new counter of this centre starts from an empty data directory</source>
        <translation>denne kassen er satt opp som et annet senter, med leietakere stedet ikke har, og stedet har allerede sitt senter fra en annen kasse. Ingenting ble lagret. Registrer kassen med en kode for sitt eget senters sted; en ny kasse i dette senteret starter med en tom datamappe</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="321"/>
        <source>the code is unknown, used or expired: ask for a new one</source>
        <translation>koden er ukjent, brukt eller utløpt: be om en ny</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="327"/>
        <source>This counter is register %1 with label block %2: its receipt numbers and labels never collide with those of the centre&apos;s other counters. The centre&apos;s tenants, staff, article groups and items come with the next sync.</source>
        <translation>Denne kassen er kasse %1 med etikettserie %2: kvitteringsnumrene og etikettene dens kolliderer aldri med dem til senterets andre kasser. Senterets leietakere, ansatte, varegrupper og varer kommer med neste synkronisering.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="199"/>
        <location filename="../../ui/sync_screen/sync_page.py" line="262"/>
        <source>Working…</source>
        <translation>Arbeider …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_screen/sync_page.py" line="172"/>
        <source>%n problems removed from the list.</source>
        <translation>
            <numerusform>%n problem fjernet fra listen.</numerusform>
            <numerusform>%n problemer fjernet fra listen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="219"/>
        <source>Sent to the server: %1 · already there: %2 · stored with a mark: %3 · held on the server: %4 · fetched from the server: %5</source>
        <translation>Sendt til sentralen: %1 · fantes der allerede: %2 · lagret med merknad: %3 · holdt tilbake på sentralen: %4 · hentet fra sentralen: %5</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="230"/>
        <source>Held on the server earlier and stored there since: %1 (no longer problems)</source>
        <translation>Holdt tilbake på sentralen tidligere og lagret der siden: %1 (ikke lenger problemer)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="233"/>
        <source>Not usable on this counter: %1</source>
        <translation>Kan ikke brukes på denne kassen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="237"/>
        <source>Everything is synced.</source>
        <translation>Alt er synkronisert.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="241"/>
        <source>Still waiting to be sent: %1</source>
        <translation>Venter fortsatt på å bli sendt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="279"/>
        <source>The first sync failed: %1 (it is tried again)</source>
        <translation>Den første synkroniseringen mislyktes: %1 (prøves igjen)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="291"/>
        <source>This counter&apos;s tenants: %1 registered for the site, %2 already there.</source>
        <translation>Kassens leietakere: %1 registrert for senteret, %2 fantes der allerede.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="345"/>
        <source>Sync failed: %1 (everything stays queued)</source>
        <translation>Synkronisering feilet: %1 (alt ligger trygt i køen)</translation>
    </message>
</context>
</TS>
