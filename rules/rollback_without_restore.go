package rules

import (
	"fmt"
	"strings"

	"github.com/planlint/planlint/lint"
)

// RollbackWithoutRestore finds rollbacks that only reinstall software.
var RollbackWithoutRestore = &lint.Rule{
	ID:       "rollback-without-restore",
	Title:    "the rollback does not both reinstall the old version and restore the backup taken on it",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `An upgrade migrates the database schema. Reinstalling the old package, image or chart
(or ` + "`helm rollback`" + `, or reverting a commit in a GitOps repository) leaves the migrated database
behind, and the old version cannot run on it. GitLab does not support downgrades without a restore:
a rollback needs the backup taken on the old version, restored on that same version and edition,
or the snapshots taken before the upgrade. A backup taken only after the first hop restores on no version
the rollback returns to. A restore kept for an emergency ("as a last resort, restore
the database"), left to the day ("restore the backup if needed") or held until the old version fails
to start is not part of the rollback. Snapshots of the GitLab nodes do not hold an external database
(Amazon RDS, a database server of its own), and a snapshot of the data volume alone leaves the new
version installed.

Fix: after reinstalling the old version, restore the backup taken before the upgrade
(` + "`sudo gitlab-backup restore BACKUP=<id>`" + `) together with gitlab-secrets.json and gitlab.rb, or
revert the snapshots of every node and of an external database.`,
	Run: func(p *lint.Pass) {
		lines := rollbackLines(p.Doc)
		if len(lines) == 0 {
			return
		}
		placeholders := true
		for _, l := range lines {
			if len(l.Placeholders()) == 0 && !(l.LabelIs(lint.TermRollback) && isNone(l.ValueText())) {
				// ("Rückfallplan: folgt" is missing-rollback-plan's.)
				placeholders = false
			}
		}
		if placeholders {
			// "TODO – copy the rollback from last year's change":
			// placeholder-text reports it.
			return
		}
		var resort *lint.Line
		for _, l := range lines {
			if !restoresData(p.Doc, l) {
				continue
			}
			if lastResort(l) || ifNeeded(l) && returnsToOldVersion(p, lines) {
				// ("sudo dnf install gitlab-ee-18.11.11 ..., then
				// Ripristinare il backup se necessario": the old version
				// comes back, the restore is left to the day.)
				if resort == nil || !resort.Has(lint.TermRestoreCmd) && l.Has(lint.TermRestoreCmd) {
					// (The restore command, rather than a summary that
					// speaks of it.)
					resort = l
				}
				continue
			}
			if after := onlyBackupAfterHop(p); after != nil && !reinstallsFirstHop(p, lines) {
				// "We take the backup on Wednesday, after hop 1 has been
				// validated": nothing was saved on the version the
				// rollback returns to.
				at := l
				for _, o := range lines {
					if o.Has(lint.TermRestoreCmd) {
						at = o
						break
					}
				}
				p.ReportLinef(at, "rollback restores the backup taken after the first hop (line %d), on a newer version than the one it reinstalls, and a backup restores only on the version and edition that created it. take a full backup before the first hop and restore that one", after.Num)
				return
			}
			if later := laterBackup(p); later != nil && restoresLatest(l) {
				// "restore BACKUP=<latest checkpoint>" after checkpoints
				// taken on each new version.
				fix := oldVersionFirst(p) + " the backup taken before the first hop"
				if returnsToOldVersion(p, lines) {
					fix = "name the backup taken before the first hop in the restore (\"BACKUP=<id>\"), not the newest one"
				}
				p.ReportLinef(l, "rollback restores the latest backup, but the plan also takes backups after hops (line %d), on newer versions, and a backup restores only on the version and edition that created it. %s", later.Num, fix)
				return
			}
			if db := p.Plan.Database; db != nil && db.External && revertsSnapshot(l) && !l.Has(lint.TermDatabaseWord) && !databaseRestored(lines) {
				// "crear volúmenes desde las instantáneas de EBS" and "La
				// base de datos RDS no se toca": the nodes come back, the
				// external database stays migrated.
				at := l
				for _, o := range lines {
					if o.Has(lint.TermDatabaseWord) && o.Has(lint.TermNeg) {
						at = o
						break
					}
				}
				where := ""
				if db.ExternalLine != nil {
					where = fmt.Sprintf(" (line %d)", db.ExternalLine.Num)
				}
				p.ReportLinef(at, "rollback reverts the snapshots of the GitLab nodes, but the external database%s is not in them and keeps the migrated schema, which the old version cannot run on. restore the database's own snapshot or backup from before the upgrade as well", where)
				return
			}
			if !revertsSnapshot(l) && !returnsToOldVersion(p, sameSite(lines, l)) {
				// "gitlab-backup restore in the running container": the
				// upgraded version refuses a backup of the old one.
				at := l
				if !l.Has(lint.TermRestoreCmd) {
					// "restoring it brings the primary back", then the
					// command: the command is where the restore runs.
					for _, o := range lines {
						if o.Index > l.Index && o.Section == l.Section && o.Has(lint.TermRestoreCmd) {
							at = o
							break
						}
					}
				}
				p.ReportLinef(at, "rollback restores the backup on the upgraded version, but a backup restores only on the version and edition that created it. %s", oldVersionFirst(p))
			}
			return
		}
		msg := "rollback never restores the backup taken before the upgrade. the database schema is already migrated, so the old version cannot run on it: %s"
		if resort != nil {
			// "Como último recurso, restaurar o backup": the old version
			// is already running on the migrated database by then.
			msg = "rollback restores the backup only as a last resort, after the old version is back on the already migrated database schema, which it cannot run on. make the restore part of every rollback: %s"
		}
		if resort == nil {
			// "the database stays as it is, no need to restore the
			// backup": the finding belongs on the restore declined.
			for _, l := range lines {
				for _, m := range l.FindAll(lint.TermRestore) {
					if negatedMatch(l, m) && l.Kind != lint.KindHeading {
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, msg, restoreHint(p))
						return
					}
				}
			}
		}
		at := rollbackHeading(p.Doc)
		if resort != nil {
			// The finding belongs on the restore that is held back.
			at = resort
		}
		if at == nil && p.Plan.Current != nil {
			// A rollback written as "put the old image back": point at
			// the old version.
			for _, l := range lines {
				for _, m := range l.Versions {
					if l.Reverts(p.Plan.Current.Version) && m.Version.Compare(p.Plan.Current.Version) == 0 {
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, msg, restoreHint(p))
						return
					}
				}
			}
		}
		if at == nil {
			at = lines[0]
		}
		if at == resort {
			// On the held-back restore itself, where a paragraph may
			// have it on a later line.
			for _, m := range at.Matches {
				if m.Term == lint.TermRestore || m.Term == lint.TermRestoreCmd {
					p.Reportf(at, lint.Span{Start: m.Start, End: m.End}, msg, restoreHint(p))
					return
				}
			}
		}
		p.ReportLinef(at, msg, restoreHint(p))
	},
}

// lastResort reports whether a restore is held back for an emergency
// ("Im Notfall Point-in-Time-Restore der Azure-Datenbank"): the rollback
// itself then does without it.
func lastResort(l *lint.Line) bool {
	// Only the sentence that says so: "... then gitlab-backup restore
	// BACKUP=<id>. As a last resort, the VMware snapshot" still restores
	// the backup.
	if lint.AnyPhraseSentence(l.Lower, lastResortWords, func(a, b int) bool {
		for _, m := range l.Matches {
			if (m.Term == lint.TermRestore || m.Term == lint.TermRestoreCmd) && m.Start >= a && m.End <= b {
				return true
			}
		}
		return false
	}) {
		return true
	}
	if restoreOnlyIf(l) {
		// "La copia de seguridad solo se restaura si la base de datos
		// estuviera dañada."
		return true
	}
	if restoreIfOldFails(l) {
		// "Se depois disso o GitLab não arrancar, restaurar o backup":
		// the old version runs on the migrated schema first.
		return true
	}

	// (Only a restore command: "Only if the restore itself fails do we
	// revert the snapshot" keeps the restore before it.)
	return lint.AnyPhraseSentence(l.Lower, lint.OnlyIfWords, func(a, b int) bool {
		for _, m := range l.Matches {
			if m.Term == lint.TermRestoreCmd && m.Start >= a && m.End <= b {
				return true
			}
		}
		return false
	})
}

// lastResortWords keep a step for emergencies.
var lastResortWords = []string{"in an emergency", "in case of emergency", "in emergencies", "as a last resort", "last-resort", "only for a real disaster", "only for a disaster", "im notfall", "als letztes mittel", "notfalls",
	"en caso de emergencia", "como último recurso", "en cas d'urgence", "en cas d’urgence", "en dernier recours", "in caso di emergenza", "come ultima risorsa", "em caso de emergência", "in noodgevallen"}

// ifNeeded reports whether every restore on a line is left to the day:
// "Ripristinare il backup se necessario".
func ifNeeded(l *lint.Line) bool {
	found := false
	for _, m := range l.Matches {
		if m.Term != lint.TermRestore && m.Term != lint.TermRestoreCmd || lint.QuestionAt(l.Text, m.End) {
			// ("¿La vuelta atrás restaura el respaldo? | Sí, si ..." asks,
			// then answers.)
			continue
		}
		a, b := lint.SentenceAt(l.Lower, m.Start, m.End)
		if !l.ContainsAnyIn(l.Lower[a:b], ifNeededWords...) && !ifNotEnough(l, a, m.Start) {
			return false
		}
		found = true
	}
	return found
}

// ifNeededWords leave a step to the day: "restore the backup if needed".
var ifNeededWords = []string{"if needed", "if necessary", "if required", "when needed", "as needed", "falls nötig", "falls notwendig", "bei bedarf", "wenn nötig", "si es necesario", "si fuera necesario", "de ser necesario", "si nécessaire", "au besoin", "se necessario", "se serve", "indien nodig", "zo nodig", "se necessário", "caso necessário",
	// A restore kept for when the old version fails: "Si GitLab no arranca,
	// restaurar el respaldo".
	"does not start", "doesn't start", "fails to start", "won't start", "nicht startet", "nicht hochkommt", "no arranca", "no inicia", "ne démarre pas", "non parte", "non riparte", "non si avvia", "does not come back", "doesn't come back", "nicht wieder startet", "no vuelve a arrancar", "ne redémarre pas", "niet meer opstart", "não volta", "não iniciar", "não arrancar", "niet start", "niet opstart"}

// notEnoughWords say a step may not suffice: "si la reinstalación de la
// versión anterior no basta, se restaura el respaldo".
var notEnoughWords = []string{"not enough", "isn't enough", "not sufficient", "insufficient", "nicht ausreicht", "nicht genügt", "no basta", "no es suficiente", "ne suffit pas", "non basta", "non è sufficiente", "não basta", "não for suficiente", "niet volstaat", "niet genoeg"}

// ifNotEnough reports whether the sentence before offset off makes the
// restore wait on an earlier step failing: a condition word, and within a
// few words a "not enough".
func ifNotEnough(l *lint.Line, a, off int) bool {
	for i, t := range l.Tokens {
		if t.Start < a || t.Start >= off {
			continue
		}
		switch t.Word {
		case "if", "wenn", "falls", "si", "se", "als", "indien", "caso":
		default:
			continue
		}
		end := off
		if i+8 < len(l.Tokens) && l.Tokens[i+8].End < end {
			end = l.Tokens[i+8].End
		}
		if l.ContainsAnyIn(l.Lower[t.Start:end], notEnoughWords...) {
			return true
		}
	}
	return false
}

// restoreOnlyIf reports whether a prose restore is made conditional
// around its own word: an "only" word near it and a condition word right
// after the later of the two ("solo se restaura si", "is only restored
// if", "Wiederherstellung erfolgt nur, wenn", "restaura la copia
// únicamente si").
func restoreOnlyIf(l *lint.Line) bool {
	word := func(j int) string {
		if j < 0 || j >= len(l.Tokens) {
			return ""
		}
		return l.Tokens[j].Word
	}
	for _, m := range l.Matches {
		if m.Term != lint.TermRestore {
			continue
		}
		end := m.Tok + m.NTok
		for o := m.Tok - 3; o < end+4 && o < len(l.Tokens); o++ {
			if o >= m.Tok && o < end || !(onlyWords[word(o)] || word(o) == "que" && word(o+1) == "si") {
				continue
			}
			// The condition follows the later of the two words, at once
			// or after a word: "únicamente si", "restaura solo si".
			from := max(o, end-1) + 1
			for j := from; j < from+2 && j < len(l.Tokens); j++ {
				if conditionWords[word(j)] && !breakIn(l, min(o, m.Tok)+1, j+1) {
					return true
				}
			}
		}
	}
	return false
}

var onlyWords = map[string]bool{"only": true, "solo": true, "sólo": true, "solamente": true, "únicamente": true, "nur": true, "seulement": true, "uniquement": true, "apenas": true, "só": true, "alleen": true}

// failsToStartWords say GitLab does not come up: with a negation, the
// condition under which some rollbacks restore the backup.
var failsToStartWords = map[string]bool{"start": true, "starts": true, "come": true, "comes": true, "work": true, "works": true, "starten": true, "startet": true, "läuft": true, "funktioniert": true,
	"arranca": true, "arrancar": true, "inicia": true, "iniciar": true, "funciona": true, "démarre": true, "démarrer": true, "fonctionne": true, "parte": true, "avvia": true, "funziona": true, "start,": true, "werkt": true, "opstart": true}

// restoreIfOldFails reports whether a restore sentence opens with a
// condition that the old version fails to start: "If GitLab does not
// start after that, restore the backup", "Se depois disso o GitLab não
// arrancar, restaurar o backup".
func restoreIfOldFails(l *lint.Line) bool {
	for _, m := range l.Matches {
		if m.Term != lint.TermRestore && m.Term != lint.TermRestoreCmd {
			continue
		}
		a, _ := lint.SentenceAt(l.Lower, m.Start, m.End)
		cond, neg, fails := false, false, false
		for i, t := range l.Tokens {
			if t.Start < a || t.Start >= m.Start {
				continue
			}
			switch {
			case conditionWords[t.Word] && (i == 0 || l.Tokens[i-1].End <= a || cond):
				cond = true
			case t.Word == "not" || t.Word == "não" || t.Word == "no" || t.Word == "nicht" || t.Word == "ne" || t.Word == "non" || t.Word == "niet" || t.Word == "doesn" || t.Word == "won":
				neg = true
			case failsToStartWords[t.Word]:
				fails = true
			}
		}
		if cond && neg && fails {
			return true
		}
	}
	return false
}

var conditionWords = map[string]bool{"if": true, "when": true, "si": true, "wenn": true, "falls": true, "se": true, "als": true, "indien": true, "quando": true, "cuando": true}

// revertsSnapshot reports whether a rollback line reverts snapshots, which
// bring back the old version along with the data.
func revertsSnapshot(l *lint.Line) bool {
	switch snapshotRevertCmd(l) {
	case "zfs rollback", "lvconvert --merge":
		// (A volume's snapshot: the data volume may come back while the
		// system disk keeps the new version.)
		return false
	case "":
		return l.Has(lint.TermSnapshot) && !l.Has(lint.TermRestoreCmd)
	}
	return true
}

// databaseRestored reports whether a rollback line restores the database:
// a backup restore, or a restore that names the database.
func databaseRestored(lines []*lint.Line) bool {
	for _, l := range lines {
		if l.Has(lint.TermRestoreCmd) || l.Has(lint.TermRestore) && (l.Has(lint.TermDatabaseWord) || l.ContainsAny("rds", "point in time", "point-in-time", "pitr", "pg_restore")) && !negated(l, lint.TermRestore) {
			return true
		}
	}
	return false
}

// returnsToOldVersion reports whether the rollback goes back to the old
// version before restoring: a reinstall or downgrade, the old image or
// chart, or a version older than the target.
func returnsToOldVersion(p *lint.Pass, lines []*lint.Line) bool {
	tgt := p.Plan.Target
	for _, l := range lines {
		if snapshotRevertCmd(l) != "" {
			// ("zfs rollback tank/data@pre-upgrade-18.2.8" names the
			// snapshot, not a version it installs; revertsSnapshot judges
			// a whole machine's snapshot.)
			continue
		}
		if m, ok := l.Find(lint.TermReinstall); ok && !negatedMatch(l, m) {
			return true
		}
		if l.Contains("allow-downgrades") || l.Contains("oldpackage") {
			return true
		}
		if l.Has(lint.TermPkgInstall) && l.ContainsAny("gitlab-ee=<", "gitlab-ce=<", "gitlab-ee-<", "gitlab-ce-<") {
			// "sudo apt-get install gitlab-ce=<version at the start of
			// the window>-ce.0" in a rollback reinstalls the old version
			// of each window.
			return true
		}
		if l.IsCommand() && l.Contains("helm") && l.Contains("--version <") && l.ContainsAny("previous", "précédent", "vorherig", "anterior", "precedente", "vorige", "old", "alt") {
			// "helm upgrade ... --version <chart précédent>": the chart of
			// the version before.
			return true
		}
		if l.IsCommand() && l.Contains("helm") && l.HasWord("rollback") && !negatedMatchAt(l, l.IndexOf("rollback")) {
			// ("We do not run `helm rollback`, because ..." says why not.)
			// "helm -n gitlab rollback gitlab <revision>" goes back to
			// the release the revision deployed.
			return true
		}
		if cur := p.Plan.Current; cur != nil && cur.Version.HasPatch && strings.Contains(l.Text, cur.Version.String()) {
			// "oc apply -f gitlab-cr-17.8.7.yaml": the old version, named
			// in a file.
			return true
		}
		for _, v := range l.Versions {
			if cur := p.Plan.Current; cur != nil && !v.Version.HasPatch && v.Version.CompareMinor(cur.Version) < 0 {
				// ("the smoke tests in 5.5 fail": a section number, older
				// than anything the instance ran; a chart such as 9.6.5
				// keeps its patch.)
				continue
			}
			if tgt == nil || v.Version.CompareMinor(tgt.Version) < 0 || p.Plan.Current != nil && v.Version.Matches(p.Plan.Current.Version) {
				return true
			}
		}
	}
	return false
}

// oldVersionFirst says how to go back to the old version before the
// restore, in the terms of the install method.
func oldVersionFirst(p *lint.Pass) string {
	cur := "<version>"
	if c := p.Plan.Current; c != nil && c.Version.HasPatch {
		cur = c.Version.String()
	}
	ed := planEdition(p, "ee")
	switch method(p.Plan) {
	case "docker":
		return "start the " + cur + " image first (\"gitlab/gitlab-" + ed + ":" + cur + "-" + ed + ".0\") on the saved configuration volume, then restore"
	case "helm", "operator":
		return "roll the release back to the chart of " + cur + " first, then restore with \"backup-utility --restore\" and the saved rails secret"
	case "source":
		return "check out and build " + cur + " first, with the saved config/secrets.yml, then restore"
	}
	return "reinstall " + cur + " first (for example \"" + installCommand(packageTool(p, nil), ed, cur) + "\" after removing the new package), put back gitlab-secrets.json and gitlab.rb, reconfigure, then restore"
}

// restoreHint says how to roll back with the backup, in the terms of the
// install method.
func restoreHint(p *lint.Pass) string {
	switch method(p.Plan) {
	case "docker":
		return "run the old image again on the saved configuration volume, then restore the backup inside it (\"docker exec -it gitlab gitlab-backup restore BACKUP=<id>\"), or revert the volume snapshots"
	case "helm", "operator":
		return "roll back to the old chart, then restore the backup with \"backup-utility --restore -t <id>\" and the saved rails secret, or revert the volume snapshots"
	case "source":
		return "check out the old version again with its config/secrets.yml, then restore the backup (\"bundle exec rake gitlab:backup:restore BACKUP=<id>\"), or revert the snapshots"
	}
	return "after reinstalling the old version, restore that backup (\"sudo gitlab-backup restore BACKUP=<id>\") with gitlab-secrets.json and gitlab.rb, or revert the snapshots"
}

// restoresLatest reports whether a restore takes whatever backup is
// newest: "BACKUP=<latest checkpoint>", "the most recent backup".
func restoresLatest(l *lint.Line) bool {
	if l.IsCommand() && l.Contains("ls -t") && l.ContainsAny("head -1", "head -n1", "head -n 1") {
		// "BACKUP=$(ls -t /var/opt/gitlab/backups/ | head -1 | ...)".
		return true
	}
	return l.ContainsAny("latest checkpoint", "last checkpoint", "latest backup", "last backup", "most recent backup", "newest backup", "neueste sicherung", "letzte sicherung", "último backup", "dernière sauvegarde")
}

// onlyBackupAfterHop returns the line of the plan's full backup when
// every full backup is said to be taken after the first hop ("after hop
// 1 has been validated"), or nil.
func onlyBackupAfterHop(p *lint.Pass) *lint.Line {
	if backupAfterFirstHop(p, sharedBackups.Get(p)) != nil {
		// Every full backup comes after the first install step
		// (missing-backup's reading). Name the backup command when
		// there is one, not a sentence about the package's own dump.
		var at *lint.Line
		for _, b := range sharedBackups.Get(p) {
			if (b.Kind == backupFull || b.Kind == backupSnapshot) && !b.Line.In(lint.TermRollback) {
				if at == nil {
					at = b.Line
				}
				if b.Line.Has(lint.TermBackupCmd) && !codeComment(b.Line) {
					return b.Line
				}
			}
		}
		return at
	}
	var at *lint.Line
	for _, b := range sharedBackups.Get(p) {
		l := b.Line
		if b.Kind != backupFull || l.In(lint.TermRollback) && !l.In(lint.TermBackup) {
			continue
		}
		said := false
		for _, o := range l.Section.Lines {
			// (The backup's own section, or the lines just above it.)
			near := l.Section.Is(lint.TermBackup) || o.Index >= l.Index-3
			if o.Index <= l.Index && near && o.ContainsAny("after hop 1", "after the first hop", "after hop one", "nach hop 1", "nach dem ersten hop", "después del primer salto", "après le premier saut") {
				said = true
			}
		}
		if !said {
			return nil
		}
		if at == nil {
			at = l
		}
	}
	return at
}

// laterBackup returns a full backup the plan takes on a newer version:
// after the first install step, in a routine run before every hop ("###
// Before every hop (including the first)"), or said to follow each hop
// ("after each hop ... another full gitlab-backup create as a
// checkpoint"), or nil.
func laterBackup(p *lint.Pass) *lint.Line {
	first := firstInstallStep(p.Plan)
	if first == nil {
		return nil
	}
	for _, b := range sharedBackups.Get(p) {
		l := b.Line
		if b.Kind != backupFull || l.In(lint.TermRollback) && !l.In(lint.TermBackup) || l.LabelIs(lint.TermRollback) {
			continue
		}
		if l.Index > first.Line.Index || sectionSays(l.Section) || l.ContainsAny("after each hop", "after every hop", "after each step", "checkpoint", "nach jedem", "después de cada", "après chaque") {
			return l
		}
	}
	return nil
}

// sameSite returns the rollback lines that can bring the old version back
// where l restores: under a heading of one Geo site ("### Primary"), the
// other site's reinstall ("### Secondary": apt-get install
// gitlab-ee=18.5.7-ee.0) does not count.
func sameSite(lines []*lint.Line, l *lint.Line) []*lint.Line {
	site := ""
	if l.Section != nil && l.Section.Heading != nil {
		site = geoSiteOf(l.Section.Heading)
	}
	if site == "" {
		return lines
	}
	var out []*lint.Line
	for _, o := range lines {
		if o.Section != nil && o.Section.Heading != nil {
			if s := geoSiteOf(o.Section.Heading); s != "" && s != site {
				continue
			}
		}
		if (o.Has(lint.TermRestoreCmd) || o.Has(lint.TermBackup)) && !o.Has(lint.TermPkgInstall) && !o.Has(lint.TermReinstall) {
			// "gitlab-backup restore BACKUP=pre-upgrade-18.5.7", "the
			// backup archive holds the data of 18.5.7": the backup's
			// version, not the software's.
			continue
		}
		out = append(out, o)
	}
	return out
}

// reinstallsFirstHop reports whether the rollback names the version the
// first hop installs ("reinstalar o GitLab 17.8.7 (a versão do
// snapshot)"): a backup taken after that hop restores there, and
// missing-backup already says nothing leads back to the start.
func reinstallsFirstHop(p *lint.Pass, lines []*lint.Line) bool {
	h := firstInstallStep(p.Plan)
	if h == nil {
		return false
	}
	for _, l := range lines {
		for _, v := range l.Versions {
			if v.Version.Matches(h.Version) && v.Version.HasPatch {
				return true
			}
		}
	}
	return false
}
