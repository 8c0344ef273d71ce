package rules

import (
	"strconv"
	"strings"

	"github.com/planlint/planlint/lint"
)

// GeoOrder checks the order and checks of a Geo upgrade.
var GeoOrder = &lint.Rule{
	ID:       "geo-order",
	Title:    "a Geo upgrade out of order, without synced secrets, or without a Geo check",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `A Geo deployment is upgraded primary first: every node of the primary site, then each
secondary site. ` + "`/etc/gitlab/gitlab-secrets.json`" + ` must be identical on the primary and the secondaries
(and on every node of a site) before the secondaries start on the new version, or they cannot decrypt
what the primary writes. Afterwards ` + "`sudo gitlab-rake gitlab:geo:check`" + ` on both sites and the Geo
dashboard show that replication works again. A plan that pauses replication on a secondary
(` + "`gitlab-ctl geo-replication-pause`" + `) must resume it once that site runs the new version.

Fix: upgrade the primary first, copy gitlab-secrets.json from the primary to every secondary node,
resume any paused replication, and run gitlab:geo:check on both sites after the upgrade.`,
	Run: func(p *lint.Pass) {
		pl := p.Plan
		if pl.Topology == nil || pl.Topology.Value != "geo" {
			return
		}
		// The order is judged within each section (one per hop in most
		// runbooks), so a later hop that starts with a secondary is
		// found; across the plan as a whole when no section has both.
		var primary, secondary *lint.Line
		var names map[string]string
		type pair struct{ primary, secondary *lint.Line }
		bySection := map[*lint.Section]*pair{}
		var sections []*lint.Section
		for _, l := range p.Doc.Lines {
			if l.In(lint.TermRollback) || !(inSteps(l) || l.Kind == lint.KindHeading && l.Has(lint.TermUpgradeVerb)) || l.Kind == lint.KindHeading && l.Section.IsTitle {
				// The title names both sites without upgrading either.
				continue
			}
			if l.Contains("replica") && l.ContainsAny("pause", "resume", "pausier", "fortsetz", "pausar", "reanudar", "retomar", "suspend", "reprendre", "riprend", "sospend", "pauzeer", "hervat") {
				// "`sudo gitlab-ctl geo-replication-pause` on dub-gl-01"
				// pauses the secondary before the primary's upgrade.
				continue
			}
			if l.Kind == lint.KindHeading && (l.Has(lint.TermBBM) || l.Has(lint.TermMigrations)) {
				// "### 7.1 Background migration check (primary, before
				// the upgrade)" checks the primary; it upgrades nothing.
				continue
			}
			if aboutStaging(l) || l.In(lint.TermStaging) && !l.In(lint.TermProcedure) {
				// "Staging rehearsal: the staging Geo pair ... upgraded
				// along the path above" orders no production site.
				continue
			}
			// The steps of a section headed by a site ("### Phase 2 —
			// primary ams") upgrade that site.
			inherited := ""
			if l.Kind != lint.KindHeading && l.Section.Heading != nil {
				inherited = geoSiteOf(l.Section.Heading)
			}
			// "Then the primary: same package, reconfigure, restart"
			// repeats the install of the step before.
			repeats := l.ContainsAny("same package", "same steps", "same procedure", "same commands", "likewise", "das gleiche paket", "dasselbe paket", "mismo paquete", "mismos pasos", "même paquet", "mêmes étapes")
			if !(l.Kind == lint.KindHeading || lint.StepLead(l) || upgradeVerbInProse(l) || l.Has(lint.TermPkgInstall) || repeats || inherited != "" && l.Item && !stopsOnly(l) || l.Item && installsInCodeAfter(p.Doc, l)) {
				continue
			}
			site, siteAt := geoSiteAt(l)
			if l.Kind != lint.KindHeading {
				// "Rotterdam first, as a canary: ... then we continue
				// with the primary", with "Secondary 2: git-rotterdam...
				// (Rotterdam)" in the architecture.
				if names == nil {
					names = geoSiteNames(p.Doc)
				}
				if named, at := namedSite(l, names); named != "" && (site == "" || at < siteAt) {
					site = named
				}
			}
			if site == "" || inherited != "" && site != inherited && (l.Contains("geo_"+site) || !l.Has(lint.TermPkgInstall) && (namesSite(l, inherited) || l.Has(lint.TermSecretsJSON))) {
				// "geo_secondary['auto_migrate']" is a setting name; under
				// "Upgrade the secondary site", "gitlab-secrets.json on
				// the secondary is identical to the primary's" compares
				// the two and upgrades the secondary.
				site = inherited
			}
			if site == "" {
				continue
			}
			sp := bySection[l.Section]
			if sp == nil {
				sp = &pair{}
				bySection[l.Section] = sp
				sections = append(sections, l.Section)
			}
			switch site {
			case "primary":
				if primary == nil {
					primary = l
				}
				if sp.primary == nil {
					sp.primary = l
				}
			case "secondary":
				if secondary == nil {
					secondary = l
				}
				if sp.secondary == nil {
					sp.secondary = l
				}
			}
		}
		reported := false
		if l := secondaryFirst(p.Doc); l != nil {
			// "We do the DR site first": the plan says so outright.
			p.ReportLinef(l, "the plan upgrades the Geo secondary first. upgrade every node of the primary site first, then each secondary site")
			reported = true
		}
		for _, sec := range sections {
			if reported {
				break
			}
			sp := bySection[sec]
			if sp.primary != nil && sp.secondary != nil && sp.secondary.Index < sp.primary.Index {
				p.ReportLinef(sp.secondary, "the Geo secondary is upgraded before the primary (line %d). upgrade every node of the primary site first, then each secondary site", sp.primary.Num)
				reported = true
				break
			}
		}
		if !reported && primary != nil && secondary != nil && secondary.Index < primary.Index {
			p.ReportLinef(secondary, "the Geo secondary is upgraded before the primary (line %d). upgrade every node of the primary site first, then each secondary site", primary.Num)
		}
		synced := false
		checked := false
		// The Geo check counts after the first upgrade step, outside the
		// rollback: a check in the pre-checks shows nothing about the
		// upgraded sites.
		firstInstall := -1
		if h := firstInstallStep(p.Plan); h != nil {
			firstInstall = h.Line.Index
		}
		var primaryOnly, declined *lint.Line
		for _, l := range p.Doc.Lines {
			conditionalCopy := l.ContainsAny("if not", "otherwise", "si no", "sinon", "wenn nicht", "falls nicht", "sonst", "se não", "se no", "zo niet", "anders")
			declines := l.Has(lint.TermSecretsJSON) && !l.In(lint.TermRollback) && (declinesCopy(l) && !conditionalCopy || l.ContainsAny("keeps its own", "keep their own", "own copy", "behält seine eigene", "eigene kopie", "conserva su propio", "mantiene su propio", "garde son propre",
				"mantém o seu próprio", "seu próprio", "mantiene il proprio", "il proprio", "houdt zijn eigen", "eigen bestand"))
			if declined == nil && (declines || l.Has(lint.TermSecretsJSON) && !l.In(lint.TermRollback) && l.Has(lint.TermNeg) && !conditionalCopy && !copiedAcross(l)) {
				// "each site keeps its own gitlab-secrets.json; we do not
				// copy files between sites"
				declined = l
			}
			if declines && !l.Contains("identical") {
				// (A line that declines the copy does not make the files
				// identical, whatever sites it names.)
				continue
			}
			// "identical", "compare", "from the primary" say it outright;
			// "every node" or a copy to other hosts only outside backups.
			backupish := l.In(lint.TermBackup) || l.Has(lint.TermBackupEtc) || l.In(lint.TermRollback)
			strong := l.ContainsAny("identical", "same", "identisch", "vergleich", "gleich", "idéntic", "comparar", "identique", "comparer", "identic", "confront", "identiek", "vergeleken", "vergelijk", "idêntic") || l.HasWord("sync", "synced", "synchronised", "synchronized", "synchronisiert") || l.Contains("compare") || l.Contains("from the primary")
			weak := namesSite(l, "secondary") || copiedAcross(l) || l.Contains("every node") || l.Contains("all nodes")
			if l.Has(lint.TermSecretsJSON) && (strong || weak && !backupish) && !(pastYearNamed(l, p.Today.Year()) && !copiedAcross(l)) {
				// ("were made identical when the secondary was set up in
				// 2024" is history: the file can change in an upgrade.)
				synced = true
			}
			if l.Contains("geo:check") || l.Contains("geo check") {
				if firstInstall >= 0 && (l.Index < firstInstall || l.In(lint.TermRollback)) {
					continue
				}
				if geoSiteOf(l) == "primary" && !namesSite(l, "secondary") && !l.HasWord("both", "all", "each", "every", "beiden", "allen", "ambos", "todos", "deux", "tous") {
					if primaryOnly == nil {
						primaryOnly = l
					}
					continue
				}
				checked = true
			}
		}
		if !checked && primaryOnly != nil {
			p.ReportLinef(primaryOnly, "after the upgrade, \"sudo gitlab-rake gitlab:geo:check\" runs on the primary only. run it on every secondary site too, and check the Geo dashboard")
			checked = true
		}
		at := secondary
		if at == nil {
			at = primary
		}
		if !synced {
			if declined != nil {
				at = declined
			}
			if at != nil {
				p.ReportLinef(at, "plan does not make gitlab-secrets.json identical on the Geo sites. copy it from the primary to every secondary node before the secondaries start on the new version")
			} else {
				p.ReportDocumentf("plan does not make gitlab-secrets.json identical on the Geo sites. copy it from the primary to every secondary node before the secondaries start on the new version")
			}
		}
		if !checked {
			if at != nil {
				p.ReportLinef(at, "plan does not run \"sudo gitlab-rake gitlab:geo:check\" after the upgrade. run it on the primary and every secondary site, and check the Geo dashboard")
			} else {
				p.ReportDocumentf("plan does not run \"sudo gitlab-rake gitlab:geo:check\" after the upgrade. run it on the primary and every secondary site, and check the Geo dashboard")
			}
		}
		if paused := replicationPaused(p.Doc); paused != nil {
			p.ReportLinef(paused, "replication is paused here but the plan never resumes it. once the secondary runs the new version, run \"sudo gitlab-ctl geo-replication-resume\" on it, then restart Puma and Sidekiq there")
		}
	},
}

// replicationPaused returns the line that pauses Geo replication when no
// line resumes it.
func replicationPaused(d *lint.Document) *lint.Line {
	var paused *lint.Line
	for _, l := range d.Lines {
		if l.In(lint.TermRollback) {
			continue
		}
		switch {
		case l.ContainsAny("replication-resume", "resume replication", "resume the replication", "replication resume", "replikation fortsetzen", "reanudar la replicación", "reanudar replicación", "reprendre la réplication", "riprendere la replica", "retomar a replicação", "replicatie hervatten", "hervat de replicatie"):
			return nil
		case paused == nil && l.ContainsAny("replication-pause", "pause replication", "pause the replication", "replikation pausieren", "pausar la replicación", "mettre en pause la réplication", "sospendere la replica", "mettiamo in pausa la replica", "pausar a replicação", "replicatie pauzeren"):
			paused = l
		}
	}
	return paused
}

// secondaryFirst returns a step of the procedure that says the secondary
// site goes first: "We do the DR site first", "start with the secondary".
func secondaryFirst(d *lint.Document) *lint.Line {
	for _, l := range d.Lines {
		if !inSteps(l) || l.In(lint.TermRollback) || l.In(lint.TermStaging) || l.Kind == lint.KindCode {
			continue
		}
		if l.ContainsAny("pause", "replication", "backup", "snapshot", "check", "stop", "maintenance", "broadcast", "banner") {
			// "Pause replication on the secondary first" prepares the
			// primary's upgrade.
			continue
		}
		at := -1
		for _, site := range geoSiteWords {
			if site.name == "secondary" {
				if i := l.IndexOf(site.word); i >= 0 && (at < 0 || i < at) {
					at = i
				}
			}
		}
		if at < 0 || negatedBefore(l, at) {
			// ("We do not upgrade the secondary first"; but "prima il
			// secondario ..., senza toccare il primario" negates what
			// follows.)
			continue
		}
		after := l.Lower[at:]
		if end := strings.IndexAny(after, ".;:"); end >= 0 {
			after = after[:end]
		}
		// ("Nous commençons par le site secondaire", but not "primaire
		// d'abord, puis chaque secondaire".)
		lead := l.Lower[max(0, at-30) : at+1]
		primaryNamed := false
		for _, site := range geoSiteWords {
			if site.name == "primary" && strings.Contains(lead, site.word) {
				primaryNamed = true
			}
		}
		// A word that opens the order reaches further back than one that
		// follows the site it puts first ("primaire d'abord, puis chaque
		// secondaire").
		if len(after) <= 40 && strings.Contains(after, " first") || orderOpener(l.Lower[max(0, at-16):at+1]) || !primaryNamed && l.ContainsAnyIn(lead, "commençons par", "commencer par", "commence par", "start with", "starting with", "begin with", "beginnen mit", "empezamos por", "empezar por", "beginnen met", "começamos por", "começar por", "iniziamo con", "cominciamo con") {
			return l
		}
	}
	return nil
}

// installsInCodeAfter reports whether the code block right after a list
// item installs the package: "2. **First the secondary site**" over
// "sudo apt-get install gitlab-ee=...".
func installsInCodeAfter(d *lint.Document, l *lint.Line) bool {
	for i := l.Index + 1; i < len(d.Lines) && d.Lines[i].Kind == lint.KindCode && d.Lines[i].Section == l.Section; i++ {
		if d.Lines[i].Has(lint.TermPkgInstall) || d.Lines[i].Has(lint.TermDockerPull) {
			return true
		}
	}
	return false
}

// upgradeVerbInProse reports whether a line says "upgrade" outside code:
// "copy /etc/gitlab to `/root/pre-upgrade-20261219/`" names a directory.
func upgradeVerbInProse(l *lint.Line) bool {
	for _, m := range l.FindAll(lint.TermUpgradeVerb) {
		if !l.InCode(m.Start) {
			return true
		}
	}
	return false
}

// copiedAcross reports whether a line copies a file from one host to
// others: "Copy gitlab-secrets.json from gl-cph-01 to gl-aar-01 and
// gl-sin-01", "scp ... gl-aar-01:/etc/gitlab/".
func copiedAcross(l *lint.Line) bool {
	low := l.Lower
	if l.In(lint.TermBackup) || l.Contains("backup") || l.In(lint.TermRollback) {
		// Copies kept next to the backup are not copies to the sites.
		return false
	}
	copyVerb := l.ContainsAny("copy", "scp ", "rsync", "kopier", "kopiër", "kopieer", "copiar", "copier", "copiare", "copiamo", "copiamos")
	fromTo := false
	for _, p := range [][2]string{{" from ", " to "}, {" von ", " nach "}, {" von ", " auf "}, {" de ", " a "}, {" de ", " para "}, {" de ", " vers "}, {" de ", " sur "}, {" da ", " a "}, {" van ", " naar "}} {
		if i := l.IndexOf(p[0]); i >= 0 && strings.Contains(low[i:], p[1]) {
			fromTo = true
		}
	}
	return copyVerb && (fromTo || l.Contains("scp ") || l.Contains("rsync")) && !l.Has(lint.TermNeg)
}

// geoSiteOf tells which Geo site a step upgrades: the first site it names
// that is not only a reference point ("after the primary is done, upgrade
// the secondary"; "upgrade the secondary first, then continue with the
// primary").
func geoSiteOf(l *lint.Line) string {
	site, _ := geoSiteAt(l)
	return site
}

// geoSiteAt is geoSiteOf with the offset of the site's word.
func geoSiteAt(l *lint.Line) (string, int) {
	low := l.Lower
	best, at := "", len(low)
	for _, site := range geoSiteWords {
		for off := 0; ; {
			i := strings.Index(low[off:], site.word)
			if i < 0 {
				break
			}
			i += off
			if !relationBefore(low[:i]) {
				if i < at {
					best, at = site.name, i
				}
				break
			}
			off = i + len(site.word)
		}
	}
	return best, at
}

// geoSiteNames maps the names a plan gives its Geo sites ("Rotterdam",
// "git-rotterdam") to the site's role, from the lines that describe each
// site: "**Secondary 2:** git-rotterdam.example.com (Rotterdam)". A word
// that several sites share (the company's domain) names none of them.
func geoSiteNames(d *lint.Document) map[string]string {
	out := map[string]string{}
	shared := map[string]bool{}
	for _, l := range d.Lines {
		if l.Kind == lint.KindCode || l.Label.Len() == 0 || !(l.In(lint.TermArchitecture) || l.In(lint.TermEnvironment)) {
			continue
		}
		role := ""
		label := l.Lower[l.Label.Start:l.Label.End]
		for _, site := range geoSiteWords {
			if strings.Contains(label, site.word) {
				role = site.name
				break
			}
		}
		if role == "" {
			continue
		}
		for _, t := range l.Tokens {
			if t.Start < l.Value.Start || len(t.Word) < 4 || isNumber(t.Word) || geoSiteOfWord(t.Word) != "" {
				continue
			}
			if r, ok := out[t.Word]; ok && r != role {
				shared[t.Word] = true
			}
			out[t.Word] = role
		}
	}
	for w := range shared {
		delete(out, w)
	}
	return out
}

// geoSiteOfWord returns the role a word names by itself, or "".
func geoSiteOfWord(w string) string {
	for _, site := range geoSiteWords {
		if strings.Contains(w, site.word) {
			return site.name
		}
	}
	return ""
}

// namedSite returns the role of the first site name on the line and where
// it stands, or "".
func namedSite(l *lint.Line, names map[string]string) (string, int) {
	for _, t := range l.Tokens {
		if r, ok := names[t.Word]; ok {
			return r, t.Start
		}
	}
	return "", 0
}

// geoSiteWords name the Geo sites, in English, German, Spanish, French, Italian,
// Portuguese and Dutch.
var geoSiteWords = []struct{ word, name string }{
	{"primary", "primary"}, {"primär", "primary"}, {"primari", "primary"}, {"primári", "primary"}, {"primaire", "primary"}, {"primair", "primary"},
	{"secondar", "secondary"}, {"sekundär", "secondary"}, {"secundari", "secondary"}, {"secundári", "secondary"}, {"secondaire", "secondary"}, {"secundair", "secondary"},
	{"dr site", "secondary"}, {"disaster recovery site", "secondary"},
}

// namesSite reports whether a line names a Geo site at all, as a
// reference point or not.
func namesSite(l *lint.Line, name string) bool {
	for _, site := range geoSiteWords {
		if site.name == name && l.Contains(site.word) {
			return true
		}
	}
	return false
}

// pastYearNamed reports whether a line names a year before this one:
// "made identical when the secondary was set up in 2024".
func pastYearNamed(l *lint.Line, year int) bool {
	for _, t := range l.Tokens {
		if len(t.Word) == 4 && t.Word[0] == '2' && t.Word[1] == '0' {
			if y, err := strconv.Atoi(t.Word); err == nil && y < year && y >= 2000 {
				return true
			}
		}
	}
	return false
}

// negatedBefore reports whether a negation stands before offset at,
// outside brackets: "we do not upgrade the secondary first", but not
// "Aggiornare prima il sito secondario di Roma" with "(meno rischioso,
// nessun utente lavora lì)" or "senza toccare il primario" around it.
func negatedBefore(l *lint.Line, at int) bool {
	for _, m := range l.FindAll(lint.TermNeg) {
		before := l.Text[:m.Start]
		if m.End <= at && strings.Count(before, "(") <= strings.Count(before, ")") {
			return true
		}
	}
	return false
}
