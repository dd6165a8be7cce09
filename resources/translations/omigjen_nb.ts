<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="23"/>
        <source>Omigjen POS – {register}</source>
        <translation>Omigjen POS – {register}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="31"/>
        <source>The till is open.</source>
        <translation>Kassen er åpen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="33"/>
        <source>The till is not open yet.</source>
        <translation>Kassen er ikke åpnet ennå.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
        <source>Tenant</source>
        <translation>Leietaker</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
        <source>Org. no.</source>
        <translation>Org.nr.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="49"/>
        <source>Register {register} · not logged in · {count} not yet synced</source>
        <translation>Kasse {register} · ikke innlogget · {count} ikke synkronisert</translation>
    </message>
</context>
<context>
    <name>TillCloseDialog</name>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="46"/>
        <source>Close the till – {register}</source>
        <translation>Kasseoppgjør – {register}</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="48"/>
        <source>Still open (stays open after the close):</source>
        <translation>Fortsatt åpent (blir liggende etter oppgjøret):</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="58"/>
        <source>{amount} kr</source>
        <translation>{amount} kr</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="60"/>
        <source>Counted cash</source>
        <translation>Opptalt kontant</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="62"/>
        <source>total from the card terminal</source>
        <translation>sum fra kortterminalen</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="63"/>
        <source>Card batch</source>
        <translation>Kortoppgjør</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="65"/>
        <source>total from Vipps</source>
        <translation>sum fra Vipps</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="66"/>
        <source>Vipps batch</source>
        <translation>Vipps-oppgjør</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="69"/>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <location filename="../../ui/till_close_dialog.py" line="78"/>
        <location filename="../../ui/till_close_dialog.py" line="106"/>
        <source>Close the till</source>
        <translation>Lukk kassen</translation>
    </message>
</context>
</TS>
