<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AdviceDetails</name>
    <message>
        <location filename="../ui/AdviceDetails.cpp" line="+23" />
        <source>&lt;b&gt;%1&lt;/b&gt;, confidence %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, confianza %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no vote (%1: %2)</source>
        <translation>sin voto (%1: %2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+13" />
        <source>FALLBACK</source>
        <translation>RESERVA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No advisor model answered in time; %1 decided.</source>
        <translation>Ningún modelo asesor respondió a tiempo; decidió %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Advisor: %1</source>
        <translation>Asesor: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Model votes:</source>
        <translation>Votos de los modelos:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Left out of the prompt: %1</source>
        <translation>Fuera del prompt: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prompt SHA-256: %1</source>
        <translation>SHA-256 del prompt: %1</translation>
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
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location line="+6" />
        <source>expired</source>
        <translation>vencida</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Fresh</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lagging</source>
        <translation>Con retraso</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stale</source>
        <translation>Obsoleto</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+133" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="-127" />
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <location line="+2" />
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>weekend</source>
        <translation>fin de semana</translation>
    </message>
    <message>
        <location line="+2" />
        <source>holiday</source>
        <translation>festivo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>early close</source>
        <translation>cierre anticipado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>pre-market</source>
        <translation>preapertura</translation>
    </message>
    <message>
        <location line="+2" />
        <source>after hours</source>
        <translation>fuera de horario</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Critical</source>
        <translation>Crítico</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Stale data</source>
        <translation>Datos obsoletos</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delivery failed</source>
        <translation>Entrega fallida</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Quota</source>
        <translation>Cuota</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Risk rejection</source>
        <translation>Rechazo por riesgo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Approval refused</source>
        <translation>Aprobación denegada</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Execution failed</source>
        <translation>Ejecución fallida</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Platform error</source>
        <translation>Error de la plataforma</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delivery setup</source>
        <translation>Configuración del envío</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cache degraded</source>
        <translation>Caché degradada</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cache recovered</source>
        <translation>Caché recuperada</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Monitoring endpoint</source>
        <translation>Punto de monitorización</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Provider paused</source>
        <translation>Proveedor en pausa</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Journal error</source>
        <translation>Error del diario</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Broker disconnected</source>
        <translation>Bróker desconectado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Order in doubt</source>
        <translation>Orden en duda</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Advisor unavailable</source>
        <translation>Asesor no disponible</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Telegram: not authorised</source>
        <translation>Telegram: no autorizado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Operator control</source>
        <translation>Control del operador</translation>
    </message>
    <message>
        <location line="+7" />
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>executed</source>
        <translation>ejecutada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>rejected</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>expired (rejected)</source>
        <translation>vencida (rechazada)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>refused at execution</source>
        <translation>denegada al ejecutar</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Buy</source>
        <translation>Compra</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sell</source>
        <translation>Venta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (exit)</source>
        <translation>%1 (salida)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>OK</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failing</source>
        <translation>Fallando</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location line="+6" />
        <source>starting</source>
        <translation>iniciando</translation>
    </message>
    <message>
        <location line="+1" />
        <source>running</source>
        <translation>en marcha</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+16" />
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <location line="-10" />
        <source>polling</source>
        <translation>consultando</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing off</source>
        <translation>esperando para reintentar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>rate limited</source>
        <translation>límite de peticiones alcanzado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>conflict: another program reads this bot's updates</source>
        <translation>conflicto: otro programa lee las actualizaciones de este bot</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unauthorized: the bot token was refused</source>
        <translation>no autorizado: el token del bot fue rechazado</translation>
    </message>
</context>
<context>
    <name>IssuePlacement</name>
    <message>
        <location filename="../ui/IssuePlacement.cpp" line="+51" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ProposalDetails</name>
    <message>
        <location filename="../ui/ProposalDetails.cpp" line="+14" />
        <source>%1 %2 %3 at about %4 (%5)</source>
        <translation>%1 %2 %3 a aproximadamente %4 (%5)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Strategy: %1</source>
        <translation>Estrategia: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Data: %1</source>
        <translation>Datos: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VaR before / after: %1 / %2</source>
        <translation>VaR antes / después: %1 / %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Proposed %1, expires %2</source>
        <translation>Propuesta %1, vence %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Risk checks passed:</source>
        <translation>Controles de riesgo superados:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Risk checks refused:</source>
        <translation>Controles de riesgo no superados:</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+207" />
        <source>Configuration problems</source>
        <translation>Problemas en la configuración</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trade Sentinel cannot start with this configuration:

%1

Run 'sentinel config check' for the full report.</source>
        <translation>Trade Sentinel no puede iniciarse con esta configuración:

%1

Ejecute «sentinel config check» para ver el informe completo.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>The engine could not start</source>
        <translation>El motor no pudo iniciarse</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing is being monitored. Fix these and restart:

%1</source>
        <translation>No se está supervisando nada. Corrija lo siguiente y reinicie:

%1</translation>
    </message>
</context>
<context>
    <name>sentinel::AdvisorSettingsPage</name>
    <message>
        <location filename="../ui/AdvisorSettingsPage.cpp" line="+26" />
        <source>Moving-average crossover (sma_cross)</source>
        <translation>Cruce de medias móviles (sma_cross)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>RSI reversion (rsi_reversion)</source>
        <translation>Reversión del RSI (rsi_reversion)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>LLM advisor with a rule fallback (llm_advisor)</source>
        <translation>Asesor LLM con una regla de reserva (llm_advisor)</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Fallback rule strategy</source>
        <translation>Estrategia de reglas de reserva</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Strat&amp;egy:</source>
        <translation>Est&amp;rategia:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Model servers the LLM advisor asks (Ollama, or any OpenAI-compatible server):</source>
        <translation>Servidores de modelos a los que pregunta el asesor LLM (Ollama o cualquier servidor compatible con OpenAI):</translation>
    </message>
    <message>
        <location line="+4" />
        <source>API key of the selected model server</source>
        <translation>Clave API del servidor de modelos seleccionado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>API &amp;key of the selected server:</source>
        <translation>&amp;Clave API del servidor seleccionado:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Add server</source>
        <translation>Añadir ser&amp;vidor</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add model server</source>
        <translation>Añadir servidor de modelos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;move server</source>
        <translation>&amp;Quitar servidor</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove selected model server</source>
        <translation>Quitar el servidor de modelos seleccionado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Test servers</source>
        <translation>Pr&amp;obar servidores</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Test the model servers</source>
        <translation>Probar los servidores de modelos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checks each server's health and asks it one fixed prompt, with the values on this page, unsaved ones included, as sentinel advisor test does</source>
        <translation>Comprueba cada servidor y le hace una pregunta fija, con los valores de esta página, incluidos los no guardados, como sentinel advisor test</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Advisor test result</source>
        <translation>Resultado de la prueba del asesor</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Test result of the selected model server</source>
        <translation>Resultado de la prueba del servidor seleccionado</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Fallback:</source>
        <translation>Regla de re&amp;serva:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Weight of the fallback's vote</source>
        <translation>Peso del voto de la regla de reserva</translation>
    </message>
    <message>
        <location line="+3" />
        <source>0: the rule decides only when no model answers in time; more: it also votes</source>
        <translation>0: la regla decide solo cuando ningún modelo responde a tiempo; más: también vota</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fallback weig&amp;ht:</source>
        <translation>Peso &amp;de la reserva:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The advisor only proposes: every advised trade passes the freshness and risk checks and waits for your approval.</source>
        <translation>El asesor solo propone: cada operación aconsejada pasa los controles de actualidad y de riesgo y espera su aprobación.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Not tested: %1</source>
        <translation>No probado: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The servers changed during the test; test again.</source>
        <translation>Los servidores cambiaron durante la prueba; vuelva a probar.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Every model server answered the test prompt with valid advice.</source>
        <translation>Todos los servidores de modelos respondieron a la pregunta de prueba con un consejo válido.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 of %2 model servers failed the test; each row says why.</source>
        <translation>%1 de %2 servidores de modelos no superaron la prueba; cada fila dice por qué.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The advisor refuses the settings of a row; its result says why.</source>
        <translation>El asesor rechaza los ajustes de una fila; su resultado dice por qué.</translation>
    </message>
</context>
<context>
    <name>sentinel::AlertModel</name>
    <message>
        <location filename="../ui/AlertModel.cpp" line="+42" />
        <source>%1 (acknowledged)</source>
        <translation>%1 (reconocida)</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>sentinel::AlertPanel</name>
    <message>
        <location filename="../ui/AlertPanel.cpp" line="+129" />
        <source>&amp;Hide acknowledged</source>
        <translation>&amp;Ocultar reconocidas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ac&amp;knowledge</source>
        <translation>&amp;Reconocer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Acknowledge &amp;All</source>
        <translation>Reconocer &amp;todas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What to &amp;Do</source>
        <translation>Qué &amp;hacer</translation>
    </message>
    <message>
        <location line="-12" />
        <location line="+1" />
        <location line="+58" />
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <location line="-57" />
        <source>Minimum severity</source>
        <translation>Gravedad mínima</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All severities</source>
        <translation>Todas las gravedades</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warnings and critical</source>
        <translation>Avisos y críticas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Critical only</source>
        <translation>Solo críticas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hide acknowledged alerts</source>
        <translation>Ocultar alertas reconocidas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Reconocer las alertas seleccionadas (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open the runbook for the selected alert: what it means and what to do</source>
        <translation>Abrir el manual de operaciones de la alerta seleccionada: qué significa y qué hacer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Acknowledge selected alerts</source>
        <translation>Reconocer las alertas seleccionadas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the runbook for the selected alert</source>
        <translation>Abrir el manual de operaciones de la alerta seleccionada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Alerts (%1)</source>
        <translation>Alertas (%1)</translation>
    </message>
</context>
<context>
    <name>sentinel::AppConfigStore</name>
    <message>
        <location filename="../app/gui/AppConfigStore.cpp" line="+151" />
        <source>the keychain did not store %1: %2</source>
        <translation>el llavero no guardó %1: %2</translation>
    </message>
    <message>
        <location line="+20" />
        <location line="+6" />
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>sentinel::ApprovalModel</name>
    <message>
        <location filename="../ui/ApprovalModel.cpp" line="+35" />
        <source>passed</source>
        <translation>superado</translation>
    </message>
    <message>
        <location line="+0" />
        <source>refused</source>
        <translation>no superado</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Expires %1 (%2)</source>
        <translation>Vence %1 (%2)</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Side</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Risk check</source>
        <translation>Control de riesgo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expires in</source>
        <translation>Vence en</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>sentinel::ApprovalPanel</name>
    <message>
        <location filename="../ui/ApprovalPanel.cpp" line="+153" />
        <source>Pending proposals</source>
        <translation>Propuestas pendientes</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Recent decisions</source>
        <translation>Decisiones recientes</translation>
    </message>
    <message>
        <location line="-8" />
        <source>&amp;Approve…</source>
        <translation>&amp;Aprobar…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Reject…</source>
        <translation>&amp;Rechazar…</translation>
    </message>
    <message>
        <location line="-3" />
        <location line="+120" />
        <source>Approvals</source>
        <translation>Aprobaciones</translation>
    </message>
    <message>
        <location line="-118" />
        <source>Approve the selected proposal (Ctrl+Return); you confirm what will execute</source>
        <translation>Aprobar la propuesta seleccionada (Ctrl+Intro); usted confirma lo que se ejecutará</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reject the selected proposal (Ctrl+Backspace or Delete) with a reason</source>
        <translation>Rechazar la propuesta seleccionada con un motivo (Ctrl+Retroceso o Supr)</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+1" />
        <source>Proposal details</source>
        <translation>Detalles de la propuesta</translation>
    </message>
    <message>
        <location line="+50" />
        <source>Approve trade</source>
        <translation>Aprobar operación</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Execute this trade?</source>
        <translation>¿Ejecutar esta operación?</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Risk check: %1</source>
        <translation>Control de riesgo: %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>passed</source>
        <translation>superado</translation>
    </message>
    <message>
        <location line="+0" />
        <source>refused</source>
        <translation>no superado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VaR before / after: %1 / %2</source>
        <translation>VaR antes / después: %1 / %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Data: %1</source>
        <translation>Datos: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The engine re-checks freshness and risk before it executes.</source>
        <translation>El motor vuelve a comprobar la actualidad de los datos y el riesgo antes de ejecutar.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <location line="+22" />
        <location line="+12" />
        <source>rejected by the operator</source>
        <translation>rechazada por el operador</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Reject trade</source>
        <translation>Rechazar operación</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject %1?
Reason (kept in the journal):</source>
        <translation>¿Rechazar %1?
Motivo (se guarda en el diario):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Approvals (%1)</source>
        <translation>Aprobaciones (%1)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No proposal waiting for a decision.</source>
        <translation>Ninguna propuesta espera una decisión.</translation>
    </message>
</context>
<context>
    <name>sentinel::BrokerSettingsPage</name>
    <message>
        <location filename="../ui/BrokerSettingsPage.cpp" line="+45" />
        <source>Where orders go</source>
        <translation>Adónde van las órdenes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paper account (simulated, no money)</source>
        <translation>Cuenta de papel (simulada, sin dinero)</translation>
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
        <translation>Las ó&amp;rdenes van a:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Real money needs two yeses: the live switch of the broker here, and a yes each time the application starts. Practice is the default.</source>
        <translation>El dinero real necesita dos síes: el interruptor real del bróker aquí y un sí cada vez que arranca la aplicación. Por defecto, práctica.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>C&amp;heck OANDA</source>
        <translation>Comprobar O&amp;ANDA</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Chec&amp;k Coinbase</source>
        <translation>Comprobar Coinba&amp;se</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Check the %1 connection</source>
        <translation>Comprobar la conexión con %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Connects with the values on this page, unsaved ones included, and reads the account and its open positions, as sentinel broker check does</source>
        <translation>Se conecta con los valores de esta página, también los no guardados, y lee la cuenta y sus posiciones abiertas, como sentinel broker check</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Use an OANDA account (FX)</source>
        <translation>Usar una cuenta de OANDA (divisas)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>OANDA environment</source>
        <translation>Entorno de OANDA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Practice (demo money)</source>
        <translation>Práctica (dinero ficticio)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Live (real money)</source>
        <translation>Real (dinero real)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Environment:</source>
        <translation>Ent&amp;orno:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow orders with &amp;real money on the live environment</source>
        <translation>Perm&amp;itir órdenes con dinero real en el entorno real</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow OANDA orders with real money</source>
        <translation>Permitir órdenes de OANDA con dinero real</translation>
    </message>
    <message>
        <location line="+5" />
        <source>OANDA account id</source>
        <translation>Número de cuenta de OANDA</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Account id:</source>
        <translation>Número de c&amp;uenta:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>OANDA API token</source>
        <translation>Token de la API de OANDA</translation>
    </message>
    <message>
        <location line="+1" />
        <source>API &amp;token:</source>
        <translation>&amp;Token de la API:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>OANDA check result</source>
        <translation>Resultado de la comprobación de OANDA</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Use a Coinbase key (crypto)</source>
        <translation>Usar una clave de Coinbase (cripto)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Coinbase API key name</source>
        <translation>Nombre de la clave de API de Coinbase</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Key &amp;name:</source>
        <translation>&amp;Nombre de la clave:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Coinbase private key</source>
        <translation>Clave privada de Coinbase</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Private ke&amp;y:</source>
        <translation>Clave pri&amp;vada:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow orders (Coinbase has no practice account: every order is real money)</source>
        <translation>Permitir órdenes (Coinbase no tiene cuenta de práctica: cada orden es dinero real)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow Coinbase orders with real money</source>
        <translation>Permitir órdenes de Coinbase con dinero real</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Coinbase check result</source>
        <translation>Resultado de la comprobación de Coinbase</translation>
    </message>
    <message>
        <location line="+58" />
        <source>Not connected: %1</source>
        <translation>Sin conexión: %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Connected to %1 (%2): account %3, balance %4 %5, open positions: %6</source>
        <translation>Conectado a %1 (%2): cuenta %3, saldo %4 %5, posiciones abiertas: %6</translation>
    </message>
</context>
<context>
    <name>sentinel::CacheModel</name>
    <message>
        <location filename="../ui/CacheModel.cpp" line="+30" />
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Cache</source>
        <translation>Caché</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Backend</source>
        <translation>Almacén</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hit rate</source>
        <translation>Tasa de aciertos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hits</source>
        <translation>Aciertos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Misses</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evictions</source>
        <translation>Desalojos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expired</source>
        <translation>Caducadas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
</context>
<context>
    <name>sentinel::CachePanel</name>
    <message>
        <location filename="../ui/CachePanel.cpp" line="+73" />
        <source>Cache statistics</source>
        <translation>Estadísticas de caché</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Caches</source>
        <translation>Cachés</translation>
    </message>
    <message>
        <location line="+2" />
        <source>API quota</source>
        <translation>Cuota de la API</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Quota: no provider reports yet</source>
        <translation>Cuota: aún no hay informes de proveedores</translation>
    </message>
    <message>
        <location line="-65" />
        <source>API calls saved by caching</source>
        <translation>Llamadas a la API ahorradas por la caché</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hit rate over time</source>
        <translation>Tasa de aciertos en el tiempo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cache hit rate over time</source>
        <translation>Tasa de aciertos de la caché en el tiempo</translation>
    </message>
    <message>
        <location line="+50" />
        <source>%1: %2 of %3 requests today</source>
        <translation>%1: %2 de %3 solicitudes hoy</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 requests today (no daily limit)</source>
        <translation>%1: %2 solicitudes hoy (sin límite diario)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1, resets %2</source>
        <translation>%1, se reinicia %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1; %2 of %3 in the last %4</source>
        <translation>%1; %2 de %3 en el último %4</translation>
    </message>
    <message>
        <location line="+3" />
        <source>connections lost since start: %1</source>
        <translation>conexiones perdidas desde el inicio: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 price stream: live since %2, %3</source>
        <translation>flujo de precios de %1: activo desde %2, %3</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 price stream: down since %2, next try %3 (bars from candles meanwhile), %4</source>
        <translation>flujo de precios de %1: caído desde %2, próximo intento %3 (barras de velas mientras tanto), %4</translation>
    </message>
    <message>
        <location line="+5" />
        <source>API calls saved by caching: %1</source>
        <translation>Llamadas a la API ahorradas por la caché: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>second</source>
        <translation>segundo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>minute</source>
        <translation>minuto</translation>
    </message>
</context>
<context>
    <name>sentinel::CandleChart</name>
    <message>
        <location filename="../ui/CandleChart.cpp" line="+56" />
        <source>MA %1</source>
        <translation>MM %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposal: buy</source>
        <translation>Propuesta: compra</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposal: sell</source>
        <translation>Propuesta: venta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Execution: buy</source>
        <translation>Ejecución: compra</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Execution: sell</source>
        <translation>Ejecución: venta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Price chart</source>
        <translation>Gráfico de precios</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Candlesticks with volume, a moving average and markers for proposals and executions. Mouse wheel zooms, drag pans, right click follows the newest bar again.</source>
        <translation>Velas con volumen, una media móvil y marcas de propuestas y ejecuciones. La rueda del ratón amplía, arrastrar desplaza y un clic derecho vuelve a seguir la vela más reciente.</translation>
    </message>
    <message>
        <location line="+107" />
        <source>Time (%1)</source>
        <translation>Hora (%1)</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Open %1  High %2
Low %3  Close %4
Volume %5
%6</source>
        <translation>Apertura %1  Máximo %2
Mínimo %3  Cierre %4
Volumen %5
%6</translation>
    </message>
    <message>
        <location filename="../ui/CandleChartPainter.cpp" line="+224" />
        <source>No volume reported</source>
        <translation>Sin volumen informado</translation>
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
Solución: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delivery latency, median / 95th percentile</source>
        <translation>Latencia de entrega, mediana / percentil 95</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Success rate</source>
        <translation>Tasa de éxito</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
</context>
<context>
    <name>sentinel::ChartPanel</name>
    <message>
        <location filename="../ui/ChartPanel.cpp" line="+58" />
        <source>Reset &amp;Zoom</source>
        <translation>Restablecer &amp;zoom</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show the newest bars again and follow new ones</source>
        <translation>Volver a mostrar las velas más recientes y seguir las nuevas</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Select an instrument in the watchlist to chart it.</source>
        <translation>Seleccione un instrumento en la lista de seguimiento para verlo en el gráfico.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting for the first bars of %1…</source>
        <translation>Esperando las primeras velas de %1…</translation>
    </message>
</context>
<context>
    <name>sentinel::ControlConfirmation</name>
    <message>
        <location filename="../ui/ControlConfirmation.cpp" line="+87" />
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unrealised P&amp;L</source>
        <translation>G/P no realizada</translation>
    </message>
    <message>
        <location line="+21" />
        <location line="+8" />
        <location line="+7" />
        <source>Flatten all positions</source>
        <translation>Cerrar todas las posiciones</translation>
    </message>
    <message>
        <location line="-13" />
        <source>The account has not been reported yet, so there is no list of positions to confirm.</source>
        <translation>La cuenta aún no se ha informado, así que no hay una lista de posiciones que confirmar.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Try again when the Positions panel shows the account.</source>
        <translation>Vuelva a intentarlo cuando el panel «Posiciones» muestre la cuenta.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No open positions: there is nothing to flatten.</source>
        <translation>No hay posiciones abiertas: no hay nada que cerrar.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Close the open position below at market?</source>
        <translation>¿Cerrar a mercado la posición abierta siguiente?</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>Close the %n open positions below at market?</source>
        <translation>
            <numerusform>¿Cerrar a mercado las %n posiciones abiertas siguientes?</numerusform>
            <numerusform>¿Cerrar a mercado las %n posiciones abiertas siguientes?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>The platform closes each at the market price it gets, which may differ from the price shown. Trading is not paused: new proposals still come. The kill switch pauses as well.</source>
        <translation>La plataforma cierra cada una al precio de mercado que obtenga, que puede diferir del mostrado. Las operaciones no se pausan: siguen llegando propuestas nuevas. La parada de emergencia también pausa.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Flatten All</source>
        <translation>Cerrar todas</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Kill switch</source>
        <translation>Parada de emergencia</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Activate the kill switch? It does three things at once:</source>
        <translation>¿Activar la parada de emergencia? Hace tres cosas a la vez:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trading stays paused:</source>
        <translation>Las operaciones siguen en pausa:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no new proposals until you resume.</source>
        <translation>ninguna propuesta nueva hasta que las reanude.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pause trading:</source>
        <translation>Pausar las operaciones:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no new proposals until you resume; alerts go on.</source>
        <translation>ninguna propuesta nueva hasta que las reanude; las alertas continúan.</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+1" />
        <source>Reject every pending proposal:</source>
        <translation>Rechazar todas las propuestas pendientes:</translation>
    </message>
    <message numerus="yes">
        <location line="-1" />
        <source>%n waiting now.</source>
        <translation>
            <numerusform>%n en espera ahora.</numerusform>
            <numerusform>%n en espera ahora.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>none is waiting now.</source>
        <translation>ahora no hay ninguna en espera.</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+3" />
        <location line="+2" />
        <source>Close every open position at market:</source>
        <translation>Cerrar a mercado todas las posiciones abiertas:</translation>
    </message>
    <message>
        <location line="-4" />
        <source>the account has not been reported yet, so none can be listed; the platform closes what it holds.</source>
        <translation>la cuenta aún no se ha informado, así que no se puede listar ninguna; la plataforma cierra lo que tenga.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>none is open now.</source>
        <translation>ahora no hay ninguna abierta.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n open now, listed below.</source>
        <translation>
            <numerusform>%n abierta ahora, listada abajo.</numerusform>
            <numerusform>%n abiertas ahora, listadas abajo.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>Closed positions stay closed and rejected proposals do not come back. Trading stays paused until you resume it.</source>
        <translation>Las posiciones cerradas siguen cerradas y las propuestas rechazadas no vuelven. Las operaciones siguen en pausa hasta que las reanude.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Activate Kill Switch</source>
        <translation>Activar parada de emergencia</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Close position</source>
        <translation>Cerrar posición</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The platform buys %1 at market.</source>
        <translation>La plataforma compra %1 a mercado.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The platform sells %1 at market.</source>
        <translation>La plataforma vende %1 a mercado.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Close the position of %1 %2?</source>
        <translation>¿Cerrar la posición de %1 %2?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Average price %1, market price %2, unrealised P&amp;L %3.</source>
        <translation>Precio medio %1, precio de mercado %2, G/P no realizada %3.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Close Position</source>
        <translation>Cerrar posición</translation>
    </message>
</context>
<context>
    <name>sentinel::DeliveryPanel</name>
    <message>
        <location filename="../ui/DeliveryPanel.cpp" line="+76" />
        <source>Delivery channels</source>
        <translation>Canales de entrega</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send &amp;Test Message</source>
        <translation>Enviar mensaje de &amp;prueba</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Send one test message through every enabled channel</source>
        <translation>Enviar un mensaje de prueba por cada canal activado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send test message</source>
        <translation>Enviar mensaje de prueba</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outbox depth</source>
        <translation>Mensajes en la bandeja de salida</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Outbox: no report yet</source>
        <translation>Bandeja de salida: aún sin informe</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Last delivery error and remedy</source>
        <translation>Último error de entrega y solución</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Telegram commands</source>
        <translation>Comandos de Telegram</translation>
    </message>
    <message>
        <location line="+22" />
        <source>No remote channel enabled: signals go to the log only. Turn on Telegram or a webhook in Settings.</source>
        <translation>Ningún canal remoto activado: las señales solo se registran. Active Telegram o un webhook en Preferencias.</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Outbox: %n message(s) waiting</source>
        <translation>
            <numerusform>Bandeja de salida: %n mensaje en espera</numerusform>
            <numerusform>Bandeja de salida: %n mensajes en espera</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>offline: live checks skipped</source>
        <translation>sin conexión: comprobaciones en vivo omitidas</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remedy: %1</source>
        <translation>Solución: %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Telegram commands: %1</source>
        <translation>Comandos de Telegram: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>last answer %1</source>
        <translation>última respuesta %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 handled, %2 refused</source>
        <translation>%1 atendidos, %2 rechazados</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>next attempt %1</source>
        <translation>próximo intento %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Commands and button presses from the Telegram operators; refused ones came from people who are not operators.</source>
        <translation>Comandos y pulsaciones de botones de los operadores de Telegram; los rechazados vinieron de personas que no son operadores.</translation>
    </message>
</context>
<context>
    <name>sentinel::HistoryModel</name>
    <message>
        <location filename="../ui/HistoryModel.cpp" line="+40" />
        <source>unrecorded</source>
        <translation>no registrada</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Decided through %1</source>
        <translation>Decidido a través de %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Journalled before Trade Sentinel recorded the strategy of each proposal</source>
        <translation>Registrada antes de que Trade Sentinel guardara la estrategia de cada propuesta</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Side</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Decided by</source>
        <translation>Decidido por</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fill</source>
        <translation>Ejecución</translation>
    </message>
</context>
<context>
    <name>sentinel::HistoryPanel</name>
    <message>
        <location filename="../ui/HistoryPanel.cpp" line="+191" />
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Proposals and trades</source>
        <translation>Propuestas y operaciones</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Made on or after</source>
        <translation>Creada el o después del</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Made on or before</source>
        <translation>Creada el o antes del</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export &amp;JSON…</source>
        <translation>Exportar &amp;JSON…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="-22" />
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instrument filter</source>
        <translation>Filtro de instrumento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A symbol (EUR/USD) or an instrument key (FX:EUR/USD:1h); empty for all</source>
        <translation>Un símbolo (EUR/USD) o una clave de instrumento (FX:EUR/USD:1h); vacío para todos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Strategy filter</source>
        <translation>Filtro de estrategia</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All strategies</source>
        <translation>Todas las estrategias</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcome filter</source>
        <translation>Filtro de resultado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All outcomes</source>
        <translation>Todos los resultados</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Proposals made on or after this day (local time)</source>
        <translation>Propuestas creadas desde este día (hora local)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposals made on or before this day (local time)</source>
        <translation>Propuestas creadas hasta este día inclusive (hora local)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Write the proposals the filters select to a CSV file</source>
        <translation>Escribir las propuestas que eligen los filtros en un archivo CSV</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Write the proposals the filters select to a JSON file</source>
        <translation>Escribir las propuestas que eligen los filtros en un archivo JSON</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Read the journal again</source>
        <translation>Leer el diario de nuevo</translation>
    </message>
    <message>
        <location line="-92" />
        <source>New proposals since this list was read: Refresh shows them</source>
        <translation>Hay propuestas nuevas desde que se leyó esta lista: Actualizar las muestra</translation>
    </message>
    <message>
        <location line="+20" />
        <source>The journal could not be read: %1</source>
        <translation>No se pudo leer el diario: %1</translation>
    </message>
    <message>
        <location line="+74" />
        <source>History status</source>
        <translation>Estado del historial</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposal details</source>
        <translation>Detalles de la propuesta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select a proposal to see its reason, risk checks, decision, fill and delivery.</source>
        <translation>Seleccione una propuesta para ver su motivo, controles de riesgo, decisión, ejecución y entrega.</translation>
    </message>
    <message>
        <location line="-41" />
        <source>Waiting for the engine</source>
        <translation>Esperando al motor</translation>
    </message>
    <message>
        <location line="+75" />
        <location line="+7" />
        <source>Reading the journal…</source>
        <translation>Leyendo el diario…</translation>
    </message>
    <message>
        <location line="+20" />
        <source>No proposal matches these filters</source>
        <translation>Ninguna propuesta coincide con estos filtros</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n proposal(s)</source>
        <translation>
            <numerusform>%n propuesta</numerusform>
            <numerusform>%n propuestas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+61" />
        <source>Reading the proposal…</source>
        <translation>Leyendo la propuesta…</translation>
    </message>
    <message>
        <location line="-36" />
        <source>Decided by %1%2 at %3</source>
        <translation>Decidido por %1%2 a las %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Ended %1</source>
        <translation>Terminó %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Why: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Filled %1 at %2, fee %3, at %4 (order %5)</source>
        <translation>Ejecutado %1 a %2, comisión %3, a las %4 (orden %5)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unrecorded</source>
        <translation>no registrada</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Proposed by %1</source>
        <translation>Propuesta por %1</translation>
    </message>
    <message numerus="yes">
        <location line="+32" />
        <source>Signal: %1 after %n attempt(s)</source>
        <translation>
            <numerusform>Señal: %1 tras %n intento</numerusform>
            <numerusform>Señal: %1 tras %n intentos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No signal went out for it (no remote channel was enabled).</source>
        <translation>No salió ninguna señal para ella (no había ningún canal remoto activado).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The journal could not say more: %1</source>
        <translation>El diario no pudo decir más: %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export history as CSV</source>
        <translation>Exportar el historial como CSV</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export history as JSON</source>
        <translation>Exportar el historial como JSON</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Exporting to %1…</source>
        <translation>Exportando a %1…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Exported %n proposal(s) to %1</source>
        <translation>
            <numerusform>%n propuesta exportada a %1</numerusform>
            <numerusform>%n propuestas exportadas a %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sentinel::LiveTradingQuestion</name>
    <message>
        <location filename="../ui/LiveTradingQuestion.cpp" line="+9" />
        <source>Trade with real money?</source>
        <translation>¿Operar con dinero real?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This configuration sends approved orders to the live %1. Every order moves real money.

Trade live for this run, or use the paper account until the next start?</source>
        <translation>Esta configuración envía las órdenes aprobadas a la %1 real. Cada orden mueve dinero real.

¿Operar en real en esta ejecución, o usar la cuenta de papel hasta el próximo inicio?</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Trade live</source>
        <translation>Operar en real</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use the paper account</source>
        <translation>Usar la cuenta de papel</translation>
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
        <translation>Ventana principal de Trade Sentinel</translation>
    </message>
    <message>
        <location line="-55" />
        <source>Test message requested; watch the Delivery panel.</source>
        <translation>Mensaje de prueba solicitado; observe el panel Entrega.</translation>
    </message>
    <message>
        <location line="+56" />
        <source>&amp;Settings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Si&amp;mulate…</source>
        <translation>Si&amp;mular…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run a strategy over past days on the paper account and see its performance</source>
        <translation>Ejecutar una estrategia sobre días pasados en la cuenta de papel y ver su rendimiento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Trade</source>
        <translation>&amp;Operaciones</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Alerts</source>
        <translation>A&amp;lertas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reset &amp;Layout</source>
        <translation>Restablecer &amp;disposición</translation>
    </message>
    <message>
        <location line="-1" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;About Trade Sentinel</source>
        <translation>&amp;Acerca de Trade Sentinel</translation>
    </message>
    <message>
        <location line="+77" />
        <source>About Trade Sentinel</source>
        <translation>Acerca de Trade Sentinel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trade Sentinel %1
A desktop trading monitor with a risk gate and operator approval.
Licensed under the GNU GPL v3 or later.</source>
        <translation>Trade Sentinel %1
Un monitor de trading de escritorio con control de riesgo y aprobación del operador.
Publicado bajo la GNU GPL v3 o posterior.</translation>
    </message>
    <message>
        <location line="-77" />
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+316" />
        <source>Simulation finished: its figures are in the Performance view.</source>
        <translation>Simulación terminada: sus cifras están en la vista Rendimiento.</translation>
    </message>
</context>
<context>
    <name>sentinel::ModelServerTable</name>
    <message>
        <location filename="../ui/ModelServerTable.cpp" line="+26" />
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Valid answer, %1</source>
        <translation>Válida, %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Settings refused</source>
        <translation>Ajustes rechazados</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not reachable</source>
        <translation>No accesible</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Model missing</source>
        <translation>Falta el modelo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Invalid answer</source>
        <translation>Respuesta no válida</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>yes (%1)</source>
        <translation>sí (%1)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reachable: %1 · model present: %2 · valid answer: %3</source>
        <translation>Accesible: %1 · modelo presente: %2 · respuesta válida: %3</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Model servers</source>
        <translation>Servidores de modelos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Timeout</source>
        <translation>Límite</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Test result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+43" />
        <source>API key</source>
        <translation>Clave API</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OpenAI-compatible</source>
        <translation>Compatible con OpenAI</translation>
    </message>
    <message>
        <location line="+9" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Kind of model server %1</source>
        <translation>Tipo del servidor de modelos %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weight of model server %1</source>
        <translation>Peso del servidor de modelos %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Timeout of model server %1</source>
        <translation>Tiempo límite del servidor de modelos %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Ollama takes no key; OpenAI-compatible servers may need one</source>
        <translation>Ollama no usa clave; los servidores compatibles con OpenAI pueden necesitar una</translation>
    </message>
    <message>
        <location line="+75" />
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
</context>
<context>
    <name>sentinel::PerformanceModel</name>
    <message>
        <location filename="../ui/PerformanceModel.cpp" line="+49" />
        <source>No losing trade: gross profit cannot be divided by a gross loss of zero</source>
        <translation>Ninguna operación con pérdida: el beneficio bruto no se puede dividir por una pérdida bruta de cero</translation>
    </message>
    <message>
        <location line="+2" />
        <source>On daily returns, annualised with √252; 0 with fewer than two days or no deviation</source>
        <translation>Sobre rentabilidades diarias, anualizado con √252; 0 con menos de dos días o sin desviación</translation>
    </message>
    <message>
        <location line="+17" />
        <source>All trades</source>
        <translation>Todas las operaciones</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Strategy %1</source>
        <translation>Estrategia %1</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Round trips: units opened and closed again</source>
        <translation>Operaciones completas: unidades abiertas y cerradas de nuevo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Share of closed trades with a profit after fees</source>
        <translation>Proporción de operaciones cerradas con beneficio después de comisiones</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gross profit ÷ gross loss</source>
        <translation>Beneficio bruto ÷ pérdida bruta</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Largest fall from an equity peak</source>
        <translation>Mayor caída desde un máximo del capital</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fills: every order the platform executed</source>
        <translation>Ejecuciones: cada orden que la plataforma ejecutó</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Scope</source>
        <translation>Ámbito</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Closed</source>
        <translation>Cerradas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Win rate</source>
        <translation>Tasa de acierto</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;L</source>
        <translation>P&amp;G</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avg win</source>
        <translation>Ganancia media</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avg loss</source>
        <translation>Pérdida media</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Profit factor</source>
        <translation>Factor de beneficio</translation>
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
        <translation>DD máx.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fills</source>
        <translation>Ejecuciones</translation>
    </message>
</context>
<context>
    <name>sentinel::PerformancePanel</name>
    <message>
        <location filename="../ui/PerformancePanel.cpp" line="+178" />
        <source>Performance by strategy and instrument</source>
        <translation>Rendimiento por estrategia e instrumento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Equity curve</source>
        <translation>Curva de capital</translation>
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
        <translation>&amp;Diario</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Performance</source>
        <translation>Rendimiento</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Equity</source>
        <translation>Capital</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show the figures of the journal's trades, read again</source>
        <translation>Mostrar las cifras de las operaciones del diario, leídas de nuevo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save the report shown as JSON, or its closed trades as CSV</source>
        <translation>Guardar el informe mostrado como JSON, o sus operaciones cerradas como CSV</translation>
    </message>
    <message>
        <location line="-16" />
        <source>The figures appear once the engine runs.</source>
        <translation>Las cifras aparecen en cuanto el motor funciona.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Reading the journal…</source>
        <translation>Leyendo el diario…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>No figures: %1</source>
        <translation>Sin cifras: %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>No closed trades yet: the figures appear once a position is closed.</source>
        <translation>Aún no hay operaciones cerradas: las cifras aparecen en cuanto se cierra una posición.</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n closed trade(s), P&amp;L %1, maximum drawdown %2.</source>
        <translation>
            <numerusform>%n operación cerrada, P&amp;G %1, drawdown máximo %2.</numerusform>
            <numerusform>%n operaciones cerradas, P&amp;G %1, drawdown máximo %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8" />
        <source>Simulation: %1</source>
        <translation>Simulación: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Journal: every trade so far</source>
        <translation>Diario: todas las operaciones hasta ahora</translation>
    </message>
    <message>
        <location line="+50" />
        <source>Save the performance report</source>
        <translation>Guardar el informe de rendimiento</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Report (*.json);;Closed trades (*.csv)</source>
        <translation>Informe (*.json);;Operaciones cerradas (*.csv)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saving to %1…</source>
        <translation>Guardando en %1…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
</context>
<context>
    <name>sentinel::PositionModel</name>
    <message>
        <location filename="../ui/PositionModel.cpp" line="+57" />
        <source>Short</source>
        <translation>Corto</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Long</source>
        <translation>Largo</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Short %1</source>
        <translation>Corto %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Long %1</source>
        <translation>Largo %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No stop known: the position was not opened through this journal, or its fills do not add up to what the platform holds</source>
        <translation>Stop desconocido: la posición no se abrió a través de este diario, o sus ejecuciones no suman lo que la plataforma mantiene</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Closed at market once the price crosses %1 (%2 from the last price)</source>
        <translation>Se cierra a mercado en cuanto el precio cruce %1 (%2 del último precio)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Closed at market once the price crosses %1</source>
        <translation>Se cierra a mercado en cuanto el precio cruce %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Opening time unknown: the position was not opened through this journal, or its fills do not add up to what the platform holds</source>
        <translation>Hora de apertura desconocida: la posición no se abrió a través de este diario, o sus ejecuciones no suman lo que la plataforma mantiene</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Opened %1</source>
        <translation>Abierta %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The protective stop of the newest entry: the engine closes the whole position at market when the price crosses it</source>
        <translation>El stop de protección de la entrada más reciente: el motor cierra toda la posición a mercado cuando el precio lo cruza</translation>
    </message>
    <message>
        <location line="+3" />
        <source>How long the position has been held, up to the account report</source>
        <translation>Cuánto tiempo se mantiene la posición, hasta el informe de la cuenta</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Side</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avg. price</source>
        <translation>Precio medio</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Market price</source>
        <translation>Precio de mercado</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unrealised P&amp;L</source>
        <translation>G/P no realizada</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;L %</source>
        <translation>P&amp;G %</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
</context>
<context>
    <name>sentinel::PositionsPanel</name>
    <message>
        <location filename="../ui/PositionsPanel.cpp" line="+78" />
        <source>Open positions</source>
        <translation>Posiciones abiertas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Close Position…</source>
        <translation>&amp;Cerrar posición…</translation>
    </message>
    <message>
        <location line="-2" />
        <location line="+81" />
        <source>Positions</source>
        <translation>Posiciones</translation>
    </message>
    <message>
        <location line="-78" />
        <source>Close the selected position at market, after a confirmation</source>
        <translation>Cerrar a mercado la posición seleccionada, tras una confirmación</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close the selected position</source>
        <translation>Cerrar la posición seleccionada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Balance and equity</source>
        <translation>Saldo y patrimonio</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Account: no report yet</source>
        <translation>Cuenta: aún sin informe</translation>
    </message>
    <message>
        <location line="-20" />
        <source>Realised and unrealised profit and loss</source>
        <translation>Pérdidas y ganancias realizadas y no realizadas</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Realised: round trips closed today (UTC), net of fees, from the journal. Unrealised: the open positions at their last price.</source>
        <translation>Realizado: operaciones completas cerradas hoy (UTC) según el diario, netas de comisiones. No realizado: las posiciones abiertas a su último precio.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Account reported at</source>
        <translation>Cuenta informada a las</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Balance %1 · Equity %2</source>
        <translation>Saldo %1 · Patrimonio %2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Realised today %1 · Unrealised %2</source>
        <translation>Realizado hoy %1 · No realizado %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>As of %1</source>
        <translation>A las %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No open positions</source>
        <translation>No hay posiciones abiertas</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Positions (%1)</source>
        <translation>Posiciones (%1)</translation>
    </message>
</context>
<context>
    <name>sentinel::RiskPanel</name>
    <message>
        <location filename="../ui/RiskPanel.cpp" line="+122" />
        <source>Value at risk</source>
        <translation>Valor en riesgo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected shortfall</source>
        <translation>Pérdida esperada</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Equity</source>
        <translation>Patrimonio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gross exposure</source>
        <translation>Exposición bruta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Risk updated at</source>
        <translation>Riesgo actualizado a las</translation>
    </message>
    <message>
        <location line="-5" />
        <location line="+15" />
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <location line="-9" />
        <source>VaR method</source>
        <translation>Método de VaR</translation>
    </message>
    <message>
        <location line="+23" />
        <source>no estimate yet</source>
        <translation>aún sin estimación</translation>
    </message>
    <message>
        <location line="-22" />
        <source>How VaR was estimated. A bootstrap estimate from few returns is less certain.</source>
        <translation>Cómo se estimó el VaR. Una estimación bootstrap con pocos rendimientos es menos fiable.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VaR:</source>
        <translation>VaR:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected shortfall:</source>
        <translation>Pérdida esperada:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Equity:</source>
        <translation>Patrimonio:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gross exposure:</source>
        <translation>Exposición bruta:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>As of:</source>
        <translation>A fecha de:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No limits reported yet.</source>
        <translation>Aún no se han informado límites.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1 (%2 % confidence, 1 day)</source>
        <translation>%1 (confianza del %2 %, 1 día)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 (%2 of equity)</source>
        <translation>%1 (%2 del patrimonio)</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%1 of %2 (%3 used)</source>
        <translation>%1 de %2 (%3 usado)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 limit usage</source>
        <translation>Uso del límite %1</translation>
    </message>
</context>
<context>
    <name>sentinel::SecretEdit</name>
    <message>
        <location filename="../ui/SecretEdit.cpp" line="+20" />
        <source>Where %1 is kept</source>
        <translation>Dónde se guarda %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Environment variable</source>
        <translation>Variable de entorno</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OS keychain</source>
        <translation>Llavero del sistema</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No OS keychain is available on this system</source>
        <translation>No hay ningún llavero disponible en este sistema</translation>
    </message>
    <message>
        <location line="+42" />
        <source>stored in the keychain; type to replace</source>
        <translation>guardado en el llavero; escriba para sustituirlo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>paste the secret; it goes to the keychain</source>
        <translation>pegue el secreto; se guardará en el llavero</translation>
    </message>
    <message>
        <location line="+1" />
        <source>name of the environment variable</source>
        <translation>nombre de la variable de entorno</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kept in the OS keychain as %1; the file refers to it as ${%1}</source>
        <translation>Guardado en el llavero como %1; el archivo lo referencia como ${%1}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The file refers to ${NAME}; export NAME before starting</source>
        <translation>El archivo referencia ${NAME}; exporte NAME antes de iniciar</translation>
    </message>
</context>
<context>
    <name>sentinel::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+51" />
        <location line="+1" />
        <source>Settings</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Settings pages</source>
        <translation>Páginas de preferencias</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Watchlist</source>
        <translation>&amp;Lista de seguimiento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Delivery</source>
        <translation>&amp;Entrega</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Limits</source>
        <translation>Lí&amp;mites</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Brokers</source>
        <translation>&amp;Brókeres</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Ad&amp;visor</source>
        <translation>&amp;Asesor</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A&amp;ppearance</source>
        <translation>A&amp;pariencia</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Saved to %1. Changes to the engine take effect at the next start.</source>
        <translation>Se guarda en %1. Los cambios del motor se aplican en el próximo inicio.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Trading mode</source>
        <translation>Modo de operación</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approval: every trade waits for you</source>
        <translation>Aprobación: cada operación espera su decisión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signal only: send signals, never trade</source>
        <translation>Solo señales: enviar señales, nunca operar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Autonomous: trade without approval</source>
        <translation>Autónomo: operar sin aprobación</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Mode:</source>
        <translation>&amp;Modo:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow &amp;autonomous execution</source>
        <translation>Permitir ejecución &amp;autónoma</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow autonomous execution</source>
        <translation>Permitir ejecución autónoma</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Approval timeout in seconds</source>
        <translation>Plazo de aprobación en segundos</translation>
    </message>
    <message>
        <location line="+2" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Approval &amp;timeout:</source>
        <translation>&amp;Plazo de aprobación:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Configuration file: %1</source>
        <translation>Archivo de configuración: %1</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Watched instruments</source>
        <translation>Instrumentos seguidos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Symbol</source>
        <translation>Símbolo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Market</source>
        <translation>Mercado</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Interval</source>
        <translation>Intervalo</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Markets: XNYS, XNAS, FX, CRYPTO. Intervals: 1min, 5min, 15min, 30min, 60min, daily.</source>
        <translation>Mercados: XNYS, XNAS, FX, CRYPTO. Intervalos: 1min, 5min, 15min, 30min, 60min, daily.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add instrument</source>
        <translation>Añadir instrumento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove selected instrument</source>
        <translation>Quitar el instrumento seleccionado</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Send signals to &amp;Telegram</source>
        <translation>Enviar señales a &amp;Telegram</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Send signals to Telegram</source>
        <translation>Enviar señales a Telegram</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Telegram chat id</source>
        <translation>ID de chat de Telegram</translation>
    </message>
    <message>
        <location line="+1" />
        <source>numeric chat id or @channelname</source>
        <translation>ID de chat numérico o @nombredelcanal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Chat id:</source>
        <translation>ID de &amp;chat:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Telegram bot token</source>
        <translation>Token del bot de Telegram</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bot t&amp;oken:</source>
        <translation>T&amp;oken del bot:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Also send signals to a &amp;webhook</source>
        <translation>Enviar también señales a un &amp;webhook</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Send signals to a webhook</source>
        <translation>Enviar señales a un webhook</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Webhook URL</source>
        <translation>URL del webhook</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Webhook signing secret</source>
        <translation>Secreto de firma del webhook</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Signing secret:</source>
        <translation>&amp;Secreto de firma:</translation>
    </message>
    <message>
        <location line="+16" />
        <source>VaR confidence</source>
        <translation>Confianza del VaR</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VaR &amp;confidence:</source>
        <translation>&amp;Confianza del VaR:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Maximum portfolio VaR</source>
        <translation>VaR máximo de la cartera</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maximum &amp;VaR:</source>
        <translation>&amp;VaR máximo:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Maximum position size</source>
        <translation>Tamaño máximo de posición</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maximum &amp;position:</source>
        <translation>&amp;Posición máxima:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Maximum drawdown</source>
        <translation>Caída máxima</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maximum &amp;drawdown:</source>
        <translation>Caída má&amp;xima:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Maximum trades per day</source>
        <translation>Operaciones máximas por día</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Maximum &amp;trades per day:</source>
        <translation>&amp;Operaciones máximas por día:</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1" />
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Colour theme</source>
        <translation>Tema de colores</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Play a sound with new proposals and critical alerts</source>
        <translation>Reproducir un sonido con propuestas nuevas y alertas críticas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sound:</source>
        <translation>Sonido:</translation>
    </message>
    <message>
        <location line="+114" />
        <source>'%1' is not an interval</source>
        <translation>«%1» no es un intervalo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>use one of %1</source>
        <translation>use uno de %1</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Fix the problems shown in red first</source>
        <translation>Corrija primero los problemas mostrados en rojo</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>sentinel::SimulateDialog</name>
    <message>
        <location filename="../ui/SimulateDialog.cpp" line="+115" />
        <source>Simulate</source>
        <translation>Simular</translation>
    </message>
    <message>
        <location line="+5" />
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The simulation starts at 00:00 UTC of this day</source>
        <translation>La simulación empieza a las 00:00 UTC de este día</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The simulation ends at the end of this day (UTC), or now</source>
        <translation>La simulación termina al final de este día (UTC), o ahora</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instruments to simulate</source>
        <translation>Instrumentos que simular</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The rule the simulated engine trades by (the model advisor is not simulated)</source>
        <translation>La regla con la que opera el motor simulado (el asesor del modelo no se simula)</translation>
    </message>
    <message>
        <location line="-58" />
        <source>Runs on the paper account and a scratch journal; the live journal, the account and the delivery channels are not touched.</source>
        <translation>Se ejecuta en la cuenta de papel y un diario provisional; el diario real, la cuenta y los canales de entrega no se tocan.</translation>
    </message>
    <message>
        <location line="+59" />
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Cancel run</source>
        <translation>&amp;Cancelar ejecución</translation>
    </message>
    <message>
        <location line="-12" />
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Strategy:</source>
        <translation>E&amp;strategia:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Instruments:</source>
        <translation>&amp;Instrumentos:</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Simulating %1 to %2…</source>
        <translation>Simulando del %1 al %2…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Simulated time: %1</source>
        <translation>Hora simulada: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>Finished: %n closed trade(s), P&amp;L %1. The Performance view shows the figures.</source>
        <translation>
            <numerusform>Terminado: %n operación cerrada, P&amp;G %1. La vista Rendimiento muestra las cifras.</numerusform>
            <numerusform>Terminado: %n operaciones cerradas, P&amp;G %1. La vista Rendimiento muestra las cifras.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Cancelled: nothing was kept.</source>
        <translation>Cancelado: no se guardó nada.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The simulation did not run: %1</source>
        <translation>La simulación no se ejecutó: %1</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Tick at least one instrument.</source>
        <translation>Marque al menos un instrumento.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The first day must not be after the last.</source>
        <translation>El primer día no puede ser posterior al último.</translation>
    </message>
</context>
<context>
    <name>sentinel::StatusBarWidgets</name>
    <message>
        <location filename="../ui/StatusBarWidgets.cpp" line="+66" />
        <source>Live trading</source>
        <translation>Operativa real</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trading paused</source>
        <translation>Operaciones en pausa</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Engine state</source>
        <translation>Estado del motor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cycles per minute</source>
        <translation>Ciclos por minuto</translation>
    </message>
    <message>
        <location line="+1" />
        <source>API calls per hour</source>
        <translation>Llamadas a la API por hora</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Trading mode</source>
        <translation>Modo de operación</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pending approvals</source>
        <translation>Aprobaciones pendientes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stale instruments</source>
        <translation>Instrumentos obsoletos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline warning</source>
        <translation>Aviso de sin conexión</translation>
    </message>
    <message>
        <location line="+1" />
        <source>LIVE</source>
        <translation>REAL</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Engine starting…</source>
        <translation>Iniciando el motor…</translation>
    </message>
    <message>
        <location line="-4" />
        <source>⚠ Offline: no live data or delivery</source>
        <translation>⚠ Sin conexión: sin datos en vivo ni entregas</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Engine %1 · %2 feed</source>
        <translation>Motor %1 · fuente %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n cycle(s) since start; engine clock %1</source>
        <translation>
            <numerusform>%n ciclo desde el inicio; reloj del motor %1</numerusform>
            <numerusform>%n ciclos desde el inicio; reloj del motor %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 cycles/min</source>
        <translation>%1 ciclos/min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 API calls/h</source>
        <translation>%1 llamadas a la API/h</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mode: %1</source>
        <translation>Modo: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Approved orders go to the live %1: they move real money.</source>
        <translation>Las órdenes aprobadas van a la %1 real: mueven dinero real.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>PAUSED</source>
        <translation>EN PAUSA</translation>
    </message>
    <message>
        <location line="+2" />
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>since %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Trading is paused: no new proposals. Open positions keep their exits and alerts.
Paused by %1 at %2.</source>
        <translation>Las operaciones están en pausa: ninguna propuesta nueva. Las posiciones abiertas conservan sus salidas y alertas.
Pausadas por %1 a las %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>an unknown operator</source>
        <translation>un operador desconocido</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <source>%n pending</source>
        <translation>
            <numerusform>%n pendiente</numerusform>
            <numerusform>%n pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9" />
        <source>%n stale</source>
        <translation>
            <numerusform>%n obsoleto</numerusform>
            <numerusform>%n obsoletos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sentinel::TradingControls</name>
    <message>
        <location filename="../ui/TradingControls.cpp" line="+42" />
        <source>&amp;Flatten All…</source>
        <translation>Cerrar &amp;todas las posiciones…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Kill Switch…</source>
        <translation>Parada de &amp;emergencia…</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Close every open position at market, after a confirmation that lists them</source>
        <translation>Cerrar a mercado todas las posiciones abiertas, tras una confirmación que las enumera</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pause trading, reject every pending proposal and close every open position (%1), after a confirmation</source>
        <translation>Pausar las operaciones, rechazar todas las propuestas pendientes y cerrar todas las posiciones abiertas (%1), tras una confirmación</translation>
    </message>
    <message>
        <location line="+76" />
        <source>Res&amp;ume Trading</source>
        <translation>Rea&amp;nudar operaciones</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Resume trading: the strategies may propose trades again</source>
        <translation>Reanudar las operaciones: las estrategias pueden volver a proponer operaciones</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Pause Trading</source>
        <translation>&amp;Pausar operaciones</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pause trading: no new proposals; open positions keep their exits and alerts</source>
        <translation>Pausar las operaciones: ninguna propuesta nueva; las posiciones abiertas conservan sus salidas y alertas</translation>
    </message>
</context>
<context>
    <name>sentinel::TrayNotifier</name>
    <message>
        <location filename="../ui/TrayNotifier.cpp" line="+44" />
        <source>&amp;Show Trade Sentinel</source>
        <translation>&amp;Mostrar Trade Sentinel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Trade Sentinel</source>
        <translation>Trade Sentinel</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Trade proposal: %1</source>
        <translation>Propuesta de operación: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 — decide before %2</source>
        <translation>%1 — decida antes de %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Critical: %1</source>
        <translation>Crítico: %1</translation>
    </message>
</context>
<context>
    <name>sentinel::WatchlistModel</name>
    <message>
        <location filename="../ui/WatchlistModel.cpp" line="+33" />
        <source>waiting for data</source>
        <translation>esperando datos</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 on %2, %3 bars</source>
        <translation>%1 en %2, velas de %3</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bar opened %1</source>
        <translation>Vela abierta %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lag in market time; tolerance %1</source>
        <translation>Retraso en tiempo de mercado; tolerancia %1</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Market</source>
        <translation>Mercado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Feed</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last price</source>
        <translation>Último precio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last bar (local time)</source>
        <translation>Última vela (hora local)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lag</source>
        <translation>Retraso</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Freshness</source>
        <translation>Actualidad</translation>
    </message>
    <message>
        <location line="+20" />
        <source>%1, streamed</source>
        <translation>%1, en flujo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1, degraded</source>
        <translation>%1, degradada</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Bars are polled from %1 on the market's schedule</source>
        <translation>Las barras se consultan a %1 según el horario del mercado</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Bars come from the %1 price stream, live since %2; the broker's candles confirm each one</source>
        <translation>Las barras llegan del flujo de precios de %1, activo desde %2; las velas del bróker confirman cada una</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>; next try %1</source>
        <translation>; próximo intento %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The %1 price stream is down since %2%3. Bars come from candles meanwhile, up to a poll later than the stream would bring them%4</source>
        <translation>El flujo de precios de %1 está caído desde %2%3. Mientras tanto las barras llegan de las velas, hasta una consulta más tarde que el flujo%4</translation>
    </message>
</context>
<context>
    <name>sentinel::WatchlistPanel</name>
    <message>
        <location filename="../ui/WatchlistPanel.cpp" line="+39" />
        <source>Watchlist</source>
        <translation>Lista de seguimiento</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Watchlist: instruments, prices and data freshness</source>
        <translation>Lista de seguimiento: instrumentos, precios y actualidad de los datos</translation>
    </message>
</context>
</TS>
