<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>DayEndPage</name>
    <message>
        <location filename="../../ui/day_end/__init__.py" line="23"/>
        <location filename="../../ui/day_end/day_end_page.py" line="44"/>
        <source>Day end and reports</source>
        <translation>Dagsoppgjør og rapporter</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="51"/>
        <location filename="../../ui/day_end/day_end_page.py" line="114"/>
        <source>X report</source>
        <translation>X-rapport</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="52"/>
        <source>Z reports (all tenants)</source>
        <translation>Z-rapporter (alle leietakere)</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="53"/>
        <source>Count and close the till</source>
        <translation>Tell opp og steng kassen</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="54"/>
        <source>Day-end PDF</source>
        <translation>Dagsoppgjør som PDF</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="55"/>
        <source>Back to sale</source>
        <translation>Tilbake til salg</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="127"/>
        <source>Z reports</source>
        <translation>Z-rapporter</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="124"/>
        <source>Take today&apos;s Z report for every tenant with sales? This cannot be undone.</source>
        <translation>Ta dagens Z-rapport for alle leietakere med salg? Det kan ikke angres.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="64"/>
        <source>Days with use and no Z report (oldest first)</source>
        <translation>Dager med bruk og uten Z-rapport (eldste først)</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="99"/>
        <source>missing</source>
        <translation>mangler</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="99"/>
        <source>today, still open</source>
        <translation>i dag, fortsatt åpen</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="120"/>
        <source>Take the Z report of %1 for every tenant with use that day? It cannot be undone.</source>
        <translation>Ta Z-rapporten for %1 for alle leietakere med bruk den dagen? Det kan ikke angres.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="131"/>
        <source>Z report</source>
        <translation>Z-rapport</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="145"/>
        <source>Working…</source>
        <translation>Arbeider …</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="162"/>
        <source>No tenant has use since its last Z report.</source>
        <translation>Ingen leietaker har bruk siden sin forrige Z-rapport.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="166"/>
        <source>%1 reports printed and saved in %2</source>
        <translation>%1 rapporter skrevet ut og lagret i %2</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="174"/>
        <source>Backup after the Z: %1</source>
        <translation>Sikkerhetskopi etter Z: %1</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="193"/>
        <source>The till is closed.</source>
        <translation>Kassen er stengt.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="198"/>
        <source>Take the X or Z reports first.</source>
        <translation>Ta X- eller Z-rapportene først.</translation>
    </message>
    <message>
        <location filename="../../ui/day_end/day_end_page.py" line="213"/>
        <source>Saved %1</source>
        <translation>Lagret %1</translation>
    </message>
</context>
</TS>
