<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>CloseTable</name>
    <message>
        <location filename="../../ui/day_end/close_table.py" line="17"/>
        <source>Cash per tenant</source>
        <translation>Kontanter per leietaker</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/close_table.py" line="27"/>
        <source>The drawer in all</source>
        <translation>Kassaskuffen i alt</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/close_table.py" line="33"/>
        <source>Card terminal</source>
        <translation>Bankterminal</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/close_table.py" line="33"/>
        <source>Vipps</source>
        <translation>Vipps</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/close_table.py" line="35"/>
        <source>(repair deposits %1 included)</source>
        <translation>(medregnet reparasjonsdepositum %1)</translation>
    </message>
</context>
<context>
    <name>DayCounts</name>
    <message>
        <location filename="../../ui/day_end/day_counts.py" line="20"/>
        <source>The day&apos;s counts</source>
        <translation>Dagens opptellinger</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_counts.py" line="34"/>
        <source>The day&apos;s variance</source>
        <translation>Dagens kassedifferanse</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_counts.py" line="38"/>
        <source>Shift change %1 (%2)</source>
        <translation>Vaktbytte %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_counts.py" line="38"/>
        <source>Close %1 (%2)</source>
        <translation>Kasseoppgjør %1 (%2)</translation>
    </message>
</context>
<context>
    <name>DayEndPage</name>
    <message>
        <location filename="../../ui/day_end/__init__.py" line="23"/>
        <location filename="../../ui/day_end/day_end_page.py" line="65"/>
        <source>Day end and reports</source>
        <translation>Dagsoppgjør og rapporter</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="72"/>
        <location filename="../../ui/day_end/day_end_page.py" line="163"/>
        <source>X report</source>
        <translation>X-rapport</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="73"/>
        <source>Z reports (all tenants)</source>
        <translation>Z-rapporter (alle leietakere)</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="74"/>
        <source>Count and close the till</source>
        <translation>Tell opp og steng kassen</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="75"/>
        <source>Day-end PDF</source>
        <translation>Dagsoppgjør som PDF</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="77"/>
        <source>Back to sale</source>
        <translation>Tilbake til salg</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="176"/>
        <source>Z reports</source>
        <translation>Z-rapporter</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="173"/>
        <source>Take today&apos;s Z report for every tenant with sales? This cannot be undone.</source>
        <translation>Ta dagens Z-rapport for alle leietakere med salg? Det kan ikke angres.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="76"/>
        <source>Print a Z again (copy)</source>
        <translation>Skriv ut en Z på nytt (kopi)</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="86"/>
        <source>Days with use and no Z report (oldest first)</source>
        <translation>Dager med bruk og uten Z-rapport (eldste først)</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="91"/>
        <source>Days with Z reports taken (newest first)</source>
        <translation>Dager med Z-rapport tatt (nyeste først)</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="141"/>
        <source>missing</source>
        <translation>mangler</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="141"/>
        <source>today, still open</source>
        <translation>i dag, fortsatt åpen</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="169"/>
        <source>Take the Z report of %1 for every tenant with use that day? It cannot be undone.</source>
        <translation>Ta Z-rapporten for %1 for alle leietakere med bruk den dagen? Det kan ikke angres.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="180"/>
        <source>Z report</source>
        <translation>Z-rapport</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="186"/>
        <source>No Z report has been taken on this register yet.</source>
        <translation>Ingen Z-rapport er tatt på denne kassen ennå.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="190"/>
        <location filename="../../ui/day_end/day_end_page.py" line="213"/>
        <source>Working…</source>
        <translation>Arbeider …</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="241"/>
        <source>No tenant has use since its last Z report.</source>
        <translation>Ingen leietaker har bruk siden sin forrige Z-rapport.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="290"/>
        <source>Backup after the Z: %1</source>
        <translation>Sikkerhetskopi etter Z: %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="259"/>
        <source>Journal anchor: %1</source>
        <translation>Journalanker: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/day_end/day_end_page.py" line="244"/>
        <source>%n reports saved in %1.</source>
        <translation>
            <numerusform>%n rapport lagret i %1.</numerusform>
            <numerusform>%n rapporter lagret i %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="277"/>
        <source>The printout did NOT print: %1. The PDF is saved; the printout waits in the print jobs (%2) to be printed later.</source>
        <translation>Utskriften ble IKKE skrevet ut: %1. PDF-en er lagret; utskriften venter i utskriftskøen (%2) og kan skrives ut senere.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="283"/>
        <source>No printer: nothing was printed.</source>
        <translation>Ingen skriver: ingenting er skrevet ut.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="285"/>
        <source>Printed.</source>
        <translation>Skrevet ut.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="287"/>
        <source>Sent to the printer.</source>
        <translation>Sendt til skriveren.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="306"/>
        <source>The till is closed: expected %1, counted %2, variance %3.</source>
        <translation>Kassen er stengt: forventet %1, talt %2, differanse %3.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="314"/>
        <source>With the shift changes the day&apos;s variance is %1.</source>
        <translation>Med vaktbyttene er dagens kassedifferanse %1.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="324"/>
        <source>Take the X or Z reports first.</source>
        <translation>Ta X- eller Z-rapportene først.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="339"/>
        <source>Saved %1</source>
        <translation>Lagret %1</translation>
    </message>
</context>
<context>
    <name>FiguresTable</name>
    <message>
        <location filename="../../ui/day_end/figures_table.py" line="35"/>
        <source>Expected</source>
        <translation>Forventet</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/figures_table.py" line="35"/>
        <source>Counted</source>
        <translation>Talt</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/figures_table.py" line="35"/>
        <source>Variance</source>
        <translation>Differanse</translation>
    </message>
</context>
</TS>
