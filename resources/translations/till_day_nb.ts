<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>CashDialog</name>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="46"/>
        <source>Cash out of the till</source>
        <translation>Penger ut av kassen</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="46"/>
        <source>Cash into the till</source>
        <translation>Penger inn i kassen</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="55"/>
        <source>Bank deposit</source>
        <translation>Bankinnskudd</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="55"/>
        <source>Purchase for the centre</source>
        <translation>Innkjøp til senteret</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="55"/>
        <source>Change to bank</source>
        <translation>Veksel til banken</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="57"/>
        <source>Change from the bank</source>
        <translation>Veksel fra banken</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="57"/>
        <source>Float topped up</source>
        <translation>Påfyll av vekselkasse</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="70"/>
        <source>Take out</source>
        <translation>Ta ut</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="70"/>
        <source>Put in</source>
        <translation>Legg inn</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="79"/>
        <source>Amount (kr)</source>
        <translation>Beløp (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/cash_dialog.py" line="80"/>
        <source>Reason</source>
        <translation>Grunn</translation>
    </message>
</context>
<context>
    <name>FloatDialog</name>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="44"/>
        <location filename="../../ui/till_day/float_dialog.py" line="69"/>
        <source>Open the till</source>
        <translation>Åpne kassen</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="48"/>
        <source>The till is closed. Count the float (the change in the drawer) and enter the amount, or count it by denomination. Enter opens the till.</source>
        <translation>Kassen er stengt. Tell vekselkassen (vekslepengene i skuffen) og skriv beløpet, eller tell den per valør. Enter åpner kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="57"/>
        <source>e.g. 1500</source>
        <translation>f.eks. 1500</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="70"/>
        <source>Not now</source>
        <translation>Ikke nå</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="76"/>
        <source>Float (kr)</source>
        <translation>Vekselkasse (kr)</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="85"/>
        <source>Or count by denomination (pieces):</source>
        <translation>Eller tell per valør (antall):</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="98"/>
        <source>Counted in the drawer at the last close (%1): %2</source>
        <translation>Talt i skuffen ved forrige stenging (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="100"/>
        <source>Float when the till was last opened: %1</source>
        <translation>Vekselkasse da kassen sist ble åpnet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="112"/>
        <source>Counted: %1</source>
        <translation>Talt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="144"/>
        <source>The till is open. Float %1.</source>
        <translation>Kassen er åpnet. Vekselkasse %1.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/float_dialog.py" line="147"/>
        <source>No receipt printer: open the drawer with its key.</source>
        <translation>Ingen kvitteringsskriver: åpne skuffen med nøkkel.</translation>
    </message>
</context>
<context>
    <name>TillDayFlow</name>
    <message>
        <location filename="../../ui/till_day/login_flow.py" line="61"/>
        <source>The till is closed: nothing can be sold. Open it with the float: F1 → Till.</source>
        <translation>Kassen er stengt: ingenting kan selges. Åpne den med vekselkassen: F1 → Kassen.</translation>
    </message>
</context>
<context>
    <name>TillPage</name>
    <message>
        <location filename="../../ui/till_day/__init__.py" line="22"/>
        <source>Till: float, cash in/out, shift change</source>
        <translation>Kassen: vekselkasse, inn/ut, vaktbytte</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="39"/>
        <source>The till</source>
        <translation>Kassen</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="51"/>
        <source>Open the till with a float</source>
        <translation>Åpne kassen med vekselkasse</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="52"/>
        <source>Cash in</source>
        <translation>Penger inn</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="53"/>
        <source>Cash out</source>
        <translation>Penger ut</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="54"/>
        <source>Shift change: count and hand over</source>
        <translation>Vaktbytte: tell opp og overlever</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="55"/>
        <source>Back to sale</source>
        <translation>Tilbake til salg</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="77"/>
        <source>Float %1; cash in %2, cash out %3.</source>
        <translation>Vekselkasse %1; inn %2, ut %3.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="83"/>
        <source>The day&apos;s close and Z reports: F1 → Day end.</source>
        <translation>Dagens opptelling og Z-rapporter: F1 → Dagsoppgjør.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="85"/>
        <source>The till is closed (since %1). Open it with the float (F2).</source>
        <translation>Kassen er stengt (siden %1). Åpne den med vekselkassen (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="88"/>
        <source>The till has never been opened. Open it with the float (F2).</source>
        <translation>Kassen har aldri vært åpnet. Åpne den med vekselkassen (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="98"/>
        <source>The till is open since %1, held by %2.</source>
        <translation>Kassen er åpen siden %1. %2 har kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="101"/>
        <source>The till is held by %3, handed over by %1 at %2.</source>
        <translation>%3 har kassen nå, overlevert av %1 %2.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="104"/>
        <source>The till was handed over by %1 at %2; nobody has taken it over yet.</source>
        <translation>Kassen ble overlevert av %1 %2; ingen har tatt den over ennå.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="107"/>
        <source>%1 opened the day at %2.</source>
        <translation>%1 åpnet dagen %2.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="135"/>
        <source>Cash out: %1 (%2).</source>
        <translation>Ut av kassen: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="135"/>
        <source>Cash in: %1 (%2).</source>
        <translation>Inn i kassen: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="139"/>
        <source>No receipt printer: the drawer did not open; the slip waits.</source>
        <translation>Ingen kvitteringsskriver: skuffen åpnet seg ikke, og slippen venter.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="142"/>
        <source>Drawer kick and slip sent to the printer.</source>
        <translation>Skuffeåpning og slipp er sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="154"/>
        <source>The slip did not print: %1. It waits in the print jobs (%2).</source>
        <translation>Slippen ble ikke skrevet ut: %1. Den venter i utskriftsjobbene (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/till_day/till_page.py" line="191"/>
        <source>Handed over: counted %1, expected %2, difference %3. The next person takes over %1.</source>
        <translation>Overlevert: talt %1, forventet %2, differanse %3. Neste på vakt overtar %1.</translation>
    </message>
</context>
</TS>
