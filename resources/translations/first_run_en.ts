<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="rn_BI">
<context>
    <name>DoneStep</name>
    <message numerus="yes">
        <location filename="../../ui/first_run/finish_steps.py" line="138"/>
        <source>%n tenants</source>
        <translation>
            <numerusform>%n tenant</numerusform>
            <numerusform>%n tenants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinedStep</name>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="164"/>
        <source>%n tenants</source>
        <translation>
            <numerusform>%n tenant</numerusform>
            <numerusform>%n tenants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="165"/>
        <source>%n staff</source>
        <translation>
            <numerusform>%n staff member</numerusform>
            <numerusform>%n staff</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="166"/>
        <source>%n managers</source>
        <translation>
            <numerusform>%n manager</numerusform>
            <numerusform>%n managers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="167"/>
        <source>%n article groups</source>
        <translation>
            <numerusform>%n article group</numerusform>
            <numerusform>%n article groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run/join_step.py" line="168"/>
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
</TS>
