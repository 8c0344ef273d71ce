package rules

import (
	"strconv"
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
	"github.com/planlint/planlint/lint"
)

// VersionNotes lists known upgrade problems that apply to the plan.
var VersionNotes = &lint.Rule{
	ID:       "version-notes",
	Title:    "known upgrade problems of versions on the path that apply to this setup",
	Severity: lint.Info,
	Category: lint.VersionPath,
	Doc: `Each GitLab release's upgrade notes list problems that bite only some instances: new secrets
that must be identical on every node (17.8), settings that make reconfigure fail (17.0, 19.0), patch
releases to avoid (18.11.0 and 18.11.1 when jobs pull images with ` + "`CI_JOB_TOKEN`" + `), data migrations
that take hours (18.8). planlint keeps these notes as data, each tied to a version range and, where it
matters, to an install method, topology, edition or database. The rule reports the notes a reviewer
raises with every plan they apply to (reconfigure failures, data loss, secrets that must match on every
node, patch releases to avoid), one finding per hop, unless the plan already discusses them. Notes that concern everyone crossing a version are listed by ` + "`planlint path`" + ` and
written into ` + "`planlint init`" + ` plans instead.

When the configuration the plan shows still sets something a version on the path no longer accepts
(` + "`grafana[...]`" + ` in 17.0, ` + "`git_data_dirs`" + ` in 18.0, ` + "`mattermost[...]`" + ` in 19.0), the finding is an error on that
line: reconfigure fails and the hop cannot go as written. So is a component version the plan states and
keeps that a version on the path no longer works with (Redis 6 past 19.0), a Helm value the new
chart no longer supports (` + "`postgresql.install: true`" + ` for chart 10), and a patch whose own pre-upgrade check
refuses the next hop (18.11.7 before 19.0). A plan that discusses a note but declines the
action it asks for ("the new secrets are written on each node, no sync needed" for 17.8's keys, which
must be copied) gets the finding on that line.

Fix: read each note, and add a step or a sentence to the plan saying how it is handled.`,
	Run: func(p *lint.Pass) {
		pl := p.Plan
		cur, tgt := pl.Current, pl.Target
		if cur == nil || tgt == nil || tgt.Version.Compare(cur.Version) <= 0 {
			return
		}
		hops := hopVersions(pl)
		type group struct {
			at    lint.VersionRef
			texts []string
		}
		var groups []*group
		type place struct {
			line *lint.Line
			at   int
		}
		byPlace := map[place]*group{}
		var handling []*lint.Line
		handlingDone := false
		for _, n := range p.Knowledge.NotesFor(cur.Version, tgt.Version, hops, setupOf(p)) {
			if l, span, have := componentBelow(p.Doc, n.BreaksBelow); l != nil {
				// "redis01 resta su Redis 6.2.14": the hop fails as
				// written, reviewed note or not.
				at := hopAt(pl, n.Trigger(cur.Version, tgt.Version, hops))
				if kl := keptLine(p.Doc, l, have); kl != nil {
					// "Redis : la 19.0 supprime le support de Redis 6. Notre
					// cluster Redis 6.2.14 ... reste tel quel": the line
					// that declines the note.
					l, span = kl, lint.Span{Start: 0, End: len(kl.Text)}
				}
				p.ReportfWith([]lint.ReportOption{lint.WithSeverity(lint.Error)}, l, span, "the instance runs %s here, older than the upgrade to %s (line %d) works with: %s", quote(have), quote(at.Version.String()), at.Line.Num, n.Text)
				continue
			}
			if !n.Review {
				// Background notes are in the release's upgrade notes every
				// plan should read; "planlint path" and "planlint init" list
				// them. Findings are for the notes a reviewer raises.
				continue
			}
			trig := n.Trigger(cur.Version, tgt.Version, hops)
			if !handlingDone {
				handling, handlingDone = handlingLines(p.Doc), true
			}
			at := hopAt(pl, trig)
			if l, span, key := settingInUse(p.Doc, n.BreaksOn); l != nil && !settingChanged(p.Doc, key, l) {
				// The plan's own configuration still has the setting and
				// no step changes it: the hop fails as written, whatever
				// else the plan says about the note.
				p.ReportfWith([]lint.ReportOption{lint.WithSeverity(lint.Error)}, l, span, "the configuration here still sets %s, which the upgrade to %s (line %d) no longer accepts: %s", quote(key), quote(at.Version.String()), at.Line.Num, n.Text)
				continue
			}
			by, declined := noteAddressed(handling, n, trig)
			if by != nil {
				continue
			}
			if declined != nil {
				// "no manual sync needed" answers a note whose fix is the
				// sync: the plan has read it, and decided wrongly.
				p.ReportLinef(declined, "this line declines the %s that the upgrade to %s (line %d) needs: %s", quote(declinedAction(declined, n)), quote(at.Version.String()), at.Line.Num, n.Text)
				continue
			}
			if n.Blocks {
				p.ReportfWith([]lint.ReportOption{lint.WithSeverity(lint.Error)}, at.Line, at.Span, "the upgrade to %s cannot go as written: %s", quote(at.Version.String()), n.Text)
				continue
			}
			g := byPlace[place{at.Line, at.Span.Start}]
			if g == nil {
				g = &group{at: at}
				byPlace[place{at.Line, at.Span.Start}] = g
				groups = append(groups, g)
			}
			g.texts = append(g.texts, n.Text)
		}
		for _, g := range groups {
			what := "a known upgrade problem applies"
			if len(g.texts) > 1 {
				what = "known upgrade problems apply"
			}
			p.Reportf(g.at.Line, g.at.Span, "%s to the upgrade to %s: %s. say in the plan how each is handled", what, quote(g.at.Version.String()), strings.Join(g.texts, "; "))
		}
	},
}

// handlingLines returns the lines that can discuss a note: lines that say
// how something is dealt with, outside code and the rollback (which undoes
// the upgrade; it does not prepare it).
func handlingLines(d *lint.Document) []*lint.Line {
	var out []*lint.Line
	for _, l := range d.Lines {
		// (A runbook's shell comment is prose: "# grep -n mattermost
		// /etc/gitlab/gitlab.rb (leeg), dan:".)
		if (l.Kind != lint.KindCode || codeComment(l)) && !l.Cited && !l.In(lint.TermRollback) && !backsUp(l) && handles(l) {
			out = append(out, l)
		}
	}
	return out
}

// noteAddressed reports whether the plan already discusses a note: one of
// the handling lines that names the note's version and shares its telling
// words.
//
// It returns the first line that addresses the note, or, when every line
// that does declines the action the note requires, the first of those.
func noteAddressed(handling []*lint.Line, n knowledge.Note, trig glversion.Version) (by, declined *lint.Line) {
	minors := []string{trig.MinorString()}
	if !n.Crosses.IsZero() {
		minors = append(minors, n.Crosses.MinorString())
	}
	keys := noteKeywords(n.Text)
	for _, t := range n.Terms {
		keys[t] = true
	}
	// Identifiers such as "git_data_dirs" are split into words by the
	// tokenizer; they are looked for in the text.
	var idents []string
	for k, t := range keys {
		if t && strings.Contains(k, "_") {
			idents = append(idents, k)
		}
	}
	for _, l := range handling {
		if !addresses(l, n, minors, keys, idents) {
			continue
		}
		if declinedAction(l, n) != "" {
			if declined == nil {
				declined = l
			}
			continue
		}
		return l, nil
	}
	return nil, declined
}

// addresses reports whether line l discusses note n: it names the note's
// minor versions or shares its telling words.
func addresses(l *lint.Line, n knowledge.Note, minors []string, keys map[string]bool, idents []string) bool {
	if len(n.UnlessInstalls) > 0 && !namesAvoidingVersion(l, n) {
		// A note about a patch to avoid ("18.11.7 blocks 19.0; make the
		// stop on 18.11.9 or later") or to reach is handled by naming
		// such a patch, not by discussing the subject.
		return false
	}
	named, hopOnly := false, false
	// The version may be named by the line or by its section's heading
	// ("## Things we fixed already for 17.0").
	for _, vl := range []*lint.Line{l, l.Section.Heading} {
		if vl == nil || vl.Kind == lint.KindHeading && l.Section.IsTitle {
			continue
		}
		for _, v := range vl.Versions {
			for i, m := range minors {
				if v.Version.MinorString() == m {
					named = true
					// minors[0] is the hop's own minor; for a note about
					// a minor the hop crosses, naming the hop alone
					// ("19.2.0 | Duo AI Gateway URLs") is weaker.
					hopOnly = hopOnly || i == 0 && len(minors) > 1 && minors[1] != m
				}
			}
		}
	}
	if hopOnly {
		for _, vl := range []*lint.Line{l, l.Section.Heading} {
			if vl == nil {
				continue
			}
			for _, v := range vl.Versions {
				if len(minors) > 1 && v.Version.MinorString() == minors[1] {
					hopOnly = false
				}
			}
		}
	}
	shared, telling, labelTelling, plain := 0, 0, false, 0
	for _, t := range l.Tokens {
		if w, ok := keys[t.Word]; ok {
			shared++
			if !noteCommon[t.Word] {
				plain++
			}
			if w {
				telling++
				if l.Label.Len() > 0 && t.End <= l.Label.End {
					labelTelling = true
				}
			}
		}
	}
	if labelTelling {
		// "Mattermost keys: none present": the label names the subject,
		// the value says how it stands.
		return true
	}
	// An identifier is as telling as two words.
	for _, k := range idents {
		if l.Contains(k) {
			shared += 2
			telling++
		}
	}
	if telling >= 1 && asksRemoval(n.Text) && (removes(l) || absentTelling(l, keys) || searchFindsNothing(l) || unusedTelling(l, keys)) {
		// "[x] Grafana keys removed", "gitlab.rb clean-up (grafana
		// keys, ...)": the subject and the removal the note asks for.
		return true
	}
	// A line that only names the subject ("almost every job pulls images
	// with CI_JOB_TOKEN") shows the note applies; one that handles it
	// says so.
	// (A line naming the version needs one word of the note that is not
	// common to all plans of its kind: "19.0 / chart 10.0: bundled
	// PostgreSQL removed" does not speak of the chart's new ingress.)
	return (telling >= 1 && shared >= 2 || named && plain >= 1 && (!hopOnly || telling >= 1)) && !onlyOtherNegations(l, keys)
}

// absentTelling reports whether a negation stands right before a telling
// word of the note, outside a description of the setup: "`gitlab.rb` has
// no `mattermost[...]` keys (checked with grep)" says there is nothing to
// delete.
// settingsWords name configuration settings.
var settingsWords = map[string]bool{"settings": true, "setting": true, "keys": true, "key": true, "einstellungen": true, "einstellung": true, "schlüssel": true,
	"ajustes": true, "claves": true, "paramètres": true, "clés": true, "clé": true, "impostazioni": true, "chiavi": true, "instellingen": true, "sleutels": true,
	"configurações": true, "chaves": true, "parâmetros": true}

func absentTelling(l *lint.Line, keys map[string]bool) bool {
	// (In a description of the setup, "no Geo, no Praefect" lists what
	// the instance does not use; only settings written as code count
	// there: "pas de clé `grafana[...]` dans `gitlab.rb`".)
	setup := l.In(lint.TermEnvironment) || l.In(lint.TermArchitecture)
	telling := func(i int) bool {
		t := l.Tokens[i]
		if setup && !l.InCode(t.Start) && !(i+1 < len(l.Tokens) && settingsWords[l.Tokens[i+1].Word]) {
			// ("Keine Mattermost-Einstellungen in GITLAB_OMNIBUS_CONFIG"
			// says there are no settings, not only that it is unused.)
			return false
		}
		if keys[t.Word] {
			return true
		}
		for k, tell := range keys {
			if tell && strings.Contains(k, "_") && strings.HasPrefix(l.Lower[t.Start:], k) {
				return true
			}
		}
		return false
	}
	for _, m := range l.FindAll(lint.TermNeg) {
		// "No `grafana[...]`, `git_data_dirs` or `mattermost[...]` keys",
		// "weder `grafana[...]` noch `git_data_dirs`": the negation
		// covers a list of settings written as code.
		for i := m.Tok + m.NTok; i < len(l.Tokens) && i <= m.Tok+m.NTok+12; i++ {
			if l.Tokens[i].Break {
				break
			}
			if telling(i) {
				return true
			}
			if w := l.Tokens[i].Word; !l.InCode(l.Tokens[i].Start) && !absentListWords[w] && !settingsWords[w] && !(i == m.Tok+m.NTok && haveVerbs[w]) {
				break
			}
		}
	}
	// "`git_data_dirs` absent de notre gitlab.rb"
	for i, t := range l.Tokens {
		if !absentWords[t.Word] {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-4 && l.InCode(l.Tokens[j].Start); j-- {
			if telling(j) {
				return true
			}
		}
	}
	return false
}

// unusedTelling reports whether the line says the instance does not use
// what a telling word of the note names, so it has no settings of it to
// remove: "Not in use: Mattermost, Geo", "Sin Mattermost", "Mattermost,
// Geo e registry não são usados".
func unusedTelling(l *lint.Line, keys map[string]bool) bool {
	for i, t := range l.Tokens {
		if !keys[t.Word] || l.InCode(t.Start) {
			continue
		}
		if l.NotUsedAt(t.Start) {
			return true
		}
		for _, m := range l.FindAll(lint.TermNeg) {
			if m.Tok < i && i-(m.Tok+m.NTok) <= 1 {
				return true
			}
		}
	}
	return false
}

// absentListWords join the settings of a list a negation covers.
var absentListWords = map[string]bool{"or": true, "nor": true, "and": true, "oder": true, "noch": true, "und": true, "ni": true, "y": true, "o": true, "et": true, "ou": true, "pas": true, "de": true, "e": true, "né": true, "of": true, "en": true, "nem": true,
	"key": true, "keys": true, "setting": true, "settings": true, "schlüssel": true, "einträge": true, "eintrag": true, "clave": true, "claves": true, "clé": true, "clés": true, "chiave": true, "chiavi": true, "sleutel": true, "sleutels": true, "chave": true, "chaves": true}

// haveVerbs stand between a negation and the settings it covers: "no
// usamos `git_data_dirs` ni ajustes de `grafana[...]`".
var haveVerbs = map[string]bool{"use": true, "have": true, "set": true, "usamos": true, "tenemos": true, "nutzen": true, "verwenden": true, "haben": true, "setzen": true,
	"utilisons": true, "avons": true, "usiamo": true, "abbiamo": true, "gebruiken": true, "hebben": true, "temos": true}

// absentWords say after a setting that it is not there.
var absentWords = map[string]bool{"absent": true, "absente": true, "absents": true, "fehlt": true, "ausente": true, "assente": true, "afwezig": true}

// searchFindsNothing reports whether a line searches for something and
// reports no hit: "`grep -i mattermost /etc/gitlab/gitlab.rb` no devuelve
// nada en ningún nodo".
func searchFindsNothing(l *lint.Line) bool {
	return l.Contains("grep") && l.ContainsAny("returns nothing", "finds nothing", "found nothing", "no output", "no match", "no hits", "no results", "empty",
		"keine treffer", "ohne treffer", "kein treffer", "liefert nichts", "findet nichts", "no devuelve nada", "no encuentra nada", "sin resultados", "sin salida", "ningún resultado",
		"ne renvoie rien", "ne trouve rien", "aucun résultat", "sans résultat", "nessun risultato", "non restituisce nulla", "geen resultaat", "geen treffers", "levert niets op", "sem resultados", "não retorna nada", "não devolve nada") ||
		l.Contains("grep") && l.HasWord("empty", "leer", "vacío", "vacía", "vide", "vuoto", "leeg", "vazio", "vazia")
}

// asksRemoval reports whether a note's action is to delete something.
func asksRemoval(note string) bool {
	return containsAnyOf(note, "delete", "remove")
}

// removes reports whether a line says something was or will be taken
// out.
func removes(l *lint.Line) bool {
	return l.HasWord(removeWords...) ||
		l.ContainsAny("clean-up", "cleanup", "cleaned up", "out of gitlab.rb", "aus der gitlab.rb", "aus gitlab.rb")
}

// removeWords say a setting is, or is to be, taken out.
var removeWords = []string{"removed", "remove", "deleted", "delete", "dropped", "entfernt", "entfernen", "gelöscht", "löschen",
	"eliminado", "eliminados", "eliminadas", "eliminar", "eliminamos", "borrado", "borramos", "borrar", "quitamos", "quitar", "quitado", "quitadas", "quitados",
	"supprimé", "supprimés", "supprimées", "supprimer", "supprimons", "retiré", "retirés", "retirer", "retirons", "enlever", "enlevons",
	"rimuovere", "rimuoviamo", "rimosso", "rimossi", "tolto", "tolti", "tolte", "togliere", "togliamo", "verwijderen", "verwijderd", "remover", "removemos", "removido", "removidos",
	// The nouns of a checklist: "Suppression des clés `grafana[...]`".
	"removal", "deletion", "entfernung", "löschung", "eliminación", "suppression", "retrait", "rimozione", "eliminazione", "verwijdering", "remoção", "eliminação"}

// declinedAction returns the word of the note's required action that a
// line declines ("no manual sync needed", "we never copy it"), or "".
func declinedAction(l *lint.Line, n knowledge.Note) string {
	if asksRemoval(n.Text) && l.ContainsAny(keepWords...) {
		// "19.0 Mattermost: we keep using the bundled Mattermost and
		// leave its settings as they are": the removal is declined.
		return "removal"
	}
	for i, t := range l.Tokens {
		for _, w := range n.Requires {
			if t.Word != w {
				continue
			}
			for _, m := range l.FindAll(lint.TermNeg) {
				if m.Tok < i && i-(m.Tok+m.NTok) <= 4 && !breakIn(l, m.Tok+1, i+1) {
					return w
				}
			}
			if i+2 < len(l.Tokens) && l.Tokens[i+1].Word == "not" && (l.Tokens[i+2].Word == "needed" || l.Tokens[i+2].Word == "required" || l.Tokens[i+2].Word == "necessary") {
				return w
			}
			// "ein Abgleich der gitlab-secrets.json zwischen den Knoten
			// ist dafür nicht nötig": the verdict at the end of the
			// sentence.
			if _, end := lint.SentenceAt(l.Lower, t.Start, t.End); l.ContainsAnyIn(l.Lower[t.End:end], notNeededWords...) {
				return w
			}
		}
	}
	return ""
}

// namesAtLeast reports whether a line names the component at the
// minimum version or above, unchanged: "we gebruiken de meegeleverde
// Redis 7" says what the instance runs.
func namesAtLeast(l *lint.Line, name string, minMajor, minMinor int) bool {
	for i := range l.Tokens {
		num, _ := versionAfterName(l, i, name)
		if major, minor, ok := majorMinor(num); ok && atLeast(major, minor, minMajor, minMinor) {
			return true
		}
	}
	return false
}

// nameQualifier are words written between a component's name and its
// version: "Redis OSS 6.2", "Redis version 6.2".
var nameQualifier = map[string]bool{"oss": true, "engine": true, "server": true, "version": true, "versión": true, "versão": true, "versione": true}

// versionAfterName returns the version written right after the
// component's name at token i ("Redis 6.2.14", "Redis OSS **6.2**") and
// where it starts, or "".
func versionAfterName(l *lint.Line, i int, name string) (string, int) {
	if l.Tokens[i].Word != name || i+1 >= len(l.Tokens) {
		return "", 0
	}
	t, nt := l.Tokens[i], l.Tokens[i+1]
	if nameQualifier[nt.Word] {
		// "ElastiCache for Redis OSS **6.2**"
		if i+2 < len(l.Tokens) && strings.Trim(l.Text[t.End:nt.Start], " *_`") == "" {
			t, nt = nt, l.Tokens[i+2]
		}
	}
	if strings.Trim(l.Text[t.End:nt.Start], " *_`") != "" {
		return "", 0
	}
	return numberAt(l.Text[nt.Start:]), nt.Start
}

// atLeast reports whether major.minor is at or above minMajor.minMinor.
func atLeast(major, minor, minMajor, minMinor int) bool {
	return major > minMajor || major == minMajor && minor >= minMinor
}

// keptLine returns another line that names the component of have
// ("Redis 6.2.14") with its version and says it stays as it is, or nil.
func keptLine(d *lint.Document, stated *lint.Line, have string) *lint.Line {
	name, ver, ok := strings.Cut(strings.ToLower(have), " ")
	if !ok {
		return nil
	}
	for _, l := range d.Lines {
		if l == stated || l.Kind == lint.KindCode || l.Cited || l.In(lint.TermRollback) || !l.Contains(name) || !l.Contains(ver) {
			continue
		}
		if l.ContainsAny(keepWords...) {
			return l
		}
	}
	return nil
}

// keepWords say the instance keeps something as it is.
var keepWords = []string{"keep using", "continue using", "continue to use", "still use", "leave it untouched", "left untouched", "as it is", "as they are",
	"seguimos usando", "seguiremos usando", "continuamos usando", "no tocamos", "tal cual", "on garde", "nous gardons", "on conserve", "nous conservons", "continuons à utiliser", "tel quel", "telle quelle",
	"behalten wir", "nutzen weiterhin", "weiterhin genutzt", "unverändert lassen", "lassen wir unverändert", "blijven gebruiken", "ongewijzigd laten", "continuiamo a usare", "lasciamo invariat", "continuamos a usar", "deixamos como está",
	"stays as it is", "stay as they are", "bleibt wie", "bleibt unverändert", "se queda como está", "reste en l'état", "resta così", "blijft zoals", "fica como está"}

// notNeededWords say a step is not needed.
var notNeededWords = []string{"not needed", "not required", "not necessary", "unnecessary", "nicht nötig", "nicht notwendig", "nicht erforderlich", "unnötig", "no es necesari", "no hace falta", "innecesari", "pas nécessaire", "inutile", "non necessari", "non serve", "niet nodig", "overbodig", "não é necessári", "desnecessári"}

// onlyOtherNegations reports whether a line's only sign of handling is a
// negation far from every word of the note: "... configured with
// git_data_dirs(...); no Geo, no Praefect" describes the setup.
func onlyOtherNegations(l *lint.Line, keys map[string]bool) bool {
	if !l.Has(lint.TermNeg) || l.Has(lint.TermCheckVerb) || l.Task >= 0 {
		return false
	}
	if !(l.LabelIs(lint.TermArchitecture) || l.LabelIs(lint.TermEnvironment) || l.In(lint.TermEnvironment) || l.In(lint.TermArchitecture)) {
		// Only descriptions of the setup list what the instance does
		// not use; elsewhere a negation is how the plan answers a note.
		return false
	}
	for _, t := range l.Tokens {
		if handleWords[t.Word] {
			return false
		}
	}
	for _, n := range l.FindAll(lint.TermNeg) {
		for k := range keys {
			if i := l.IndexOf(k); i >= 0 && i-n.Start < 40 && n.Start-i < 40 {
				return false
			}
		}
	}
	return true
}

// namesAvoidingVersion reports whether a line names a version the note
// asks for.
func namesAvoidingVersion(l *lint.Line, n knowledge.Note) bool {
	for _, v := range l.Versions {
		if v.Version.HasPatch && n.Avoids(v.Version) {
			return true
		}
	}
	return false
}

// handles reports whether a line says how something is dealt with: a
// negation ("not in our gitlab.rb", "we do not use"), a checklist item,
// or a word of checking, avoiding, changing or confirming.
func handles(l *lint.Line) bool {
	if l.HasWord("unchanged", "unverändert", "inchangé", "inchangée", "sin cambios") && !l.HasWord("converted", "replaced", "removed", "migrated", "rewritten", "switched", "umgestellt", "ersetzt", "entfernt", "convertimos", "reemplazado", "eliminado", "converti", "remplacé", "supprimé") {
		// "configured with git_data_dirs (unchanged since 2019)": the
		// problem is still there. "We converted the Gitaly settings
		// (paths unchanged)" dealt with it.
		return false
	}
	if l.Has(lint.TermNeg) || l.Has(lint.TermCheckVerb) || l.Task >= 0 {
		// A checklist item is something the plan commits to do.
		return true
	}
	for i, t := range l.Tokens {
		if handleWords[t.Word] && !(t.Word == "same" && machineAt(l, i+1)) {
			// ("We also run the bundled Mattermost on the same box"
			// places it; it does not deal with it.)
			return true
		}
	}
	return false
}

// machineAt reports whether token i names a machine ("on the same box",
// "on the same VM"): a node word of the vocabulary, or "box" and
// "instance".
func machineAt(l *lint.Line, i int) bool {
	if i >= len(l.Tokens) {
		return false
	}
	if w := l.Tokens[i].Word; w == "box" || w == "instance" {
		return true
	}
	for _, m := range l.FindAll(lint.TermNodeWord) {
		if m.Tok == i {
			return true
		}
	}
	return false
}

// handleWords say how something is dealt with: removed, checked, avoided.
var handleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"removed", "remove", "deleted", "delete", "mirrored", "mirror", "gespiegelt", "pinned", "pulled", "gelöscht", "borrado", "borrados", "borramos", "supprimés", "supprimées", "migrated", "moved", "move", "already", "avoid", "avoids", "avoiding", "skip", "skips", "instead",
		"disabled", "disable", "copied", "copy", "copies", "synced", "sync", "identical", "same", "compared", "tested", "fixed",
		"patched", "past", "beyond", "handled", "prepared", "planned", "allows", "covered", "unaffected", "irrelevant", "applies",
		"since", "converted", "convert", "replaced", "replace", "switched", "changed", "rewritten", "nothing", "none",
		"entfernt", "geprüft", "kopiert", "identisch", "bereits", "schon", "ersetzt", "umgestellt", "nichts",
		"eliminado", "eliminamos", "copiado", "verificado", "ya", "reemplazado", "nada",
		"desde", "seit", "depuis", "supprimé", "retiré", "retirée", "retirées", "retirés", "enlevé", "copié", "vérifié", "déjà", "remplacé", "rien",
		"recopie", "recopier", "copie", "copier", "copions", "copiamos", "copiar", "kopieren", "synchronisé", "sincronizado",
		"quitamos", "quitado", "quitadas", "entfernen", "supprimons", "retirons",
		// Italian, Dutch, Portuguese.
		"rimosso", "rimossa", "rimuoviamo", "copiato", "copiamo", "copiare", "verificato", "già", "disattivato", "niente",
		"verwijderd", "gekopieerd", "kopiëren", "gecontroleerd", "reeds", "uitgeschakeld", "niets",
		"removido", "removemos", "copiado", "copiamos", "já", "desativado",
		"migré", "migrée", "migriert", "migrado", "migrato", "gemigreerd",
		// Turning on what the note asks for ("enable the SHA256 digest flag").
		// ("Mattermost est activé" states the setup: no participles.)
		"enable", "aktivieren", "activar", "activamos", "activer", "activons", "attivare", "attiviamo", "inschakelen", "aanzetten", "einschalten", "ativar", "ativamos"} {
		m[w] = true
	}
	for _, w := range removeWords {
		m[w] = true
	}
	for w := range absentWords {
		m[w] = true
	}
	for _, w := range settingChangeWords {
		m[w] = true
	}
	return m
}()

// noteKeywords returns the words of a note worth matching, marking the
// telling ones (long or technical words such as "mattermost").
func noteKeywords(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_')
	}) {
		if len(w) < 5 || noteStop[w] {
			continue
		}
		out[w] = !noteCommon[w] && (len(w) >= 9 || strings.ContainsAny(w, "_0123456789") || noteTelling[w])
	}
	return out
}

// noteTelling are short names of components and features that tell which
// note a line speaks of.
var noteTelling = map[string]bool{"grafana": true, "patroni": true, "consul": true, "gitaly": true, "repmgr": true, "valkey": true, "bitnami": true, "expiry": true, "envoy": true, "ingress": true}

// noteCommon are long words that many plans use anyway; they are shared
// words, but do not tell which note a line speaks of.
var noteCommon = map[string]bool{
	"postgresql": true, "migration": true, "migrations": true, "background": true, "reconfigure": true, "installation": true,
	"kubernetes": true, "omnibus": true, "deployment": true, "component": true, "components": true, "enterprise": true,
	"community": true, "automatically": true, "automatic": true, "secondary": true, "secondaries": true, "replication": true,
	"chart": true, "charts": true,
}

var noteStop = map[string]bool{
	"after": true, "before": true, "every": true, "first": true, "gitlab": true, "their": true, "there": true, "these": true,
	"which": true, "would": true, "should": true, "could": true, "still": true, "since": true, "other": true, "until": true,
	"while": true, "where": true, "about": true, "again": true, "against": true, "upgrade": true, "upgrades": true,
	"version": true, "versions": true, "release": true, "releases": true, "instance": true, "instances": true, "package": true,
	"packages": true, "without": true, "within": true, "through": true, "change": true, "changes": true, "makes": true,
	"needs": true, "those": true, "problem": true, "latest": true, "patch": true, "install": true, "installs": true,
	"during": true, "never": true, "always": true, "option": true, "settings": true, "setting": true, "check": true,
	"configuration": true, "database": true, "nodes": true, "single": true, "multi": true,
	"bundled": true, "external": true, "files": true, "server": true, "servers": true, "plans": true, "follow": true, "steps": true, "later": true, "older": true,
}

// backsUp reports whether a line is about what the backup or snapshot
// holds ("the Mattermost data directory is included in the disk
// snapshot"): keeping a copy does not deal with a note.
func backsUp(l *lint.Line) bool {
	if l.Has(lint.TermNeg) {
		return false
	}
	if l.In(lint.TermBackup) {
		return true
	}
	// Only a backup in the line's first sentence: "18.0: git_data_dirs
	// wurde bereits umgestellt. ... testen wir gitlab-backup create"
	// handles the note first.
	_, end := lint.SentenceAt(l.Lower, l.Value.Start, l.Value.Start)
	for _, m := range l.Matches {
		if (m.Term == lint.TermSnapshot || m.Term == lint.TermBackup) && m.Start < end {
			return true
		}
	}
	return false
}

// settingInUse finds a line of configuration that sets one of keys, as
// written in gitlab.rb ("git_data_dirs({", "grafana['enable'] = false",
// "mattermost_external_url 'https://...'"): not a comment, not the
// rollback, not a line that removes or looks for the setting.
func settingInUse(d *lint.Document, keys []string) (*lint.Line, lint.Span, string) {
	if len(keys) == 0 {
		return nil, lint.Span{}, ""
	}
	for _, l := range d.Lines {
		if !l.IsCommand() || l.In(lint.TermRollback) || l.In(lint.TermChangelog) || strings.HasPrefix(strings.TrimSpace(l.Text), "#") || removesSetting(l) || l.Contains("grep") {
			continue
		}
		for _, k := range keys {
			for off := 0; ; {
				i := strings.Index(l.Text[off:], k)
				if i < 0 {
					break
				}
				i += off
				off = i + len(k)
				if l.Kind != lint.KindCode && !l.InCode(i) || i > 0 && isIdentByte(l.Text[i-1]) || commentedBefore(l.Text[:i]) || l.Kind != lint.KindCode && negationNear(l, i, i, 3, 0) {
					// ("contains no `grafana[...]` key" says the setting is
					// absent.)
					continue
				}
				rest := l.Text[i+len(k):]
				if l.Kind != lint.KindCode {
					// In prose the setting is what its code span holds:
					// "`git_data_dirs` (no lo usamos)" calls nothing.
					for _, c := range l.Code {
						if i >= c.Start && i < c.End {
							rest = l.Text[i+len(k) : max(i+len(k), c.End)]
						}
					}
				}
				if valueKey(k) || assigns(rest, strings.HasSuffix(k, "[")) {
					return l, lint.Span{Start: i, End: i + len(k)}, strings.TrimSuffix(k, "[") + map[bool]string{true: "[...]", false: ""}[strings.HasSuffix(k, "[")]
				}
			}
			if l.Kind == lint.KindCode {
				if sp, ok := nestedValue(d, l, k); ok {
					return l, sp, k
				}
			}
		}
	}
	return nil, lint.Span{}, ""
}

// componentBelow finds a line that states a version of a component below
// the minimum of a breaks_below entry ("redis 7.0"): "Redis 6.2.14", when
// no line upgrades the component to the minimum or later. It returns the
// line, the span of the stated version and the version as written.
func componentBelow(d *lint.Document, spec string) (*lint.Line, lint.Span, string) {
	name, minText, ok := strings.Cut(spec, " ")
	if !ok {
		return nil, lint.Span{}, ""
	}
	minMajor, minMinor, ok := majorMinor(minText)
	if !ok {
		return nil, lint.Span{}, ""
	}
	var found *lint.Line
	var span lint.Span
	var have string
	foundKeeps := false
	for _, l := range d.Lines {
		if l.Kind == lint.KindCode || l.In(lint.TermRollback) || !l.Contains(name) {
			continue
		}
		if l.Has(lint.TermUpgradeVerb) && upgradedTo(l, name, minMajor, minMinor) {
			// "we upgrade Redis 6.2 → 7.2 before the window", "upgrade
			// Redis to 7.2": the component moves to the minimum or above.
			return nil, lint.Span{}, ""
		}
		if otherVersion(l, name) || l.ContainsAny("remov", "drop", "gone", "no longer", "not supported", "unsupported", "entf", "nicht mehr", "elimin", "supprim", "rimoss", "retir", "retrait", "verwijderd", "niet meer", "non è più", "non più", "ya no", "n'est plus", "ne sont plus", "não é mais", "deixa de ser", "not affected", "pas concerné", "nicht betroffen", "no afecta", "non interessat", "niet geraakt",
			"not relevant", "irrelevant", "nicht relevant", "no es relevante", "no relevante", "pas pertinent", "non pertinent", "non rilevante", "niet relevant", "não é relevante", "não relevante",
			"goes away", "disappears", "verschwindet", "desaparece", "disparaît", "scompare", "verdwijnt") || l.ContainsAny(lint.NotApplicablePhrases...) ||
			namesAtLeast(l, name, minMajor, minMinor) && !l.Has(lint.TermUpgradeVerb) && !strings.Contains(l.Text, "→") && !strings.Contains(l.Text, "->") {
			// "19.0 drops Redis 6", "Redis 6 gone in 19.0": the release
			// note itself, not what the instance runs.
			continue
		}
		stated := l.In(lint.TermEnvironment) || l.In(lint.TermArchitecture) || l.Label.Len() > 0
		if l.Kind == lint.KindTableRow && len(l.Cells) >= 2 && strings.EqualFold(strings.Trim(l.Text[l.Cells[0].Start:l.Cells[0].End], " *_`"), name) {
			// "| Redis | 6.0.16 uit de Ubuntu-repository |": the component
			// names the row, its version opens the next cell.
			c := l.Cells[1]
			cell := strings.TrimLeft(l.Text[c.Start:c.End], " *_`")
			if len(cell) > len(name) && strings.EqualFold(cell[:len(name)], name) {
				// "| Redis | Redis 6.2.14 externo na VM redis01 |"
				cell = strings.TrimLeft(cell[len(name):], " *_`")
			}
			num := numberAt(cell)
			if major, minor, ok := majorMinor(num); ok && !atLeast(major, minor, minMajor, minMinor) && found == nil {
				at := c.Start + strings.Index(l.Text[c.Start:c.End], num)
				found, span, have = l, lint.Span{Start: at, End: at + len(num)}, strings.Trim(l.Text[l.Cells[0].Start:l.Cells[0].End], " *_`")+" "+num
			}
			if num != "" {
				continue
			}
			// "| Redis | externe, conteneur redis:6.2.14-alpine (Redis
			// 6.2.14) |": the version stands further in the cell.
		}
		for i, t := range l.Tokens {
			num, at := versionAfterName(l, i, name)
			major, minor, ok := majorMinor(num)
			if !ok {
				continue
			}
			if atLeast(major, minor, minMajor, minMinor) {
				if l.Has(lint.TermUpgradeVerb) || strings.Contains(l.Text, "→") || strings.Contains(l.Text, "->") {
					// "Redis 6.2 → 7.2 before the window": upgraded.
					return nil, lint.Span{}, ""
				}
				continue
			}
			// The first statement, or a later one that decides to keep the
			// version ("redis01 resta su Redis 6.2.14; nessuna modifica").
			keeps := l.ContainsAny("stay", "stays", "remain", "keep", "still on", "continua", "continúa", "unchanged", "no change", "bleibt", "unverändert", "sigue", "se queda", "sin cambios", "reste", "inchangé", "resta", "invariat", "nessuna modifica", "blijft", "ongewijzigd", "permanece", "fica", "sem alteraç", "conservé", "conservée", "tel quel", "telle quelle", "as is", "as-is", "wie bisher", "tal cual", "così com", "zoals het is", "como está")
			// ("conservé tel quel pour cette montée de version": kept
			// through the upgrade.)
			if (found == nil || keeps && !foundKeeps) && (!l.Has(lint.TermUpgradeVerb) || keeps) && (stated || strings.Contains(num, ".")) && !negatedAt(l, i) {
				found, span, have = l, lint.Span{Start: t.Start, End: at + len(num)}, l.Text[t.Start:t.End]+" "+num
				foundKeeps = keeps
			}
		}
	}
	return found, span, have
}

// upgradedTo reports whether the line moves the component to a version at
// the minimum or above, written right after its name: "Redis 6.2 → 7.2",
// "Redis to 7.2", "Redis auf 7.2".
func upgradedTo(l *lint.Line, name string, minMajor, minMinor int) bool {
	for off := 0; ; {
		i := strings.Index(l.Lower[off:], name)
		if i < 0 {
			return false
		}
		rest := l.Lower[off+i+len(name):]
		off += i + len(name)
		rest = strings.TrimLeft(rest, " *`")
		if n := numberAt(rest); n != "" {
			// "Redis 6.2 → 7.2": past the current version to the arrow.
			rest = strings.TrimLeft(rest[len(n):], " *`")
			if !strings.HasPrefix(rest, "→") && !strings.HasPrefix(rest, "->") {
				continue
			}
			rest = strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(rest, "→"), "->"), " *`")
		} else {
			cut := false
			for _, w := range []string{"to ", "auf ", "naar ", "a ", "para ", "vers ", "à "} {
				if strings.HasPrefix(rest, w) {
					rest, cut = strings.TrimLeft(rest[len(w):], " *`"), true
					break
				}
			}
			if !cut {
				continue
			}
		}
		if major, minor, ok := majorMinor(numberAt(rest)); ok && atLeast(major, minor, minMajor, minMinor) {
			return true
		}
	}
}

// otherVersion reports whether a line names a version that does not follow
// the component's name: a GitLab release ("Redis 6 gone in 19.0").
func otherVersion(l *lint.Line, name string) bool {
	for _, v := range l.Versions {
		// ("| Redis | 6.0.16 |": the cell before names the component.)
		before := strings.TrimRight(strings.ToLower(l.Text[:v.Start]), " |*_`:")
		if w := before[strings.LastIndexByte(before, ' ')+1:]; nameQualifier[w] {
			// "Redis OSS **6.2**"
			before = strings.TrimRight(strings.TrimSuffix(before, w), " *_`")
		}
		if !strings.HasSuffix(before, name) {
			return true
		}
	}
	return false
}

// negatedAt reports whether a negation stands in the three tokens before
// token i: "kein externes Redis 6".
func negatedAt(l *lint.Line, i int) bool {
	for _, m := range l.FindAll(lint.TermNeg) {
		if m.Tok < i && i-m.Tok <= 3 && !lint.Contraction(l, m) {
			return true
		}
	}
	return false
}

// numberAt returns the dotted number s starts with ("6.2.14").
func numberAt(s string) string {
	n := 0
	for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == '.' && n > 0 && n+1 < len(s) && s[n+1] >= '0' && s[n+1] <= '9') {
		n++
	}
	return s[:n]
}

// majorMinor reads the first two parts of a dotted number: 6 and 2 of
// "6.2.14"; a missing minor is 0.
func majorMinor(s string) (int, int, bool) {
	parts := strings.SplitN(s, ".", 3)
	major, err := strconv.Atoi(parts[0])
	if err != nil {
		return 0, 0, false
	}
	minor := 0
	if len(parts) > 1 {
		if minor, err = strconv.Atoi(parts[1]); err != nil {
			return 0, 0, false
		}
	}
	return major, minor, true
}

// nestedValue reports whether a line of a YAML block sets a Helm value
// written as "parent.child: value" in nested form: "install: true" under
// "postgresql:".
func nestedValue(d *lint.Document, l *lint.Line, k string) (lint.Span, bool) {
	parent, rest, ok := strings.Cut(k, ".")
	child, value, ok2 := strings.Cut(rest, ": ")
	if !ok || !ok2 || strings.Contains(child, ".") {
		return lint.Span{}, false
	}
	text := l.Text
	if i := strings.Index(text, " #"); i >= 0 {
		text = text[:i]
	}
	trim := strings.TrimSpace(text)
	if trim != child+": "+value && trim != child+": \""+value+"\"" {
		return lint.Span{}, false
	}
	indent := len(text) - len(strings.TrimLeft(text, " "))
	if indent == 0 {
		return lint.Span{}, false
	}
	// The nearest line above with less indentation is the parent key.
	for j := l.Index - 1; j >= 0; j-- {
		o := d.Lines[j]
		if o.Kind != lint.KindCode || o.Num != d.Lines[j+1].Num-1 {
			break
		}
		ot := o.Text
		if strings.TrimSpace(ot) == "" || strings.HasPrefix(strings.TrimSpace(ot), "#") {
			continue
		}
		if oi := len(ot) - len(strings.TrimLeft(ot, " ")); oi < indent {
			if strings.TrimSpace(strings.SplitN(ot, "#", 2)[0]) == parent+":" {
				at := strings.Index(l.Text, child)
				return lint.Span{Start: at, End: at + len(trim)}, true
			}
			return lint.Span{}, false
		}
	}
	return lint.Span{}, false
}

// valueKey reports whether a breaks_on entry carries its value, as Helm
// values do ("postgresql.install: true", "--set redis.install=true"): the
// text itself is the assignment.
func valueKey(k string) bool {
	return strings.Contains(k, ": ") || strings.Contains(k, "=")
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// commentedBefore reports whether a Ruby comment starts earlier on the
// line.
func commentedBefore(s string) bool {
	i := strings.LastIndexByte(s, '#')
	// ("1702:# mattermost_external_url ...": a comment as grep -n
	// prints it.)
	return i >= 0 && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t' || i >= 2 && s[i-1] == ':' && s[i-2] >= '0' && s[i-2] <= '9')
}

// assigns reports whether the text after a setting's name sets it:
// "['enable'] = false" after "grafana[", "({" or " = {" after
// "git_data_dirs", " 'https://...'" after "mattermost_external_url".
func assigns(rest string, indexed bool) bool {
	if indexed {
		// Skip the keys: "['enable']", "['env']['X']".
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return false
		}
		rest = rest[j+1:]
		for strings.HasPrefix(rest, "[") {
			j = strings.IndexByte(rest, ']')
			if j < 0 {
				return false
			}
			rest = rest[j+1:]
		}
	}
	rest = strings.TrimLeft(rest, " \t")
	switch {
	case strings.HasPrefix(rest, "=="):
		return false
	case strings.HasPrefix(rest, "="), strings.HasPrefix(rest, "("):
		return true
	case !indexed && (strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "\"")):
		return true
	}
	return false
}

// settingChanged reports whether a line other than the configuration
// itself changes the setting: "replaced in the 17.11.7 step with
// gitlab_rails['repositories_storages']", "remove the mattermost[...]
// lines".
func settingChanged(d *lint.Document, key string, cfg *lint.Line) bool {
	name := strings.TrimSuffix(key, "[...]")
	for _, l := range d.Lines {
		if l == cfg && cfg.Kind == lint.KindCode || l.In(lint.TermRollback) || l.Cited || !l.Contains(name) {
			// (Prose that shows the setting in code, "has no
			// `git_data_dirs` (we converted ...)", can change it itself.)
			continue
		}
		if removesSetting(l) || l.HasWord(settingChangeWords...) {
			return true
		}
	}
	return false
}

// settingChangeWords say a setting is rewritten in another form.
var settingChangeWords = []string{"replace", "replaced", "replacing", "convert", "converted", "converting", "migrate", "migrated", "move", "moved", "rewrite", "rewritten", "switch", "switched",
	"ersetzen", "ersetzt", "umstellen", "umgestellt", "reemplazar", "reemplazado", "convertir", "convertimos", "remplacer", "remplacé", "convertissons",
	"convertire", "convertiamo", "convertito", "convertita", "sostituire", "sostituito", "sostituiamo", "vervangen", "omzetten", "omgezet", "zetten", "substituir", "substituído", "substituímos", "convertemos", "convertido",
	"sustituir", "sustituimos", "sustituiremos", "sustituido", "reemplazamos", "reemplazaremos", "convertiremos", "remplaçons", "remplacerons", "convertirons", "umstellen", "stellen"}

// removesSetting reports whether a line deletes settings rather than
// setting them: "sed -i '/^grafana/d'". A grep only looks for them.
func removesSetting(l *lint.Line) bool {
	return l.ContainsAny("sed ", "remove", "delete", "comment out", "entfern", "lösch", "elimin", "supprim", "/d'")
}
