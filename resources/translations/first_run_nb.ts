<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="rn_BI">
<context>
    <name>CentreStep</name>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="35"/>
        <source>e.g. Omigjen ombrukssenter</source>
        <translation>f.eks. Omigjen ombrukssenter</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="39"/>
        <source>Till 1</source>
        <translation>Kasse 1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="46"/>
        <source>e.g. Omigjen Asker AS</source>
        <translation>f.eks. Omigjen Asker AS</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="49"/>
        <source>org.no., 9 digits</source>
        <translation>org.nr., 9 siffer</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="52"/>
        <source>account, e.g. 1234.56.78903</source>
        <translation>konto, f.eks. 1234.56.78903</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="54"/>
        <source>Name of the centre</source>
        <translation>Senterets navn</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="55"/>
        <source>Register id</source>
        <translation>Kassens id</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="56"/>
        <source>Name of the register</source>
        <translation>Kassens navn</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="57"/>
        <source>Label block (1–99)</source>
        <translation>Etikettserie (1–99)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="58"/>
        <source>The centre&apos;s company</source>
        <translation>Senterets firma</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="62"/>
        <source>Its org.no. and account</source>
        <translation>Firmaets org.nr. og konto</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="64"/>
        <source>Join a centre on the central server instead…</source>
        <translation>Bli med i et senter på den sentrale serveren i stedet …</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="72"/>
        <source>This counter has no centre yet. Set it up here: the centre, this register, the first manager, the tenants, the article groups and the printer. Enter moves to the next field; Alt+Left goes back a step.</source>
        <translation>Denne kassen har ikke noe senter ennå. Sett det opp her: senteret, denne kassen, den første lederen, leietakerne, varegruppene og skriveren. Enter går til neste felt; Alt+Venstre går ett steg tilbake.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="83"/>
        <source>The register id is printed in every receipt number (e.g. 11-K1-000001); the label block starts the numbers of the labels this register prints. Give each counter of the centre its own. The centre&apos;s company pays the tenants their settlements (it can also be entered later in the back office).</source>
        <translation>Kassens id står i hvert kvitteringsnummer (f.eks. 11-K1-000001); etikettserien er starten på numrene til etikettene denne kassen skriver ut. Gi hver kasse i senteret sin egen. Senterets firma betaler leietakerne oppgjørene deres (det kan også legges inn senere i back office).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="96"/>
        <source>The centre and this register</source>
        <translation>Senteret og denne kassen</translation>
    </message>
</context>
<context>
    <name>DoneStep</name>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="109"/>
        <source>Print the recovery code</source>
        <translation>Skriv ut gjenopprettingskoden</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="124"/>
        <source>The centre is set up</source>
        <translation>Senteret er satt opp</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="137"/>
        <source>The centre is set up with %1 on register %2.</source>
        <translation>Senteret er satt opp med %1 på kasse %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/finish_steps.py" line="138"/>
        <source>%n tenants</source>
        <translation>
            <numerusform>%n leietaker</numerusform>
            <numerusform>%n leietakere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="141"/>
        <source>Next:</source>
        <translation>Videre:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="142"/>
        <source>1. Log in as manager %1 with the PIN you chose.</source>
        <translation>1. Logg inn som leder %1 med PIN-en du valgte.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="145"/>
        <source>2. Count the float and enter it: the till opens.</source>
        <translation>2. Tell vekselkassen og skriv beløpet: kassen åpnes.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="148"/>
        <source>3. In the back office (F1): add the staff, the tenants&apos; terms, register items with labels; a manager enrols the counter with the central server under F1 → Sync.</source>
        <translation>3. I back office (F1): legg inn de ansatte og leietakernes vilkår, registrer varer med etiketter; en leder kobler kassen til den sentrale serveren under F1 → Synkronisering.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="153"/>
        <source>Enter goes to the login.</source>
        <translation>Enter går til innloggingen.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="159"/>
        <source>The manager&apos;s recovery code, shown this once: write it down or print it (F6) and keep it safe, away from the counter. With it a manager gets a new PIN if no manager can log in.</source>
        <translation>Lederens gjenopprettingskode, vist bare denne ene gangen: skriv den ned eller skriv den ut (F6), og oppbevar den trygt, ikke ved kassen. Med den får en leder ny PIN hvis ingen leder kan logge inn.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="177"/>
        <source>Repairs are taken in (F1 → Repair intake) for %1; the work is charged at pickup on the item «Reparasjon – arbeid» (article group REP).</source>
        <translation>Reparasjoner tas inn (F1 → Reparasjonsinntak) for %1; arbeidet belastes ved henting på varen «Reparasjon – arbeid» (varegruppe REP).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="187"/>
        <source>Printing…</source>
        <translation>Skriver ut …</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="190"/>
        <source>Printed. Keep it away from the counter.</source>
        <translation>Skrevet ut. Oppbevar den et annet sted enn ved kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="192"/>
        <source>The printer did not take it: %1</source>
        <translation>Skriveren tok ikke imot: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="83"/>
        <source>Omigjen POS – first set-up</source>
        <translation>Omigjen POS – første oppsett</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="119"/>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="123"/>
        <location filename="../../ui/first_run/first_run_window.py" line="174"/>
        <location filename="../../ui/first_run/first_run_window.py" line="274"/>
        <source>Next</source>
        <translation>Neste</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="169"/>
        <location filename="../../ui/first_run/first_run_window.py" line="270"/>
        <source>Step %1 of %2</source>
        <translation>Steg %1 av %2</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="173"/>
        <source>Set up the centre</source>
        <translation>Sett opp senteret</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="173"/>
        <location filename="../../ui/first_run/first_run_window.py" line="273"/>
        <source>To the login</source>
        <translation>Til innlogging</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="174"/>
        <location filename="../../ui/first_run/first_run_window.py" line="274"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="229"/>
        <source>Setting up the centre…</source>
        <translation>Setter opp senteret …</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="262"/>
        <source>Join a centre on the central server</source>
        <translation>Bli med i et senter på den sentrale serveren</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="263"/>
        <source>This program was started without a way to reach a central server.</source>
        <translation>Programmet ble startet uten mulighet til å nå en sentral server.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="273"/>
        <source>Join</source>
        <translation>Bli med</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="300"/>
        <source>Fetching the centre from the server…</source>
        <translation>Henter senteret fra serveren …</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="305"/>
        <source>Joining the centre…</source>
        <translation>Blir med i senteret …</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="313"/>
        <source>The centre arrived from the server.</source>
        <translation>Senteret er hentet fra serveren.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="329"/>
        <source>Receipt printer: none yet (receipts wait in the queue until one is set under F1 → Register and printers).</source>
        <translation>Kvitteringsskriver: ingen ennå (kvitteringer venter i køen til en er satt under F1 → Kasse og skrivere).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/first_run_window.py" line="338"/>
        <source>Receipt printer: %1</source>
        <translation>Kvitteringsskriver: %1</translation>
    </message>
</context>
<context>
    <name>GroupsStep</name>
    <message>
        <location filename="../../ui/first_run/groups_step.py" line="40"/>
        <source>e.g. BOOKS</source>
        <translation>f.eks. BOKER</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/groups_step.py" line="48"/>
        <source>Own group: code</source>
        <translation>Egen gruppe: kode</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/groups_step.py" line="49"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/groups_step.py" line="50"/>
        <source>SAF-T code</source>
        <translation>SAF-T-kode</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/groups_step.py" line="55"/>
        <source>Ticked groups are set up. Space ticks or unticks the selected one. To add a group of your own, fill in the fields below and press Enter; with the fields empty, Enter goes on.</source>
        <translation>Avkryssede grupper blir satt opp. Mellomrom krysser av eller fjerner krysset på den valgte. For å legge til en egen gruppe, fyll inn feltene under og trykk Enter; med tomme felt går Enter videre.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/groups_step.py" line="73"/>
        <source>Article groups</source>
        <translation>Varegrupper</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/groups_step.py" line="97"/>
        <source>Added: %1 %2.</source>
        <translation>Lagt til: %1 %2.</translation>
    </message>
</context>
<context>
    <name>JoinStep</name>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="34"/>
        <source>only for a private certificate</source>
        <translation>bare for et privat sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="36"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="37"/>
        <source>One-time code</source>
        <translation>Engangskode</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="38"/>
        <source>Certificate (CA file)</source>
        <translation>Sertifikat (CA-fil)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="41"/>
        <source>This counter joins a centre that is on the central server: the server makes it the centre&apos;s next register (with its own receipt numbers and label block) and it fetches the centre&apos;s tenants, staff, article groups and items. Staff then log in with their own PINs. The one-time code comes from the server&apos;s operator (omigjen-server admin enrolment-code --site NAME). Enter joins; Alt+Left goes back to setting up a new centre.</source>
        <translation>Denne kassen blir med i et senter som er på den sentrale serveren: serveren gjør den til senterets neste kasse (med egne kvitteringsnumre og egen etikettserie), og den henter senterets leietakere, ansatte, varegrupper og varer. De ansatte logger så inn med sine egne PIN-koder. Engangskoden får du fra serverens driftsansvarlige (omigjen-server admin enrolment-code --site NAVN). Enter blir med; Alt+Venstre går tilbake til å sette opp et nytt senter.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="62"/>
        <source>Join a centre on the central server</source>
        <translation>Bli med i et senter på den sentrale serveren</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="84"/>
        <source>Use an https:// address: plain http:// to another machine would send the code and the counter&apos;s key unencrypted.</source>
        <translation>Bruk en https://-adresse: vanlig http:// til en annen maskin ville sende koden og kassens nøkkel ukryptert.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="89"/>
        <source>The server does not answer: check the address, the network and the certificate (%1).</source>
        <translation>Serveren svarer ikke: sjekk adressen, nettverket og sertifikatet (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="93"/>
        <source>The server refused: %1</source>
        <translation>Serveren avviste: %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="97"/>
        <source>The centre could not be fetched: %1</source>
        <translation>Senteret kunne ikke hentes: %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="103"/>
        <source>The code is unknown, used or expired: ask the server&apos;s operator for a new one.</source>
        <translation>Koden er ukjent, brukt eller utløpt: be serverens driftsansvarlige om en ny.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="107"/>
        <source>The server refused: another counter of the centre is this register already. Nothing was changed.</source>
        <translation>Serveren avviste: en annen kasse i senteret er allerede denne kassen. Ingenting ble endret.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="111"/>
        <source>Too many attempts: wait a minute and try again.</source>
        <translation>For mange forsøk: vent et minutt og prøv igjen.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="113"/>
        <source>This program is too old for the server: update it first.</source>
        <translation>Programmet er for gammelt for serveren: oppdater det først.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="123"/>
        <source>This counter is enrolled with the server as register %1. Enter fetches the centre again (no new code is needed).</source>
        <translation>Kassen er registrert hos serveren som kasse %1. Enter henter senteret på nytt (ingen ny kode trengs).</translation>
    </message>
</context>
<context>
    <name>JoinedStep</name>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="149"/>
        <source>This counter is part of the centre</source>
        <translation>Kassen er en del av senteret</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="156"/>
        <source>Centre: %1</source>
        <translation>Senter: %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="158"/>
        <source>Register %1 with label block %2: its receipt numbers and labels never collide with those of the centre&apos;s other counters.</source>
        <translation>Kasse %1 med etikettserie %2: kvitteringsnumrene og etikettene kolliderer aldri med senterets andre kassers.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="163"/>
        <source>From the server: %1, %2 (%3), %4, %5.</source>
        <translation>Fra serveren: %1, %2 (%3), %4, %5.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="164"/>
        <source>%n tenants</source>
        <translation>
            <numerusform>%n leietaker</numerusform>
            <numerusform>%n leietakere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="165"/>
        <source>%n staff</source>
        <translation>
            <numerusform>%n ansatt</numerusform>
            <numerusform>%n ansatte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="166"/>
        <source>%n managers</source>
        <translation>
            <numerusform>%n leder</numerusform>
            <numerusform>%n ledere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="167"/>
        <source>%n article groups</source>
        <translation>
            <numerusform>%n varegruppe</numerusform>
            <numerusform>%n varegrupper</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="168"/>
        <source>%n items</source>
        <translation>
            <numerusform>%n vare</numerusform>
            <numerusform>%n varer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/first_run/join_step.py" line="172"/>
        <source>Staff log in with their own PINs. Sales, repairs and items go to the server and reach the centre&apos;s other counters. Enter goes to the login.</source>
        <translation>De ansatte logger inn med sine egne PIN-koder. Salg, reparasjoner og varer går til serveren og når senterets andre kasser. Enter går til innloggingen.</translation>
    </message>
</context>
<context>
    <name>ManagerStep</name>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="153"/>
        <source>e.g. 9001</source>
        <translation>f.eks. 9001</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="164"/>
        <source>Staff number</source>
        <translation>Ansattnummer</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="165"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="166"/>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 siffer)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="167"/>
        <source>PIN again</source>
        <translation>PIN igjen</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="172"/>
        <source>The centre manager logs in with this staff number and PIN, opens the till, takes the Z reports and adds the other staff in the back office. The PIN is never shown or stored in clear.</source>
        <translation>Senterlederen logger inn med dette ansattnummeret og PIN-en, åpner kassen, tar Z-rapportene og legger inn de andre ansatte i back office. PIN-en vises aldri og lagres aldri i klartekst.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/centre_step.py" line="184"/>
        <source>The first manager</source>
        <translation>Den første lederen</translation>
    </message>
</context>
<context>
    <name>PrinterStep</name>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="35"/>
        <source>80 mm (48 columns)</source>
        <translation>80 mm (48 tegn)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="36"/>
        <source>58 mm (32 columns)</source>
        <translation>58 mm (32 tegn)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="37"/>
        <source>Test print</source>
        <translation>Testutskrift</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="44"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="45"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="46"/>
        <source>Paper</source>
        <translation>Papir</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="52"/>
        <source>The receipt printer of this register (the cash drawer is wired to it). F6 prints a test page. Leave the address empty if the printer is not there yet: receipts then wait in the queue until it is set in the back office (F1 → Register and printers).</source>
        <translation>Kvitteringsskriveren til denne kassen (kassaskuffen er koblet til den). F6 skriver ut en testside. La adressen stå tom hvis skriveren ikke er på plass ennå: kvitteringene venter da i køen til den settes i back office (F1 → Kasse og skrivere).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="66"/>
        <source>Receipt printer</source>
        <translation>Kvitteringsskriver</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="95"/>
        <source>Enter the printer&apos;s address first.</source>
        <translation>Skriv inn skriverens adresse først.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="97"/>
        <source>Printing a test page…</source>
        <translation>Skriver ut en testside …</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="103"/>
        <source>The test page was sent. Check that it came out with æøå and a barcode.</source>
        <translation>Testsiden er sendt. Sjekk at den kom ut med æøå og en strekkode.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="111"/>
        <source>it does not answer: is it on, connected, and is this its address?</source>
        <translation>den svarer ikke: er den på og tilkoblet, og er dette adressen dens?</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="112"/>
        <source>it stopped answering while printing.</source>
        <translation>den sluttet å svare under utskriften.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="113"/>
        <source>it is out of paper.</source>
        <translation>den er tom for papir.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="114"/>
        <source>an error.</source>
        <translation>en feil.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/printer_step.py" line="115"/>
        <source>The printer did not take the page: %1</source>
        <translation>Skriveren tok ikke imot siden: %1</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="35"/>
        <source>Nothing is saved yet. Read it through; Alt+Left goes back to change a step. Enter sets the centre up (recorded in the journal).</source>
        <translation>Ingenting er lagret ennå. Les gjennom; Alt+Venstre går tilbake for å endre et steg. Enter setter opp senteret (registreres i journalen).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="45"/>
        <source>Check and set up</source>
        <translation>Kontroller og sett opp</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="58"/>
        <source>Centre: %1</source>
        <translation>Senter: %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="59"/>
        <source>Register: %1 – %2, label block %3</source>
        <translation>Kasse: %1 – %2, etikettserie %3</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="63"/>
        <source>Manager: %1 %2</source>
        <translation>Leder: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="66"/>
        <source>Tenants:</source>
        <translation>Leietakere:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="69"/>
        <source>takes in repairs</source>
        <translation>tar inn reparasjoner</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="73"/>
        <source>Article groups: %1</source>
        <translation>Varegrupper: %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="76"/>
        <source>Receipt printer: %1</source>
        <translation>Kvitteringsskriver: %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="77"/>
        <source>none yet</source>
        <translation>ingen ennå</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="84"/>
        <source>The centre&apos;s company: not given (enter it in the back office)</source>
        <translation>Senterets firma: ikke oppgitt (legg det inn i back office)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/finish_steps.py" line="87"/>
        <source>The centre&apos;s company: %1, org.no. %2, account %3</source>
        <translation>Senterets firma: %1, org.nr. %2, konto %3</translation>
    </message>
</context>
<context>
    <name>TenantsStep</name>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="40"/>
        <source>VAT registered (MVA)</source>
        <translation>Registrert i Merverdiavgiftsregisteret (MVA)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="43"/>
        <source>Takes in repairs (a repair workshop)</source>
        <translation>Tar inn reparasjoner (et verksted)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="48"/>
        <source>Code (two digits)</source>
        <translation>Kode (to siffer)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="49"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="50"/>
        <source>Organisation number</source>
        <translation>Organisasjonsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="53"/>
        <source>Article group of its quick key</source>
        <translation>Varegruppe for hurtigtasten</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="58"/>
        <source>Each tenant sells in its own name: its own receipts, number series and Z reports. The next free code is offered: type the name, Enter, the organisation number, Enter adds the tenant (Shift+Tab reaches the code; Tab reaches VAT and repairs, which Space ticks, and the group first). A tenant that takes in repairs gets the item its repair work is charged on. With the name and number empty, Enter goes on. Ctrl+Delete removes the last tenant added.</source>
        <translation>Hver leietaker selger i eget navn: egne kvitteringer, nummerserier og Z-rapporter. Neste ledige kode er foreslått: skriv navnet, Enter, organisasjonsnummeret, og Enter legger til leietakeren (Shift+Tab når koden; Tab når først MVA og reparasjoner, som Mellomrom krysser av, og varegruppen). En leietaker som tar inn reparasjoner, får varen reparasjonsarbeidet belastes på. Med tomt navn og nummer går Enter videre. Ctrl+Delete fjerner den sist lagt til.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="75"/>
        <source>Tenants</source>
        <translation>Leietakere</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="131"/>
        <source>takes in repairs</source>
        <translation>tar inn reparasjoner</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/tenants_step.py" line="140"/>
        <source>Added: %1 %2. The next one, or Enter with no name to go on.</source>
        <translation>Lagt til: %1 %2. Neste, eller Enter uten navn for å gå videre.</translation>
    </message>
</context>
</TS>
