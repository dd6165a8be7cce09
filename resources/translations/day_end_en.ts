<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DayEndPage</name>
    <message numerus="yes">
        <location filename="../../ui/day_end/day_end_page.py" line="244"/>
        <source>%n reports saved in %1.</source>
        <translation>
            <numerusform>%n report saved in %1.</numerusform>
            <numerusform>%n reports saved in %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
