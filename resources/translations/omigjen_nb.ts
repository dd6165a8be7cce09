<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="22"/>
        <source>Omigjen POS – {register}</source>
        <translation>Omigjen POS – {register}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="30"/>
        <source>The till is open.</source>
        <translation>Kassen er åpen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="31"/>
        <source>The till is not open yet.</source>
        <translation>Kassen er ikke åpnet ennå.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="35"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="35"/>
        <source>Tenant</source>
        <translation>Leietaker</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="35"/>
        <source>Org. no.</source>
        <translation>Org.nr.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>Register {register} · not logged in · {count} not yet synced</source>
        <translation>Kasse {register} · ikke innlogget · {count} ikke synkronisert</translation>
    </message>
</context>
</TS>
