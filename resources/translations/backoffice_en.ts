<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ImportPage</name>
    <message numerus="yes">
        <location filename="../../ui/backoffice/import_page.py" line="144"/>
        <source>%n rows ready</source>
        <translation>
            <numerusform>%n row ready</numerusform>
            <numerusform>%n rows ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/import_page.py" line="182"/>
        <source>%n items imported.</source>
        <translation>
            <numerusform>%n item imported.</numerusform>
            <numerusform>%n items imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemEntryPage</name>
    <message numerus="yes">
        <location filename="../../ui/backoffice/item_entry_page.py" line="205"/>
        <source>Label sheet with %n labels saved as %1 (Ctrl+Shift+O opens it).</source>
        <translation>
            <numerusform>Label sheet with %n label saved as %1 (Ctrl+Shift+O opens it).</numerusform>
            <numerusform>Label sheet with %n labels saved as %1 (Ctrl+Shift+O opens it).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message numerus="yes">
        <location filename="../../ui/backoffice/items_page.py" line="236"/>
        <source>%n price tags sent to the printer.</source>
        <translation>
            <numerusform>%n price tag sent to the printer.</numerusform>
            <numerusform>%n price tags sent to the printer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/backoffice/items_page.py" line="243"/>
        <source>%n labels saved as %1.</source>
        <translation>
            <numerusform>%n label saved as %1.</numerusform>
            <numerusform>%n labels saved as %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
