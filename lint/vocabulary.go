package lint

// The vocabulary: the words real plans use for each concept, in English,
// German, Spanish and French, plus the commands and signal words rules
// reason about. Phrases are matched on word tokens, so punctuation and
// case do not matter: "gitlab-rake gitlab:check" and "gitlab rake gitlab
// check" are the same phrase. A trailing '*' matches any word starting
// with the last word ("backup*" matches "backups").

// Section and label concepts.
const (
	TermNone Term = iota
	TermSummary
	TermEnvironment
	TermArchitecture
	TermPrereq
	TermPath
	TermBackup
	TermProcedure
	TermMigrations
	TermVerify
	TermRollback
	TermWindow
	TermContact
	TermComms
	TermRisk
	TermStaging
	TermSignoff
	TermChangelog
	TermOutOfScope

	// Fact labels.
	TermCurrent
	TermTarget
	TermEdition
	TermInstall
	TermOS
	TermTimezone
	TermDuration
	TermVersionWord

	// Commands and domain terms.
	TermBackupCmd
	TermBackupEtc
	TermSnapshot
	TermSecretsJSON
	TermGitlabRb
	TermEtcGitlab
	TermConfigVolume
	TermRailsSecret
	TermSecretsYml
	TermRestore
	TermRestoreCmd
	TermReinstall
	TermCheckCmd
	TermLogin
	TermCloneOrPush
	TermPipeline
	TermSmoke
	TermStatusOnly
	TermBBM
	TermBBMQuery
	TermMigrateStatus
	TermMigrationsJob
	TermAutoMigrations
	TermWait
	TermTimeUnit
	TermEach
	TermNeg
	TermUpgradeVerb
	TermFrom
	TermTo
	// TermGoVerb: verbs of moving to a version that are not upgrade verbs
	// on their own ("willen naar 18.5.7", "passer en 18.5.7").
	TermGoVerb
	// TermEvent: nouns for the change as an event ("the change will take
	// place on ...", "der Eingriff erfolgt am ...").
	TermEvent
	// TermGoal: words that name the version the upgrade aims at in a
	// sentence ("the goal is 18.5.7"); as headings they name a plan's
	// purpose, not its target.
	TermGoal
	// TermTakesPlace: verbs that put an event at a time ("takes place",
	// "aura lieu", "findet statt").
	TermTakesPlace
	TermCurrently
	TermLatest
	TermOtherProduct
	TermChart
	TermMethodLinux
	TermMethodDocker
	TermMethodHelm
	TermMethodOperator
	TermMethodSource
	TermMethodGET
	TermSingleNode
	TermMultiNode
	TermGeo
	TermComponent
	TermEditionChange
	TermMoveVerb
	TermNewPlatform
	TermScale
	TermDataMove
	TermAddVerb
	TermPlaceholderWord
	TermCredentialWord
	TermScriptWord
	TermConsole
	TermSQLWrite
	TermPsql
	TermUnpinnedCmd
	TermHold
	TermPkgInstall
	TermDockerPull
	TermHelmUpgrade
	TermStopWord
	TermSeeAlso
	TermDone
	TermEE
	TermCE
	TermAutoBackup
	TermSkipWord
	TermEmail
	TermPhone
	TermChat
	TermTeamWord
	TermCheckVerb
	TermConditional
	TermWhenWord
	TermRelation
	TermSignature
	TermNodeWord
	TermDatabaseWord
	TermCutoff
	termCount
)

var vocabulary = map[Term]string{
	// ---- sections and labels ----
	TermSummary: "samenvatting|inleiding|doel|doelstelling|doelen|achtergrond|overzicht|omschrijving|meeting notes|call notes|meeting minutes|besprechungsnotizen|notas de la reunión|compte rendu|summary|overview|description|background|goal*|purpose|scope|introduction|context|executive summary|change summary|" +
		"zusammenfassung|überblick|übersicht|hintergrund|zielsetzung|ziel|ziele|beschreibung|einleitung|" +
		"resumen|resumo|sumário|visão geral|descripción|descripcion|objetivo*|alcance|contexto|introducción|" +
		"résumé|aperçu|contexte|objectif*|périmètre|description|" +
		"sommario|riepilogo|sintesi|panoramica|descrizione|obiettivo|obiettivi|contesto|introduzione|premessa|ambito",
	TermEnvironment: "cómo está hoy|como está hoy|como esta hoy|estado actual|como está hoje|estado atual|état actuel|etat actuel|stand heute|huidige situatie|current state|stato attuale|ambiente atual|ambiente actual|entorno actual|ambiente attuale|environnement actuel|aktuelle umgebung|situazione attuale|situazione corrente|situação atual|situacao atual|situación actual|situation actuelle|ist-zustand|ist zustand|current situation|our server|our instance|our gitlab|our gitlab instance|our gitlab server|our setup|huidige situatie|huidige omgeving|uitgangssituatie|what we run|what we run today|current setup|existing setup|current installation|existing installation|status quo|environment|current state|instance facts|instance|infrastructure|inventory|estate|our estate|landscape|system landscape|systemlandschaft|setup|tech stack|deployment|servers|" +
		"umgebung|ausgangslage|ist zustand|istzustand|infrastruktur|systemumgebung|system umgebung|" +
		"inventario|inventário|inventaire|inventar|bestandsaufnahme|inventaris|" +
		"entorno|entorno actual|infraestructura|estado actual|" +
		"environnement|état actuel|existant|infrastructure actuelle",
	TermArchitecture: "architectuur|architecture|topology|reference architecture|architektur|topologie|arquitectura|topología|topologia|arquitetura|architettura|nodes|node layout",
	TermPrereq: "voorbereiding|voorbereidingen|prerequisite*|pre requisite*|pre upgrade|preupgrade|preparation|preparations|prepare|before you start|before you upgrade|before the upgrade|" +
		"pre flight|preflight|pre window|readiness|pre checks|pre check|" +
		"vorbereitung*|voraussetzung*|vor dem upgrade|vor der aktualisierung|" +
		"requisito*|preparación|preparacion|antes de la actualización|antes de actualizar|" +
		"prérequis|prerequis|préparation|avant la mise à jour|avant la migration|vérifications préalables|contrôles préalables|vérification préalable|controlli preliminari|verificações prévias|comprobaciones previas|vorabprüfungen|" +
		"preparazione|preparativi|prerequisiti|preparação|preparacao|pré requisitos",
	TermPath: "chemin de mise à niveau|chemin de mise a niveau|chemin de migration|parcours de mise à niveau|upgradepad|upgrade path|path|version path|upgrade route|route|hops|upgrade stops|required stops|stops|version sequence|" +
		"upgrade pfad|upgradepfad|aktualisierungspfad|versionspfad|pfad|zwischenstopps|pflichtstopps|" +
		"ruta de actualización|ruta de actualizacion|ruta|secuencia de versiones|" +
		"chemin de mise à jour|chemin de migration|chemin de montée de version|chemin de montée en version|chemin d upgrade|paliers|palier|trajet|itinéraire|" +
		"caminho de atualização|caminho de atualizacao|caminho de upgrade|percurso de atualização|percorso di aggiornamento|percorso di upgrade|percorso|upgrade pad|versiepad",
	TermBackup: "backup*|back up|backing up|snapshot*|data protection|" +
		"datensicherung*|sicherung*|sicherheitskopie*|" +
		"respaldo*|copia de seguridad|copias de seguridad|copia de respaldo|" +
		"sauvegarde*|instantané*",
	TermProcedure: "uitvoering|uitvoeringsplan|implementatieplan|draaiboek|stappenplan|stappen|volgorde per stap|volgorde van de stappen|uitvoeringsvolgorde|werkvolgorde|reihenfolge|upgrade steps|steps|procedure|runbook|playbook|execution|implementation|upgrade process|process|instructions|upgrade|upgrades|upgrading|upgrade sequence|sequence|order of work|" +
		"hop|hop*|phase|task|the upgrade|execute|update|update steps|" +
		"durchführung|ablauf|schritte|schritt|sprung|sprünge|saut|sauts|sprong|sprongen|umsetzung|aktualisierung|upgrade schritte|vorgehen|" +
		"procedimiento|ejecución|ejecucion|pasos|actualización|actualizacion|implementación|implementacion|plan de implementación|implantación|salto|saltos|" +
		"procédure|procedure|exécution|étapes|mise en œuvre|mise en oeuvre|mise à jour|déroulement|déroulé|mode opératoire|montée de version|montée en version|" +
		"procedura|esecuzione|passaggi|fasi|aggiornamento|istruzioni|procedimento|execução|execucao|passos|roteiro|atualização|atualizacao|implementação|implementacao|plano de implementação|plano de execução|" +
		"implementazione|piano di implementazione|implementatie|implementatieplan|implementierung|implementierungsplan|plan d implémentation",
	TermMigrations: "contrôle des migrations|controle des migrations|controle migraties|controle van de migraties|controllo migrazioni|controllo delle migrazioni|verifica delle migrazioni|verificação das migrações|verificação de migrações|vérification des migrations|prüfung der migrationen|migrationsprüfung|control de migraciones|comprobación de migraciones|verificación de migraciones|achtergrondmigraties|achtergrondmigratie|background migration*|batched background migration*|migration status|migration check|migrations are finished|migrations finished|migrations are complete|migrations complete|migrations completed|migrations are done|migrations done|" +
		"hintergrundmigration*|hintergrund migration*|achtergrond migratie*|migraciones en segundo plano|migraciones de fondo|migrations en arrière plan|migrations d arrière plan|migration en arrière plan|migration d arrière plan|migrations de fond|migração em segundo plano|migrazione in background|migración en segundo plano|migrações em segundo plano|migrações de fundo|migrazioni in background|migrazioni in secondo piano",
	TermVerify: "controles na de upgrade|controle na de upgrade|na de upgrade|na elke upgrade|na iedere upgrade|after each upgrade|after every upgrade|after each hop|after every hop|nach jedem upgrade|nach jedem sprung|después de cada actualización|después de cada salto|après chaque mise à jour|après chaque saut|dopo ogni aggiornamento|após cada atualização|nacontrole|nacontroles|verificatie|post upgrade|postupgrade|after the upgrade|after upgrade|verification|verify|validation|validate|health check*|smoke test*|test plan|" +
		"success criteria|acceptance|post checks|post check|" +
		"nachkontrolle|prüfung|überprüfung|nach dem upgrade|nach der aktualisierung|verifizierung|funktionstest*|abnahmetest*|" +
		"verificación|verificacion|validación|comprobaciones|pruebas posteriores|después de la actualización|" +
		"vérification*|contrôle*|après la mise à jour|tests de validation|" +
		"verificação|verificações|verificacao|verificacoes|validação|depois da atualização|verifiche|controlli post",
	TermRollback: "retorno|ripiego|terugdraaiplan|terugvalplan|terugval|terugdraaien|terugrollen|terugrol*|ripristino|piano di rollback|piano di ritorno|piano di rientro|in caso di problemi|se qualcosa va storto|reversão|reversao|plano de rollback|plano de retorno|rollback*|roll back|if it goes wrong|if something goes wrong|if anything goes wrong|wenn etwas schiefgeht|si algo sale mal|en cas de problème|en cas d échec|rolling back|go back to|switch back|revert to|backout|back out|fallback|fall back|revert|reverting|restore plan|restore steps|restore|" +
		"contingency|recovery|recovery plan|abort|abort plan|downgrade|last known good|undo|" +
		"rückfall*|rueckfall*|zurücksetzen|zurückrollen|wiederherstellung|notfallplan|" +
		"contingencia|plan de contingencia|reversión|reversion|plan de reversa|reversa|vuelta atrás|vuelta atras|marcha atrás|plan de retorno|restauración|restauracion|" +
		"retour arrière|retour arriere|plan de repli|restauration|retour en arrière",
	TermWindow: "tijdvak|gepland tijdvak|tijdslot|finestre|finestre di manutenzione|janelas|janelas de manutenção|onderhoudsvenster|onderhoudsvensters|onderhoudsmoment|onderhoudstijd|tijdvenster|finestra|finestra di manutenzione|janela|janela de manutenção|janela de manutencao|w1|w2|w3|w4|maintenance window|maintenance windows|windows|ausfallzeit|inactividad|interruption|maintenance period|window|change window|schedule|scheduled|schedule*|timeline|time plan|when|downtime|dt|date|start time|start|planned start|starts|begin|end|planned end|end time|beginn|ende|startzeit|endzeit|inicio|início|término|termino|fin|comienzo|début|heure de début|" +
		"wartungsfenster|wartung*|zeitfenster|fenster|termin|termine|zeitplan|ablaufplan|venster|vensters|tijdstip|gewenst tijdstip|uitvoeringsdatum|wunschtermin|gewünschter termin|fecha deseada|fecha prevista|date souhaitée|date prévue|data desiderata|data prevista|data pretendida|" +
		"ventana de mantenimiento|ventanas de mantenimiento|ventana|ventanas|horario|fecha|cronograma|" +
		"fenêtre de maintenance|fenêtres de maintenance|fenêtre|fenêtres|fenetre|fenetres|créneau|calendrier|date de l intervention|planning|horaire|horaires",
	TermContact: "eigenaar|eigenaren|verantwoordelijke|uitvoerder|responsabile|proprietario|propriétaire|propietario|eigentümer|personne ressource|personne-ressource|répondant|contactpersoon|contactpersonen|aanspreekpunt|who|referente|contatto|contatti|contato|contatos|responsável|responsavel|responsáveis|responsaveis|responsables|verantwortliche|responsabili|verantwoordelijken|maintainer|me|maintained by|author|prepared by|written by|requested by|change owner|implementer|implemented by|assignee|assigned to|zugewiesen an|asignado a|assigné à|autor|auteur|contact*|point of contact|poc|owner|owners|escalation*|on call|oncall|responsible|resp|roles|raci|team|people|engineer|engineers|person|deputy|stellvertret*|vertretung|suplente|suppléant*|remplaçant*|" +
		"ansprechpartner*|kontakt*|verantwortlich*|zuständig*|rollen|" +
		"contacto*|responsable*|persona de contacto|equipo|" +
		"interlocuteur*|personne à contacter|équipe",
	TermComms:      "communication*|announce*|notification*|notify|stakeholder*|broadcast|kommunikation|ankündigung|benachrichtigung|comunicación|comunicacion|aviso*|anuncio*|annonce*",
	TermRisk:       "versionshinweise|versionshinweis|version notes|notas de versión|notas de la versión|notes de version|versie opmerkingen|versieopmerkingen|versienotities|versie notities|note di versione|note sulla versione|notas de versão|notas da versão|release notes reviewed|version specific|version specific items|versionsspezifisch*|específico de la versión|específicos de la versión|spécifique à la version|spécifiques à la version|risico|risicos|risco|riscos|rischi|rischio|matriz de risco|matriz de riscos|aandachtspunten|alternatives considered|options considered|decisions and alternatives|design decisions|alternativen|alternativas consideradas|alternatives envisagées|risk*|note|notes|known issue*|caution|warning*|important|troubleshoot*|risiko*|risiken|hinweis*|bekannte probleme|riesgo*|nota|notas|advertencia*|risque*|remarque*|avertissement*|points spécifiques|spécificités|particularités|points d attention|besonderheiten|particularidades|points de vigilance|vigilance",
	TermStaging:    "pre implementation testing|pre implementation test|pre implementation tests|prova su copia|vm di prova|macchina di prova|server di prova|istanza di prova|ambiente di prova|test vm|vm de prueba|servidor de prueba|vm de teste|servidor de teste|vm de test|serveur de test|test-vm|testvm|durchgespielt|integrationsumgebung|integrationssystem|integration environment|entorno de integración|environnement d intégration|ambiente di integrazione|integratieomgeving|homologación|homologacion|prueba en homologación|entorno de qa|instancia de qa|ambiente de qualidade|servidor de qualidade|ambiente de testes|servidor de testes|prueba en qa|servidor de qa|qa server|environnement de qa|ambiente de qa|test upgrade|trial upgrade|test-server|copia della vm di produzione|copia di produzione|copia della produzione|copie de la production|cópia da produção|cópia de produção|produktionskopie|copy of the production vm|acceptatie|acceptatieomgeving|acceptatieserver|acceptatiesysteem|acceptatie server|testinstantie|opgebouwd uit de productieback up|opgebouwd uit de productiebackup|testomgeving|testserver|proefdraai*|geoefend|geoefend op|oefening|oefenronde|kloon van de productie|kloon van productie|productiekloon|kopie van productie|kopie van de productie|productiekopie|hersteld uit de productieback up|hersteld uit de productiebackup|test op acceptatie|proefupgrade|generale repetitie|test in stage|tested in stage|stage server|server of stage|stage environment|stage instance|stage system|stage vm|prova completa|prova di aggiornamento|collaudo|ambiente di collaudo|teste completo|ambiente di test|ambiente di prova|prova generale|prova in staging|ambiente de teste|ambiente de homologação|homologação|homologacao|ensaio|test host|test hosts|acceptance host|acceptance server|pruebas previas|prueba previa|máquina de pruebas|maquina de pruebas|instancia de pruebas|entorno de prueba|copia de producción|copia de produccion|ensayamos|ensayado|serveur de test|instance de test|vm de test|machine de test|machine virtuelle de test|vm de prueba|vm de pruebas|máquina de prueba|copie de production|probeinstanz|testmaschine|kopie der produktion|test vm|test vms|test machine|test box|spare vm|spare server|spare machine|scratch vm|clone of prod|copy of prod|prod clone|prod copy|cloned prod*|sandbox|sandbox copy|test copy|copy of production|clone of production|production clone|production copy|staging|non production|nonproduction|non prod|test system|test systems|qa environment|qa instance|qa system|stg*|clone of the vm|clone of our vm|vm clone|test before|tested before|isolated network|cloned the vm|cloned vm|clone of the server|server clone|klon der vm|clon de la vm|clone de la vm|acceptance environment|rehears*|ensaiado|ensaiada|ensaiamos|ensaiou|homolog|dry run|dry runs|test run|generalprobe|general probe|test geo umgebung|trial run|test environment|test instance|test server|pre production|preprod*|uat|simulacro|ensayo*|entorno de pruebas|servidor de pruebas|testinstanz|testserver|testumgebung|testsystem|staging umgebung|probelauf|testlauf|entorno de pruebas|entorno de staging|ensayo|préproduction|pré production|pre produção|pré produção|préprod|environnement de test|répétition|recette|essai complet|essai à blanc|vm clonée|serveur cloné|instance clonée|labo|au labo|lab instance|lab server|lab vm|test lab",
	TermSignoff:    "approver*|genehmig*|go no go|go nogo|sign off|signoff|approval*|freigabe|abnahme|aprobación|aprobacion|définition du fini|definition of done",
	TermChangelog:  "previous attempt|first attempt|earlier attempt|failed attempt|last attempt|second attempt|what went wrong|went wrong|andato storto|salió mal|deu errado|s est mal passé|erster versuch|ersten versuch|vorheriger versuch|letzter versuch|schiefging|intento anterior|primer intento|intento fallido|tentativa anterior|primeira tentativa|tentative précédente|première tentative|tentative échouée|tentativo precedente|primo tentativo|tentativo fallito|vorige poging|eerste poging|vorige keer|misging|lessons learned|no son saltos|not hops|no hops|geen hops|leeslijst|reading list|leseliste|lista de lectura|liste de lecture|lista di lettura|lista de leitura|keine hops|keine sprünge|pas des sauts|non sono salti|geen sprongen|não são saltos|lessons from|lessons|lehren|lecciones aprendidas|leçons|changelog|change log|revision history|document history|history|upgrade history|past upgrades|previous upgrades|completed upgrades|earlier upgrades|previous upgrade|earlier upgrade|prior upgrade|previous change|earlier change|prior change|upgrade log|vorheriges upgrade|actualización anterior|mise à jour précédente|änderungshistorie|historial de cambios|historique|registro delle modifiche|registro delle revisioni|storico delle modifiche|storico revisioni|cronologia delle modifiche|registro de cambios|registro de modificaciones|control de cambios del documento|historial del documento|historique des modifications|historique des révisions|suivi des modifications|änderungsverlauf|dokumenthistorie|versionshistorie|wijzigingslog|wijzigingshistorie|revisiehistorie|documenthistorie|histórico de alterações|histórico de revisões|registro de alterações",
	TermOutOfScope: "next steps|next steps after this change|later|future work|outlook|roadmap|ausblick|nächste schritte|próximos pasos|siguientes pasos|prochaines étapes|perspectives|prossimi passi|volgende stappen|próximos passos|out of scope|buiten scope|buiten de scope|fuori ambito|fuori perimetro|fora do escopo|fora de escopo|außerhalb des scopes|non goals|non goal|not in scope|not included|nicht im umfang|außerhalb des umfangs|fuera de alcance|fuera del alcance|hors périmètre|hors scope|hors du périmètre|next planned change|next planned upgrade|follow up change|future upgrade|future upgrades|later upgrade|later upgrades|follow up upgrade",

	// ---- fact labels ----
	TermCurrent: "actual version|versie nu|nu|actual gitlab version|aktuell installiert|installierte version|aktuelle version|derzeitige version|versión actual|versión instalada|version actuelle|version installée|current version|current gitlab version|current|version right now|version now|right now|installed version|installed|from version|source version|running version|existing version|version today|" +
		"aktuelle version|ist version|installierte version|aktueller stand|ausgangsversion|" +
		"versión actual|version actual|versión instalada|versión de origen|" +
		"version actuelle|version installée|version source|version de départ|" +
		"versão atual|versão instalada|versão corrente|versao atual|versione attuale|versione installata|huidige versie|geïnstalleerde versie|huidig|huidige stand|atual|attuale|actuel",
	TermTarget: "target version|target|to version|desired version|destination version|goal version|final version|end version|target release|" +
		"zielversion|ziel version|ziel|endversion|" +
		"versión objetivo|versión destino|destino|versión de destino|version objetivo|versión final|" +
		"version cible|cible|version finale|" +
		"versão alvo|versão de destino|versão final|versao alvo|versione di destinazione|versione target|versione obiettivo|versione finale|doelversie|eindversie|nieuwe versie|" +
		"desired state|target state|zielzustand|estado objetivo|état cible|stato obiettivo|estado alvo|gewenste versie|gewenste stand|" +
		"planned version|planned|new version|version after upgrade|geplante version|neue version|versión planificada|versión prevista|nueva versión|version prévue|version visée|nouvelle version|versione prevista|nuova versione|geplande versie|versão planejada|versão prevista|nova versão",
	TermEdition:     "edition|distribution|license|licence|tier|lizenz|edición|licencia|édition",
	TermInstall:     "install method|installation method|installation type|install type|installation|deployment method|deployment type|installed via|installationsart|installationsmethode|método de instalación|metodo de instalacion|tipo de instalación|méthode d installation|type d installation|installatiemethode|installatietype|installatie|metodo di installazione|metodo installazione|tipo di installazione|installazione|método de instalação|metodo de instalacao|tipo de instalação|instalação",
	TermOS:          "os|operating system|platform|distro|betriebssystem|sistema operativo|sistema operacional|besturingssysteem|système d exploitation|systeme d exploitation|système|systeme|sistema|distribution|distribución|distribuição|distribuzione",
	TermTimezone:    "timezone|time zone|tz|zeitzone|zona horaria|fuseau horaire|fuso orario|fuso horário|fuso horario|tijdzone|huso horario|strefa czasowa",
	TermDuration:    "duration|length|expected duration|estimated duration|dauer|duración|duracion|durée",
	TermVersionWord: "version|versions|release|versión|versiones|versionen|versione|versioni|versão|versões|versie|versies",

	// ---- commands and domain terms ----
	TermBackupCmd:    "gitlab backup create|gitlab rake gitlab backup create|rake gitlab backup create|backup utility|gitlab backup|backup create",
	TermBackupEtc:    "gitlab ctl backup etc|backup etc",
	TermSnapshot:     "snapshot*|vm snapshot|disk snapshot|volume snapshot|instantánea|instantáneas|istantanea|istantanee|hyper-v checkpoint|checkpoint de hyper-v|checkpoint hyper-v|vm checkpoint|checkpoint de la vm|checkpoint der vm|prüfpunkt|instantané*|image backup",
	TermSecretsJSON:  "gitlab secrets json|gitlab secrets|secrets json",
	TermGitlabRb:     "configuration files|configuration file|config files|config file|gitlab configuration|gitlab rb",
	TermEtcGitlab:    "etc gitlab",
	TermConfigVolume: "config volume|configuration volume|srv gitlab config|gitlab config|config directory|config dir|etc gitlab volume",
	TermRailsSecret:  "rails secret|rails secrets|gitlab rails secret",
	TermSecretsYml:   "secrets yml|config secrets yml",
	TermRestore: "restore*|restoring|recover from|revert to snapshot|revert the snapshot|roll back the snapshot|rollback the snapshot|snapshot revert|revert snapshot|" +
		"wiederherstell*|wiederhergestellt|rücksicherung|zurücksichern|zurückgesichert|zurückspielen|einspielen|eingespielt|zurückgespielt|restaur*|ripristinare|ripristiniamo|ripristinato|ripristinata|ripristina",
	TermRestoreCmd:      "gitlab backup restore|gitlab rake gitlab backup restore|backup utility restore|rake gitlab backup restore",
	TermReinstall:       "helm rollback|previous tag|old tag|previous image tag|old image tag|previous release|prior version|previous chart|old chart|version we started from|started from|version we came from|original version|original package|same version as before|ursprüngliche version|alte version|versión original|versión inicial|version d origine|version initiale|reinstall*|downgrade*|install the previous|install previous|previous package|previous image|previous version|old version|older version|old image|git revert|revert the commit|revert commit|zurück auf|vorherige version|versión anterior|version précédente|imagen anterior|image précédente|ancienne image|ancienne version|vorheriges image|vorherige image|altes image|alte image|imagem anterior|versão anterior|immagine precedente|versione precedente|vorige image|vorige versie|oude image|oude versie|reinstal*|reinstalar|réinstaller",
	TermCheckCmd:        "gitlab rake gitlab check|gitlab check|doctor secrets|gitlab doctor secrets|rake gitlab check|gitlab artifacts check|gitlab lfs check|gitlab uploads check",
	TermLogin:           "log in|login|logins|sign in|signin|sign on|authenticate|anmelden|anmeldung|einloggen|iniciar sesión|inicio de sesión|connexion|se connecter",
	TermCloneOrPush:     "clone|cloning|git clone|push|git push|pull|fetch|klonen|clonar|cloner",
	TermPipeline:        "pipeline*|ci job*|ci jobs|runner picks|runners pick|jobs run|run a job|job runs",
	TermSmoke:           "smoke test*|functional test*|end to end test*|user acceptance|sanity check*|funktionstest*|prueba funcional|test fonctionnel*",
	TermStatusOnly:      "gitlab ctl status|status|is up|started|running|health|readiness|liveness|health check|200 ok|responds",
	TermBBM:             "bbm|bbms|bbm gate|background migration*|batched migration*|hintergrundmigration*|hintergrund migration*|achtergrondmigratie*|achtergrond migratie*|migrações em segundo plano|migrazioni in background|migraciones en segundo plano|migraciones de fondo|migrations en arrière plan|migrations d arrière plan|migration en arrière plan|migration d arrière plan|migrations de fond|migração em segundo plano|migrazione in background|migración en segundo plano|batched background migration*",
	TermBBMQuery:        "batched background migrations|batchedmigration|backgroundmigration|admin monitoring background migrations|monitoring background migrations|background migrations page|background migrations tab|queued|finalizing|gitlab background migrations status|background migrations status|bbm query|bbm queries|bbm abfrage|consulta de bbm|consulta bbm|requête bbm|bbm zoekopdracht|query bbm|background migration query|background migrations query|bbm ui|bbm page|bbm dashboard|background migrations ui",
	TermMigrateStatus:   "db migrate status",
	TermMigrationsJob:   "job gitlab migrations|gitlab migrations job|job de migraciones|migrations job|migration job|migrations pod|migration pod|migrations container|migrations completed|migrations complete|job delle migrazioni|job di migrazione|job des migrations|job de migrations|jobs de migrations|job de migration|migrations-job|migrationsjob|migratiejob|job van de migraties|job de migrações|job das migrações",
	TermAutoMigrations:  "migrations run automatically|runs the migrations|run the migrations automatically|migrations are run automatically|package runs the migrations|package runs migrations|reconfigure runs the migrations|automatically during reconfigure|handled by the package|handled by reconfigure",
	TermWait:            "wait*|warten|abwarten|esperar|espera|esperamos|attendre|attendons|attend|pause de|pausa de|pauze van|attendere|aspettare|attendiamo|aspettiamo|wachten|wacht|aguardar|aguardamos|settle|settled|to settle|laufen lassen|dejar correr|laisser tourner|lasciar girare|laten lopen|deixar rodar",
	TermTimeUnit:        "minute*|min|mins|hour*|hrs|hr|h|stunde*|minuten|hora*|heure*|minuti|minuto|ore|ora|uur|uren|minutos",
	TermEach:            "elke|iedere|tussen|ogni|ciascun|ciascuno|cada|each|every|between|all hops|each hop|every hop|each stop|every stop|jede*|jeder|jedem|je|pro|zwischen|cada|entre|chaque|tous les|toutes les|both|beide|beiden|ambas|ambos|les deux",
	TermNeg:             "neither|weder|tampoco|nemmeno|neanche|evenmin|geen|géén|niemals|nimmer|niet|nooit|zonder|sem|senza|nessun|nessuna|nessuno|niente|non|nenhum|nenhuma|non usato|non usati|non usata|non utilizzato|non utilizzati|não|nao|n a|no|not|nein|without|never|none|nor|don t|doesn t|isn t|aren t|won t|haven t|hasn t|didn t|cannot|can t|lack*|kein*|nicht|ohne|nie|sin|ningún|ninguna|ninguno|nunca|pas|sans|aucun*|jamais|ni",
	TermUpgradeVerb:     "upgrade|upgrades|upgraded|upgrading|update|updating|install|installs|installing|go to|move to|bump|aktualisier*|upgraden|installier*|actualiz*|instal*|mettre à jour|mise à jour|monter en version|montée de version|migrer|atualizar|atualizamos|atualizaremos|atualizado|atualizada|atualiza|aggiornare|aggiorniamo|aggiorneremo|aggiornato|aggiornata|aggiorna|bijwerken|bijgewerkt",
	TermFrom:            "from|von|de|desde|depuis|vom|van|da|dalla|dal",
	TermTo:              "to|auf|nach|a|hasta|à|vers|towards|into|naar|para|alla|al",
	TermTakesPlace:      "take place|takes place|will take place|happen|happens|will happen|will be held|is held|is scheduled|is planned|aura lieu|a lieu|se déroulera|se fera|est prévue|est prévu|erfolgt|findet statt|stattfinden|wird durchgeführt|ist geplant|tendrá lugar|tiene lugar|será|se realizará|se hará|está prevista|está previsto|avrà luogo|si terrà|è prevista|è previsto|vindt plaats|zal plaatsvinden|staat gepland|terá lugar|será realizada|será realizado|ocorrerá|está prevista|está previsto",
	TermGoal:            "goal|aim|objective|objetivo|objectif|obiettivo|doel|ziel ist|ziel",
	TermEvent:           "change|maintenance|maintenance work|intervention|eingriff|umstellung|changement|opération|operation|intervención|intervencion|mantenimiento|onderhoud|werkzaamheden|manutenzione|intervento|manutenção|manutencao|intervenção|intervencao|cutover",
	TermGoVerb:          "pasar|pasaremos|pasamos|ir|iremos|passer|passerons|passons|aller|willen|gaan|wollen|möchten|wechseln|passare|passeremo|andare|passar|passaremos|ir para",
	TermCurrently:       "já está no|já está na|está no|está na|ya está en|est déjà en|est déjà sur|ist schon auf|ist bereits auf|is already on|staat al op|è già su|è già alla|è già al|è ferma alla|è fermo alla|è ferma al|è fermo al|ferma alla|fermo alla|steht auf|steht noch auf|está parada en|está parado en|se quedó en|est bloquée en|est resté en|est restée en|currently|running|run|we run|we are on|we re on|we are at|we re at|is on|are on|runs|today|derzeit|aktuell|läuft|laufen|wir sind auf|wir sind bei|actualmente|ejecutamos|estamos en|actuellement|tourne|nous sommes en|nous sommes sur|on est en|on est sur|attualmente|siamo su|siamo sulla|siamo sul|siamo alla|siamo in|è in|è su|draait|staat op|staat nog op|staat nu op|we draaien|wij draaien|we zitten op|wij zitten op|momenteel|atualmente|estamos em|estamos na|ejecuta|ejecutan|executa|esegue|exécute|läuft mit",
	TermLatest:          "latest|newest|most recent|current release|latest release|latest version|neueste*|aktuellste*|última|ultima|más reciente|dernière|derniere|plus récente",
	TermOtherProduct:    "openjdk|jdk|java|proxmox|proxmox ve|esxi|vsphere|vmware|hyper v|nutanix|openstack|shell|gitlab shell|workhorse version|agent|postgres*|pg|psql|ubuntu|debian|rhel|red hat|centos|rocky|alma*|oracle|amazon linux|sles|suse|opensuse|redis|valkey|runner|gitlab runner|kubernetes|k8s|kubectl|openssl|ruby|golang|git|elasticsearch|opensearch|docker|compose|patroni|nginx|python|java|openshift|eks|aks|gke|terraform|ansible|mattermost|consul|pgbouncer|haproxy|minio|grafana|prometheus|linux|kernel|windows|raspbian|agentk|chart|charts|operator|cert manager|ingress|tls|ssl|helm|nodejs|node js|npm|yarn|gcc|glibc|vault|mysql|mariadb|jenkins|jira|sonarqube|artifactory|nexus|keycloak|ldap|openldap|vmware|esxi|proxmox|vsphere",
	TermChart:           "chart|charts|chart version|helm chart|gitlab chart",
	TermMethodLinux:     "omnibus|linux package|linux packages|omnibus package|apt|apt get|yum|dnf|zypper|deb|rpm|dpkg|gitlab ctl|package install|package based|paquete linux|paquet linux|linux paket",
	TermMethodDocker:    "docker|docker compose|compose|docker run|container|containers|podman|swarm|contenedor|conteneur",
	TermMethodHelm:      "helm|helm chart|gitlab chart|cloud native hybrid|cloud native|kubernetes|k8s|kubectl|eks|aks|gke|openshift",
	TermMethodOperator:  "gitlab operator|operator",
	TermMethodSource:    "from source|source install|source installation|installed from source|self compiled|compiled from source|bundle exec|aus den quellen|desde el código fuente|depuis les sources",
	TermMethodGET:       "gitlab environment toolkit|environment toolkit|get toolkit",
	TermSingleNode:      "num só servidor|num único servidor|num servidor só|um só servidor|só servidor|ein host|ein einziger host|ein container|un solo host|un único host|un seul hôte|einzelknoten|einzelner host|nodo singolo|singolo nodo|server singolo|un solo server|unico server|macchina singola|enkele node|één node|één gitlab node|één gitlab server|one gitlab node|one gitlab server|single gitlab node|single gitlab server|één server|enkele server|nó único|único nó|um único nó|único servidor|um único servidor|ein einzelner knoten|single ec2 instance|one ec2 instance|one single|all services are on|all services run on|all components on|all components run on|every component runs on|everything runs on|everything on one|un seul nœud|un seul noeud|nœud unique|mono nœud|mono noeud|mono serveur|mono node|mono nodo|mononodo|noeud unique|un solo nodo|nodo único|einzelner knoten|ein einziger server|einzelserver|single node|single box|one box|single host|one host|single server|one server|single vm|one vm|single virtual machine|one virtual machine|every component lives on|everything lives on|single instance|one node|1 node|all in one|standalone|one container|single container|one docker container|everything inside|one machine|single machine|single host|one host|einzelner server|ein server|ein knoten|un solo servidor|servidor único|un seul serveur|serveur unique|nœud unique|omnibus single|su un solo server|op één server",
	TermMultiNode:       "a few vms|several vms|multiple vms|ein paar vms|einige vms|mehrere vms|varias vms|varias máquinas virtuales|plusieurs vm|plusieurs vms|alcune vm|diverse vm|meerdere vms|een paar vms|várias vms|algumas vms|multi node|multinode|mehrknoten*|mehrknotig*|multinodo|multi nodo|multi nó|multinó|meerknoops*|multiple nodes|several nodes|high availability|ha|reference architecture|nodes|cluster|horizontally scaled|scaled out|mehrere knoten|multi nœuds|multi noeuds|multinœuds|multinoeuds|multi nœud|multi noeud|zwei knoten|drei knoten|vier knoten|2 knoten|3 knoten|4 knoten|beiden knoten|beide knoten|dos nodos|tres nodos|2 nodos|3 nodos|deux nœuds|trois nœuds|2 nœuds|3 nœuds|deux noeuds|2 noeuds|hochverfügbar*|varios nodos|alta disponibilidad|plusieurs nœuds|haute disponibilité|cloud native hybrid|più nodi|piu nodi|alta disponibilità|meerdere nodes|meerdere servers|hoge beschikbaarheid|vários nós|varios nós|todos os nós|alle knoten|allen knoten|allen servern|alle server|jedem knoten|mehrere server|todos los servidores|varios servidores|tous les serveurs|plusieurs serveurs|all servers|all nodes|every node|each node|em cada nó|alta disponibilidade|tutti i nodi|due nodi|tre nodi|alle nodes|twee nodes|drie nodes|todos los nodos|tous les nœuds|external gitaly|externe gitaly|externer gitaly|externen gitaly|gitaly externo|gitaly externe|gitaly esterno|separate gitaly|dedicated gitaly|aparte gitaly|eigener gitaly|eigenen gitaly",
	TermGeo:             "geo|geo primary|geo secondary|primary site|secondary site|geo site*|disaster recovery site",
	TermComponent:       "gitaly|praefect|postgres*|patroni|pgbouncer|redis|sentinel|sidekiq|puma|rails|webservice|web node*|app node*|application node*|consul|load balancer|loadbalancer|load-balancer|haproxy|object storage|minio|s3|monitoring node|prometheus|gitaly cluster|database node*|db node*|toolbox|nfs",
	TermEditionChange:   "ce to ee|ce ee|ce → ee|community edition to enterprise edition|ee to ce|ce nach ee|ce a ee|ce vers ee|ce en ee|convert to ee|convert to enterprise|switch to ee|switch to enterprise|upgrade to ee|upgrade to enterprise|migrate to ee|move to ee|edition switch|edition change|switch edition|change of edition|change the edition|editionswechsel|wechsel der edition|cambio de edición|cambio de edicion|changement d édition|changement d edition",
	TermMoveVerb:        "migrate|migrating|migrated|move|moving|moved|switch|switching|switched|transition|transitioning|replatform*|rehost*|re host|lift and shift|umzug|umziehen|migrieren|migriert|wechseln|migrar|mover|cambiar a|migrer|déplacer|basculer|ziehen|umgezogen|verhuizen|verhuizing|migreren|migrare|migriamo|spostare|spostiamo|trasferire|mudar|mudamos|passiamo|passare|passamos|pasamos|pasar|movemos|moveremos|migraremos|passer|déplaçons|verplaatsen|overstappen|stappen over|migramos|trasladar|trasladamos|déménag*|demenag*",
	TermNewPlatform:     "new server|nouvelle vm|nouvelle machine|neue vm|nueva vm|nuova vm|nieuwe vm|nova vm|new servers|new host|new vm|new vms|new machine|new hardware|new cluster|new vmware cluster|new esxi host|new data center|new datacenter|new datacentre|new instance|another server|different server|cloud|aws|azure|gcp|google cloud|kubernetes|k8s|helm|eks|aks|gke|openshift|docker|containers|neuen server|neuer server|neue hardware|nuevo servidor|servidor nuevo|servidores nuevos|máquina nueva|nueva máquina|servidor novo|servidores novos|server nuovo|serveur neuf|nieuwe machine|nouveau serveur|neuen host|neue vm|neuen cluster|nieuwe server|nieuwe hardware|nuovo server|nuovi server|nuovo hardware|novo servidor|novos servidores|nuevo host|nuevos servidores|nouvelle vm|nouveaux serveurs|nouveau cluster|nuova vm",
	TermScale:           "scale*|scaling|scale up|scale out|upsize|bigger reference architecture|larger reference architecture|add nodes|adding nodes|more nodes|additional nodes|skalier*|escalar|escalado|mise à l échelle",
	TermDataMove:        "gitlab com|gitlab dedicated|saas|congregate|direct transfer|import into|export to|another instance|other instance|new instance|separate instance|andere instanz|otra instancia|autre instance",
	TermAddVerb:         "add|adding|acrescentar|acrescentamos|acrescentaremos|bring up|bringing up|stand up|provision|provisioning|set up|setup|setting up|set it up|turn it into|introduce|introducing|enable|enabling|deploy|deploying|configure|configuring|hinzufügen|einrichten|aufsetzen|añadir|agregar|configurar|ajouter|mettre en place|aggiungere|aggiungiamo|configuriamo|configurare|toevoegen|inrichten|adicionar|adicionamos|criar|criamos|criaremos|crear|creamos|créer|créons|creare|creiamo|aanmaken|configuramos|configurons|ajoutons",
	TermPlaceholderWord: "tbd|tbc|tba|t b d|t b c|t b a|todo|fixme|xxx|lorem ipsum|to be defined|to be determined|to be decided|to be confirmed|to be announced|à définir|à compléter|por definir|por determinar|por confirmar|a definir|a confirmar|a determinar|da definire|da confermare|da stabilire|nog te bepalen|nog te bevestigen|nog in te vullen|noch offen|noch festzulegen|steht noch aus|wird noch festgelegt",
	TermCredentialWord:  "pgpassword|gitlab_root_password|password|passwd|pwd|pw|mdp|passwort|kennwort|contraseña|contrasena|clave|mot de passe|senha|palavra passe|wachtwoord|token|api key|apikey|access key|secret key|private token|root password|db password|initial root password",
	TermScriptWord:      "custom script*|our script*|home grown|homegrown|in house script*|own script*|wrapper script*|ansible playbook*|playbook*|ansible|automation script*|eigenes skript|eigene skripte|script propio|scripts propios|script maison",
	TermConsole:         "gitlab rails console|rails console|rails c|gitlab rails c|gitlab rails runner|rails runner",
	TermSQLWrite:        "update|delete|insert|alter|drop|truncate",
	TermPsql:            "gitlab psql|psql|sql|gitlab rails dbconsole|dbconsole",
	TermUnpinnedCmd:     "apt get y upgrade|apt get yes upgrade|apt get q upgrade|apt get qq upgrade|apt y upgrade|apt get y dist upgrade|apt get y full upgrade|yum y update|yum y upgrade|dnf y upgrade|dnf y update|zypper n update|zypper n up|zypper non interactive update|apt upgrade|apt get upgrade|apt full upgrade|apt get dist upgrade|apt dist upgrade|yum update|yum upgrade|dnf upgrade|dnf update|zypper update|zypper up|zypper dup|apt get install gitlab ee|apt get install gitlab ce|apt install gitlab ee|apt install gitlab ce|yum install gitlab ee|yum install gitlab ce|dnf install gitlab ee|dnf install gitlab ce|zypper install gitlab ee|zypper install gitlab ce|apt get install y gitlab ee|apt get install y gitlab ce|apt get install yes gitlab ee|apt get install yes gitlab ce|apt get install q gitlab ee|apt get install q gitlab ce|apt install y gitlab ee|apt install y gitlab ce|apt install yes gitlab ee|apt install yes gitlab ce|apt install q gitlab ee|apt install q gitlab ce|yum install y gitlab ee|yum install y gitlab ce|yum install yes gitlab ee|yum install yes gitlab ce|yum install q gitlab ee|yum install q gitlab ce|dnf install y gitlab ee|dnf install y gitlab ce|dnf install yes gitlab ee|dnf install yes gitlab ce|dnf install q gitlab ee|dnf install q gitlab ce|zypper install y gitlab ee|zypper install y gitlab ce|zypper install yes gitlab ee|zypper install yes gitlab ce|zypper install q gitlab ee|zypper install q gitlab ce|apt get install only upgrade gitlab ee|apt get install only upgrade gitlab ce|apt get install y only upgrade gitlab ee|apt get install y only upgrade gitlab ce|apt get install only upgrade y gitlab ee|apt get install only upgrade y gitlab ce|apt install only upgrade gitlab ee|apt install only upgrade gitlab ce|apt install y only upgrade gitlab ee|apt install y only upgrade gitlab ce|apt install only upgrade y gitlab ee|apt install only upgrade y gitlab ce",
	TermHold:            "apt mark hold|mark hold|versionlock|exclude gitlab|excludepkgs|pinned|pin|hold",
	TermPkgInstall:      "apt install|apt get install|yum install|dnf install|zypper install|zypper in|rpm i|rpm uvh|rpm ivh|rpm u|dpkg i|yum localinstall|dnf localinstall|apt get y install|apt y install",
	TermDockerPull:      "docker pull|docker run|image|docker compose pull|docker compose up|podman pull|podman run",
	TermHelmUpgrade:     "helm upgrade|helm install",
	TermStopWord:        "required stop|required stops|mandatory stop|upgrade stop|stop|pflichtstopp|pflichtstation|zwischenstopp|parada obligatoria|parada|palier obligatoire|palier",
	TermSeeAlso:         "see|release notes|changelog|documentation|docs|blog|announcement|link|siehe|véase|voir|issue|known issue|fixed in|bug|regression|introduced in|deprecated|removed in|available since|available from|since",
	TermDone:            "done|completed|finished|succeeded|passed|erledigt|abgeschlossen|hecho|completado|terminé|terminado",
	TermEE:              "ee|enterprise edition|enterprise|gitlab ee|premium|ultimate",
	TermCE:              "ce|community edition|gitlab ce|free tier|foss",
	TermAutoBackup: "backup the package takes|database backup the package takes|dump the package takes|automatic database backup|package s automatic|automatic pre upgrade backup|automatische sicherung|copia automática|sauvegarde automatique|automatic backup|auto backup|automatically backs up|takes a backup automatically|takes a database backup|pre upgrade backup the package|skip auto backup|its own database backup|its own backup|its own database dump|pre install database dump|pre install dump|pre upgrade database dump|pre upgrade database backup|" +
		"fait de lui même une sauvegarde|fait lui même une sauvegarde|sauvegarde automatique de la base|macht selbst eine sicherung|eigene sicherung der datenbank|automatische datenbanksicherung|hace su propia copia|su propia copia de seguridad|copia de seguridad automática de la base|fa da solo un backup|backup automatico del database|maakt zelf een back up|automatische back up van de database|faz sozinho um backup",
	TermSkipWord: "skip|skipped|skipping",
	TermEmail:    "email|e mail|mail|correo|courriel",
	TermPhone:    "phone|tel|mobile|cell|telefon|teléfono|téléphone|handy",
	TermChat:     "slack|teams|mattermost|matrix|irc|zoom|bridge|pagerduty|opsgenie|chat|channel",
	TermTeamWord: "team|teams|group|department|ops|operations|on call|sre|dba|admins|administrators|it|infra|helpdesk|service desk|equipo|équipe|abteilung|betrieb",
}

func init() {
	vocabulary[TermCheckVerb] = "check*|verify|verif*|confirm*|ensure|make sure|monitor*|wait until|until|finished|finish|complete*|done|status|zero|no pending|none pending|all finished|prüf*|überprüf*|kontroll*|sicherstellen|abgeschlossen|fertig|comprob*|verific*|confirmar|asegur*|terminad*|finalizad*|vérifi*|contrôl*|s assurer|terminée*|terminés|controle*|controlla*|controllo|conferm*|assicura*|garantir|certific*"
	vocabulary[TermCutoff] = "cut off|cut off time|cutoff|point of no return|decision point|rollback decision|no go decision|go no go decision|rollback entscheidung|entscheidung über rollback|decisión de rollback|décision de retour arrière|decisione di rollback|no later than|deadline|latest by|abbruchzeitpunkt|spätestens|entscheidungspunkt|punto de decisión|punto de decision|point de décision|punto di decisione|ponto de decisão|ponto de decisao|beslismoment|beslispunt|punto de no retorno|hora límite|hora limite|point de non retour|heure limite|au plus tard|ponto de não retorno|ponto de nao retorno|punto di non ritorno|point of no return"
	vocabulary[TermConditional] = "if|when|in case|should|falls|wenn|sollte|si|en caso|au cas|lorsque|fails|failure|fehlschlägt|falla|échoue|problem*|issue*|goes wrong"
	vocabulary[TermWhenWord] = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|evening|night|morning|afternoon|tonight|next week|" +
		"january|february|march|april|may|june|july|august|september|october|november|december|" +
		"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenende|abend|nacht|morgen|" +
		"januar|februar|märz|mai|juni|juli|oktober|dezember|" +
		"lunes|martes|miércoles|jueves|viernes|sábado|domingo|fin de semana|noche|mañana|tarde|" +
		"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|" +
		"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|soir|soirée|matin|nuit|" +
		"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
	vocabulary[TermRelation] = "before|after|until|since|prior to|ahead of|later than|vor|nach|bis|seit|ab|antes de|después de|hasta|desde|avant|après|jusqu à|depuis|dès"
	vocabulary[TermSignature] = "best regards|kind regards|regards|many thanks|thanks|thank you|cheers|best|mit freundlichen grüßen|viele grüße|beste grüße|gruß|saludos|un saludo|atentamente|cordialement|bien à vous|merci|cordiali saluti|distinti saluti|un cordiale saluto|saluti|met vriendelijke groet|met vriendelijke groeten|vriendelijke groet|groeten|atenciosamente|cumprimentos|um abraço|abraços"
	vocabulary[TermNodeWord] = "node|nodes|server|servers|vm|vms|machine|machines|host|hosts|knoten|nodo|nodos|servidor|servidores|nœud|nœuds|serveur|serveurs"
	vocabulary[TermDatabaseWord] = "postgres*|pg|rds|aurora|cloud sql|azure database|alloydb|patroni|database|datenbank|base de datos|base de données|server version"
}

//go:generate go test -run TestLexiconIsCurrent -update

// lexi returns the lexicon of the vocabulary. Its tables are generated
// from the vocabulary into lexicon_gen.go; a test fails when they are
// stale.
func lexi() *lexicon { return builtLexicon }

// factTerms are labels of plan facts that can head a section too
// ("**Target**", "## Operating system").
var factTerms = func() termSet {
	var s termSet
	for _, t := range []Term{TermCurrent, TermTarget, TermEdition, TermInstall, TermOS, TermTimezone, TermDuration} {
		s.add(t)
	}
	return s
}()

// sectionTerms are the concepts a heading or label can give its section.
var sectionTerms = func() termSet {
	var s termSet
	for t := TermSummary; t <= TermOutOfScope; t++ {
		s.add(t)
	}
	return s
}()

// PointsElsewhere reports whether lower-cased text sends the reader to
// another part of the plan instead of saying something itself: "Step 2:
// backup (see above)", "Étape 4 (voir section suivante)", "Siehe Front
// Matter."
func PointsElsewhere(lower string) bool {
	return containsAny(lower, elsewhereWords)
}

var elsewhereWords = []string{"see above", "see below", "see section", "see the section", "see next", "see previous", "see step", "as above", "described above",
	"siehe oben", "siehe unten", "siehe abschnitt", "siehe schritt", "wie oben", "ver arriba", "ver abajo", "ver sección", "ver la sección", "ver paso", "véase",
	"voir ci-dessus", "voir ci-dessous", "voir section", "voir la section", "voir étape", "voir l'étape", "comme ci-dessus", "vedi sopra", "vedi sotto", "zie boven", "zie hieronder", "ver acima",
	"see front matter", "see the front matter", "siehe front matter", "siehe front-matter", "siehe frontmatter", "voir le front matter", "ver front matter", "ver el front matter", "vedi front matter", "zie front matter"}

// NotApplicablePhrases say that something does not apply: a template
// section answered "N/A", a version note that does not concern the
// instance.
var NotApplicablePhrases = []string{"not applicable", "niet van toepassing", "nicht zutreffend", "trifft nicht zu", "no aplica", "no aplicable", "sans objet", "non applicable",
	"non applicabile", "non si applica", "não se aplica", "não aplicável", "nao se aplica", "entfällt"}

// SaysNotUsed reports whether lower-cased text says that something it
// names is not used or not run: "ons oude script ... gebruiken we niet",
// "Geo, Elasticsearch ... setzen wir nicht ein".
func SaysNotUsed(lower string) bool {
	return containsAny(lower, notUsedWords)
}

var notUsedWords = []string{"setzen wir nicht ein", "nutzen wir nicht", "verwenden wir nicht", "sind nicht im einsatz", "werden nicht genutzt", "werden nicht verwendet", "wird nicht verwendet", "nur gelesen",
	"are not used", "aren't used", "is not used", "are not in use", "we don't use", "we do not use", "not run", "only read",
	"no se usan", "no se usa", "no los usamos", "no usamos", "no utilizamos", "no se utilizan", "solo leído",
	"ne sont pas utilisés", "n'est pas utilisé", "n'utilisons pas", "seulement lu", "non sono usati", "non viene usato", "non usiamo", "non utilizziamo",
	"worden niet gebruikt", "niet gebruikt", "gebruiken we niet", "alleen doorgelezen", "não usamos", "não são usados", "não é usado", "não utilizamos",
	// The participles of table cells: "| Ansible | 2.15 | non usato in
	// questo intervento |".
	"not used", "nicht verwendet", "nicht genutzt", "nicht eingesetzt", "no usado", "no utilizado", "pas utilisé", "non utilisé", "non usato", "non usata", "non usati", "non utilizzato", "não usado", "não utilizado"}
