package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/lint"
)

// migrationCheck is a line that checks background migrations.
type migrationCheck struct {
	Line      *lint.Line
	Effective bool
	// Global is true for a check stated for every hop ("before each hop").
	Global bool
}

// migrationChecks finds the lines that check batched background
// migrations, effective or not.
func migrationChecks(d *lint.Document) []migrationCheck {
	var out []migrationCheck
	var taken *lint.Line
	for _, l := range d.Lines {
		if l == taken {
			// (Judged already as the command a check sentence leads into.)
			continue
		}
		if l.Kind == lint.KindHeading || l.Kind == lint.KindFrontMatter || l.Cited || l.In(lint.TermRollback) || l.In(lint.TermRisk) && !(eachHop(l) && l.Has(lint.TermBBMQuery)) || l.In(lint.TermChangelog) {
			// (A note that sets the gate for every hop, "Background
			// migrations: before each hop, the admin page ... and the
			// query must return 0 rows", is the gate.)
			continue
		}
		if !(l.Has(lint.TermBBM) || l.Has(lint.TermBBMQuery) || l.Has(lint.TermMigrateStatus) || l.Has(lint.TermMigrationsJob) || namedMigrationsJob(l) || l.Has(lint.TermAutoMigrations) || l.Has(lint.TermWait) || l.In(lint.TermMigrations) || l.LabelIs(lint.TermMigrations) ||
			l.Contains("migra") && namedQueryEmpty(l) || migrationsWord(l) && leadsIntoWeak(d, l) != nil || sleepCommand(l)) {
			// Nothing about migrations on the line.
			continue
		}
		// A staging line in a procedure section counts when the section
		// is the rehearsal's; under a "Staging: rehearsed ..." item of
		// the pre-upgrade tasks it reports the rehearsal's timings.
		staging := l.In(lint.TermStaging) && (!l.In(lint.TermProcedure) || !l.Section.Is(lint.TermStaging))
		// "Rehearsed on gitlab-stg-01 ... Both hops completed, total 5 h 10
		// min including the 18.8 background migrations": the rehearsal's
		// report, wherever it stands.
		rehearsalReport := l.Has(lint.TermStaging) && l.Has(lint.TermDone) && hasDuration(l) && !l.Has(lint.TermBBMQuery) && !l.In(lint.TermProcedure)
		if question(l) || disclaims(l) || estimateLine(l) || tookTiming(l) || rehearsalReport || staging && !l.Has(lint.TermBBMQuery) || replacedCheck(l) || l.StatusDropped() {
			// (The rehearsal's timings, "migrations job 21 min", are
			// not a gate of this upgrade.)
			continue
		}
		if l.Kind == lint.KindCode && l.Has(lint.TermWait) && !hasDuration(l) && !l.Has(lint.TermBBMQuery) && strings.HasPrefix(strings.TrimSpace(l.Lower), "echo ") && l.Index+1 < len(d.Lines) && sleepCommand(d.Lines[l.Index+1]) {
			// `echo "== Wachten op achtergrondmigraties =="` over
			// `sleep 900`: the wait is the sleep below.
			continue
		}
		bmContext := l.Has(lint.TermBBM) || l.In(lint.TermMigrations) || l.LabelIs(lint.TermMigrations) || l.Has(lint.TermMigrations) ||
			l.Kind == lint.KindCode && l.Index > 0 && d.Lines[l.Index-1].Kind == lint.KindCode && d.Lines[l.Index-1].Has(lint.TermBBM)
		query := false
		for _, m := range l.FindAll(lint.TermBBMQuery) {
			// "the admin page shows no queued migration, and the query
			// returns 0 rows": one unnegated mention is the check.
			if !negatedMatch(l, m) {
				query = true
			}
		}
		if !query && disclaimedBesideQuery(l) {
			// "Only with 0 and the Admin page showing nothing queued.
			// The chart's migrations job finishing is not enough.": the
			// query is the check, the job is disclaimed.
			query = true
		}
		if !query && (l.Has(lint.TermBBM) || l.Contains("migra") || l.In(lint.TermMigrations) && l.Section.Heading != nil && l.Section.Heading.Has(lint.TermBBM)) && (!l.Has(lint.TermMigrateStatus) && namedQueryEmpty(l) || l.Has(lint.TermMigrateStatus) && queryClauseBesideStatus(l)) {
			// ("### Paso 3 – Esperar las migraciones en segundo plano"
			// over "Repetimos la consulta del paso 1 ... hasta que
			// devuelva 0 filas": the section names the migrations.)
			// "Background-migration query → 0 rows": the query written
			// out elsewhere, named here with its expected result.
			query = true
		}
		if !query && backReference(l) && namedQueryEmpty(l) && !l.Has(lint.TermMigrateStatus) {
			// "Before the step, the same query again: go on at 0 rows":
			// the background-migration query written out earlier.
			query = true
		}
		checks := l.Has(lint.TermCheckVerb) || l.Has(lint.TermWait) && !hasDuration(l) || l.Has(lint.TermBBM) && backReference(l)
		if assumesFinished(l) {
			// "then the background migrations are considered done":
			// an assumption, not a check.
			checks = false
		}
		// ("# then gitlab-app-01 (runs the migrations)" names the deploy
		// node; it checks nothing.)
		deployRole := l.Has(lint.TermAutoMigrations) && !l.Has(lint.TermBBM) && l.ContainsAny(deployNodeWords...) && (codeComment(l) || l.Has(lint.TermNodeWord))
		weak := l.Has(lint.TermMigrateStatus) || l.Has(lint.TermMigrationsJob) || namedMigrationsJob(l) || l.Has(lint.TermAutoMigrations) && !deployRole || l.Has(lint.TermWait) && hasDuration(l) || sleepCommand(l) ||
			// "Give Sidekiq 30 minutes to work off the background migrations"
			l.Has(lint.TermBBM) && assumesFinished(l) ||
			l.Has(lint.TermBBM) && hasDuration(l) && l.In(lint.TermProcedure) && !l.Has(lint.TermCheckVerb) && !l.In(lint.TermStaging) && !gateLine(l) && !backReference(l) && !l.Contains("query")
		if weak && l.Has(lint.TermBBM) && l.HasWord("also", "too", "auch", "también", "aussi", "également", "anche", "ook", "também") && !query {
			// "sobald der Job gitlab-migrations den Status Completed hat,
			// dann sind auch die Hintergrundmigrationen durch": the end of
			// the schema migrations taken for the end of the background
			// ones.
			checks = false
		}
		if weak && !query && l.In(lint.TermVerify) && !l.In(lint.TermProcedure) && !l.In(lint.TermPrereq) && !eachHop(l) && !gateLine(l) && !beforeHopHeading(l) {
			// "Post-upgrade checks: ... db:migrate:status all up":
			// a check after the last hop gates nothing.
			continue
		}
		runs := makeTargetRuns(d, l)
		switch {
		case query:
			out = append(out, migrationCheck{Line: l, Effective: true})
		case weak && l.Has(lint.TermBBM) && checks && !negated(l, lint.TermBBM) && checkFollows(l):
			// "wait for the migrations job, then run the background
			// migration check": the weak part is only a step before it.
			out = append(out, migrationCheck{Line: l, Effective: true})
		case bmContext && weak:
			out = append(out, migrationCheck{Line: l})
		case (l.Has(lint.TermBBM) && !negated(l, lint.TermBBM) || l.In(lint.TermMigrations) || migrationsWord(l)) && checks && leadsIntoWeakAs(d, l, &taken):
			// "Verify that the migrations are finished:" over
			// "rake db:migrate:status": the command is the check.
			l = taken
			out = append(out, migrationCheck{Line: l})
		case l.Has(lint.TermBBM) && checks && !negated(l, lint.TermBBM):
			out = append(out, migrationCheck{Line: l, Effective: true})
		case l.In(lint.TermMigrations) && checks:
			out = append(out, migrationCheck{Line: l, Effective: true})
		case weak && (eachHop(l) || beforeHopHeading(l) || sectionSays(l.Section) || runs > 0 || !l.In(lint.TermVerify) && (inSteps(l) || l.In(lint.TermPath) || gateLine(l))):
			// ("Avant chaque palier, on vérifie ... avec db:migrate:status":
			// a gate stated for every hop, wherever it stands.)
			// "wait 10 minutes" or db:migrate:status used between hops.
			out = append(out, migrationCheck{Line: l})
		default:
			continue
		}
		c := &out[len(out)-1]
		// A section "for both hops" makes its checks gates of every hop,
		// unless the check names its own ("Before hop 1: ...").
		inSection := !namesOneHop(l) && (sectionSays(l.Section) || c.Effective && sectionLinesSay(l.Section))
		c.Global = eachHop(l) || c.Effective && beforeHopsNamed(l) || inSection || introducedForEachHop(d, l) && beforeHopOnLine(l) == 0 || inHopScript(d, l) || runs >= 2
	}
	return append(out, checkReferences(d, out)...)
}

// makeTargetRuns counts the plan's steps that run the Makefile target
// whose recipe holds code line l ("migracoes:" / "<tab>docker exec ...
// db:migrate:status", run as "make migracoes" before each hop).
func makeTargetRuns(d *lint.Document, l *lint.Line) int {
	if l.Kind != lint.KindCode || !strings.HasPrefix(l.Text, "\t") && !strings.HasPrefix(l.Text, "    ") {
		return 0
	}
	i := l.Index - 1
	for i >= 0 && d.Lines[i].Kind == lint.KindCode && (strings.HasPrefix(d.Lines[i].Text, "\t") || strings.HasPrefix(d.Lines[i].Text, "    ") || strings.TrimSpace(d.Lines[i].Text) == "") {
		i--
	}
	if i < 0 || d.Lines[i].Kind != lint.KindCode {
		return 0
	}
	target, _, ok := strings.Cut(strings.TrimSpace(d.Lines[i].Text), ":")
	if !ok || target == "" || strings.ContainsAny(target, " \t$=") {
		return 0
	}
	n := 0
	for _, o := range d.Lines {
		if o.Kind != lint.KindCode && o.Contains("make "+strings.ToLower(target)) && !o.In(lint.TermRollback) {
			n++
		}
	}
	return n
}

// inHopScript reports whether a code line is part of a script the plan
// prints and runs for every hop: the block under "`upgrade-hop.sh`:"
// and steps such as "sudo /opt/bin/upgrade-hop.sh 18.8.11".
func inHopScript(d *lint.Document, l *lint.Line) bool {
	if l.Kind != lint.KindCode {
		return false
	}
	i := l.Index
	for i > 0 && d.Lines[i-1].Kind == lint.KindCode {
		i--
	}
	if i == 0 {
		return false
	}
	name := scriptFileIn(d.Lines[i-1].Text)
	if name == "" {
		return false
	}
	runs := 0
	for _, o := range d.Lines {
		if o.Index >= i-1 && o.Index <= l.Index || !strings.Contains(o.Text, name) || len(o.Versions) == 0 || o.In(lint.TermRollback) {
			continue
		}
		runs++
	}
	return runs >= 2
}

// migrationsWord reports whether a line speaks of migrations without
// saying which: "vérifier que toutes les migrations sont passées".
func migrationsWord(l *lint.Line) bool {
	return l.HasWord("migrations", "migrationen", "migraciones", "migrazioni", "migraties", "migrações")
}

// namedMigrationsJob reports whether a line speaks of the Helm chart's
// migrations job by its name: "le job `forge-migrations` passe à
// `Completed`", "the gitlab-prod-migrations pod".
func namedMigrationsJob(l *lint.Line) bool {
	if !l.HasWord("job", "jobs", "pod", "pods") {
		return false
	}
	if l.Contains("app=migrations") {
		// "kubectl get jobs -n gitlab -l app=migrations": the chart's
		// migrations job by its label.
		return true
	}
	if !l.Contains("migrations") {
		return false
	}
	for i, t := range l.Tokens {
		if t.Word != "migrations" || !l.InCode(t.Start) {
			continue
		}
		if t.Start > 0 && l.Text[t.Start-1] == '-' {
			return true
		}
		// "o job `migrations` da etapa 1", "the `migrations` job": the
		// job named alone.
		alone := slices.Contains(l.Code, lint.Span{Start: t.Start, End: t.End})
		if alone && (i > 0 && jobWord(l.Tokens[i-1].Word) || i+1 < len(l.Tokens) && jobWord(l.Tokens[i+1].Word)) {
			return true
		}
	}
	return false
}

// jobWord reports whether a word names a Kubernetes job or pod.
func jobWord(w string) bool { return w == "job" || w == "jobs" || w == "pod" || w == "pods" }

// leadsIntoWeakAs stores in *to the weak command a check line leads
// into and reports whether there is one.
func leadsIntoWeakAs(d *lint.Document, l *lint.Line, to **lint.Line) bool {
	if w := leadsIntoWeak(d, l); w != nil {
		*to = w
		return true
	}
	return false
}

// leadsIntoWeak reports whether a line ending in a colon, or one that
// points at the command below it ("la commande suivante ne doit afficher
// que des lignes up"), leads into a code block whose check cannot see
// background migrations.
func leadsIntoWeak(d *lint.Document, l *lint.Line) *lint.Line {
	// (A shell comment heads the commands under it: "# Wachten op
	// achtergrondmigraties" over "sleep 900".)
	if !codeComment(l) && !strings.HasSuffix(strings.TrimSpace(l.Text), ":") && !l.HasWord("following", "below", "suivante", "suivant", "ci-dessous", "folgende", "folgenden", "folgendem", "unten", "siguiente", "abajo", "seguente", "sotto", "volgende", "hieronder", "seguinte", "abaixo") {
		return nil
	}
	var weak *lint.Line
	for i := l.Index + 1; i < len(d.Lines) && d.Lines[i].Kind == lint.KindCode; i++ {
		c := d.Lines[i]
		if codeComment(l) && codeComment(c) {
			break
		}
		if c.Has(lint.TermBBMQuery) || c.Has(lint.TermBBM) {
			return nil
		}
		if weak == nil && (c.Has(lint.TermMigrateStatus) || sleepCommand(c)) {
			weak = c
		}
	}
	return weak
}

// sleepCommand reports whether a code line only waits: "sleep 1800".
func sleepCommand(l *lint.Line) bool {
	if l.Kind != lint.KindCode || !strings.Contains(l.Lower, "sleep") {
		return false
	}
	f := strings.Fields(l.Lower)
	return len(f) >= 2 && f[0] == "sleep" && isNumber(strings.TrimRight(f[1], "smh"))
}

// disclaims reports whether a line says a weak signal is not the check:
// "The gitlab-migrations job finishing is not enough: it only runs the
// schema migrations".
func disclaims(l *lint.Line) bool {
	if l.Has(lint.TermBBMQuery) {
		return false
	}
	return l.ContainsAny(disclaimWords...)
}

// disclaimWords say a signal is not enough.
var disclaimWords = []string{"not enough", "not sufficient", "insufficient", "is no check", "reicht nicht", "genügt nicht", "no basta", "no es suficiente", "ne suffit pas", "pas suffisant", "non basta", "non è sufficiente", "niet genoeg", "não basta", "não é suficiente"}

// disclaimedBesideQuery reports whether a line names the background
// migration query or page in one sentence and calls a weak signal not
// enough in another.
func disclaimedBesideQuery(l *lint.Line) bool {
	if !l.Has(lint.TermBBMQuery) {
		return false
	}
	for _, w := range disclaimWords {
		i := l.IndexOf(w)
		if i < 0 {
			continue
		}
		a, b := lint.SentenceAt(l.Lower, i, i+len(w))
		for _, m := range l.FindAll(lint.TermBBMQuery) {
			if m.End <= a || m.Start >= b {
				return true
			}
		}
	}
	return false
}

// assumesFinished reports whether a line takes the background migrations
// as finished without looking: "are considered done", "we assume".
func assumesFinished(l *lint.Line) bool {
	// "... Completed – then the background migrations are done too":
	// the end of one thing taken for the end of another.
	for _, w := range []string{"considered done", "considered finished", "considered complete", "assumed", "assume", "presumably", "gelten als", "se consideran", "sont considérées",
		"done too", "done as well", "finished too", "finished as well", "complete too", "also done", "also finished", "also complete",
		"auch durch", "auch fertig", "auch abgeschlossen", "también han terminado", "también terminaron", "también están terminadas", "también terminadas",
		"aussi terminées", "également terminées", "anche finite", "finite anche", "anche completate", "ook klaar", "ook afgerond", "também terminaram", "também concluídas", "também terminadas"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// gateLine reports whether a line is a gate between steps: "| 9 | Gate |
// 18:50 | sudo gitlab-rake db:migrate:status |".
func gateLine(l *lint.Line) bool {
	for _, t := range l.Tokens {
		switch t.Word {
		case "gate", "gates", "precheck", "prüfung", "vorprüfung", "comprobación", "contrôle":
			return true
		}
	}
	// "Vérifier ... avant de continuer": the condition to go on.
	return l.Kind != lint.KindCode && l.ContainsAny("before continuing", "before going on", "before we continue", "before starting the next", "avant de continuer", "avant de poursuivre", "avant de passer",
		"antes de continuar", "antes de seguir", "antes de pasar", "bevor es weitergeht", "bevor wir weitermachen", "vor dem weitermachen", "prima di continuare", "prima di proseguire", "voordat we verdergaan", "alvorens verder te gaan",
		// "..., on peut passer à l'étape suivante": the condition for the
		// next hop.
		"to the next step", "to the next hop", "go straight to", "proceed to step", "seguir direto", "seguir para a etapa", "passar para a etapa", "passar à etapa", "pasar a la etapa", "pasar al paso", "passer à l'étape", "weiter mit schritt", "weiter zu schritt", "on to the next", "with the next hop", "zum nächsten", "mit dem nächsten", "al siguiente", "à l'étape suivante", "au palier suivant", "au saut suivant", "alla successiva", "al prossimo", "naar de volgende", "para o próximo", "para a próxima")
}

// question reports whether a line asks something ("Is it enough that the
// migrations job has completed?"): a question to Support is not a step.
func question(l *lint.Line) bool {
	if l.Kind == lint.KindCode {
		return false
	}
	if strings.HasSuffix(strings.TrimSpace(l.Text), "?") {
		return true
	}
	// "3. comment vous vérifiez ... que les migrations sont terminées.":
	// Support asking how, as an item of its list of questions.
	if len(l.Tokens) > 0 {
		switch l.Tokens[0].Word {
		case "how", "comment", "wie", "cómo", "como", "come", "hoe":
			return l.HasWord("you", "your", "vous", "votre", "sie", "ihr", "ihre", "usted", "ustedes", "vocês", "você", "voi", "jullie", "u")
		}
	}
	return false
}

// checkReferences finds steps that run a real check defined earlier by
// referring to it: by the name it was introduced with ("Gate B
// (background migrations), used before a hop:" ... "1. Gate B."), or as
// "the same query as row 22".
func checkReferences(d *lint.Document, checks []migrationCheck) []migrationCheck {
	first := -1
	names := map[string]bool{}
	isCheck := map[*lint.Line]bool{}
	for _, c := range checks {
		isCheck[c.Line] = true
		if !c.Effective {
			continue
		}
		if first < 0 || c.Line.Index < first {
			first = c.Line.Index
		}
		if name := checkName(d, c.Line); name != "" {
			names[name] = true
		}
	}
	var out []migrationCheck
	for _, l := range d.Lines {
		if isCheck[l] || l.Kind == lint.KindCode || l.Kind == lint.KindHeading || l.In(lint.TermRollback) || l.In(lint.TermRisk) {
			continue
		}
		if l.Kind == lint.KindTableRow && backReference(l) {
			// A row that repeats an earlier row's check by its ID, "| T10
			// | ... | same check as T02 |", is as good as that check.
			if ref := rowReference(l, checks); ref != nil {
				out = append(out, migrationCheck{Line: l, Effective: ref.Effective})
				continue
			}
		}
		if first < 0 {
			continue
		}
		if l.Index <= first && !(l.Has(lint.TermBBM) && l.HasWord("below", "unten", "abajo", "ci-dessous", "dessous")) {
			// Before the check is defined, only a forward reference to it
			// counts: "Background migration gate (below)".
			continue
		}
		if l.Index <= first {
			out = append(out, migrationCheck{Line: l, Effective: true})
			continue
		}
		named := false
		if len(names) > 0 {
			lead := leadWords(l, 3)
			for name := range names {
				if strings.HasPrefix(lead, name) {
					named = true
					break
				}
			}
		}
		if named || backReference(l) {
			out = append(out, migrationCheck{Line: l, Effective: true})
		}
	}
	return out
}

// rowReference returns the check a table row points to by the ID in the
// first cell of that check's row ("same check as T02").
func rowReference(l *lint.Line, checks []migrationCheck) *migrationCheck {
	for i := range checks {
		c := &checks[i]
		r := c.Line
		if r.Kind != lint.KindTableRow || len(r.Cells) == 0 || r.Index >= l.Index {
			continue
		}
		id := strings.ToLower(strings.Trim(strings.TrimSpace(r.Text[r.Cells[0].Start:r.Cells[0].End]), "*_`"))
		if id == "" || strings.Contains(id, " ") || !hasDigitByte(id) {
			continue
		}
		if l.HasWord(id) {
			return c
		}
	}
	return nil
}

func hasDigitByte(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// checkName returns the short name a check is introduced with: the words
// before "(" or ":" of the prose line that leads into it, when there are
// at most three ("Gate B", "Check P0").
func checkName(d *lint.Document, l *lint.Line) string {
	if l.Kind != lint.KindCode {
		return ""
	}
	for i := l.Index - 1; i >= 0 && i >= l.Index-12; i-- {
		prev := d.Lines[i]
		if prev.Section != l.Section || prev.Kind == lint.KindHeading {
			return ""
		}
		if prev.Kind == lint.KindCode {
			continue
		}
		head := prev.Lower
		if j := strings.IndexAny(head, "(:"); j > 0 {
			head = head[:j]
		} else {
			return ""
		}
		words := strings.Fields(head)
		if len(words) == 0 || len(words) > 3 || !strings.HasSuffix(strings.TrimSpace(prev.Text), ":") {
			return ""
		}
		for _, w := range words {
			if hopWords[w] || stepWordsRules[w] {
				// "Hop 2:" introduces a hop, not a named check.
				return ""
			}
		}
		return strings.Join(words, " ")
	}
	return ""
}

// stepWordsRules name parts of a runbook that are not checks.
var stepWordsRules = map[string]bool{"phase": true, "stage": true, "schritt": true, "paso": true, "fase": true, "étape": true, "procedure": true, "rollback": true}

// leadWords returns the first n words of a line, lower-case, joined by
// spaces.
func leadWords(l *lint.Line, n int) string {
	var w []string
	for _, t := range l.Tokens {
		if len(w) == n {
			break
		}
		w = append(w, t.Word)
	}
	return strings.Join(w, " ")
}

// backReference reports whether a line runs a check defined before: "same
// query as row 22", "repeat the check above", "misma consulta".
func backReference(l *lint.Line) bool {
	if l.HasWord("repeat", "wiederholen", "repetir", "répéter", "ripetere") && l.ContainsAny("0 rows", "no rows", "zero rows", "0 zeilen", "keine zeilen", "0 filas", "0 ligne", "aucune ligne") {
		// "Repeat step 3 until 0 rows": the query of an earlier step.
		return true
	}
	if l.HasWord("again", "wieder", "erneut", "nuevamente", "encore", "opnieuw", "novamente", "ancora", "repeat", "wiederholen", "repetir", "répéter", "ripetere", "herhalen", "herhaal") && numberedItemRef(l) {
		// ("Repetir el punto 2 (migraciones en segundo plano a cero)
		// antes del paso 2")
		// "Vor Schritt 2 wieder Punkt 3 der Vorbereitung: 0 offene
		// Hintergrundmigrationen": the check of an earlier item.
		return true
	}
	if l.HasWord("identical", "identisch", "idéntico", "idéntica", "identique", "identico", "identica", "identiek", "idêntico", "idêntica") && l.HasWord("window", "hop", "step", "fenster", "sprung", "schritt", "ventana", "salto", "paso", "fenêtre", "saut", "étape", "finestra", "venster", "sprong", "stap", "janela") {
		// "Window 2: identical, with gitlab-ee-18.11.11-ee.0.el8": the
		// runbook again, its check included.
		return true
	}
	if l.HasWord("command", "befehl", "kommando", "comando", "commande", "commando") && l.HasWord("same", "gleiche", "gleichen", "misma", "mismo", "même", "stesso", "mesmo", "zelfde", "dezelfde", "hetzelfde") &&
		(l.In(lint.TermMigrations) || l.Has(lint.TermBBM)) {
		// "Mesmo comando da seção 6.1. Só seguimos com 0 linhas." under
		// a background-migration heading: that section's query again.
		return true
	}
	if checkOfItem(l) {
		// "Alleen als de query uit punt 2 leeg is": an earlier item's
		// check, run again.
		return true
	}
	if s := l.ReferredSection(checkNouns...); s != nil && (s.Heading.Has(lint.TermBBM) || s.Heading.Has(lint.TermMigrations)) {
		// "Comprobación 5.1, luego ..." under "### 5.1 Comprobación de
		// migraciones": the check of that section.
		return true
	}
	// The nouns are rarer, so they are looked for first.
	return l.HasWord(checkNouns...) &&
		l.HasWord("same", "above", "again", "repeat", "gleiche", "gleichen", "oben", "erneut", "misma", "mismo", "anterior", "même", "encore", "sopra", "stessa", "precedente", "acima", "mesma", "novamente", "hierboven", "bovenstaande", "zelfde", "dezelfde", "hetzelfde", "opnieuw")
}

// replacedCheck reports whether a line names the migration check only to
// say it is replaced: "EDIT rev. 3: la query su batched_background_migrations
// era lenta, la sostituiamo con:" introduces the new check, not this one.
func replacedCheck(l *lint.Line) bool {
	k := -1
	for i, t := range l.Tokens {
		if slices.Contains(lint.ReplaceWords, t.Word) && replacementFollows(l, i) {
			k = i
			break
		}
	}
	if k < 0 {
		return false
	}
	before := false
	for _, m := range l.Matches {
		if m.Term != lint.TermBBM && m.Term != lint.TermBBMQuery {
			continue
		}
		if m.Tok > k {
			return false
		}
		before = true
	}
	return before
}

// replacementFollows reports whether the replacing verb at token i
// introduces what takes the place: "la sostituiamo con:", "replace it
// with the admin page".
func replacementFollows(l *lint.Line, i int) bool {
	for j := i + 1; j < len(l.Tokens) && j <= i+3; j++ {
		switch l.Tokens[j].Word {
		case "with", "by", "con", "durch", "por", "par", "door", "met", "pela", "pelo", "mit":
			return true
		}
	}
	return false
}

// checkNouns name a check a line may point back to: "the same query",
// "Migrationsprüfung wie oben", "Comprobación 5.1".
var checkNouns = []string{"query", "check", "gate", "abfrage", "prüfung", "migrationsprüfung", "migrationscheck", "consulta", "comprobación", "requête", "vérification", "controllo", "verifica", "verificação", "controle"}

// numberedItemRef reports whether a line points to a numbered item:
// "Punkt 3", "item 3", "step 3 of the preparation".
func numberedItemRef(l *lint.Line) bool {
	return itemRefAt(l, 0) >= 0
}

// itemRefAt returns the token index of the first numbered-item reference
// ("Punkt 3", "punt 2") at or after token from, or -1.
func itemRefAt(l *lint.Line, from int) int {
	for j := from; j+1 < len(l.Tokens); j++ {
		switch l.Tokens[j].Word {
		case "punkt", "point", "item", "step", "schritt", "paso", "punto", "étape", "stap", "passo", "ponto", "punt":
			if isNumber(l.Tokens[j+1].Word) {
				return j
			}
		}
	}
	return -1
}

// checkOfItem reports whether a check noun names the check of a numbered
// item: "de query uit punt 2", "the query from step 2", "la consulta del
// punto 3".
func checkOfItem(l *lint.Line) bool {
	for j, t := range l.Tokens {
		if !slices.Contains(checkNouns, t.Word) {
			continue
		}
		if k := itemRefAt(l, j+1); k >= 0 && k-j <= 4 && !breakIn(l, j+1, k+1) {
			for _, w := range l.Tokens[j+1 : k] {
				switch w.Word {
				case "from", "of", "in", "uit", "van", "aus", "von", "de", "del", "da", "dal", "du", "der", "des", "dem":
					return true
				}
			}
		}
	}
	return false
}

// checkFollows reports whether the last mention of batched background
// migrations comes after every weak check on the line, so the line ends
// with the real check rather than describing the check by the weak one.
func checkFollows(l *lint.Line) bool {
	last := -1
	for _, m := range l.FindAll(lint.TermBBM) {
		last = max(last, m.Tok)
	}
	for _, t := range []lint.Term{lint.TermMigrateStatus, lint.TermMigrationsJob, lint.TermAutoMigrations, lint.TermWait} {
		if t == lint.TermMigrateStatus && l.Has(t) {
			return false
		}
		for _, m := range l.FindAll(t) {
			if m.Tok >= last {
				return false
			}
		}
	}
	return true
}

// hasDuration reports whether a line gives a number of minutes or hours
// ("wait 10 minutes").
func hasDuration(l *lint.Line) bool {
	for _, m := range l.FindAll(lint.TermTimeUnit) {
		if m.Tok > 0 && isNumber(l.Tokens[m.Tok-1].Word) {
			return true
		}
		if len(l.Tokens[m.Tok].Word) > 1 && isNumber(l.Tokens[m.Tok].Word[:1]) {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// hopWords name a hop of the upgrade.
var hopWords = map[string]bool{
	// ("Antes de cada pacote": each package installs one hop.)
	"pacote": true, "paquete": true, "paquet": true, "paket": true, "pacchetto": true, "pakket": true,
	"hop": true, "hops": true, "step": true, "steps": true, "stop": true, "stops": true, "upgrade": true, "upgrades": true,
	"version": true, "versions": true, "install": true, "installs": true, "update": true, "updates": true, "image": true, "package": true,
	"schritt": true, "schritte": true, "sprung": true, "sprünge": true, "aktualisierung": true, "stopp": true, "paso": true, "pasos": true, "salto": true, "saltos": true, "actualización": true, "parada": true, "paradas": true,
	"étape": true, "étapes": true, "saut": true, "sauts": true, "palier": true, "paliers": true, "salti": true, "sprongen": true, "mise": true, "passo": true, "aggiornamento": true, "chart": true, "release": true, "minor": true, "first": true,
	"etapa": true, "etapas": true, "atualização": true, "tappa": true, "task": true, "tasks": true, "aufgabe": true, "tarea": true, "tâche": true,
	"passaggio": true, "passaggi": true, "stap": true, "stappen": true, "upgradestap": true, "upgradestappen": true, "updatestap": true,
	"upgradeschritt": true, "upgradeschritte": true, "updateschritt": true, "updateschritte": true, "upgradesprung": true, "sprong": true, "fase": true, "finestra": true, "janela": true, "venster": true,
	// ("Durchführung (gilt für beide Fenster)": one procedure per window)
	"window": true, "windows": true, "fenster": true, "ventana": true, "ventanas": true, "fenêtre": true, "fenêtres": true,
}

// eachHop reports whether a line speaks of every hop: "before each hop",
// "between hops", "vor jedem Schritt", "antes de cada salto".
func eachHop(l *lint.Line) bool {
	for _, m := range l.FindAll(lint.TermEach) {
		for j := m.Tok + m.NTok; j < len(l.Tokens) && j <= m.Tok+m.NTok+4; j++ {
			w := l.Tokens[j].Word
			if hopWords[w] {
				return true
			}
			// "each of the three hops", but not "every migration ...
			// before hop 1".
			switch w {
			case "of", "the", "our", "these", "two", "three", "four", "five", "six", "der", "die", "los", "las", "des", "les",
				"uno", "una", "de", "dos", "tres", "cuatro", "zwei", "drei", "vier", "deux", "trois", "quatre", "dei", "delle", "van", "twee", "drie":
			default:
				if j > m.Tok+m.NTok+1 {
					return false
				}
			}
		}
	}
	return false
}

// beforeHopHeading reports whether a line stands under a heading that
// checks before a hop: "**10:00 – Verificação antes do passo 1**",
// "### Check before hop 2".
func beforeHopHeading(l *lint.Line) bool {
	h := l.Section.Heading
	return h != nil && h != l && beforeHopOnLine(h) > 0
}

// hopNouns name one hop of a path.
var hopNouns = map[string]bool{"hop": true, "hops": true, "sprung": true, "salto": true, "saut": true, "sprong": true}

// namesOneHop reports whether a line names one hop by its number or
// order: "Before hop 1:", "vor dem ersten Sprung".
func namesOneHop(l *lint.Line) bool {
	if eachHop(l) || beforeHopsNamed(l) {
		return false
	}
	for i, t := range l.Tokens {
		if hopNouns[t.Word] {
			if i+1 < len(l.Tokens) && isNumber(l.Tokens[i+1].Word) {
				return true
			}
			if i > 0 {
				switch l.Tokens[i-1].Word {
				case "first", "second", "third", "ersten", "zweiten", "primer", "segundo", "premier", "deuxième":
					return true
				}
			}
		}
	}
	return false
}

// sectionSays reports whether a section heading or an enclosing one
// speaks of every hop.
func sectionSays(s *lint.Section) bool {
	for ; s != nil; s = s.Parent {
		if s.Heading != nil && !s.IsTitle && (eachHop(s.Heading) || oneHopProcedure(s.Heading)) {
			return true
		}
	}
	return false
}

// oneHopProcedure reports whether a heading introduces the procedure one
// hop follows, which every hop then repeats: "Déroulé d'une étape",
// "Procedure for one hop", "Ablauf eines Sprungs".
func oneHopProcedure(h *lint.Line) bool {
	// (Not "Procedure (per hop)": its lines may still say which items a
	// later hop repeats.)
	return h.ContainsAny("d'une étape", "d’une étape", "d'un palier", "d'un saut", "of one hop", "of a hop", "for one hop", "for a hop",
		"eines schritts", "eines schrittes", "eines sprungs", "de un salto", "di un salto", "van een sprong", "de um salto")
}

// introducedForEachHop reports whether the prose right before a check
// (skipping the rest of its code block) says it runs before every hop:
// "Before each hop, including the first:" and then the query.
func introducedForEachHop(d *lint.Document, l *lint.Line) bool {
	for i := l.Index - 1; i >= 0 && i >= l.Index-12; i-- {
		prev := d.Lines[i]
		if prev.Section != l.Section || prev.Kind == lint.KindHeading {
			return false
		}
		if prev.Kind == lint.KindCode && codeComment(prev) && (eachHop(prev) || beforeSeveralHops(prev)) {
			// "# vóór elke hop: moet 0 rijen geven" over the query.
			return true
		}
		if prev.Kind == lint.KindCode || l.Item && prev.Item || replacedCheck(prev) {
			// Code, and the other items of a list whose lead-in is
			// "For each hop:". A check that replaces another keeps its
			// place: "Before each step we check the migrations." /
			// "EDIT: the query was slow, we replace it with:".
			continue
		}
		return eachHop(prev) || beforeSeveralHops(prev)
	}
	return false
}

// beforeSeveralHops reports whether a line names the moment before more
// than one hop: "Gate, before hop 1 and again before hop 2:".
func beforeSeveralHops(l *lint.Line) bool {
	if !l.HasWord("before", "vor", "antes", "avant") {
		return false
	}
	// The hop words count only right after "before": "Gitaly is
	// upgraded before the Rails node" names no hop.
	n := 0
	for i, t := range l.Tokens {
		switch t.Word {
		case "before", "vor", "antes", "avant":
			for j := i + 1; j < len(l.Tokens) && j <= i+4; j++ {
				if hopWords[l.Tokens[j].Word] {
					n++
				}
			}
		}
	}
	return n >= 2
}

// beforeHopsNamed reports whether a check line itself says it runs before
// two or more named hops: "Gate, before hop 1 and again before hop 2:".
func beforeHopsNamed(l *lint.Line) bool {
	n := 0
	for _, t := range l.Tokens {
		if hopNouns[t.Word] {
			n++
		}
	}
	return n >= 2 && l.HasWord("before", "vor", "antes", "avant")
}

// sectionLinesSay reports whether a line of the section's own text speaks
// of every hop ("Each hop is gated on background migrations").
func sectionLinesSay(s *lint.Section) bool {
	for _, l := range s.Lines {
		if l.Kind != lint.KindCode && eachHop(l) && (s.Names(lint.TermMigrations) || l.Has(lint.TermBBM) || l.Has(lint.TermBBMQuery) || l.Has(lint.TermCheckVerb) && l.Has(lint.TermMigrations)) {
			return true
		}
	}
	return false
}

// hopGap is the stretch of the plan before one hop, and what checks
// background migrations in it.
type hopGap struct {
	Hop         lint.Hop
	At          *lint.Line
	Effective   bool
	Ineffective *lint.Line
}

// hopGaps pairs every hop with the checks that precede it. Two rules ask;
// the pairing is made once per plan.
func hopGaps(p *lint.Pass) (gaps []hopGap, global bool) {
	g := sharedHopGaps.Get(p)
	return g.gaps, g.global
}

type pairedHops struct {
	gaps   []hopGap
	global bool
}

var sharedHopGaps = &lint.Shared[pairedHops]{Compute: func(p *lint.Pass) (v pairedHops) {
	v.gaps, v.global = pairHopsWithChecks(p)
	return v
}}

// sharedMigrationChecks holds migrationChecks of the plan.
var sharedMigrationChecks = &lint.Shared[[]migrationCheck]{Compute: func(p *lint.Pass) []migrationCheck { return migrationChecks(p.Doc) }}

// weakForEveryHop returns the weak check a plan states for every hop,
// a gate line ("continue only when ...") first, or nil.
func weakForEveryHop(checks []migrationCheck) *lint.Line {
	var weak *lint.Line
	for _, c := range checks {
		if c.Global && !c.Effective && (weak == nil || gateLine(c.Line) && !gateLine(weak)) {
			weak = c.Line
		}
	}
	return weak
}

func pairHopsWithChecks(p *lint.Pass) (gaps []hopGap, global bool) {
	checks := sharedMigrationChecks.Get(p)
	for _, c := range checks {
		if c.Global && c.Effective {
			return nil, true
		}
	}
	globalWeak := weakForEveryHop(checks)
	defer func() {
		// A weak check stated for every hop is the gate of every hop:
		// report it, not each hop.
		if globalWeak == nil {
			return
		}
		for i := range gaps {
			if i == 0 && gaps[i].At.Section == globalWeak.Section && gaps[i].At.Index < globalWeak.Index {
				// "For each hop: install, then wait for the migrations
				// job": the wait follows the first hop and gates the
				// later ones only.
				continue
			}
			if !gaps[i].Effective && gaps[i].Ineffective == nil {
				gaps[i].Ineffective = globalWeak
			}
		}
	}()
	pl := p.Plan
	if len(pl.Hops) == 0 {
		return nil, false
	}
	if !hasStepInstalls(pl) {
		// The path is only listed; the steps are generic. One check
		// anywhere is all the plan can show.
		g := hopGap{Hop: pl.Hops[0], At: pl.Hops[0].Line}
		weakGate := globalWeak != nil || slices.ContainsFunc(checks, func(c migrationCheck) bool { return !c.Effective && c.Line.In(lint.TermProcedure) })
		for _, c := range checks {
			if c.Effective && weakGate && c.Line.In(lint.TermVerify) && !c.Line.In(lint.TermProcedure) {
				// "Before each hop: db:migrate:status" and, among the
				// checks after the upgrade, "Background migrations
				// watched until Monday": the weak check is the gate.
				continue
			}
			if c.Effective {
				g.Effective = true
			} else if g.Ineffective == nil {
				g.Ineffective = c.Line
			}
		}
		if w := globalWeak; w != nil && len(pl.Hops) > 1 && w.Has(lint.TermBBM) && hasDuration(w) {
			// "Between hop 1 and hop 2 we wait 15 minutes so the
			// background migrations can settle": a timed wait for them,
			// stated between the hops, is the gate of the later ones,
			// whatever real check ran once before the first (a real
			// check stated for every hop returned above).
			g.Effective, g.Ineffective = false, w
		}
		return []hopGap{g}, false
	}
	prev := -1
	var prevAt lint.Span
	for _, h := range pl.Hops {
		at := stepOccurrence(pl, h.Version)
		if at == nil {
			continue
		}
		if st := chartStep(pl, at); st != nil {
			at = st
		}
		if at.Kind == lint.KindHeading || at.Strong && at.Kind == lint.KindText && !installsHere(at) {
			// "## Hop 1: 17.3.7" (or a bold "**Hop 1: 18.5.7 → 18.8.11**"
			// line), then the check, then the command: the hop happens
			// at the command of its section.
			for _, o := range pl.Installs {
				if o.Line.Section == at.Section && o.Line != at && o.Line.Index > at.Index && o.Version.Matches(h.Version) {
					at = o.Line
					break
				}
			}
		}
		g := hopGap{Hop: h, At: at}
		if at.Index == prev && len(gaps) > 0 {
			// Several hops on one line ("Package names used: A, B, C",
			// "git checkout v17.8.7-ee  # hop 2: v17.11.7-ee"): the line
			// stands for a procedure repeated per hop, and the checks of
			// the first hop are those of the others.
			// A check after that line in the same section runs between
			// the repetitions ("3. wait for the migrations job, then go on
			// to the next hop"), so it gates the later hops.
			last := gaps[len(gaps)-1]
			g.Effective, g.Ineffective = last.Effective, last.Ineffective
			g.gateAfter(checks, at)
			gaps = append(gaps, g)
			continue
		}
		if at.Index <= prev {
			// Steps out of document order: nothing sensible to pair,
			// unless a weak gate is stated for every hop.
			if globalWeak != nil {
				g.Ineffective = globalWeak
				gaps = append(gaps, g)
			}
			// (The next hop's checks still start after the furthest
			// step: a hop listed only in an earlier path table must not
			// move that point back.)
			continue
		}
		for _, c := range checks {
			in := c.Line.Index > prev && c.Line.Index < at.Index
			if prev < 0 && c.Line.In(lint.TermPrereq) && c.Line.Index > at.Index {
				in = false
			}
			if !in {
				continue
			}
			if c.Effective {
				g.Effective = true
			} else if g.Ineffective == nil || gateLine(c.Line) && !gateLine(g.Ineffective) {
				// (A step named as the gate, "Migration gate before hop 2:
				// same check as T02", speaks for the hop more than "migrations
				// OK" in the row before.)
				g.Ineffective = c.Line
			}
		}
		if !g.Effective && g.Ineffective == nil && hopsOnLine(pl, at) > 1 && len(gaps) > 0 && at.Index-prev <= 3 && at.Section == gaps[len(gaps)-1].At.Section {
			// "apt-get install gitlab-ee=17.5.5-ee.0" / "(then 17.8.7-ee.0,
			// 17.11.7-ee.0)": the step repeated for the later hops, with
			// the first hop's checks.
			last := gaps[len(gaps)-1]
			g.Effective, g.Ineffective = last.Effective, last.Ineffective
		}
		if !g.Effective && hopsOnLine(pl, at) > 1 {
			// "Package: window 1 gitlab-ee=18.8.11-ee.0, window 2 ...":
			// the line lists the hops of a procedure that follows, and
			// the procedure's gate comes after it.
			g.gateAfter(checks, at)
		}
		if at.Kind == lint.KindHeading {
			// A hop known only from its heading: the checks of its section
			// come before the (unversioned) command.
			for _, c := range checks {
				switch {
				case c.Line.Section != at.Section:
				case c.Effective:
					g.Effective = true
				case g.Ineffective == nil:
					g.Ineffective = c.Line
				}
			}
		}
		// A check that names the hop by its number, wherever it stands:
		// "**Before hop 1:** on gitlab-rails-1:" over the query.
		for _, c := range checks {
			if beforeHopNumber(p.Doc, c.Line) == len(gaps)+1 {
				if c.Effective {
					g.Effective = true
				} else if g.Ineffective == nil {
					g.Ineffective = c.Line
				}
			}
		}
		// A check on the hop's own line ("upgrade to 16.3.9 once the
		// background migrations are finished", "install 15.0.0, then wait
		// 20 minutes") counts too, as does a real check that follows the
		// previous hop on its line ("install 15.0.0, then run the
		// batched_background_migrations query").
		for _, c := range checks {
			switch {
			case c.Line == at && c.Effective:
				g.Effective = true
			case c.Line == at && g.Ineffective == nil:
				g.Ineffective = c.Line
			case prev >= 0 && c.Line.Index == prev && c.Effective && checkAfter(c.Line, prevAt):
				g.Effective = true
			}
		}
		gaps = append(gaps, g)
		prev, prevAt = at.Index, stepSpan(pl, h.Version, at)
	}
	return gaps, false
}

// stepNouns name a numbered step, which "before step N" makes a hop.
var stepNouns = map[string]bool{"step": true, "schritt": true, "paso": true, "étape": true, "stap": true, "passo": true}

// beforeHopNumber returns N when a check line, or the prose that leads
// into its code block, says it runs before hop N ("Before hop 1:", "Vor
// Hop 2:", "Antes del salto 2:"), or 0.
func beforeHopNumber(d *lint.Document, l *lint.Line) int {
	for i := l.Index; i >= 0 && i >= l.Index-8; i-- {
		o := d.Lines[i]
		if o.Section != l.Section {
			return 0
		}
		if o.Kind == lint.KindCode && o != l {
			continue
		}
		if n := beforeHopOnLine(o); n > 0 {
			return n
		}
		if o != l {
			// Only the prose right before the code block leads into it.
			return 0
		}
	}
	return 0
}

// beforeHopOnLine returns N when a line says "before hop N" ("Vor Hop
// 2", "Antes del salto 2", "Avant l'étape 1"), or 0.
func beforeHopOnLine(o *lint.Line) int {
	for j, t := range o.Tokens {
		if !hopNouns[t.Word] && !stepNouns[t.Word] || j == 0 || j+1 >= len(o.Tokens) || !isNumber(o.Tokens[j+1].Word) {
			continue
		}
		switch o.Tokens[j-1].Word {
		case "before", "vor", "antes", "avant", "voor", "prima":
		case "del", "dem", "du", "de", "l", "la", "do", "da":
			// ("antes del salto 2", "avant l'étape 1", "antes do passo 2")
			if j < 2 || o.Tokens[j-2].Word != "antes" && o.Tokens[j-2].Word != "avant" {
				continue
			}
		default:
			continue
		}
		n, _ := strconv.Atoi(o.Tokens[j+1].Word)
		return n
	}
	return 0
}

// gateAfter takes the checks that follow line at in its section as the
// gate of the hop: the gate of a procedure repeated per hop, written
// after the line that lists the hops.
func (g *hopGap) gateAfter(checks []migrationCheck, at *lint.Line) {
	for _, c := range checks {
		if c.Line.Section != at.Section || c.Line.Index <= at.Index {
			continue
		}
		if c.Effective {
			g.Effective = true
		} else if !g.Effective && (g.Ineffective == nil || gateLine(c.Line) && !gateLine(g.Ineffective)) {
			// ("Watch the migrations job" / "once it is Completed, go on
			// to the next hop": the second is the gate.)
			g.Ineffective = c.Line
		}
	}
}

// hopsOnLine counts the different versions the plan installs on a line.
func hopsOnLine(pl *lint.Plan, l *lint.Line) int {
	var seen []glversion.Version
	for _, h := range pl.Installs {
		if h.Line != l {
			continue
		}
		dup := false
		for _, v := range seen {
			if v.Compare(h.Version) == 0 {
				dup = true
			}
		}
		if !dup {
			seen = append(seen, h.Version)
		}
	}
	return len(seen)
}

// chartStep returns the step that deploys the chart written beside a hop
// known only from a path row ("| 1 | 10.3.0 | 19.2.4 |" and later "helm
// upgrade --version 10.3.0"), or nil.
func chartStep(pl *lint.Plan, row *lint.Line) *lint.Line {
	listedOnly := true
	for _, h := range pl.Installs {
		if h.Line == row && !h.Listed {
			listedOnly = false
		}
	}
	if !listedOnly {
		return nil
	}
	for _, c := range pl.Installs {
		if c.Line != row || c.Chart == nil {
			continue
		}
		for _, h := range pl.Installs {
			if !h.Listed && h.Chart != nil && h.Chart.Compare(*c.Chart) == 0 && h.Line.Index > row.Index {
				return h.Line
			}
		}
	}
	return nil
}

// stepSpan returns where the step line at installs v.
func stepSpan(pl *lint.Plan, v glversion.Version, at *lint.Line) lint.Span {
	for _, h := range pl.Installs {
		if h.Line == at && h.Version.Compare(v) == 0 {
			return h.Span
		}
	}
	return lint.Span{Start: len(at.Text), End: len(at.Text)}
}

// beforeWordIn reports whether s says "before": "Hop 1 (16.11.9): before
// starting, check ..." checks before the hop, not after it.
func beforeWordIn(s string) bool {
	for _, w := range []string{"before", "antes", "vorher", "zuvor", "avant"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// checkAfter reports whether a line names the background-migration check
// after the span of its install ("install 15.0.0, then run the query").
func checkAfter(l *lint.Line, install lint.Span) bool {
	for _, t := range []lint.Term{lint.TermBBM, lint.TermBBMQuery} {
		for _, m := range l.FindAll(t) {
			if m.Start > install.End && !beforeWordIn(l.Lower[install.End:m.Start]) {
				return true
			}
		}
	}
	return false
}

// estimateLine reports whether a line is labelled as a time estimate:
// "| Per-hop estimate | 18.8.11: 2 h 30 min (incl. BBM wait) |" says how
// long the steps take, not how they are gated.
func estimateLine(l *lint.Line) bool {
	if l.Label.Len() == 0 {
		return false
	}
	label := l.LowerLabel()
	for _, w := range []string{"estimat", "schätz", "timing"} {
		if strings.Contains(label, w) {
			return true
		}
	}
	return false
}

// tookTiming reports whether a line reports how long something took ("the
// full path took 3 h 40 min including the waits for background
// migrations"): a rehearsal's timing, not a gate.
func tookTiming(l *lint.Line) bool {
	if !hasDuration(l) || l.Has(lint.TermBBMQuery) || namedQueryEmpty(l) {
		return false
	}
	// "background migrations done after 55 min"
	return tookWordOutsideAside(l) && !l.Has(lint.TermCheckVerb) ||
		l.ContainsAny("done after", "finished after", "completed after", "fertig nach", "abgeschlossen nach", "terminadas tras", "terminadas después de", "terminées après", "concluse dopo", "terminate dopo", "concluídas após", "klaar na", "afgerond na")
}

// tookWordOutsideAside reports whether a line says how long something
// took, other than in an aside: "Give the migrations 15 minutes to settle
// (they took 18 min in staging)" sets a wait.
func tookWordOutsideAside(l *lint.Line) bool {
	for _, t := range l.Tokens {
		switch t.Word {
		case "took", "dauerte", "tardó", "duró", "durou", "levou", "duurde":
			if !lint.InParens(l.Lower[:t.Start]) {
				return true
			}
		}
	}
	return false
}

// namedQueryEmpty reports whether a line names a query and the empty
// result it must give: "query → 0 rows", "the query returns nothing".
func namedQueryEmpty(l *lint.Line) bool {
	return queryEmptyIn(l.Lower)
}

// queryClauseBesideStatus reports whether a clause of a line that runs
// db:migrate:status names the background-migration query and its empty
// result on its own: "db:migrate:status all up; the background
// migrations query is run again until 0 rows".
func queryClauseBesideStatus(l *lint.Line) bool {
	for _, c := range strings.FieldsFunc(strings.ReplaceAll(l.Lower, ". ", ";"), func(r rune) bool { return r == ';' }) {
		if i := strings.Index(c, "migrate:status"); i >= 0 {
			// "db:migrate:status (all up) and watch the background
			// migration queue until it is empty": what follows the
			// schema check in its clause.
			c = c[i+len("migrate:status"):]
		}
		if strings.Contains(c, "migra") && (queryEmptyIn(c) || queueEmptyIn(c)) {
			return true
		}
	}
	return false
}

// queueEmptyIn reports whether a text watches the background migrations'
// queue until it is empty: "watch the queue until it is empty",
// "acompanhar a fila ... até zerar".
func queueEmptyIn(low string) bool {
	if !containsAnyOf(low, "queue", "fila", "warteschlange", "file d'attente", "file d’attente", "coda", "wachtrij", "cola") {
		return false
	}
	return containsAnyOf(low, "until it is empty", "until empty", "until zero", "until 0", "is empty", "até zerar", "até esvaziar", "vazia", "leer ist", "bis sie leer", "hasta que esté vacía", "hasta vaciar", "vacía", "soit vide", "est vide", "finché è vuota", "vuota", "leeg")
}

func queryEmptyIn(low string) bool {
	if !strings.Contains(low, "query") && !strings.Contains(low, "abfrage") && !strings.Contains(low, "consulta") && !strings.Contains(low, "requête") {
		return false
	}
	for _, w := range []string{"0 rows", "no rows", "zero rows", "no row", "returns 0", "returns nothing", "returns no", "→ 0", "-> 0", "= 0", "empty", "0 zeilen", "keine zeilen", "0 filas", "ninguna fila", "0 ligne", "aucune ligne", "0 rijen", "geen rijen", "0 righe", "nessuna riga", "0 linhas", "nenhuma linha"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}
