<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../../ui/sync_screen/sync_page.py" line="172"/>
        <source>%n problems removed from the list.</source>
        <translation>
            <numerusform>%n problem removed from the list.</numerusform>
            <numerusform>%n problems removed from the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_screen/sync_page.py" line="182"/>
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_screen/sync_page.py" line="184"/>
        <source>%n hours</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_screen/sync_page.py" line="186"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
</TS>
