<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdviceDetails</name>
    <message>
        <location filename="../ui/AdviceDetails.cpp" line="+23" />
        <source>&lt;b&gt;%1&lt;/b&gt;, confidence %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, Konfidenz %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no vote (%1: %2)</source>
        <translation>keine Stimme (%1: %2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+13" />
        <source>FALLBACK</source>
        <translation>RÜCKFALL</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No advisor model answered in time; %1 decided.</source>
        <translation>Kein Beratermodell hat rechtzeitig geantwortet; %1 hat entschieden.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Advisor: %1</source>
        <translation>Berater: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Model votes:</source>
        <translation>Stimmen der Modelle:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Left out of the prompt: %1</source>
        <translation>Nicht im Prompt: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prompt SHA-256: %1</source>
        <translation>Prompt-SHA-256: %1</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../ui/Format.cpp" line="+26" />
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+36" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <location line="+6" />
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Fresh</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lagging</source>
        <translation>Verzögert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+133" />
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="-127" />
        <source>open</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>weekend</source>
        <translation>Wochenende</translation>
    </message>
    <message>
        <location line="+2" />
        <source>holiday</source>
        <translation>Feiertag</translation>
    </message>
    <message>
        <location line="+2" />
        <source>early close</source>
        <translation>früher Handelsschluss</translation>
    </message>
    <message>
        <location line="+2" />
        <source>pre-market</source>
        <translation>vorbörslich</translation>
    </message>
    <message>
        <location line="+2" />
        <source>after hours</source>
        <translation>nachbörslich</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Stale data</source>
        <translation>Veraltete Daten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delivery failed</source>
        <translation>Zustellung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Risk rejection</source>
        <translation>Risikoablehnung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Recovered</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Approval refused</source>
        <translation>Freigabe verweigert</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Execution failed</source>
        <translation>Ausführung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Platform error</source>
        <translation>Plattformfehler</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delivery setup</source>
        <translation>Zustellung einrichten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cache degraded</source>
        <translation>Cache eingeschränkt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cache recovered</source>
        <translation>Cache wiederhergestellt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Monitoring endpoint</source>
        <translation>Monitoring-Endpunkt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Provider paused</source>
        <translation>Anbieter pausiert</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Journal error</source>
        <translation>Journalfehler</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Broker disconnected</source>
        <translation>Broker getrennt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Order in doubt</source>
        <translation>Order ungeklärt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Advisor unavailable</source>
        <translation>Berater nicht verfügbar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Telegram: not authorised</source>
        <translation>Telegram: nicht berechtigt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Operator control</source>
        <translation>Bedienereingriff</translation>
    </message>
    <message>
        <location line="+7" />
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+1" />
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>executed</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>expired (rejected)</source>
        <translation>abgelaufen (abgelehnt)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>refused at execution</source>
        <translation>bei Ausführung verweigert</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (exit)</source>
        <translation>%1 (Ausstieg)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retrying</source>
        <translation>Wiederholt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failing</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+6" />
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+16" />
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="-10" />
        <source>polling</source>
        <translation>fragt ab</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing off</source>
        <translation>wartet vor erneutem Versuch</translation>
    </message>
    <message>
        <location line="+2" />
        <source>rate limited</source>
        <translation>Anfragelimit erreicht</translation>
    </message>
    <message>
        <location line="+2" />
        <source>conflict: another program reads this bot's updates</source>
        <translation>Konflikt: Ein anderes Programm liest die Updates dieses Bots</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unauthorized: the bot token was refused</source>
        <translation>nicht autorisiert: Das Bot-Token wurde abgelehnt</translation>
    </message>
</context>
<context>
    <name>IssuePlacement</name>
    <message>
        <location filename="../ui/IssuePlacement.cpp" line="+51" />
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>ProposalDetails</name>
    <message>
        <location filename="../ui/ProposalDetails.cpp" line="+14" />
        <source>%1 %2 %3 at about %4 (%5)</source>
        <translation>%1 %2 %3 zu etwa %4 (%5)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Strategy: %1</source>
        <translation>Strategie: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VaR before / after: %1 / %2</source>
        <translation>VaR vorher / nachher: %1 / %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Proposed %1, expires %2</source>
        <translation>Vorgeschlagen %1, läuft ab %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Risk checks passed:</source>
        <translation>Risikoprüfungen bestanden:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Risk checks refused:</source>
        <translation>Risikoprüfungen nicht bestanden:</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+207" />
        <source>Configuration problems</source>
        <translation>Probleme in der Konfiguration</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trade Sentinel cannot start with this configuration:

%1

Run 'sentinel config check' for the full report.</source>
        <translation>Trade Sentinel kann mit dieser Konfiguration nicht starten:

%1

Führen Sie „sentinel config check“ für den vollständigen Bericht aus.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>The engine could not start</source>
        <translation>Die Engine konnte nicht starten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing is being monitored. Fix these and restart:

%1</source>
        <translation>Es wird nichts überwacht. Beheben Sie Folgendes und starten Sie neu:

%1</translation>
    </message>
</context>
<context>
    <name>sentinel::AdvisorSettingsPage</name>
    <message>
        <location filename="../ui/AdvisorSettingsPage.cpp" line="+26" />
        <source>Moving-average crossover (sma_cross)</source>
        <translation>Kreuzung gleitender Durchschnitte (sma_cross)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>RSI reversion (rsi_reversion)</source>
        <translation>RSI-Umkehr (rsi_reversion)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>LLM advisor with a rule fallback (llm_advisor)</source>
        <translation>LLM-Berater mit Regel als Rückfall (llm_advisor)</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Fallback rule strategy</source>
        <translation>Regelstrategie als Rückfall</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Strat&amp;egy:</source>
        <translation>Strate&amp;gie:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Model servers the LLM advisor asks (Ollama, or any OpenAI-compatible server):</source>
        <translation>Modellserver, die der LLM-Berater fragt (Ollama oder jeder OpenAI-kompatible Server):</translation>
    </message>
    <message>
        <location line="+4" />
        <source>API key of the selected model server</source>
        <translation>API-Schlüssel des gewählten Modellservers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>API &amp;key of the selected server:</source>
        <translation>API-Schlüssel des gewählten Ser&amp;vers:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Add server</source>
        <translation>Server &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add model server</source>
        <translation>Modellserver hinzufügen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;move server</source>
        <translation>Server entfer&amp;nen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove selected model server</source>
        <translation>Gewählten Modellserver entfernen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Test servers</source>
        <translation>Server &amp;testen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Test the model servers</source>
        <translation>Modellserver testen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checks each server's health and asks it one fixed prompt, with the values on this page, unsaved ones included, as sentinel advisor test does</source>
        <translation>Prüft jeden Server und stellt ihm einen festen Prompt, mit den Werten dieser Seite, auch ungespeicherten, wie sentinel advisor test</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Advisor test result</source>
        <translation>Ergebnis des Beratertests</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Test result of the selected model server</source>
        <translation>Testergebnis des gewählten Modellservers</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Fallback:</source>
        <translation>Rück&amp;fallregel:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Weight of the fallback's vote</source>
        <translation>Gewicht der Stimme der Rückfallregel</translation>
    </message>
    <message>
        <location line="+3" />
        <source>0: the rule decides only when no model answers in time; more: it also votes</source>
        <translation>0: Die Regel entscheidet nur, wenn kein Modell rechtzeitig antwortet; mehr: Sie stimmt auch mit ab</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fallback weig&amp;ht:</source>
        <translation>Ge&amp;wicht der Rückfallregel:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The advisor only proposes: every advised trade passes the freshness and risk checks and waits for your approval.</source>
        <translation>Der Berater schlägt nur vor: Jeder beratene Trade durchläuft die Aktualitäts- und Risikoprüfung und wartet auf Ihre Freigabe.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Not tested: %1</source>
        <translation>Nicht getestet: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The servers changed during the test; test again.</source>
        <translation>Die Server wurden während des Tests geändert; bitte erneut testen.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Every model server answered the test prompt with valid advice.</source>
        <translation>Jeder Modellserver hat den Test-Prompt mit einer gültigen Empfehlung beantwortet.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 of %2 model servers failed the test; each row says why.</source>
        <translation>%1 von %2 Modellservern haben den Test nicht bestanden; jede Zeile sagt, warum.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The advisor refuses the settings of a row; its result says why.</source>
        <translation>Der Berater lehnt die Einstellungen einer Zeile ab; ihr Ergebnis sagt, warum.</translation>
    </message>
</context>
<context>
    <name>sentinel::AlertModel</name>
    <message>
        <location filename="../ui/AlertModel.cpp" line="+42" />
        <source>%1 (acknowledged)</source>
        <translation>%1 (bestätigt)</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>sentinel::AlertPanel</name>
    <message>
        <location filename="../ui/AlertPanel.cpp" line="+129" />
        <source>&amp;Hide acknowledged</source>
        <translation>Bestätigte &amp;ausblenden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ac&amp;knowledge</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Acknowledge &amp;All</source>
        <translation>&amp;Alle bestätigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What to &amp;Do</source>
        <translation>&amp;Was tun?</translation>
    </message>
    <message>
        <location line="-12" />
        <location line="+1" />
        <location line="+58" />
        <source>Alerts</source>
        <translation>Warnmeldungen</translation>
    </message>
    <message>
        <location line="-57" />
        <source>Minimum severity</source>
        <translation>Mindest-Schweregrad</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warnings and critical</source>
        <translation>Warnungen und kritische</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Critical only</source>
        <translation>Nur kritische</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hide acknowledged alerts</source>
        <translation>Bestätigte Warnmeldungen ausblenden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Ausgewählte Warnmeldungen bestätigen (Strg+K)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open the runbook for the selected alert: what it means and what to do</source>
        <translation>Das Betriebshandbuch zur ausgewählten Warnmeldung öffnen: was sie bedeutet und was zu tun ist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Acknowledge selected alerts</source>
        <translation>Ausgewählte Warnmeldungen bestätigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the runbook for the selected alert</source>
        <translation>Betriebshandbuch zur ausgewählten Warnmeldung öffnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Show:</source>
        <translation>A&amp;nzeigen:</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Alerts (%1)</source>
        <translation>Warnmeldungen (%1)</translation>
    </message>
</context>
<context>
    <name>sentinel::AppConfigStore</name>
    <message>
        <location filename="../app/gui/AppConfigStore.cpp" line="+151" />
        <source>the keychain did not store %1: %2</source>
        <translation>der Schlüsselbund hat %1 nicht gespeichert: %2</translation>
    </message>
    <message>
        <location line="+20" />
        <location line="+6" />
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>sentinel::ApprovalModel</name>
    <message>
        <location filename="../ui/ApprovalModel.cpp" line="+35" />
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location line="+0" />
        <source>refused</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Expires %1 (%2)</source>
        <translation>Läuft ab %1 (%2)</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Risk check</source>
        <translation>Risikoprüfung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expires in</source>
        <translation>Läuft ab in</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>sentinel::ApprovalPanel</name>
    <message>
        <location filename="../ui/ApprovalPanel.cpp" line="+153" />
        <source>Pending proposals</source>
        <translation>Offene Vorschläge</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Recent decisions</source>
        <translation>Letzte Entscheidungen</translation>
    </message>
    <message>
        <location line="-8" />
        <source>&amp;Approve…</source>
        <translation>&amp;Genehmigen …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Reject…</source>
        <translation>&amp;Ablehnen …</translation>
    </message>
    <message>
        <location line="-3" />
        <location line="+120" />
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <location line="-118" />
        <source>Approve the selected proposal (Ctrl+Return); you confirm what will execute</source>
        <translation>Ausgewählten Vorschlag genehmigen (Strg+Eingabe); Sie bestätigen, was ausgeführt wird</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reject the selected proposal (Ctrl+Backspace or Delete) with a reason</source>
        <translation>Ausgewählten Vorschlag mit Begründung ablehnen (Strg+Rücktaste oder Entf)</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+1" />
        <source>Proposal details</source>
        <translation>Details zum Vorschlag</translation>
    </message>
    <message>
        <location line="+50" />
        <source>Approve trade</source>
        <translation>Trade genehmigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Execute this trade?</source>
        <translation>Diesen Trade ausführen?</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Risk check: %1</source>
        <translation>Risikoprüfung: %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location line="+0" />
        <source>refused</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VaR before / after: %1 / %2</source>
        <translation>VaR vorher / nachher: %1 / %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The engine re-checks freshness and risk before it executes.</source>
        <translation>Die Engine prüft Aktualität und Risiko vor der Ausführung erneut.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <location line="+22" />
        <location line="+12" />
        <source>rejected by the operator</source>
        <translation>vom Bediener abgelehnt</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Reject trade</source>
        <translation>Trade ablehnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject %1?
Reason (kept in the journal):</source>
        <translation>%1 ablehnen?
Begründung (wird im Journal gespeichert):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Approvals (%1)</source>
        <translation>Genehmigungen (%1)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No proposal waiting for a decision.</source>
        <translation>Kein Vorschlag wartet auf eine Entscheidung.</translation>
    </message>
</context>
<context>
    <name>sentinel::BrokerSettingsPage</name>
    <message>
        <location filename="../ui/BrokerSettingsPage.cpp" line="+45" />
        <source>Where orders go</source>
        <translation>Wohin Aufträge gehen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paper account (simulated, no money)</source>
        <translation>Papierkonto (simuliert, kein Geld)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+24" />
        <location line="+135" />
        <source>OANDA</source>
        <translation>OANDA</translation>
    </message>
    <message>
        <location line="-158" />
        <location line="+23" />
        <location line="+135" />
        <source>Coinbase</source>
        <translation>Coinbase</translation>
    </message>
    <message>
        <location line="-157" />
        <source>&amp;Orders go to:</source>
        <translation>Aufträge &amp;gehen an:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Real money needs two yeses: the live switch of the broker here, and a yes each time the application starts. Practice is the default.</source>
        <translation>Echtes Geld braucht zwei Ja: den Live-Schalter des Brokers hier und ein Ja bei jedem Start der Anwendung. Standard ist das Übungskonto.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>C&amp;heck OANDA</source>
        <translation>OANDA &amp;prüfen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Chec&amp;k Coinbase</source>
        <translation>Coinbase prü&amp;fen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Check the %1 connection</source>
        <translation>Verbindung zu %1 prüfen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Connects with the values on this page, unsaved ones included, and reads the account and its open positions, as sentinel broker check does</source>
        <translation>Verbindet sich mit den Werten dieser Seite, auch ungespeicherten, und liest Konto und offene Positionen, wie sentinel broker check</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Use an OANDA account (FX)</source>
        <translation>Ein OANDA-Konto verwenden (Devisen)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>OANDA environment</source>
        <translation>OANDA-Umgebung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Practice (demo money)</source>
        <translation>Übung (Spielgeld)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Live (real money)</source>
        <translation>Live (echtes Geld)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow orders with &amp;real money on the live environment</source>
        <translation>Aufträge mit &amp;echtem Geld in der Live-Umgebung erlauben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow OANDA orders with real money</source>
        <translation>OANDA-Aufträge mit echtem Geld erlauben</translation>
    </message>
    <message>
        <location line="+5" />
        <source>OANDA account id</source>
        <translation>OANDA-Kontonummer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Account id:</source>
        <translation>&amp;Kontonummer:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>OANDA API token</source>
        <translation>OANDA-API-Token</translation>
    </message>
    <message>
        <location line="+1" />
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>OANDA check result</source>
        <translation>Ergebnis der OANDA-Prüfung</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Use a Coinbase key (crypto)</source>
        <translation>Einen Coinbase-Schlüssel verwenden (Krypto)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Coinbase API key name</source>
        <translation>Name des Coinbase-API-Schlüssels</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Key &amp;name:</source>
        <translation>Schlüssel&amp;name:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Coinbase private key</source>
        <translation>Privater Coinbase-Schlüssel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Private ke&amp;y:</source>
        <translation>Privater Schlü&amp;ssel:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow orders (Coinbase has no practice account: every order is real money)</source>
        <translation>Aufträge erlauben (Coinbase hat kein Übungskonto: jeder Auftrag ist echtes Geld)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow Coinbase orders with real money</source>
        <translation>Coinbase-Aufträge mit echtem Geld erlauben</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Coinbase check result</source>
        <translation>Ergebnis der Coinbase-Prüfung</translation>
    </message>
    <message>
        <location line="+58" />
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Connected to %1 (%2): account %3, balance %4 %5, open positions: %6</source>
        <translation>Verbunden mit %1 (%2): Konto %3, Saldo %4 %5, offene Positionen: %6</translation>
    </message>
</context>
<context>
    <name>sentinel::CacheModel</name>
    <message>
        <location filename="../ui/CacheModel.cpp" line="+30" />
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hit rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Misses</source>
        <translation>Fehlzugriffe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evictions</source>
        <translation>Verdrängungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
</context>
<context>
    <name>sentinel::CachePanel</name>
    <message>
        <location filename="../ui/CachePanel.cpp" line="+73" />
        <source>Cache statistics</source>
        <translation>Cache-Statistik</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Caches</source>
        <translation>Caches</translation>
    </message>
    <message>
        <location line="+2" />
        <source>API quota</source>
        <translation>API-Kontingent</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Quota: no provider reports yet</source>
        <translation>Kontingent: noch keine Meldung der Anbieter</translation>
    </message>
    <message>
        <location line="-65" />
        <source>API calls saved by caching</source>
        <translation>Durch Caching eingesparte API-Aufrufe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hit rate over time</source>
        <translation>Trefferquote im Zeitverlauf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cache hit rate over time</source>
        <translation>Cache-Trefferquote im Zeitverlauf</translation>
    </message>
    <message>
        <location line="+50" />
        <source>%1: %2 of %3 requests today</source>
        <translation>%1: %2 von %3 Anfragen heute</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 requests today (no daily limit)</source>
        <translation>%1: %2 Anfragen heute (kein Tageslimit)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1, resets %2</source>
        <translation>%1, zurückgesetzt %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1; %2 of %3 in the last %4</source>
        <translation>%1; %2 von %3 in der letzten %4</translation>
    </message>
    <message>
        <location line="+3" />
        <source>connections lost since start: %1</source>
        <translation>seit dem Start verlorene Verbindungen: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 price stream: live since %2, %3</source>
        <translation>%1-Preisstream: live seit %2, %3</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 price stream: down since %2, next try %3 (bars from candles meanwhile), %4</source>
        <translation>%1-Preisstream: unterbrochen seit %2, nächster Versuch %3 (Balken solange aus Kerzen), %4</translation>
    </message>
    <message>
        <location line="+5" />
        <source>API calls saved by caching: %1</source>
        <translation>Durch Caching eingesparte API-Aufrufe: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>second</source>
        <translation>Sekunde</translation>
    </message>
    <message>
        <location line="+2" />
        <source>minute</source>
        <translation>Minute</translation>
    </message>
</context>
<context>
    <name>sentinel::CandleChart</name>
    <message>
        <location filename="../ui/CandleChart.cpp" line="+56" />
        <source>MA %1</source>
        <translation>GD %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposal: buy</source>
        <translation>Vorschlag: Kauf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposal: sell</source>
        <translation>Vorschlag: Verkauf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Execution: buy</source>
        <translation>Ausführung: Kauf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Execution: sell</source>
        <translation>Ausführung: Verkauf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Price chart</source>
        <translation>Kursdiagramm</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Candlesticks with volume, a moving average and markers for proposals and executions. Mouse wheel zooms, drag pans, right click follows the newest bar again.</source>
        <translation>Kerzen mit Volumen, einem gleitenden Durchschnitt und Markierungen für Vorschläge und Ausführungen. Das Mausrad zoomt, Ziehen verschiebt, ein Rechtsklick folgt wieder der neuesten Kerze.</translation>
    </message>
    <message>
        <location line="+107" />
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Open %1  High %2
Low %3  Close %4
Volume %5
%6</source>
        <translation>Eröffnung %1  Hoch %2
Tief %3  Schluss %4
Volumen %5
%6</translation>
    </message>
    <message>
        <location filename="../ui/CandleChartPainter.cpp" line="+224" />
        <source>No volume reported</source>
        <translation>Kein Volumen gemeldet</translation>
    </message>
</context>
<context>
    <name>sentinel::ChannelModel</name>
    <message>
        <location filename="../ui/ChannelModel.cpp" line="+48" />
        <source>%1 / %2 ms</source>
        <translation>%1 / %2 ms</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1
Remedy: %2</source>
        <translation>%1
Abhilfe: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delivery latency, median / 95th percentile</source>
        <translation>Zustelldauer, Median / 95. Perzentil</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retrying</source>
        <translation>Wiederholt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Latency</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>sentinel::ChartPanel</name>
    <message>
        <location filename="../ui/ChartPanel.cpp" line="+58" />
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show the newest bars again and follow new ones</source>
        <translation>Die neuesten Kerzen wieder zeigen und neuen folgen</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Select an instrument in the watchlist to chart it.</source>
        <translation>Wählen Sie ein Instrument in der Beobachtungsliste, um es darzustellen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting for the first bars of %1…</source>
        <translation>Warte auf die ersten Kerzen von %1 …</translation>
    </message>
</context>
<context>
    <name>sentinel::ControlConfirmation</name>
    <message>
        <location filename="../ui/ControlConfirmation.cpp" line="+87" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unrealised P&amp;L</source>
        <translation>Unrealisierter G/V</translation>
    </message>
    <message>
        <location line="+21" />
        <location line="+8" />
        <location line="+7" />
        <source>Flatten all positions</source>
        <translation>Alle Positionen glattstellen</translation>
    </message>
    <message>
        <location line="-13" />
        <source>The account has not been reported yet, so there is no list of positions to confirm.</source>
        <translation>Das Konto wurde noch nicht gemeldet, daher gibt es keine Liste von Positionen zum Bestätigen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Try again when the Positions panel shows the account.</source>
        <translation>Versuchen Sie es erneut, wenn der Bereich „Positionen“ das Konto zeigt.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No open positions: there is nothing to flatten.</source>
        <translation>Keine offenen Positionen: Es gibt nichts glattzustellen.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Close the open position below at market?</source>
        <translation>Die folgende offene Position zum Marktpreis schließen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>Close the %n open positions below at market?</source>
        <translation>
            <numerusform>Die folgenden %n offenen Positionen zum Marktpreis schließen?</numerusform>
            <numerusform>Die folgenden %n offenen Positionen zum Marktpreis schließen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>The platform closes each at the market price it gets, which may differ from the price shown. Trading is not paused: new proposals still come. The kill switch pauses as well.</source>
        <translation>Die Plattform schließt jede zum erzielten Marktpreis, der vom angezeigten Preis abweichen kann. Der Handel wird nicht pausiert: Neue Vorschläge kommen weiterhin. Der Not-Aus pausiert zusätzlich.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Flatten All</source>
        <translation>Alles glattstellen</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Kill switch</source>
        <translation>Not-Aus</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Activate the kill switch? It does three things at once:</source>
        <translation>Not-Aus auslösen? Er tut drei Dinge auf einmal:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trading stays paused:</source>
        <translation>Der Handel bleibt pausiert:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no new proposals until you resume.</source>
        <translation>keine neuen Vorschläge, bis Sie fortsetzen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pause trading:</source>
        <translation>Handel pausieren:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no new proposals until you resume; alerts go on.</source>
        <translation>keine neuen Vorschläge, bis Sie fortsetzen; Warnmeldungen laufen weiter.</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+1" />
        <source>Reject every pending proposal:</source>
        <translation>Alle offenen Vorschläge ablehnen:</translation>
    </message>
    <message numerus="yes">
        <location line="-1" />
        <source>%n waiting now.</source>
        <translation>
            <numerusform>%n wartet gerade.</numerusform>
            <numerusform>%n warten gerade.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>none is waiting now.</source>
        <translation>gerade wartet keiner.</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+3" />
        <location line="+2" />
        <source>Close every open position at market:</source>
        <translation>Alle offenen Positionen zum Marktpreis schließen:</translation>
    </message>
    <message>
        <location line="-4" />
        <source>the account has not been reported yet, so none can be listed; the platform closes what it holds.</source>
        <translation>Das Konto wurde noch nicht gemeldet, daher kann keine aufgeführt werden; die Plattform schließt, was sie hält.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>none is open now.</source>
        <translation>gerade ist keine offen.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n open now, listed below.</source>
        <translation>
            <numerusform>%n gerade offen, unten aufgeführt.</numerusform>
            <numerusform>%n gerade offen, unten aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>Closed positions stay closed and rejected proposals do not come back. Trading stays paused until you resume it.</source>
        <translation>Geschlossene Positionen bleiben geschlossen, abgelehnte Vorschläge kommen nicht zurück. Der Handel bleibt pausiert, bis Sie ihn fortsetzen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Activate Kill Switch</source>
        <translation>Not-Aus auslösen</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Close position</source>
        <translation>Position schließen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The platform buys %1 at market.</source>
        <translation>Die Plattform kauft %1 zum Marktpreis.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The platform sells %1 at market.</source>
        <translation>Die Plattform verkauft %1 zum Marktpreis.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Close the position of %1 %2?</source>
        <translation>Die Position von %1 %2 schließen?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Average price %1, market price %2, unrealised P&amp;L %3.</source>
        <translation>Durchschnittspreis %1, Marktpreis %2, unrealisierter G/V %3.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Close Position</source>
        <translation>Position schließen</translation>
    </message>
</context>
<context>
    <name>sentinel::DeliveryPanel</name>
    <message>
        <location filename="../ui/DeliveryPanel.cpp" line="+76" />
        <source>Delivery channels</source>
        <translation>Zustellkanäle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send &amp;Test Message</source>
        <translation>&amp;Testnachricht senden</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Send one test message through every enabled channel</source>
        <translation>Eine Testnachricht über jeden aktivierten Kanal senden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send test message</source>
        <translation>Testnachricht senden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outbox depth</source>
        <translation>Nachrichten im Postausgang</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Outbox: no report yet</source>
        <translation>Postausgang: noch keine Meldung</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Last delivery error and remedy</source>
        <translation>Letzter Zustellfehler und Abhilfe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Telegram commands</source>
        <translation>Telegram-Befehle</translation>
    </message>
    <message>
        <location line="+22" />
        <source>No remote channel enabled: signals go to the log only. Turn on Telegram or a webhook in Settings.</source>
        <translation>Kein Versandkanal aktiviert: Signale werden nur protokolliert. Telegram oder einen Webhook in den Einstellungen einschalten.</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Outbox: %n message(s) waiting</source>
        <translation>
            <numerusform>Postausgang: %n Nachricht wartet</numerusform>
            <numerusform>Postausgang: %n Nachrichten warten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>offline: live checks skipped</source>
        <translation>offline: Live-Prüfungen übersprungen</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remedy: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Telegram commands: %1</source>
        <translation>Telegram-Befehle: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>last answer %1</source>
        <translation>letzte Antwort %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 handled, %2 refused</source>
        <translation>%1 bearbeitet, %2 abgewiesen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>next attempt %1</source>
        <translation>nächster Versuch %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Commands and button presses from the Telegram operators; refused ones came from people who are not operators.</source>
        <translation>Befehle und Tastendrücke der Telegram-Bediener; abgewiesene kamen von Personen, die keine Bediener sind.</translation>
    </message>
</context>
<context>
    <name>sentinel::HistoryModel</name>
    <message>
        <location filename="../ui/HistoryModel.cpp" line="+40" />
        <source>unrecorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Decided through %1</source>
        <translation>Entschieden über %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Journalled before Trade Sentinel recorded the strategy of each proposal</source>
        <translation>Aufgezeichnet, bevor Trade Sentinel die Strategie jedes Vorschlags erfasste</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fill</source>
        <translation>Ausführung</translation>
    </message>
</context>
<context>
    <name>sentinel::HistoryPanel</name>
    <message>
        <location filename="../ui/HistoryPanel.cpp" line="+191" />
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Proposals and trades</source>
        <translation>Vorschläge und Trades</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Made on or after</source>
        <translation>Erstellt am oder nach</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Made on or before</source>
        <translation>Erstellt am oder vor</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export &amp;JSON…</source>
        <translation>&amp;JSON exportieren…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="-22" />
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instrument filter</source>
        <translation>Instrumentfilter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A symbol (EUR/USD) or an instrument key (FX:EUR/USD:1h); empty for all</source>
        <translation>Ein Symbol (EUR/USD) oder ein Instrumentschlüssel (FX:EUR/USD:1h); leer für alle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Strategy filter</source>
        <translation>Strategiefilter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All strategies</source>
        <translation>Alle Strategien</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcome filter</source>
        <translation>Ergebnisfilter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Proposals made on or after this day (local time)</source>
        <translation>Vorschläge ab diesem Tag (Ortszeit)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposals made on or before this day (local time)</source>
        <translation>Vorschläge bis einschließlich diesem Tag (Ortszeit)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Write the proposals the filters select to a CSV file</source>
        <translation>Die von den Filtern gewählten Vorschläge in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Write the proposals the filters select to a JSON file</source>
        <translation>Die von den Filtern gewählten Vorschläge in eine JSON-Datei schreiben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Read the journal again</source>
        <translation>Das Journal erneut lesen</translation>
    </message>
    <message>
        <location line="-92" />
        <source>New proposals since this list was read: Refresh shows them</source>
        <translation>Neue Vorschläge seit dem Lesen dieser Liste: Aktualisieren zeigt sie</translation>
    </message>
    <message>
        <location line="+20" />
        <source>The journal could not be read: %1</source>
        <translation>Das Journal konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+74" />
        <source>History status</source>
        <translation>Verlaufsstatus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposal details</source>
        <translation>Details zum Vorschlag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select a proposal to see its reason, risk checks, decision, fill and delivery.</source>
        <translation>Wählen Sie einen Vorschlag, um Begründung, Risikoprüfungen, Entscheidung, Ausführung und Zustellung zu sehen.</translation>
    </message>
    <message>
        <location line="-41" />
        <source>Waiting for the engine</source>
        <translation>Warte auf die Engine</translation>
    </message>
    <message>
        <location line="+75" />
        <location line="+7" />
        <source>Reading the journal…</source>
        <translation>Lese das Journal…</translation>
    </message>
    <message>
        <location line="+20" />
        <source>No proposal matches these filters</source>
        <translation>Kein Vorschlag passt zu diesen Filtern</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n proposal(s)</source>
        <translation>
            <numerusform>%n Vorschlag</numerusform>
            <numerusform>%n Vorschläge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+61" />
        <source>Reading the proposal…</source>
        <translation>Lese den Vorschlag…</translation>
    </message>
    <message>
        <location line="-36" />
        <source>Decided by %1%2 at %3</source>
        <translation>Entschieden von %1%2 um %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Ended %1</source>
        <translation>Beendet %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Why: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Filled %1 at %2, fee %3, at %4 (order %5)</source>
        <translation>Ausgeführt %1 zu %2, Gebühr %3, um %4 (Order %5)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unrecorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Proposed by %1</source>
        <translation>Vorgeschlagen von %1</translation>
    </message>
    <message numerus="yes">
        <location line="+32" />
        <source>Signal: %1 after %n attempt(s)</source>
        <translation>
            <numerusform>Signal: %1 nach %n Versuch</numerusform>
            <numerusform>Signal: %1 nach %n Versuchen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No signal went out for it (no remote channel was enabled).</source>
        <translation>Dafür ging kein Signal hinaus (kein entfernter Kanal war aktiviert).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The journal could not say more: %1</source>
        <translation>Das Journal konnte nicht mehr sagen: %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export history as CSV</source>
        <translation>Verlauf als CSV exportieren</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export history as JSON</source>
        <translation>Verlauf als JSON exportieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Exporting to %1…</source>
        <translation>Exportiere nach %1…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Exported %n proposal(s) to %1</source>
        <translation>
            <numerusform>%n Vorschlag nach %1 exportiert</numerusform>
            <numerusform>%n Vorschläge nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sentinel::LiveTradingQuestion</name>
    <message>
        <location filename="../ui/LiveTradingQuestion.cpp" line="+9" />
        <source>Trade with real money?</source>
        <translation>Mit echtem Geld handeln?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This configuration sends approved orders to the live %1. Every order moves real money.

Trade live for this run, or use the paper account until the next start?</source>
        <translation>Diese Konfiguration sendet freigegebene Orders an das Live-%1. Jede Order bewegt echtes Geld.

In diesem Lauf live handeln oder bis zum nächsten Start das Papierkonto verwenden?</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Trade live</source>
        <translation>Live handeln</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use the paper account</source>
        <translation>Papierkonto verwenden</translation>
    </message>
</context>
<context>
    <name>sentinel::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+119" />
        <source>Trade Sentinel</source>
        <translation>Trade Sentinel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trade Sentinel main window</source>
        <translation>Trade-Sentinel-Hauptfenster</translation>
    </message>
    <message>
        <location line="-55" />
        <source>Test message requested; watch the Delivery panel.</source>
        <translation>Testnachricht angefordert; beachten Sie den Bereich Zustellung.</translation>
    </message>
    <message>
        <location line="+56" />
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Si&amp;mulate…</source>
        <translation>Si&amp;mulieren…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run a strategy over past days on the paper account and see its performance</source>
        <translation>Eine Strategie über vergangene Tage auf dem Papierkonto laufen lassen und ihre Performance sehen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Trade</source>
        <translation>&amp;Handel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Alerts</source>
        <translation>&amp;Warnmeldungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reset &amp;Layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <location line="-1" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;About Trade Sentinel</source>
        <translation>&amp;Über Trade Sentinel</translation>
    </message>
    <message>
        <location line="+77" />
        <source>About Trade Sentinel</source>
        <translation>Über Trade Sentinel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trade Sentinel %1
A desktop trading monitor with a risk gate and operator approval.
Licensed under the GNU GPL v3 or later.</source>
        <translation>Trade Sentinel %1
Ein Desktop-Handelsmonitor mit Risikoprüfung und Freigabe durch den Bediener.
Lizenziert unter der GNU GPL v3 oder neuer.</translation>
    </message>
    <message>
        <location line="-77" />
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location line="+316" />
        <source>Simulation finished: its figures are in the Performance view.</source>
        <translation>Simulation beendet: Ihre Kennzahlen stehen in der Performance-Ansicht.</translation>
    </message>
</context>
<context>
    <name>sentinel::ModelServerTable</name>
    <message>
        <location filename="../ui/ModelServerTable.cpp" line="+26" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Valid answer, %1</source>
        <translation>Gültige Antwort, %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Settings refused</source>
        <translation>Einstellungen abgelehnt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not reachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Model missing</source>
        <translation>Modell fehlt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Invalid answer</source>
        <translation>Ungültige Antwort</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <location line="+1" />
        <source>yes (%1)</source>
        <translation>ja (%1)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reachable: %1 · model present: %2 · valid answer: %3</source>
        <translation>Erreichbar: %1 · Modell vorhanden: %2 · gültige Antwort: %3</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Model servers</source>
        <translation>Modellserver</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <location line="+43" />
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OpenAI-compatible</source>
        <translation>OpenAI-kompatibel</translation>
    </message>
    <message>
        <location line="+9" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Kind of model server %1</source>
        <translation>Art von Modellserver %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weight of model server %1</source>
        <translation>Gewicht von Modellserver %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Timeout of model server %1</source>
        <translation>Zeitlimit von Modellserver %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Ollama takes no key; OpenAI-compatible servers may need one</source>
        <translation>Ollama braucht keinen Schlüssel; OpenAI-kompatible Server brauchen eventuell einen</translation>
    </message>
    <message>
        <location line="+75" />
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
</context>
<context>
    <name>sentinel::PerformanceModel</name>
    <message>
        <location filename="../ui/PerformanceModel.cpp" line="+49" />
        <source>No losing trade: gross profit cannot be divided by a gross loss of zero</source>
        <translation>Kein Verlustgeschäft: Der Bruttogewinn lässt sich nicht durch einen Bruttoverlust von null teilen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>On daily returns, annualised with √252; 0 with fewer than two days or no deviation</source>
        <translation>Auf Tagesrenditen, mit √252 annualisiert; 0 bei weniger als zwei Tagen oder ohne Streuung</translation>
    </message>
    <message>
        <location line="+17" />
        <source>All trades</source>
        <translation>Alle Trades</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Strategy %1</source>
        <translation>Strategie %1</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Round trips: units opened and closed again</source>
        <translation>Round Trips: eröffnete und wieder geschlossene Einheiten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Share of closed trades with a profit after fees</source>
        <translation>Anteil der geschlossenen Trades mit Gewinn nach Gebühren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gross profit ÷ gross loss</source>
        <translation>Bruttogewinn ÷ Bruttoverlust</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Largest fall from an equity peak</source>
        <translation>Größter Rückgang von einem Kapitalhöchststand</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fills: every order the platform executed</source>
        <translation>Ausführungen: jede Order, die die Plattform ausgeführt hat</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Win rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;L</source>
        <translation>G&amp;V</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avg win</source>
        <translation>Ø Gewinn</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avg loss</source>
        <translation>Ø Verlust</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Profit factor</source>
        <translation>Profitfaktor</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sharpe</source>
        <translation>Sharpe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sortino</source>
        <translation>Sortino</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Max DD</source>
        <translation>Max. DD</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fills</source>
        <translation>Ausführungen</translation>
    </message>
</context>
<context>
    <name>sentinel::PerformancePanel</name>
    <message>
        <location filename="../ui/PerformancePanel.cpp" line="+178" />
        <source>Performance by strategy and instrument</source>
        <translation>Performance nach Strategie und Instrument</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Equity curve</source>
        <translation>Kapitalkurve</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+2" />
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Performance</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Equity</source>
        <translation>Kapital</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show the figures of the journal's trades, read again</source>
        <translation>Die Kennzahlen der Trades im Journal zeigen, neu gelesen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save the report shown as JSON, or its closed trades as CSV</source>
        <translation>Den angezeigten Bericht als JSON oder seine geschlossenen Trades als CSV speichern</translation>
    </message>
    <message>
        <location line="-16" />
        <source>The figures appear once the engine runs.</source>
        <translation>Die Kennzahlen erscheinen, sobald die Engine läuft.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Reading the journal…</source>
        <translation>Journal wird gelesen…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>No figures: %1</source>
        <translation>Keine Kennzahlen: %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>No closed trades yet: the figures appear once a position is closed.</source>
        <translation>Noch keine geschlossenen Trades: Die Kennzahlen erscheinen, sobald eine Position geschlossen ist.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n closed trade(s), P&amp;L %1, maximum drawdown %2.</source>
        <translation>
            <numerusform>%n geschlossener Trade, G&amp;V %1, maximaler Drawdown %2.</numerusform>
            <numerusform>%n geschlossene Trades, G&amp;V %1, maximaler Drawdown %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8" />
        <source>Simulation: %1</source>
        <translation>Simulation: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Journal: every trade so far</source>
        <translation>Journal: alle bisherigen Trades</translation>
    </message>
    <message>
        <location line="+50" />
        <source>Save the performance report</source>
        <translation>Performance-Bericht speichern</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Report (*.json);;Closed trades (*.csv)</source>
        <translation>Bericht (*.json);;Geschlossene Trades (*.csv)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saving to %1…</source>
        <translation>Wird in %1 gespeichert…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>sentinel::PositionModel</name>
    <message>
        <location filename="../ui/PositionModel.cpp" line="+57" />
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Long</source>
        <translation>Long</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Short %1</source>
        <translation>Short %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Long %1</source>
        <translation>Long %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No stop known: the position was not opened through this journal, or its fills do not add up to what the platform holds</source>
        <translation>Kein Stop bekannt: Die Position wurde nicht über dieses Journal eröffnet, oder ihre Ausführungen ergeben nicht den Bestand der Plattform</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Closed at market once the price crosses %1 (%2 from the last price)</source>
        <translation>Wird zum Marktpreis geschlossen, sobald der Kurs %1 kreuzt (%2 vom letzten Kurs)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Closed at market once the price crosses %1</source>
        <translation>Wird zum Marktpreis geschlossen, sobald der Kurs %1 kreuzt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Opening time unknown: the position was not opened through this journal, or its fills do not add up to what the platform holds</source>
        <translation>Eröffnungszeit unbekannt: Die Position wurde nicht über dieses Journal eröffnet, oder ihre Ausführungen ergeben nicht den Bestand der Plattform</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Opened %1</source>
        <translation>Eröffnet %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The protective stop of the newest entry: the engine closes the whole position at market when the price crosses it</source>
        <translation>Der Schutz-Stop des jüngsten Einstiegs: Die Engine schließt die ganze Position zum Marktpreis, wenn der Kurs ihn kreuzt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>How long the position has been held, up to the account report</source>
        <translation>Wie lange die Position gehalten wird, bis zum Kontobericht</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avg. price</source>
        <translation>Ø Preis</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Market price</source>
        <translation>Marktpreis</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unrealised P&amp;L</source>
        <translation>Unrealisierter G/V</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;L %</source>
        <translation>G&amp;V %</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Age</source>
        <translation>Alter</translation>
    </message>
</context>
<context>
    <name>sentinel::PositionsPanel</name>
    <message>
        <location filename="../ui/PositionsPanel.cpp" line="+78" />
        <source>Open positions</source>
        <translation>Offene Positionen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Close Position…</source>
        <translation>P&amp;osition schließen …</translation>
    </message>
    <message>
        <location line="-2" />
        <location line="+81" />
        <source>Positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <location line="-78" />
        <source>Close the selected position at market, after a confirmation</source>
        <translation>Ausgewählte Position nach einer Bestätigung zum Marktpreis schließen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close the selected position</source>
        <translation>Ausgewählte Position schließen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Balance and equity</source>
        <translation>Saldo und Eigenkapital</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Account: no report yet</source>
        <translation>Konto: noch keine Meldung</translation>
    </message>
    <message>
        <location line="-20" />
        <source>Realised and unrealised profit and loss</source>
        <translation>Realisierter und nicht realisierter Gewinn und Verlust</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Realised: round trips closed today (UTC), net of fees, from the journal. Unrealised: the open positions at their last price.</source>
        <translation>Realisiert: heute (UTC) geschlossene Round Trips laut Journal, nach Gebühren. Nicht realisiert: die offenen Positionen zum letzten Kurs.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Account reported at</source>
        <translation>Konto gemeldet um</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Balance %1 · Equity %2</source>
        <translation>Saldo %1 · Eigenkapital %2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Realised today %1 · Unrealised %2</source>
        <translation>Heute realisiert %1 · Nicht realisiert %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>As of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No open positions</source>
        <translation>Keine offenen Positionen</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Positions (%1)</source>
        <translation>Positionen (%1)</translation>
    </message>
</context>
<context>
    <name>sentinel::RiskPanel</name>
    <message>
        <location filename="../ui/RiskPanel.cpp" line="+122" />
        <source>Value at risk</source>
        <translation>Value at Risk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected shortfall</source>
        <translation>Expected Shortfall</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Equity</source>
        <translation>Eigenkapital</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gross exposure</source>
        <translation>Bruttoengagement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Risk updated at</source>
        <translation>Risiko aktualisiert um</translation>
    </message>
    <message>
        <location line="-5" />
        <location line="+15" />
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location line="-9" />
        <source>VaR method</source>
        <translation>VaR-Methode</translation>
    </message>
    <message>
        <location line="+23" />
        <source>no estimate yet</source>
        <translation>noch keine Schätzung</translation>
    </message>
    <message>
        <location line="-22" />
        <source>How VaR was estimated. A bootstrap estimate from few returns is less certain.</source>
        <translation>Wie der VaR geschätzt wurde. Eine Bootstrap-Schätzung aus wenigen Renditen ist unsicherer.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VaR:</source>
        <translation>VaR:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected shortfall:</source>
        <translation>Expected Shortfall:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Equity:</source>
        <translation>Eigenkapital:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gross exposure:</source>
        <translation>Bruttoengagement:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>As of:</source>
        <translation>Stand:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No limits reported yet.</source>
        <translation>Noch keine Limits gemeldet.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1 (%2 % confidence, 1 day)</source>
        <translation>%1 (%2 % Konfidenz, 1 Tag)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 (%2 of equity)</source>
        <translation>%1 (%2 des Eigenkapitals)</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%1 of %2 (%3 used)</source>
        <translation>%1 von %2 (%3 ausgeschöpft)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 limit usage</source>
        <translation>Auslastung des Limits %1</translation>
    </message>
</context>
<context>
    <name>sentinel::SecretEdit</name>
    <message>
        <location filename="../ui/SecretEdit.cpp" line="+20" />
        <source>Where %1 is kept</source>
        <translation>Wo %1 aufbewahrt wird</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OS keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No OS keychain is available on this system</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <location line="+42" />
        <source>stored in the keychain; type to replace</source>
        <translation>im Schlüsselbund gespeichert; zum Ersetzen eintippen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>paste the secret; it goes to the keychain</source>
        <translation>Geheimnis einfügen; es kommt in den Schlüsselbund</translation>
    </message>
    <message>
        <location line="+1" />
        <source>name of the environment variable</source>
        <translation>Name der Umgebungsvariable</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kept in the OS keychain as %1; the file refers to it as ${%1}</source>
        <translation>Im Schlüsselbund als %1 gespeichert; die Datei verweist darauf mit ${%1}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The file refers to ${NAME}; export NAME before starting</source>
        <translation>Die Datei verweist auf ${NAME}; exportieren Sie NAME vor dem Start</translation>
    </message>
</context>
<context>
    <name>sentinel::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+51" />
        <location line="+1" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Watchlist</source>
        <translation>&amp;Beobachtungsliste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Delivery</source>
        <translation>&amp;Zustellung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Limits</source>
        <translation>&amp;Limits</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Brokers</source>
        <translation>B&amp;roker</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Ad&amp;visor</source>
        <translation>Berat&amp;er</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A&amp;ppearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Saved to %1. Changes to the engine take effect at the next start.</source>
        <translation>Gespeichert in %1. Änderungen an der Engine wirken beim nächsten Start.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Trading mode</source>
        <translation>Handelsmodus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approval: every trade waits for you</source>
        <translation>Genehmigung: jeder Trade wartet auf Sie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signal only: send signals, never trade</source>
        <translation>Nur Signale: Signale senden, nie handeln</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Autonomous: trade without approval</source>
        <translation>Autonom: ohne Genehmigung handeln</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow &amp;autonomous execution</source>
        <translation>&amp;Autonome Ausführung erlauben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow autonomous execution</source>
        <translation>Autonome Ausführung erlauben</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Approval timeout in seconds</source>
        <translation>Genehmigungsfrist in Sekunden</translation>
    </message>
    <message>
        <location line="+2" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approval &amp;timeout:</source>
        <translation>Genehmigungs&amp;frist:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Configuration file: %1</source>
        <translation>Konfigurationsdatei: %1</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Watched instruments</source>
        <translation>Beobachtete Instrumente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Markets: XNYS, XNAS, FX, CRYPTO. Intervals: 1min, 5min, 15min, 30min, 60min, daily.</source>
        <translation>Märkte: XNYS, XNAS, FX, CRYPTO. Intervalle: 1min, 5min, 15min, 30min, 60min, daily.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add instrument</source>
        <translation>Instrument hinzufügen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove selected instrument</source>
        <translation>Ausgewähltes Instrument entfernen</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Send signals to &amp;Telegram</source>
        <translation>Signale an &amp;Telegram senden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Send signals to Telegram</source>
        <translation>Signale an Telegram senden</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Telegram chat id</source>
        <translation>Telegram-Chat-ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>numeric chat id or @channelname</source>
        <translation>numerische Chat-ID oder @kanalname</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Chat id:</source>
        <translation>&amp;Chat-ID:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Telegram bot token</source>
        <translation>Telegram-Bot-Token</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bot t&amp;oken:</source>
        <translation>Bot-T&amp;oken:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Also send signals to a &amp;webhook</source>
        <translation>Signale zusätzlich an einen &amp;Webhook senden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Send signals to a webhook</source>
        <translation>Signale an einen Webhook senden</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Webhook signing secret</source>
        <translation>Signaturgeheimnis des Webhooks</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Signing secret:</source>
        <translation>&amp;Signaturgeheimnis:</translation>
    </message>
    <message>
        <location line="+16" />
        <source>VaR confidence</source>
        <translation>VaR-Konfidenz</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VaR &amp;confidence:</source>
        <translation>VaR-&amp;Konfidenz:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Maximum portfolio VaR</source>
        <translation>Maximaler Portfolio-VaR</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maximum &amp;VaR:</source>
        <translation>Maximaler &amp;VaR:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Maximum position size</source>
        <translation>Maximale Positionsgröße</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maximum &amp;position:</source>
        <translation>Maximale &amp;Position:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Maximum drawdown</source>
        <translation>Maximaler Drawdown</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maximum &amp;drawdown:</source>
        <translation>Maximaler &amp;Drawdown:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Maximum trades per day</source>
        <translation>Maximale Trades pro Tag</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Maximum &amp;trades per day:</source>
        <translation>Maximale &amp;Trades pro Tag:</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1" />
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Colour theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Play a sound with new proposals and critical alerts</source>
        <translation>Bei neuen Vorschlägen und kritischen Warnungen einen Ton abspielen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sound:</source>
        <translation>Ton:</translation>
    </message>
    <message>
        <location line="+114" />
        <source>'%1' is not an interval</source>
        <translation>„%1“ ist kein Intervall</translation>
    </message>
    <message>
        <location line="+0" />
        <source>use one of %1</source>
        <translation>verwenden Sie eines von %1</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Fix the problems shown in red first</source>
        <translation>Beheben Sie zuerst die rot angezeigten Probleme</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Saving…</source>
        <translation>Speichern …</translation>
    </message>
</context>
<context>
    <name>sentinel::SimulateDialog</name>
    <message>
        <location filename="../ui/SimulateDialog.cpp" line="+115" />
        <source>Simulate</source>
        <translation>Simulieren</translation>
    </message>
    <message>
        <location line="+5" />
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The simulation starts at 00:00 UTC of this day</source>
        <translation>Die Simulation beginnt um 00:00 UTC dieses Tages</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The simulation ends at the end of this day (UTC), or now</source>
        <translation>Die Simulation endet am Ende dieses Tages (UTC) oder jetzt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instruments to simulate</source>
        <translation>Zu simulierende Instrumente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The rule the simulated engine trades by (the model advisor is not simulated)</source>
        <translation>Die Regel, nach der die simulierte Engine handelt (der Modellberater wird nicht simuliert)</translation>
    </message>
    <message>
        <location line="-58" />
        <source>Runs on the paper account and a scratch journal; the live journal, the account and the delivery channels are not touched.</source>
        <translation>Läuft auf dem Papierkonto und einem Notizjournal; das laufende Journal, das Konto und die Zustellkanäle bleiben unberührt.</translation>
    </message>
    <message>
        <location line="+59" />
        <source>&amp;Run</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Cancel run</source>
        <translation>Lauf &amp;abbrechen</translation>
    </message>
    <message>
        <location line="-12" />
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Strategy:</source>
        <translation>S&amp;trategie:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Instruments:</source>
        <translation>&amp;Instrumente:</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Simulating %1 to %2…</source>
        <translation>Simuliere %1 bis %2…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Simulated time: %1</source>
        <translation>Simulierte Zeit: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>Finished: %n closed trade(s), P&amp;L %1. The Performance view shows the figures.</source>
        <translation>
            <numerusform>Fertig: %n geschlossener Trade, G&amp;V %1. Die Performance-Ansicht zeigt die Kennzahlen.</numerusform>
            <numerusform>Fertig: %n geschlossene Trades, G&amp;V %1. Die Performance-Ansicht zeigt die Kennzahlen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Cancelled: nothing was kept.</source>
        <translation>Abgebrochen: nichts wurde behalten.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The simulation did not run: %1</source>
        <translation>Die Simulation lief nicht: %1</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Tick at least one instrument.</source>
        <translation>Mindestens ein Instrument ankreuzen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The first day must not be after the last.</source>
        <translation>Der erste Tag darf nicht nach dem letzten liegen.</translation>
    </message>
</context>
<context>
    <name>sentinel::StatusBarWidgets</name>
    <message>
        <location filename="../ui/StatusBarWidgets.cpp" line="+66" />
        <source>Live trading</source>
        <translation>Live-Handel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trading paused</source>
        <translation>Handel pausiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Engine state</source>
        <translation>Zustand der Engine</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cycles per minute</source>
        <translation>Zyklen pro Minute</translation>
    </message>
    <message>
        <location line="+1" />
        <source>API calls per hour</source>
        <translation>API-Aufrufe pro Stunde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trading mode</source>
        <translation>Handelsmodus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pending approvals</source>
        <translation>Offene Genehmigungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stale instruments</source>
        <translation>Veraltete Instrumente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline warning</source>
        <translation>Offline-Warnung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Engine starting…</source>
        <translation>Engine startet …</translation>
    </message>
    <message>
        <location line="-4" />
        <source>⚠ Offline: no live data or delivery</source>
        <translation>⚠ Offline: keine Live-Daten und keine Zustellung</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Engine %1 · %2 feed</source>
        <translation>Engine %1 · Datenquelle %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n cycle(s) since start; engine clock %1</source>
        <translation>
            <numerusform>%n Zyklus seit dem Start; Engine-Uhr %1</numerusform>
            <numerusform>%n Zyklen seit dem Start; Engine-Uhr %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 cycles/min</source>
        <translation>%1 Zyklen/min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 API calls/h</source>
        <translation>%1 API-Aufrufe/h</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mode: %1</source>
        <translation>Modus: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Approved orders go to the live %1: they move real money.</source>
        <translation>Freigegebene Orders gehen an das Live-%1: Sie bewegen echtes Geld.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>PAUSED</source>
        <translation>PAUSIERT</translation>
    </message>
    <message>
        <location line="+2" />
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Trading is paused: no new proposals. Open positions keep their exits and alerts.
Paused by %1 at %2.</source>
        <translation>Der Handel ist pausiert: keine neuen Vorschläge. Offene Positionen behalten ihre Ausstiege und Warnmeldungen.
Pausiert von %1 um %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>an unknown operator</source>
        <translation>einem unbekannten Bediener</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>%n pending</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9" />
        <source>%n stale</source>
        <translation>
            <numerusform>%n veraltet</numerusform>
            <numerusform>%n veraltet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sentinel::TradingControls</name>
    <message>
        <location filename="../ui/TradingControls.cpp" line="+42" />
        <source>&amp;Flatten All…</source>
        <translation>Alles glatt&amp;stellen …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Kill Switch…</source>
        <translation>&amp;Not-Aus …</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Close every open position at market, after a confirmation that lists them</source>
        <translation>Alle offenen Positionen zum Marktpreis schließen, nach einer Bestätigung, die sie auflistet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pause trading, reject every pending proposal and close every open position (%1), after a confirmation</source>
        <translation>Handel pausieren, alle offenen Vorschläge ablehnen und alle offenen Positionen schließen (%1), nach einer Bestätigung</translation>
    </message>
    <message>
        <location line="+76" />
        <source>Res&amp;ume Trading</source>
        <translation>Handel &amp;fortsetzen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Resume trading: the strategies may propose trades again</source>
        <translation>Handel fortsetzen: Die Strategien dürfen wieder Trades vorschlagen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Pause Trading</source>
        <translation>Handel &amp;pausieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pause trading: no new proposals; open positions keep their exits and alerts</source>
        <translation>Handel pausieren: keine neuen Vorschläge; offene Positionen behalten ihre Ausstiege und Warnmeldungen</translation>
    </message>
</context>
<context>
    <name>sentinel::TrayNotifier</name>
    <message>
        <location filename="../ui/TrayNotifier.cpp" line="+44" />
        <source>&amp;Show Trade Sentinel</source>
        <translation>Trade Sentinel &amp;anzeigen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Trade Sentinel</source>
        <translation>Trade Sentinel</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Trade proposal: %1</source>
        <translation>Trade-Vorschlag: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 — decide before %2</source>
        <translation>%1 – entscheiden Sie vor %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Critical: %1</source>
        <translation>Kritisch: %1</translation>
    </message>
</context>
<context>
    <name>sentinel::WatchlistModel</name>
    <message>
        <location filename="../ui/WatchlistModel.cpp" line="+33" />
        <source>waiting for data</source>
        <translation>warte auf Daten</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 on %2, %3 bars</source>
        <translation>%1 an %2, %3-Kerzen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bar opened %1</source>
        <translation>Kerze eröffnet %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lag in market time; tolerance %1</source>
        <translation>Verzögerung in Marktzeit; Toleranz %1</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Feed</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last price</source>
        <translation>Letzter Kurs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last bar (local time)</source>
        <translation>Letzte Kerze (Ortszeit)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Freshness</source>
        <translation>Aktualität</translation>
    </message>
    <message>
        <location line="+20" />
        <source>%1, streamed</source>
        <translation>%1, gestreamt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1, degraded</source>
        <translation>%1, eingeschränkt</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Bars are polled from %1 on the market's schedule</source>
        <translation>Balken werden nach dem Zeitplan des Marktes bei %1 abgefragt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Bars come from the %1 price stream, live since %2; the broker's candles confirm each one</source>
        <translation>Balken kommen aus dem Preisstrom von %1, live seit %2; die Kerzen des Brokers bestätigen jeden</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>; next try %1</source>
        <translation>; nächster Versuch %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The %1 price stream is down since %2%3. Bars come from candles meanwhile, up to a poll later than the stream would bring them%4</source>
        <translation>Der Preisstrom von %1 ist seit %2 unterbrochen%3. Balken kommen so lange aus Kerzen, bis zu einer Abfrage später als der Strom sie brächte%4</translation>
    </message>
</context>
<context>
    <name>sentinel::WatchlistPanel</name>
    <message>
        <location filename="../ui/WatchlistPanel.cpp" line="+39" />
        <source>Watchlist</source>
        <translation>Beobachtungsliste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Watchlist: instruments, prices and data freshness</source>
        <translation>Beobachtungsliste: Instrumente, Kurse und Aktualität der Daten</translation>
    </message>
</context>
</TS>
