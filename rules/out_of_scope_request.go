package rules

import (
	"strings"

	"github.com/planlint/planlint/lint"
)

// OutOfScopeRequest finds changes bundled with the upgrade that Upgrade
// Assistance does not cover.
var OutOfScopeRequest = &lint.Rule{
	ID:       "out-of-scope-request",
	Title:    "the plan bundles a change that Upgrade Assistance does not cover",
	Severity: lint.Error,
	Category: lint.Scope,
	Doc: `GitLab Support's Upgrade Assistance covers one thing: upgrading one installation to a newer
release on the same servers. It does not cover, and a plan that bundles them gets no upgrade review:

- moving between editions (CE to EE);
- moving between install methods or platforms (Omnibus to Helm, to Docker, to new servers or a cloud);
- scaling the architecture (to a larger reference architecture, from one node to HA, from one
  Gitaly server to a Gitaly Cluster);
- moving data to another installation (to GitLab.com or Dedicated, Congregate, direct transfer);
- adding features such as a Geo secondary site.

Fix: split the plan. Upgrade first, then make the other change as its own project.`,
	Run: func(p *lint.Pass) {
		m := method(p.Plan)
		var methodLine *lint.Line
		if p.Plan.InstallMethod != nil {
			methodLine = p.Plan.InstallMethod.Line
		}
		geo := p.Plan.Topology != nil && p.Plan.Topology.Value == "geo"
		// One finding per change: a plan that speaks of its CE-to-EE switch
		// in the summary, the steps and the checks asks for it once.
		seen := map[string]bool{}
		// An EE instance that never names CE cannot move from CE to EE:
		// "cambiar la imagen a gitlab/gitlab-ee:18.2.8-ee.0" sets the
		// next release of the edition it runs.
		eeOnly := p.Plan.Edition != nil && p.Plan.Edition.Value == "ee"
		for _, l := range p.Doc.Lines {
			if l.Has(lint.TermCE) {
				eeOnly = false
				break
			}
		}
		for _, l := range p.Doc.Lines {
			if l.Kind == lint.KindCode || l.Kind == lint.KindFrontMatter || l.In(lint.TermOutOfScope) || l.LabelIs(lint.TermOutOfScope) || l.In(lint.TermRisk) || l.In(lint.TermRollback) {
				continue
			}
			if what, at := outOfScope(l, m, methodLine, geo, p.Today.Year()); what != "" {
				if eeOnly && strings.HasPrefix(what, "a change of edition") {
					continue
				}
				if excludedInSentence(l, at) {
					// "... tussenstappen. Buiten scope: overstap naar EE,
					// verhuizing naar Kubernetes": a list of what the
					// change leaves out.
					continue
				}
				if l.SeparateChange() || l.Item && separateLeadIn(p.Doc, l) || doneChange(l, p.Today.Year()) {
					// ("Zur Einordnung (nicht Teil dieses Fensters):" over
					// the list; "Der Umzug auf ... neuer Server ... wurde
					// 2024 erledigt": history.)
					// "Der geplante Umzug auf OpenShift ist ein separates
					// Projekt für Q3 2027, ausdrücklich nicht Teil dieses
					// Changes."
					continue
				}
				kind, _, _ := strings.Cut(what, " (")
				if seen[strings.ToLower(kind)] {
					continue
				}
				seen[strings.ToLower(kind)] = true
				p.Reportf(l, at, "plan bundles %s with the upgrade. Upgrade Assistance covers upgrading this installation to a newer release only; make that change separately, before or after the upgrade", what)
			}
		}
	},
}

// excludedInSentence reports whether an out-of-scope phrase ("Out of
// scope:", "Buiten scope:") opens the sentence before span at.
func excludedInSentence(l *lint.Line, at lint.Span) bool {
	a, _ := lint.SentenceAt(l.Text, at.Start, at.End)
	for _, m := range l.FindAll(lint.TermOutOfScope) {
		if m.Start >= a && m.End <= at.Start {
			return true
		}
	}
	return false
}

// separateLeadIn reports whether the text that leads into a list item
// says its list is not part of this change.
func separateLeadIn(d *lint.Document, l *lint.Line) bool {
	for i := l.Index - 1; i >= 0; i-- {
		o := d.Lines[i]
		if o.Section != l.Section || o.Kind == lint.KindHeading {
			return false
		}
		if o.Item {
			continue
		}
		return strings.HasSuffix(strings.TrimSpace(o.Text), ":") && o.SeparateChange()
	}
	return false
}

// doneChange reports whether a line tells of a change finished in an
// earlier year: "Der Umzug auf neue Hardware wurde 2024 erledigt".
func doneChange(l *lint.Line, year int) bool {
	return l.PastSetup(year) && l.HasWord("done", "completed", "finished", "erledigt", "abgeschlossen", "durchgeführt", "terminado", "completado", "realizado", "realizada", "terminé", "terminée", "effectué", "effectuée", "achevé", "concluído", "concluída", "concluso", "conclusa", "completato", "afgerond", "voltooid", "uitgevoerd")
}

// outOfScope describes the out-of-scope change a line asks for, or "".
func outOfScope(l *lint.Line, method string, methodLine *lint.Line, geo bool, year int) (string, lint.Span) {
	if sp, ok := l.EditionChange(); ok {
		return "a change of edition (" + strings.TrimSpace(l.Text[sp.Start:sp.End]) + ")", sp
	}
	// "we restore GitLab onto the new VM and switch DNS to it": the data
	// moves to another server.
	for _, rs := range l.FindAll(lint.TermRestore) {
		if negatedMatch(l, rs) {
			continue
		}
		for _, np := range l.FindAll(lint.TermNewPlatform) {
			w := l.Lower[np.Start:np.End]
			if (strings.HasPrefix(w, "new ") || strings.HasPrefix(w, "another ")) && np.Tok > rs.Tok && np.Tok-rs.Tok <= 6 && !breakIn(l, rs.Tok+1, np.Tok) {
				return "a move to " + l.Text[np.Start:np.End], lint.Span{Start: rs.Start, End: np.End}
			}
		}
	}
	for _, mv := range l.FindAll(lint.TermMoveVerb) {
		if negatedMatch(l, mv) {
			continue
		}
		for _, np := range l.FindAll(lint.TermNewPlatform) {
			if np.Tok <= mv.Tok || np.Tok-mv.Tok > 8 || breakIn(l, mv.Tok+1, np.Tok) {
				continue
			}
			w := l.Lower[np.Start:np.End]
			if sameFamily(w, method) && !(methodLine == l && wordAfter(l, mv.Tok, "from")) {
				// (Unless the move itself named the method: "we migrate
				// from Omnibus to Kubernetes (Helm chart)".)
				continue
			}
			if l.Lower[mv.Start:mv.End] == "ziehen" && !wordAfter(l, np.Tok+np.NTok, "um") {
				// Only the separable "ziehen ... auf den neuen Server um"
				// moves; "Images ziehen" pulls.
				continue
			}
			return "a move to " + l.Text[np.Start:np.End], lint.Span{Start: mv.Start, End: np.End}
		}
		for _, dm := range l.FindAll(lint.TermDataMove) {
			// ("move the mobile-apps group and its 48 projects to our
			// GitLab.com namespace")
			if dm.Tok > mv.Tok && dm.Tok-mv.Tok <= 14 && !breakIn(l, mv.Tok+1, dm.Tok) {
				return "moving data to " + l.Text[dm.Start:dm.End], lint.Span{Start: mv.Start, End: dm.End}
			}
		}
	}
	for _, dm := range l.FindAll(lint.TermDataMove) {
		w := l.Lower[dm.Start:dm.End]
		if (w == "congregate" || w == "direct transfer") && !negatedMatch(l, dm) {
			return "a migration with " + l.Text[dm.Start:dm.End], lint.Span{Start: dm.Start, End: dm.End}
		}
	}
	for _, sc := range l.FindAll(lint.TermScale) {
		if negatedMatch(l, sc) || sizeNoun(l, sc) || l.Contains("replica") || l.Contains("kubectl") || l.Contains(" down") || l.Contains("to 0") || l.ContainsAny("to zero", "auf null", "auf 0", "a cero", "a 0 ", "à zéro", "à 0 ", "a zero", "naar nul", "naar 0") {
			// ("webservice and sidekiq are scaled to zero" stops them.)
			continue
		}
		before := l.Lower[max(0, sc.Start-14):sc.Start]
		if after := strings.TrimLeft(l.Lower[sc.End:], " "); strings.HasPrefix(after, "back") || strings.HasPrefix(after, "zurück") || strings.HasPrefix(after, "wieder") || strings.HasPrefix(after, "de nuevo") || strings.HasPrefix(after, "de nouveau") || strings.HasPrefix(after, "again") ||
			containsAnyOf(before, "volver a ", "vuelve a ", "volvemos a ", "wieder ", "erneut ", "à nouveau ", "di nuovo ", "opnieuw ", "novamente ", "voltar a ") {
			// ("Volver a escalar webservice (3) y sidekiq (2)": the pods
			// back to their replicas after the downtime.)
			// "scaled back to 4 and 3" after the backup: the replicas the
			// instance already had.
			continue
		}
		if l.Has(lint.TermArchitecture) || l.Has(lint.TermMultiNode) || l.Contains("users") {
			return "scaling the architecture (" + strings.TrimSpace(l.Text[sc.Start:sc.End]) + ")", lint.Span{Start: sc.Start, End: sc.End}
		}
	}
	// "add two Rails nodes", "from the 10K to the 25K reference architecture".
	for _, a := range l.FindAll(lint.TermAddVerb) {
		if negatedMatch(l, a) || l.Lower[a.Start:a.End] == "setup" && !startsClause(l, a.Tok) || a.Tok+a.NTok < len(l.Tokens) && (l.Tokens[a.Tok+a.NTok].Word == "node" || l.Tokens[a.Tok+a.NTok].Word == "nodes") {
			// ("the deploy node", "rails-1 is the deploy node), 2
			// Sidekiq": a node's role, not a change.
			// ("a two-node setup: one GitLab server and one database"
			// describes what runs; "setup" as a verb opens its clause.)
			continue
		}
		for j := a.Tok + 1; j < len(l.Tokens) && j <= a.Tok+4; j++ {
			w := l.Tokens[j].Word
			if w == "back" || w == "to" {
				break
			}
			if (isNumber(w) || numberWords[w]) && !lint.InName(l.Text, l.Tokens[j].Start, l.Tokens[j].End) {
				// (Not the number of a host name: "deploy node
				// lon-rails-01: DB host".)
				for k := j + 1; k < len(l.Tokens) && k <= j+3; k++ {
					if nodeWord(l, k) {
						return "scaling the architecture (" + strings.TrimSpace(l.Text[a.Start:l.Tokens[k].End]) + ")", lint.Span{Start: a.Start, End: l.Tokens[k].End}
					}
				}
			}
		}
	}
	if l.Has(lint.TermArchitecture) && (l.Has(lint.TermMoveVerb) || l.Has(lint.TermScale) || l.Has(lint.TermFrom)) {
		// Two sizes ("from the 10K to the 25K reference architecture"),
		// or one node to a size ("from a single server to the 3,000-user
		// reference architecture").
		sizes, users := 0, 0
		for i, t := range l.Tokens {
			switch {
			case len(t.Word) >= 2 && t.Word[len(t.Word)-1] == 'k' && isNumber(t.Word[:len(t.Word)-1]):
				sizes++
			case isNumber(t.Word) && i+1 < len(l.Tokens) && userWords[l.Tokens[i+1].Word]:
				users++
			}
		}
		if sizes >= 2 || sizes+users >= 1 && singleToArchitecture(l) {
			return "scaling the architecture to another reference architecture", lint.Span{Start: 0, End: len(l.Text)}
		}
	}
	for _, g := range l.FindAll(lint.TermGeo) {
		if l.PastSetup(year) {
			// "We set up Geo in 2023": the instance has it.
			break
		}
		for _, a := range l.FindAll(lint.TermAddVerb) {
			if a.Tok >= g.Tok || g.Tok-a.Tok > 7 || negatedMatch(l, a) || breakIn(l, a.Tok+1, g.Tok+1) {
				continue
			}
			if geo && !l.ContainsAny("new", "additional", "another", "neue", "nuevo", "nueva", "nouveau", "nouvelle", "nuovo", "nuova", "novo", "nova", "nieuw") {
				continue
			}
			return "adding Geo (" + strings.TrimSpace(l.Text[a.Start:g.End]) + ")", lint.Span{Start: a.Start, End: g.End}
		}
	}
	if sp, ok := gitalyClusterAdded(l, year); ok {
		return "scaling the architecture (" + strings.TrimSpace(l.Text[sp.Start:sp.End]) + ")", sp
	}
	return "", lint.Span{}
}

// clusterVerbs put something in place that was not there, or instead of
// what was: "replace the single Gitaly with a Gitaly Cluster".
var clusterVerbs = map[string]bool{"add": true, "adding": true, "introduce": true, "introducing": true, "replace": true, "replacing": true, "migrate": true, "migrating": true,
	"hinzufügen": true, "einführen": true, "ersetzen": true, "umstellen": true, "invoeren": true, "añadir": true, "introducir": true, "sustituir": true, "reemplazar": true, "ajouter": true, "introduire": true, "remplacer": true,
	"aggiungere": true, "introdurre": true, "sostituire": true, "toevoegen": true, "vervangen": true, "adicionar": true, "introduzir": true, "substituir": true}

// gitalyClusterAdded finds a Gitaly Cluster (Praefect) brought into an
// instance that had none: "vamos substituir o Gitaly único por um Gitaly
// Cluster (Praefect)", "Gitaly Cluster einführen". That changes the
// architecture, which Upgrade Assistance does not cover.
func gitalyClusterAdded(l *lint.Line, year int) (lint.Span, bool) {
	if l.Kind == lint.KindCode || !l.HasWord("praefect", "gitaly") {
		return lint.Span{}, false
	}
	verb := func(j int) bool {
		v := l.Tokens[j]
		// (Not the setting praefect['auto_migrate'].)
		return clusterVerbs[v.Word] && (v.Start == 0 || strings.IndexByte("_-'[", l.Text[v.Start-1]) < 0)
	}
	for k, t := range l.Tokens {
		last := k
		if t.Word == "gitaly" && k+1 < len(l.Tokens) && l.Tokens[k+1].Word == "cluster" {
			last = k + 1
		} else if t.Word != "praefect" {
			continue
		}
		// The verb comes before its object, or after it in German and
		// Dutch.
		j := -1
		for i := k - 1; i >= 0 && i >= k-8 && !l.Tokens[i+1].Break; i-- {
			if verb(i) {
				j = i
				break
			}
		}
		for i := last + 1; j < 0 && i < len(l.Tokens) && i <= last+4 && !l.Tokens[i].Break; i++ {
			if verb(i) {
				j = i
			}
		}
		if j < 0 || negatedMatch(l, lint.Match{Tok: j, NTok: 1}) {
			continue
		}
		if l.PastSetup(year) {
			// "Gitaly Cluster was introduced in 2024": the instance has it.
			return lint.Span{}, false
		}
		a, b := l.Tokens[min(j, k)].Start, l.Tokens[max(j, last)].End
		return lint.Span{Start: a, End: b}, true
	}
	return lint.Span{}, false
}

// singleToArchitecture reports whether a line moves from one node to a
// reference architecture: "from the single server to the 3K reference
// architecture", "passar ... num só servidor para a arquitetura de
// referência".
func singleToArchitecture(l *lint.Line) bool {
	sn, ok := l.Find(lint.TermSingleNode)
	if !ok {
		return false
	}
	from := false
	for _, f := range l.FindAll(lint.TermFrom) {
		from = from || f.Tok < sn.Tok && sn.Tok-(f.Tok+f.NTok) <= 4
	}
	if !from {
		return false
	}
	for _, t := range l.FindAll(lint.TermTo) {
		if t.Tok < sn.Tok+sn.NTok {
			continue
		}
		for _, a := range l.FindAll(lint.TermArchitecture) {
			if a.Tok > t.Tok && a.Tok-t.Tok <= 3 {
				return true
			}
		}
		return false
	}
	return false
}

// userWords name the users a reference architecture is sized for.
var userWords = map[string]bool{"users": true, "user": true, "benutzer": true, "nutzer": true, "usuarios": true, "utilisateurs": true, "utenti": true, "gebruikers": true, "utilizadores": true, "usuários": true}

// wordAfter reports whether w is a token of l from token i on, in the same
// clause.
func wordAfter(l *lint.Line, i int, w string) bool {
	for j := i; j < len(l.Tokens); j++ {
		if j > i && l.Tokens[j].Break {
			return false
		}
		if l.Tokens[j].Word == w {
			return true
		}
	}
	return false
}

var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "more": true, "additional": true, "extra": true, "new": true, "zwei": true, "drei": true, "weitere": true, "dos": true, "tres": true, "más": true, "deux": true, "trois": true, "nouveaux": true}

// nodeWord reports whether token k names a machine of the instance.
func nodeWord(l *lint.Line, k int) bool {
	for _, m := range l.FindAll(lint.TermNodeWord) {
		if m.Tok == k {
			return true
		}
	}
	return false
}

// sameFamily reports whether a platform word names the install method the
// instance already uses (a Docker plan mentioning containers is no move).
func sameFamily(w, method string) bool {
	switch method {
	case "docker":
		return w == "docker" || w == "containers"
	case "helm", "operator":
		return w == "kubernetes" || w == "k8s" || w == "helm" || w == "eks" || w == "aks" || w == "gke" || w == "openshift"
	}
	return false
}

// startsClause reports whether token i opens its clause.
func startsClause(l *lint.Line, i int) bool {
	return i == 0 || l.Tokens[i].Break
}

// sizeNoun reports whether a scale word is the noun of a size ("a copy at
// smaller scale", "in reduzierter Größe"), which describes and changes
// nothing.
func sizeNoun(l *lint.Line, m lint.Match) bool {
	if l.Lower[m.Start:m.End] == "scale" && m.Start >= l.Label.Start && m.End <= l.Label.End {
		// "| Scale | ~4,800 users |": a row that states the size.
		return true
	}
	if m.Tok == 0 {
		return false
	}
	switch l.Tokens[m.Tok-1].Word {
	case "smaller", "small", "reduced", "lower", "same", "full", "larger", "similar", "comparable", "kleinerer", "reduzierter", "menor", "reducida", "réduite", "moindre":
		return true
	}
	return false
}
