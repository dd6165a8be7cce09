<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>BackOffice</name>
    <message>
        <location filename="../../ui/backoffice/__init__.py" line="65"/>
        <source>Register items</source>
        <translation>Registrer varer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/__init__.py" line="69"/>
        <source>Items and prices</source>
        <translation>Varer og priser</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/__init__.py" line="75"/>
        <source>Import items (CSV)</source>
        <translation>Importer varer (CSV)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/__init__.py" line="80"/>
        <source>Tenants</source>
        <translation>Leietakere</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/__init__.py" line="84"/>
        <source>Tenant settlements</source>
        <translation>Leietakeroppgjør</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/__init__.py" line="89"/>
        <source>Staff</source>
        <translation>Ansatte</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/__init__.py" line="93"/>
        <source>Register and printers</source>
        <translation>Kasse og skrivere</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/__init__.py" line="98"/>
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/page_parts.py" line="19"/>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="25"/>
        <source>Backups</source>
        <translation>Sikkerhetskopier</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="28"/>
        <source>e.g. /media/usb/omigjen or a network folder</source>
        <translation>f.eks. /media/usb/omigjen eller en nettverksmappe</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="30"/>
        <source>Choose folder…</source>
        <translation>Velg mappe…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="32"/>
        <source>Save backup place</source>
        <translation>Lagre sted for kopier</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="34"/>
        <source>Back up now</source>
        <translation>Ta sikkerhetskopi nå</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="44"/>
        <source>Second place</source>
        <translation>Andre sted</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="52"/>
        <source>Second place for backups</source>
        <translation>Andre sted for sikkerhetskopier</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="66"/>
        <source>Every backup is also copied to %1.</source>
        <translation>Hver sikkerhetskopi kopieres også til %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="68"/>
        <source>Backups are kept in the data directory only.</source>
        <translation>Sikkerhetskopiene lagres bare i datamappen.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="74"/>
        <source>No data directory in this window.</source>
        <translation>Ingen datamappe i dette vinduet.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="77"/>
        <source>Backing up…</source>
        <translation>Tar sikkerhetskopi…</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="82"/>
        <source>Backup saved: %1</source>
        <translation>Sikkerhetskopi lagret: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="84"/>
        <source>Copied to %1</source>
        <translation>Kopiert til %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/backup_box.py" line="86"/>
        <source>Not copied to the second place: %1</source>
        <translation>Ikke kopiert til det andre stedet: %1</translation>
    </message>
</context>
<context>
    <name>CategoryTable</name>
    <message>
        <location filename="../../ui/backoffice/category_table.py" line="27"/>
        <source>Category in the file</source>
        <translation>Kategori i filen</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/category_table.py" line="27"/>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/category_table.py" line="27"/>
        <source>Article group</source>
        <translation>Varegruppe</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/category_table.py" line="41"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/category_table.py" line="57"/>
        <source>Choose a group…</source>
        <translation>Velg en varegruppe …</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="48"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="50"/>
        <source>Maximised</source>
        <translation>Maksimert</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="52"/>
        <source>Full screen (covers the desktop)</source>
        <translation>Fullskjerm (dekker skrivebordet)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="56"/>
        <location filename="../../ui/backoffice/devices_page.py" line="63"/>
        <source>Register</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="57"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="58"/>
        <source>Label block (1–99)</source>
        <translation>Etikettserie (1–99)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="59"/>
        <source>Counter window</source>
        <translation>Kassevindu</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="60"/>
        <source>Save register</source>
        <translation>Lagre kasse</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="70"/>
        <source>Receipt printer</source>
        <translation>Kvitteringsskriver</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="71"/>
        <source>Tag printer</source>
        <translation>Etikettskriver</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="76"/>
        <source>Save printers</source>
        <translation>Lagre skrivere</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="81"/>
        <location filename="../../ui/backoffice/devices_page.py" line="226"/>
        <location filename="../../ui/backoffice/devices_page.py" line="238"/>
        <source>Rotate signing key</source>
        <translation>Bytt signeringsnøkkel</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="87"/>
        <source>Signing key</source>
        <translation>Signeringsnøkkel</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="105"/>
        <source>Register and printers</source>
        <translation>Kasse og skrivere</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="116"/>
        <source>80 mm (48 columns)</source>
        <translation>80 mm (48 tegn)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="117"/>
        <source>58 mm (32 columns)</source>
        <translation>58 mm (32 tegn)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="120"/>
        <source>Test print</source>
        <translation>Testutskrift</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="123"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="124"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="125"/>
        <source>Paper</source>
        <translation>Papir</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="166"/>
        <source>Register saved.</source>
        <translation>Kassen er lagret.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="185"/>
        <source>Printers saved; they are used from the next start.</source>
        <translation>Skriverne er lagret; de brukes fra neste oppstart.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="189"/>
        <source>Printing is not running in this window.</source>
        <translation>Utskrift er ikke i gang i dette vinduet.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="196"/>
        <source>Test page queued (job %1).</source>
        <translation>Testsiden er lagt i køen (jobb %1).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="208"/>
        <source>The signing keys are not available in this window.</source>
        <translation>Signeringsnøklene er ikke tilgjengelige i dette vinduet.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="211"/>
        <source>Receipts are signed with key version %1.</source>
        <translation>Kvitteringer signeres med nøkkelversjon %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="214"/>
        <source>Public key SHA-256: %1</source>
        <translation>Offentlig nøkkel, SHA-256: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="227"/>
        <source>Make a new signing key for this counter?</source>
        <translation>Lage en ny signeringsnøkkel for denne kassen?</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="230"/>
        <source>• New receipts are signed with the new key (version %1).
• Receipts signed before stay verifiable: the old key is kept.
• The public key is sent to the central server at the next sync.
• The product declaration and the system description may need the new public key (the command export-public-key prints it).
The change is recorded in the journal.</source>
        <translation>• Nye kvitteringer signeres med den nye nøkkelen (versjon %1).
• Kvitteringer som er signert før, kan fortsatt verifiseres: den gamle nøkkelen beholdes.
• Den offentlige nøkkelen sendes til sentralen ved neste synkronisering.
• Produkterklæringen og systembeskrivelsen kan trenge den nye offentlige nøkkelen (kommandoen export-public-key skriver den ut).
Byttet føres i journalen.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="239"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="252"/>
        <source>The signing key was not changed.</source>
        <translation>Signeringsnøkkelen ble ikke endret.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="267"/>
        <source>New signing key: version %1 (was %2). It is sent to the server at the next sync.</source>
        <translation>Ny signeringsnøkkel: versjon %1 (var %2). Den sendes til sentralen ved neste synkronisering.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/devices_page.py" line="271"/>
        <source>Receipts are signed with it from the next start.</source>
        <translation>Kvitteringer signeres med den fra neste oppstart.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="46"/>
        <source>CSV file (; or , separated, UTF-8 or Windows)</source>
        <translation>CSV-fil (skilt med ; eller , – UTF-8 eller Windows)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="49"/>
        <source>Choose file…</source>
        <translation>Velg fil …</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="51"/>
        <source>Preview</source>
        <translation>Forhåndsvis</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="70"/>
        <source>Import only the good rows</source>
        <translation>Importer bare de gode radene</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="72"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="81"/>
        <source>Import items (CSV)</source>
        <translation>Importer varer (CSV)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="99"/>
        <source>Items file</source>
        <translation>Varefil</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="99"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-filer (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="109"/>
        <source>Reading %1 …</source>
        <translation>Leser %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="143"/>
        <source>%1, %2 with errors (%3, %4).</source>
        <translation>%1, %2 med feil (%3, %4).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/import_page.py" line="144"/>
        <source>%n rows ready</source>
        <translation>
            <numerusform>%n rad klar</numerusform>
            <numerusform>%n rader klare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/import_page.py" line="182"/>
        <source>%n items imported.</source>
        <translation>
            <numerusform>%n vare importert.</numerusform>
            <numerusform>%n varer importert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="154"/>
        <source>Nothing is imported yet. First problem: %1</source>
        <translation>Ingenting er importert ennå. Første feil: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="161"/>
        <source>Not in the catalogue: %1. Their rows go to the article group shown below; choose another if it fits better. Ctrl+I imports.</source>
        <translation>Finnes ikke i varekatalogen: %1. Radene deres går til varegruppen som vises under; velg en annen hvis den passer bedre. Ctrl+I importerer.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_page.py" line="166"/>
        <source>The file is clean. Ctrl+I imports it.</source>
        <translation>Filen er feilfri. Ctrl+I importerer den.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../ui/backoffice/import_model.py" line="22"/>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_model.py" line="23"/>
        <source>Item or error</source>
        <translation>Vare eller feil</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_model.py" line="24"/>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_model.py" line="25"/>
        <source>VAT</source>
        <translation>MVA</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_model.py" line="26"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_model.py" line="27"/>
        <source>Condition</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/import_model.py" line="28"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
</context>
<context>
    <name>ItemEntryPage</name>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="55"/>
        <source>optional, for the margin scheme</source>
        <translation>valgfritt, for brukthandelsordningen</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="56"/>
        <source>Batch: collect for an A4 label sheet (Ctrl+B)</source>
        <translation>Bunke: samle til et A4-etikettark (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="62"/>
        <source>Tenant</source>
        <translation>Leietaker</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="63"/>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="64"/>
        <source>Article group</source>
        <translation>Varegruppe</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="65"/>
        <source>Condition</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="66"/>
        <source>Price (kr)</source>
        <translation>Pris (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="67"/>
        <source>VAT</source>
        <translation>MVA</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="68"/>
        <source>Purchase price (kr)</source>
        <translation>Innkjøpspris (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="70"/>
        <source>Register and print tag</source>
        <translation>Registrer og skriv prislapp</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="72"/>
        <source>Label sheet PDF</source>
        <translation>Etikettark (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="74"/>
        <source>Open PDF</source>
        <translation>Åpne PDF</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="92"/>
        <source>Register items</source>
        <translation>Registrer varer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="142"/>
        <source>Write what the item is.</source>
        <translation>Skriv hva varen er.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="171"/>
        <source>%1 registered; %2 in the batch.</source>
        <translation>%1 registrert; %2 i bunken.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="175"/>
        <source>%1 registered; price tag sent to the printer.</source>
        <translation>%1 registrert; prislappen er sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="177"/>
        <source>%1 registered. No tag printer is set up for this register.</source>
        <translation>%1 registrert. Kassen har ingen etikettskriver.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/item_entry_page.py" line="186"/>
        <source>The batch is empty.</source>
        <translation>Bunken er tom.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/item_entry_page.py" line="205"/>
        <source>Label sheet with %n labels saved as %1 (Ctrl+Shift+O opens it).</source>
        <translation>
            <numerusform>Etikettark med %n etikett lagret som %1 (Ctrl+Shift+O åpner det).</numerusform>
            <numerusform>Etikettark med %n etiketter lagret som %1 (Ctrl+Shift+O åpner det).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="21"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="22"/>
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="23"/>
        <source>Condition</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="24"/>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="25"/>
        <source>In stock</source>
        <translation>På lager</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="26"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="27"/>
        <source>Label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="32"/>
        <source>for sale</source>
        <translation>til salgs</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="33"/>
        <source>sold</source>
        <translation>solgt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="34"/>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_model.py" line="36"/>
        <source>reprint</source>
        <translation>skriv ut på nytt</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="49"/>
        <source>Words of the description or the code</source>
        <translation>Ord fra beskrivelsen eller koden</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="50"/>
        <source>Only labels to reprint</source>
        <translation>Bare etiketter som må skrives ut på nytt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="51"/>
        <source>Include sold</source>
        <translation>Ta med solgte</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="68"/>
        <source>New price (kr)</source>
        <translation>Ny pris (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="71"/>
        <source>Counted</source>
        <translation>Talt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="75"/>
        <source>New price</source>
        <translation>Ny pris</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="78"/>
        <source>Change price</source>
        <translation>Endre pris</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="80"/>
        <source>Set stock</source>
        <translation>Sett antall</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="81"/>
        <source>Print tag</source>
        <translation>Skriv prislapp</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="82"/>
        <source>Reprint flagged labels</source>
        <translation>Skriv merkede etiketter på nytt</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="85"/>
        <source>In stock</source>
        <translation>På lager</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="93"/>
        <source>Items and prices</source>
        <translation>Varer og priser</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="168"/>
        <location filename="../../ui/backoffice/items_page.py" line="191"/>
        <source>Choose an item first.</source>
        <translation>Velg en vare først.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="182"/>
        <source>New price for %1; its label is marked for reprint.</source>
        <translation>Ny pris for %1; etiketten er merket for ny utskrift.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="196"/>
        <source>Type the number counted on the shelf (0 or more).</source>
        <translation>Skriv antallet du talte i hylla (0 eller mer).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="208"/>
        <source>%1 in stock: %2.</source>
        <translation>%1 på lager: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="214"/>
        <source>Choose an item with a code first.</source>
        <translation>Velg en vare med kode først.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/items_page.py" line="225"/>
        <source>No labels to reprint for this tenant.</source>
        <translation>Ingen etiketter å skrive ut på nytt for denne leietakeren.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/items_page.py" line="236"/>
        <source>%n price tags sent to the printer.</source>
        <translation>
            <numerusform>%n prislapp sendt til skriveren.</numerusform>
            <numerusform>%n prislapper sendt til skriveren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/items_page.py" line="243"/>
        <source>%n labels saved as %1.</source>
        <translation>
            <numerusform>%n etikett lagret som %1.</numerusform>
            <numerusform>%n etiketter lagret som %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="64"/>
        <source>Longest pause between keys</source>
        <translation>Lengste pause mellom tegn</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="65"/>
        <source>Shortest code</source>
        <translation>Korteste kode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="66"/>
        <source>Prefix the scanner sends</source>
        <translation>Prefiks skanneren sender</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="67"/>
        <source>Serial scanner port</source>
        <translation>Port for seriell skanner</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="68"/>
        <source>Baud rate</source>
        <translation>Baudrate</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="69"/>
        <source>Volume of the refused-scan sound</source>
        <translation>Lydstyrke for avvist skanning</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="72"/>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="73"/>
        <source>Test scan</source>
        <translation>Testskann</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="74"/>
        <source>Test serial scanner</source>
        <translation>Test seriell skanner</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="75"/>
        <source>Test sound</source>
        <translation>Prøv lyden</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="85"/>
        <source>Scanner</source>
        <translation>Skanner</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="124"/>
        <source>Scanner settings saved: the volume now, the rest from the next start.</source>
        <translation>Skannerinnstillingene er lagret: lydstyrken gjelder nå, resten fra neste oppstart.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="136"/>
        <source>Scan a code now…</source>
        <translation>Skann en kode nå …</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="140"/>
        <source>Press Test scan (F5) first.</source>
        <translation>Trykk Testskann (F5) først.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="154"/>
        <source>Write the serial port first.</source>
        <translation>Skriv inn serieporten først.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="157"/>
        <source>Scan a code on the serial scanner now (10 s)…</source>
        <translation>Skann en kode med den serielle skanneren nå (10 s) …</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="166"/>
        <source>Code: %1</source>
        <translation>Kode: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="167"/>
        <source>Symbology: %1 (%2)</source>
        <translation>Symbologi: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="172"/>
        <source>AIM id: %1</source>
        <translation>AIM-id: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="175"/>
        <source>Check digit: right</source>
        <translation>Kontrollsiffer: riktig</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="177"/>
        <source>Check digit: WRONG</source>
        <translation>Kontrollsiffer: FEIL</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="180"/>
        <source>byte  hex  character      pause</source>
        <translation>byte  hex  tegn           pause</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="191"/>
        <source>Some pauses are longer than the setting: raise it.</source>
        <translation>Noen pauser er lengre enn innstillingen: øk den.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/scanner_page.py" line="195"/>
        <source>Scan read: %1.</source>
        <translation>Skanning lest: %1.</translation>
    </message>
</context>
<context>
    <name>SettlementsPage</name>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="58"/>
        <source>Settlement</source>
        <translation>Oppgjør</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="58"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="58"/>
        <source>Corrects</source>
        <translation>Korrigerer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="58"/>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="59"/>
        <source>Made</source>
        <translation>Laget</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="59"/>
        <source>Registers</source>
        <translation>Kasser</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="70"/>
        <source>Why the correction (printed and journaled)</source>
        <translation>Hvorfor korreksjonen (skrives ut og logges)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="72"/>
        <source>Extra amount in kroner, e.g. -250 (optional)</source>
        <translation>Tilleggsbeløp i kroner, f.eks. -250 (valgfritt)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="74"/>
        <source>The company that runs the centre</source>
        <translation>Firmaet som driver senteret</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="76"/>
        <source>9 digits</source>
        <translation>9 siffer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="78"/>
        <source>The centre&apos;s account, e.g. 9710.05.12347</source>
        <translation>Senterets konto, f.eks. 9710.05.12347</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="82"/>
        <source>Tenant</source>
        <translation>Leietaker</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="83"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="84"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="85"/>
        <source>Reason</source>
        <translation>Grunn</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="86"/>
        <source>Adjustment</source>
        <translation>Justering</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="87"/>
        <source>The centre&apos;s company (pays the tenants)</source>
        <translation>Senterets firma (betaler leietakerne)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="88"/>
        <source>Its org.no.</source>
        <translation>Firmaets org.nr.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="89"/>
        <source>Centre&apos;s account (payment files)</source>
        <translation>Senterets konto (betalingsfiler)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="92"/>
        <source>Settle the period</source>
        <translation>Gjør opp perioden</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="93"/>
        <source>Correct the selected</source>
        <translation>Korriger valgt oppgjør</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="94"/>
        <source>Save the centre&apos;s company</source>
        <translation>Lagre senterets firma</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="122"/>
        <source>This counter is on the central server: it syncs, and the server settles the tenant over every register of the centre.</source>
        <translation>Kassen er koblet til den sentrale serveren: den synkroniserer, og serveren gjør opp leietakeren for alle kassene i senteret.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="190"/>
        <source>The centre&apos;s company is saved.</source>
        <translation>Senterets firma er lagret.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="101"/>
        <source>Tenant settlements</source>
        <translation>Leietakeroppgjør</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="156"/>
        <source>Choose the settlement to correct.</source>
        <translation>Velg oppgjøret som skal korrigeres.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="199"/>
        <source>Working…</source>
        <translation>Arbeider …</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/settlements_page.py" line="222"/>
        <source>%1 made: net %2. Files in %3.</source>
        <translation>%1 er laget: netto %2. Filene ligger i %3.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="49"/>
        <source>Cashier</source>
        <translation>Kasserer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="50"/>
        <source>Technician</source>
        <translation>Tekniker</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="51"/>
        <source>Manager</source>
        <translation>Leder</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="55"/>
        <location filename="../../ui/backoffice/staff_page.py" line="74"/>
        <source>Staff no.</source>
        <translation>Ansattnr.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="55"/>
        <location filename="../../ui/backoffice/staff_page.py" line="75"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="55"/>
        <location filename="../../ui/backoffice/staff_page.py" line="76"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="55"/>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="71"/>
        <source>Typed by the staff member; never shown</source>
        <translation>Tastes av den ansatte; vises aldri</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="77"/>
        <source>New PIN</source>
        <translation>Ny PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="79"/>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="80"/>
        <source>Set PIN</source>
        <translation>Sett PIN</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="81"/>
        <source>Save role</source>
        <translation>Lagre rolle</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="82"/>
        <source>Unlock</source>
        <translation>Lås opp</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="83"/>
        <source>Deactivate / activate</source>
        <translation>Deaktiver / aktiver</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="84"/>
        <location filename="../../ui/backoffice/staff_page.py" line="179"/>
        <location filename="../../ui/backoffice/staff_page.py" line="202"/>
        <source>New recovery code</source>
        <translation>Ny gjenopprettingskode</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="93"/>
        <source>Staff</source>
        <translation>Ansatte</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="107"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="107"/>
        <source>deactivated</source>
        <translation>deaktivert</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="110"/>
        <source>LOCKED until %1 (wrong PINs)</source>
        <translation>SPERRET til %1 (feil PIN)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="151"/>
        <source>Added %1.</source>
        <translation>%1 er lagt til.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="158"/>
        <source>New PIN set for %1.</source>
        <translation>Ny PIN satt for %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="165"/>
        <source>Role changed for %1.</source>
        <translation>Rollen er endret for %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="172"/>
        <source>%1 is unlocked.</source>
        <translation>%1 er låst opp.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="181"/>
        <source>Make a new recovery code? The old one stops working. The new code is shown once: have paper ready, and keep it away from the till.</source>
        <translation>Lage en ny gjenopprettingskode? Den gamle slutter å virke. Den nye koden vises bare én gang: ha papir klart, og oppbevar den borte fra kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="203"/>
        <source>Recovery code (shown only now):

%1</source>
        <translation>Gjenopprettingskode (vises bare nå):

%1</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="205"/>
        <source>A new recovery code was made; the old one no longer works.</source>
        <translation>En ny gjenopprettingskode er laget; den gamle virker ikke lenger.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="212"/>
        <source>%1 is active again.</source>
        <translation>%1 er aktiv igjen.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/staff_page.py" line="212"/>
        <source>%1 is deactivated.</source>
        <translation>%1 er deaktivert.</translation>
    </message>
</context>
<context>
    <name>TenantsPage</name>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="53"/>
        <source>VAT-registered (MVA)</source>
        <translation>Mva-registrert (MVA)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="54"/>
        <source>Takes in repairs</source>
        <translation>Tar inn reparasjoner</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="63"/>
        <source>Hourly rate for repairs (kr)</source>
        <translation>Timepris for reparasjoner (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="64"/>
        <source>Labour typed as minutes is priced at this rate.</source>
        <translation>Arbeid ført i minutter prises etter denne timeprisen.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="70"/>
        <source>e.g. KLAER 10, BARN 12,5</source>
        <translation>f.eks. KLAER 10, BARN 12,5</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="80"/>
        <source>PNG file printed at the top of receipts</source>
        <translation>PNG-fil som skrives øverst på kvitteringer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="83"/>
        <source>Choose…</source>
        <translation>Velg …</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="89"/>
        <source>Code (2 digits)</source>
        <translation>Kode (to siffer)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="90"/>
        <source>Organisation number</source>
        <translation>Organisasjonsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="91"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="98"/>
        <source>Commission %</source>
        <translation>Provisjon %</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="99"/>
        <source>Commission per group</source>
        <translation>Provisjon per varegruppe</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="100"/>
        <source>Monthly rent (kr)</source>
        <translation>Månedsleie (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="101"/>
        <source>Bank account</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="102"/>
        <source>Receipt header</source>
        <translation>Kvitteringstopp</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="103"/>
        <source>Receipt footer</source>
        <translation>Kvitteringsbunn</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="104"/>
        <location filename="../../ui/backoffice/tenants_page.py" line="212"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="105"/>
        <source>New tenant</source>
        <translation>Ny leietaker</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="107"/>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="109"/>
        <location filename="../../ui/backoffice/tenants_page.py" line="178"/>
        <source>Deactivate</source>
        <translation>Deaktiver</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="123"/>
        <source>Tenants</source>
        <translation>Leietakere</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="136"/>
        <source>(inactive)</source>
        <translation>(inaktiv)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="178"/>
        <source>Reactivate</source>
        <translation>Aktiver igjen</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="199"/>
        <source>New tenant: fill in the form and save (Ctrl+S).</source>
        <translation>Ny leietaker: fyll ut skjemaet og lagre (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="206"/>
        <source>Work charged on «%1», group %2</source>
        <translation>Arbeidet belastes «%1», varegruppe %2</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="212"/>
        <source>Images (*.png *.bmp)</source>
        <translation>Bilder (*.png *.bmp)</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="279"/>
        <source>Saved %1.</source>
        <translation>%1 er lagret.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="296"/>
        <source>Reactivated.</source>
        <translation>Aktivert igjen.</translation>
    </message>
    <message>
        <location filename="../../ui/backoffice/tenants_page.py" line="296"/>
        <source>Deactivated; its history is kept.</source>
        <translation>Deaktivert; historikken er beholdt.</translation>
    </message>
</context>
</TS>
