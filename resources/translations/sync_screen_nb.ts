<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_screen/__init__.py" line="21"/>
        <location filename="../../ui/sync_screen/sync_page.py" line="32"/>
        <source>Sync with the central server</source>
        <translation>Synkronisering med sentralen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="39"/>
        <source>Sync now (F5)</source>
        <translation>Synkroniser nå (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="43"/>
        <source>Back to sale (Esc)</source>
        <translation>Tilbake til salg (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="55"/>
        <source>CA file (only for a private certificate)</source>
        <translation>CA-fil (bare for et privat sertifikat)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="56"/>
        <source>Enrol this counter</source>
        <translation>Registrer denne kassen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="59"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="60"/>
        <source>One-time code</source>
        <translation>Engangskode</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="61"/>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="64"/>
        <source>Sync problems (the server flagged or refused):</source>
        <translation>Synkroniseringsproblemer (flagget eller avvist av sentralen):</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="67"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="67"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="67"/>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="67"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="75"/>
        <source>Not enrolled: sales stay on this counter until a manager enrols it.</source>
        <translation>Ikke registrert: salgene blir liggende på denne kassen til en leder registrerer den.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="78"/>
        <source>Server %1 · %2 · %3 not yet synced · last contact %4</source>
        <translation>Server %1 · %2 · %3 ikke synkronisert · siste kontakt %4</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="80"/>
        <source>online</source>
        <translation>tilkoblet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="80"/>
        <source>offline</source>
        <translation>frakoblet</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="108"/>
        <source>The repair&apos;s status was changed at another counter first; this change was not used, and the ticket shows the status the other counter set.</source>
        <translation>Statusen på reparasjonen ble endret på en annen kasse først; denne endringen ble ikke brukt, og billetten viser statusen den andre kassen satte.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="111"/>
        <source>Reopening the repair needs a manager the server knows.</source>
        <translation>Gjenåpning av reparasjonen krever en leder som sentralen kjenner.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="112"/>
        <source>The server has not received this repair ticket.</source>
        <translation>Sentralen har ikke fått denne reparasjonsbilletten.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="113"/>
        <source>Some fields of the repair were unreadable and were ignored.</source>
        <translation>Noen felt i reparasjonen kunne ikke leses og ble utelatt.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="115"/>
        <source>This counter&apos;s clock was more than an hour ahead; the edit counts from the server&apos;s time.</source>
        <translation>Klokken på denne kassen gikk mer enn en time for fort; endringen regnes fra sentralens tid.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="119"/>
        <source>Data from the server could not be used on this counter.</source>
        <translation>Data fra sentralen kunne ikke brukes på denne kassen.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="141"/>
        <source>Enrolled as %1</source>
        <translation>Registrert som %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="146"/>
        <source>Working…</source>
        <translation>Arbeider …</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen/sync_page.py" line="157"/>
        <source>Sync failed: %1 (everything stays queued)</source>
        <translation>Synkronisering feilet: %1 (alt ligger trygt i køen)</translation>
    </message>
</context>
</TS>
