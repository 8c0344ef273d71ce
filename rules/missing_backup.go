package rules

import (
	"github.com/planlint/planlint/lint"
)

// MissingBackup finds plans that take no full backup before the change.
var MissingBackup = &lint.Rule{
	ID:       "missing-backup",
	Title:    "the plan takes no full backup or snapshot before the upgrade",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `Without a backup taken on the old version there is no way back: a rollback needs a backup
made on the exact version and edition you return to. The database backup the Linux package takes by
itself before an upgrade covers the database only, and a ` + "`gitlab-backup create`" + ` that skips the
database or the repositories cannot restore the instance.

The rule accepts ` + "`gitlab-backup create`" + ` (or the rake task, or the Helm ` + "`backup-utility`" + `), snapshots of
the servers or volumes, or a backup section that describes one.

A full backup taken only after the first hop has the same problem: it holds the new version's data,
which the old version cannot restore.

Fix: add a step before the first hop: "sudo gitlab-backup create", plus copies of
` + "`/etc/gitlab/gitlab-secrets.json`" + ` and ` + "`/etc/gitlab/gitlab.rb`" + `, or snapshots of every node.`,
	Run: func(p *lint.Pass) {
		bs := sharedBackups.Get(p)
		var partial, auto *backupLine
		var vague, routine *lint.Line
		for i := range bs {
			if bs[i].Kind == backupPartial {
				partial = &bs[i]
				break
			}
		}
		for i := range bs {
			switch bs[i].Kind {
			case backupFull, backupSnapshot:
				if (bs[i].Prose || fromCron(bs[i].Line)) && routineBackupOnly(bs[i].Line) {
					// "We have nightly backups." names the backups that
					// run anyway, not one of the version that runs now.
					if routine == nil {
						routine = bs[i].Line
					}
					continue
				}
				if bs[i].Prose && vagueBackup(bs[i].Line) {
					// "Backup: as usual via our backup system" says neither
					// what is backed up nor how.
					if vague == nil {
						vague = bs[i].Line
					}
					continue
				}
				if bs[i].Prose && partial != nil {
					// Words about the backup do not make the one command
					// that skips the repositories a full backup.
					continue
				}
				if hop := backupAfterFirstHop(p, bs); hop != nil {
					b := firstFull(bs)
					at := lint.Span{Start: 0, End: len(b.Text)}
					if l, sp, ok := afterFirstHopPhrase(p.Doc, bs); ok && l == b {
						// (On the wrapped line of the words that put the
						// backup after the hop.)
						at = sp
					}
					p.Reportf(b, at, "the full backup is taken after the upgrade to %s (line %d), so there is no backup of the version the instance runs now and the rollback has nothing to restore. take the full backup before the first hop; the package's automatic database dump does not replace it", quote(hop.Version.String()), hop.Line.Num)
				}
				return
			case backupPartial:
				if partial == nil {
					partial = &bs[i]
				}
			case backupAuto:
				if auto == nil {
					auto = &bs[i]
				}
			}
		}
		switch {
		case partial != nil:
			p.ReportLinef(partial.Line, "backup leaves out %s, so it cannot restore the instance. take a full backup before the upgrade (\"sudo gitlab-backup create\" without skipping the database or the repositories) or snapshots of every server", partial.Skipped)
		case routine != nil:
			p.ReportLinef(routine, "the plan names only the routine backups, not one taken right before the upgrade on the version the instance runs. take a full backup before the first hop (\"sudo gitlab-backup create\" plus copies of gitlab-secrets.json and gitlab.rb) or snapshots of every node")
		case vague != nil:
			p.ReportLinef(vague, "backup is only described as the usual one, which does not say whether it is full. take a full backup before the upgrade (\"sudo gitlab-backup create\" plus copies of gitlab-secrets.json and gitlab.rb) or snapshots of every node, and say so")
		case auto != nil:
			p.ReportLinef(auto.Line, "the package's automatic pre-upgrade backup covers only the database. take a full backup before the upgrade (\"sudo gitlab-backup create\" plus /etc/gitlab) or snapshots of the servers")
		default:
			p.ReportDocumentf("plan takes no backup before the upgrade. add a full backup (\"sudo gitlab-backup create\" plus copies of gitlab-secrets.json and gitlab.rb) or snapshots of every node before the first hop")
		}
	},
}

// vagueBackup reports whether a backup line only says a backup happens as
// always, without naming a full backup or a snapshot.
func vagueBackup(l *lint.Line) bool {
	for _, w := range []string{"as usual", "as always", "the usual", "our backup system", "our backup tool", "wie üblich", "wie immer", "como siempre", "como de costumbre", "comme d'habitude", "comme toujours"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// firstFull returns the first full backup or snapshot line.
func firstFull(bs []backupLine) *lint.Line {
	for _, b := range bs {
		if b.Kind == backupFull || b.Kind == backupSnapshot {
			return b.Line
		}
	}
	return nil
}

// backupAfterFirstHop returns the install a runbook's only full backups
// follow: every full backup or snapshot comes later in the procedure than
// the first hop's install, and none is said to come before it. It returns
// nil when a backup precedes the first hop or the order is not the
// runbook's ("## Backup (before hop 1)" placed at the end).
func backupAfterFirstHop(p *lint.Pass, bs []backupLine) *lint.Hop {
	first := firstInstallStep(p.Plan)
	if first == nil || !first.Line.In(lint.TermProcedure) {
		return nil
	}
	full, after := 0, 0
	for _, b := range bs {
		if b.Kind != backupFull && b.Kind != backupSnapshot || b.Line.In(lint.TermRollback) {
			// (A backup of the failed state in the rollback is not the
			// one taken before the upgrade.)
			continue
		}
		full++
		l := b.Line
		if saysAfterFirstHop(p.Doc, l) {
			// "o backup completo é feito logo depois do primeiro salto, já
			// na 17.8.7": the plan says so, wherever the section stands.
			after++
			continue
		}
		if saysBefore(l) || l.Section.Heading != nil && saysBefore(l.Section.Heading) || namesCurrent(p, l) {
			return nil
		}
		if after == 0 && (l.Index < first.Line.Index || !l.In(lint.TermProcedure)) {
			return nil
		}
	}
	if full == 0 {
		return nil
	}
	return first
}

// afterFirstHopWords place a step after the first hop.
var afterFirstHopWords = []string{"after the first hop", "after the first step", "after hop 1", "nach dem ersten sprung", "nach dem ersten schritt", "nach sprung 1", "después del primer salto", "después del primer paso", "après le premier saut", "après le premier palier",
	"dopo il primo salto", "dopo il primo passo", "depois do primeiro salto", "depois do primeiro passo", "após o primeiro salto", "na de eerste sprong", "na de eerste stap", "na hop 1"}

// afterFirstHopPhrase finds the words that place a full backup after
// the first hop, and the line they are on.
func afterFirstHopPhrase(d *lint.Document, bs []backupLine) (*lint.Line, lint.Span, bool) {
	for _, b := range bs {
		if b.Kind != backupFull && b.Kind != backupSnapshot {
			continue
		}
		if l, sp, ok := afterFirstHopAt(d, b.Line); ok {
			return l, sp, true
		}
	}
	return nil, lint.Span{}, false
}

// saysAfterFirstHop reports whether a backup line, or the prose that
// leads into its command, takes the backup after the first hop.
func saysAfterFirstHop(d *lint.Document, l *lint.Line) bool {
	_, _, ok := afterFirstHopAt(d, l)
	return ok
}

// afterFirstHopAt returns the line that places l after the first hop
// (l itself, or the step that leads into its code), and where it says so.
func afterFirstHopAt(d *lint.Document, l *lint.Line) (*lint.Line, lint.Span, bool) {
	o := l
	if l.Kind == lint.KindCode {
		if o = leadInOf(d, l); o == l || o.Section != l.Section {
			return nil, lint.Span{}, false
		}
	}
	for _, w := range afterFirstHopWords {
		if j := o.IndexOf(w); j >= 0 {
			return o, lint.Span{Start: j, End: j + len(w)}, true
		}
	}
	return nil, lint.Span{}, false
}

// saysBefore reports whether a line places something before the upgrade
// as a whole: "Backup (before hop 1)", "vor dem Upgrade". ("Right before
// the real hop" does not: it may be the second.)
func saysBefore(l *lint.Line) bool {
	for _, w := range []string{"before the upgrade", "before upgrading", "before the first", "before hop 1", "before step 1", "before we start", "before starting", "before anything", "before the change", "before the window",
		"prior to the upgrade", "prior to upgrading", "beforehand", "vor dem upgrade", "vor der aktualisierung", "vor dem ersten", "vorher", "antes de la actualización", "antes de actualizar", "antes del primer", "avant la mise à jour", "avant le premier"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// namesCurrent reports whether a line names the version the instance runs
// now: "Full backup on 17.5.5".
func namesCurrent(p *lint.Pass, l *lint.Line) bool {
	for _, c := range p.Plan.CurrentClaims {
		for _, v := range l.Versions {
			if v.Version.Compare(c.Version) == 0 {
				return true
			}
		}
	}
	return false
}
