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
        <location filename="../../ui/sync_screen/sync_page.py" line="181"/>
        <source>This counter&apos;s clock is %n minutes behind the server&apos;s: set the PC&apos;s time.</source>
        <translation>
            <numerusform>This counter&apos;s clock is %n minute behind the server&apos;s: set the PC&apos;s time.</numerusform>
            <numerusform>This counter&apos;s clock is %n minutes behind the server&apos;s: set the PC&apos;s time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_screen/sync_page.py" line="186"/>
        <source>This counter&apos;s clock is %n minutes ahead of the server&apos;s: set the PC&apos;s time.</source>
        <translation>
            <numerusform>This counter&apos;s clock is %n minute ahead of the server&apos;s: set the PC&apos;s time.</numerusform>
            <numerusform>This counter&apos;s clock is %n minutes ahead of the server&apos;s: set the PC&apos;s time.</numerusform>
        </translation>
    </message>
</context>
</TS>
