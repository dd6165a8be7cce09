<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_screen/__init__.py" line="21"/>
        <location filename="../../ui/sync_screen/sync_page.py" line="33"/>
        <source>Sync with the central server</source>
        <translation>Synkronisering med sentralen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="40"/>
        <source>Sync now (F5)</source>
        <translation>Synkroniser nå (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="44"/>
        <source>Back to sale (Esc)</source>
        <translation>Tilbake til salg (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="56"/>
        <source>CA file (only for a private certificate)</source>
        <translation>CA-fil (bare for et privat sertifikat)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="57"/>
        <source>Enrol this counter</source>
        <translation>Registrer denne kassen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="60"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="61"/>
        <source>One-time code</source>
        <translation>Engangskode</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="62"/>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="65"/>
        <source>Sync problems (the server flagged or refused):</source>
        <translation>Synkroniseringsproblemer (flagget eller avvist av sentralen):</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="68"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="68"/>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="68"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="76"/>
        <source>Not enrolled: sales stay on this counter until a manager enrols it.</source>
        <translation>Ikke registrert: salgene blir liggende på denne kassen til en leder registrerer den.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="79"/>
        <source>Server %1 · %2 · %3 not yet synced · last contact %4</source>
        <translation>Server %1 · %2 · %3 ikke synkronisert · siste kontakt %4</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="81"/>
        <source>online</source>
        <translation>tilkoblet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="81"/>
        <source>offline</source>
        <translation>frakoblet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="116"/>
        <source>Enrolled as %1</source>
        <translation>Registrert som %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="121"/>
        <source>Working…</source>
        <translation>Arbeider …</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="132"/>
        <source>Sync failed: %1 (everything stays queued)</source>
        <translation>Synkronisering feilet: %1 (alt ligger trygt i køen)</translation>
    </message>
</context>
</TS>
