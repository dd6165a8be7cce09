<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <location filename="../../ui/restore_dialog.py" line="138"/>
        <source>%n signed receipts did not come back. The list with the reasons: %1.</source>
        <translation>
            <numerusform>%n signed receipt did not come back. The list with the reasons: %1.</numerusform>
            <numerusform>%n signed receipts did not come back. The list with the reasons: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/restore_dialog.py" line="171"/>
        <source>Restored. %n receipts brought back, %1 could not be.</source>
        <translation>
            <numerusform>Restored. %n receipt brought back, %1 could not be.</numerusform>
            <numerusform>Restored. %n receipts brought back, %1 could not be.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message numerus="yes">
        <location filename="../../ui/status_strip.py" line="158"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VoidQuestion</name>
    <message numerus="yes">
        <location filename="../../ui/void_question.py" line="21"/>
        <source>Void the whole basket: %n lines, %1?</source>
        <translation>
            <numerusform>Void the whole basket: %n line, %1?</numerusform>
            <numerusform>Void the whole basket: %n lines, %1?</numerusform>
        </translation>
    </message>
</context>
</TS>
