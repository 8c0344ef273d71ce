package rules

import (
	"slices"
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/lint"
)

// This file holds readings of a plan that several rules share. Each is
// computed from the document on demand; rules keep no state.

// commandText returns the logical command that starts at code line l:
// lines joined while they end with a backslash continuation.
func commandText(d *lint.Document, l *lint.Line) string {
	if l.Kind != lint.KindCode {
		return l.Lower
	}
	var b strings.Builder
	b.WriteString(l.Lower)
	for i := l.Index; i+1 < len(d.Lines); i++ {
		cur := d.Lines[i]
		if cur.Kind != lint.KindCode || !strings.HasSuffix(strings.TrimRight(cur.Text, " \t"), "\\") {
			break
		}
		next := d.Lines[i+1]
		if next.Kind != lint.KindCode {
			break
		}
		b.WriteByte(' ')
		b.WriteString(next.Lower)
	}
	return b.String()
}

// continuation reports whether code line l continues the previous line.
func continuation(d *lint.Document, l *lint.Line) bool {
	if l.Kind != lint.KindCode || l.Index == 0 {
		return false
	}
	prev := d.Lines[l.Index-1]
	return prev.Kind == lint.KindCode && strings.HasSuffix(strings.TrimRight(prev.Text, " \t"), "\\")
}

// negated reports whether the line's first match of t is negated.
func negated(l *lint.Line, t lint.Term) bool {
	m, ok := l.Find(t)
	if !ok {
		return false
	}
	return negatedMatch(l, m)
}

// declinedBackupCmd reports whether a line names the backup command only
// to say it is not run: "no gitlab-backup create", "Pas de sauvegarde
// complète (`gitlab-backup`)".
func declinedBackupCmd(l *lint.Line) bool {
	return negated(l, lint.TermBackupCmd) || negatedBeforeParen(l, lint.TermBackupCmd, lint.TermBackup)
}

// negatedBeforeParen reports whether term t stands in parentheses right
// after a negated noun of term noun, which it names.
func negatedBeforeParen(l *lint.Line, t, noun lint.Term) bool {
	m, ok := l.Find(t)
	if !ok {
		return false
	}
	open := strings.LastIndexByte(l.Text[:m.Start], '(')
	if open < 0 || strings.Contains(l.Text[open:m.Start], ")") {
		return false
	}
	for _, b := range l.FindAll(noun) {
		if b.End <= open && open-b.End <= 16 && negatedMatch(l, b) {
			return true
		}
	}
	return false
}

// checkedNegation reports whether a negation is what a check looks for
// ("check that no migrations remain", "comprobar que no quedan
// migraciones", "ensure there are none pending"), not a negated step.
func checkedNegation(l *lint.Line, n lint.Match) bool {
	for _, c := range l.FindAll(lint.TermCheckVerb) {
		end := c.Tok + c.NTok
		if end <= n.Tok && n.Tok-end <= 3 && !breakIn(l, end, n.Tok+1) {
			return true
		}
	}
	return false
}

// declinesDatabaseBackup reports whether a line says the database needs
// no backup: a negated backup in a sentence that names the database.
func declinesDatabaseBackup(l *lint.Line) bool {
	if !l.Has(lint.TermDatabaseWord) {
		return false
	}
	for _, t := range []lint.Term{lint.TermBackup, lint.TermAutoBackup} {
		for _, m := range l.FindAll(t) {
			if !negatedMatch(l, m) {
				continue
			}
			a, b := lint.SentenceAt(l.Lower, m.Start, m.End)
			for _, db := range l.FindAll(lint.TermDatabaseWord) {
				if db.Start >= a && db.End <= b {
					return true
				}
			}
		}
	}
	return false
}

// negatedMatch reports whether a negation word stands shortly before the
// match in the same clause, or right after it ("backup: none").
func negatedMatch(l *lint.Line, m lint.Match) bool {
	for _, n := range l.FindAll(lint.TermNeg) {
		if n.Tok < m.Tok && m.Tok-(n.Tok+n.NTok) <= 4 && !breakIn(l, n.Tok+n.NTok, m.Tok+1) && !checkedNegation(l, n) {
			return true
		}
		if n.Tok >= m.Tok+m.NTok && n.Tok-(m.Tok+m.NTok) <= 1 && !strings.Contains(l.Text[m.End:n.Start], "→") && !strings.Contains(l.Text[m.End:n.Start], "->") {
			// ("BBM UI → no failures" states the expected result.)
			return true
		}
	}
	return false
}

func breakIn(l *lint.Line, a, b int) bool {
	for i := a; i < b && i < len(l.Tokens); i++ {
		if l.Tokens[i].Break {
			return true
		}
	}
	return false
}

// backupKind says what a backup statement backs up.
type backupKind int

const (
	backupFull backupKind = iota + 1
	backupSnapshot
	backupPartial
	backupAuto
)

type backupLine struct {
	Line *lint.Line
	Kind backupKind
	// Skipped names what a partial backup leaves out.
	Skipped string
	// Prose is true for a backup only described in words ("the backup
	// of them takes most of a day").
	Prose bool
}

// sharedBackups holds backups of the plan: several rules read them.
var sharedBackups = &lint.Shared[[]backupLine]{Compute: func(p *lint.Pass) []backupLine { return backups(p.Doc) }}

// otherToolSection reports whether a line stands under a heading about
// another tool of the same runbook ("## 2. Jenkins et Nexus (rappel)"):
// its snapshots and backups are not GitLab's.
func otherToolSection(l *lint.Line) bool {
	h := l.Section.Heading
	return h != nil && namesOtherTool(h) && !h.HasWord("gitlab")
}

// otherTools are the tools a runbook may maintain beside GitLab.
var otherTools = []string{"jenkins", "nexus", "jira", "confluence", "sonarqube", "artifactory", "keycloak", "bitbucket", "teamcity", "bamboo", "mysql", "mariadb"}

// namesOtherTool reports whether a line names one of the other tools, or
// a host named after one ("nexus01", "jenkins-ci"). A Jenkinsfile is the
// pipeline that may run the upgrade itself.
func namesOtherTool(l *lint.Line) bool {
	for _, t := range l.Tokens {
		if t.Word == "jenkinsfile" {
			continue
		}
		for _, tool := range otherTools {
			if strings.HasPrefix(t.Word, tool) {
				return true
			}
		}
	}
	return false
}

// otherToolHosts reports whether the text that leads into a command says
// it runs on other tools' hosts: "On the build agents, nexus01 and
// jenkins01 we apply the errata".
func otherToolHosts(d *lint.Document, l *lint.Line) bool {
	if otherToolSection(l) {
		return true
	}
	for i := l.Index - 1; i >= 0 && i >= l.Index-6; i-- {
		prev := d.Lines[i]
		if prev.Section != l.Section || prev.Kind == lint.KindHeading {
			return false
		}
		if prev.Kind == lint.KindCode {
			continue
		}
		return namesOtherTool(prev)
	}
	return false
}

// backupInRollback reports whether the plan's backup step points to the
// rollback section, where the backup is written out: "3. Backup (see
// Backout plan, "what we keep")".
func backupInRollback(d *lint.Document) bool {
	for _, l := range d.Lines {
		if !l.In(lint.TermRollback) && l.Has(lint.TermBackup) && l.Has(lint.TermRollback) && l.HasWord("see", "siehe", "ver", "véase", "voir", "vedi", "zie", "veja", "cf") {
			return true
		}
	}
	return false
}

// backups finds the lines that take a backup before the change: backup
// commands, snapshots, and the content of backup sections. Restores in the
// rollback plan are not backups.
func backups(d *lint.Document) []backupLine {
	var out []backupLine
	seeRollback := backupInRollback(d)
	for _, l := range d.Lines {
		if l.Kind == lint.KindHeading || l.Kind == lint.KindFrontMatter || l.Kind != lint.KindCode && strings.HasSuffix(strings.TrimSpace(l.Text), "?") {
			// ("**D9. Come viene fatto il backup?**" asks; the answer
			// below it says.)
			continue
		}
		if l.In(lint.TermRollback) && !l.In(lint.TermBackup) && !(seeRollback && (l.Has(lint.TermBackupCmd) || l.Has(lint.TermBackupEtc) || l.Has(lint.TermSnapshot))) {
			continue
		}
		if l.In(lint.TermRisk) || l.In(lint.TermChangelog) || l.In(lint.TermContact) || l.LabelIs(lint.TermContact) || l.In(lint.TermStaging) || otherToolSection(l) {
			continue
		}
		restoreOnly := (l.Has(lint.TermRestore) || l.Has(lint.TermRestoreCmd)) && !l.Has(lint.TermBackupCmd) && !l.Has(lint.TermBackupEtc)
		if l.Contains("--restore") || restoreOnly && !l.In(lint.TermBackup) {
			continue
		}
		cmd := commandText(d, l)
		switch {
		case l.Has(lint.TermSnapshot) && declinesDatabaseBackup(l):
			// "snapshots of rails-1, rails-2 and sidekiq-1 ... The database
			// does not need its own backup": the data is in neither.
			out = append(out, backupLine{Line: l, Kind: backupPartial, Skipped: "the database"})
			continue
		case slices.ContainsFunc(l.FindAll(lint.TermAutoBackup), func(m lint.Match) bool { return !negatedMatch(l, m) }):
			// ("The database does not need its own backup" relies on no
			// automatic backup.)
			if !l.Has(lint.TermBackupCmd) || declinedBackupCmd(l) || l.ContainsAny("rely on", "instead", "rather than", "so we use", "statt", "stattdessen", "en lugar", "en vez", "au lieu") {
				// ("a full gitlab-backup create takes 9 hours, so we rely
				// on the database backup the package takes")
				out = append(out, backupLine{Line: l, Kind: backupAuto})
				continue
			}
		case l.Has(lint.TermBackupCmd) && !restoreOnly:
			if declinedBackupCmd(l) && l.Kind != lint.KindCode {
				continue
			}
			if sk := skippedData(cmd); sk != "" {
				out = append(out, backupLine{Line: l, Kind: backupPartial, Skipped: sk})
				continue
			}
			out = append(out, backupLine{Line: l, Kind: backupFull})
			continue
		}
		if l.Kind == lint.KindCode {
			continue
		}
		if m, ok := l.Find(lint.TermSnapshot); ok && !negatedMatch(l, m) && !restoreOnly && !notUsedAfter(l, m) && !lint.QuestionAt(l.Text, m.End) {
			// ("Snapshot de la VM en plus ? Non : ..." asks, and answers
			// no.)
			if databaseOnly(l) {
				// "Our backup is the RDS snapshot; the repositories ...
				// we do not back up": the database alone.
				out = append(out, backupLine{Line: l, Kind: backupPartial, Skipped: "the repositories"})
				continue
			}
			out = append(out, backupLine{Line: l, Kind: backupSnapshot})
			continue
		}
		if m, ok := l.Find(lint.TermBackup); ok && !negatedMatch(l, m) && !restoreOnly && !configBackupOnly(l) {
			if l.In(lint.TermBackup) || l.In(lint.TermPrereq) || l.In(lint.TermProcedure) || l.LabelIs(lint.TermBackup) || l.Section.Heading == nil {
				out = append(out, backupLine{Line: l, Kind: backupFull, Prose: true})
			}
		}
	}
	return out
}

// routineBackupOnly reports whether a line only speaks of the backups
// that run anyway ("We have nightly backups."), not of one taken before
// the upgrade.
func routineBackupOnly(l *lint.Line) bool {
	if fromCron(l) && !l.Has(lint.TermUpgradeVerb) && !l.Has(lint.TermSnapshot) && !l.In(lint.TermProcedure) && l.Kind != lint.KindCode {
		// "`gitlab-backup create` se lanza desde cron": the backups
		// that run anyway, at whatever time the schedule says.
		return true
	}
	if l.Has(lint.TermBackupCmd) || l.Has(lint.TermSnapshot) || l.Has(lint.TermUpgradeVerb) || len(l.Tokens) > 14 {
		return false
	}
	return l.HasWord("nightly", "daily", "weekly", "regular", "scheduled", "nächtlich", "nächtliche", "nächtlichen", "täglich", "tägliche", "täglichen", "wöchentlich", "diario", "diarios", "diaria", "diarias", "nocturno", "nocturnos", "quotidien", "quotidienne", "quotidiennes", "nocturne", "nocturnes", "dagelijks", "dagelijkse", "nachtelijke", "diária", "diárias", "giornaliero", "giornalieri", "notturno")
}

// fromCron reports whether a line says a job runs from cron.
func fromCron(l *lint.Line) bool {
	return l.HasWord("cron", "crontab", "cronjob")
}

// configBackupOnly reports whether every backup word of a line is part of
// "gitlab-ctl backup-etc", which copies the configuration only: "Friday:
// `sudo gitlab-ctl backup-etc` on all 3 servers".
func configBackupOnly(l *lint.Line) bool {
	etc := l.FindAll(lint.TermBackupEtc)
	if len(etc) == 0 {
		return false
	}
	for _, m := range l.FindAll(lint.TermBackup) {
		inside := false
		for _, e := range etc {
			if m.Start >= e.Start && m.End <= e.End {
				inside = true
			}
		}
		if !inside {
			return false
		}
	}
	return true
}

// databaseOnly reports whether a snapshot line covers only the database
// and says the repositories are left out.
func databaseOnly(l *lint.Line) bool {
	db := l.Contains("rds") || l.Contains("cloud sql") || l.Contains("database snapshot") || l.Contains("db snapshot")
	if !db || !l.Contains("repositor") {
		return false
	}
	for _, w := range []string{"not back", "do not back", "don't back", "not backed", "not included", "no backup of", "left out", "leave out", "not touched"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// skippedData returns what a "gitlab-backup create SKIP=..." leaves out
// that makes it useless for a rollback: the database or repositories.
// Several backup commands together leave out only what each of them
// skips: "create SKIP=repositories" beside "create SKIP=db,..." for the
// repositories misses nothing.
func skippedData(cmd string) string {
	parts := strings.Split(cmd, "gitlab-backup create")
	if len(parts) > 1 {
		parts = parts[1:]
	}
	db, repos := true, true
	for _, part := range parts {
		skipsDB, skipsRepos := false, false
		if i := strings.Index(part, "skip="); i >= 0 {
			list := part[i+5:]
			if j := strings.IndexAny(list, " \t\"'`"); j >= 0 {
				list = list[:j]
			}
			for _, item := range strings.Split(list, ",") {
				switch strings.TrimSpace(item) {
				case "db":
					skipsDB = true
				case "repositories":
					skipsRepos = true
				}
			}
		}
		db = db && skipsDB
		repos = repos && skipsRepos
	}
	var missing []string
	if db {
		missing = append(missing, "the database")
	}
	if repos {
		missing = append(missing, "the repositories")
	}
	return strings.Join(missing, " and ")
}

// rollbackLines returns the content lines of the rollback plan: lines in
// rollback sections or under a rollback label, and prose that says what
// to do if the upgrade fails.
func rollbackLines(d *lint.Document) []*lint.Line {
	var out []*lint.Line
	for _, l := range d.Lines {
		if l.Kind == lint.KindHeading || l.Kind == lint.KindFrontMatter || l.Cited {
			// (Support's quoted words are not the plan's rollback.)
			continue
		}
		if l.In(lint.TermRollback) {
			// (A quoted question is a reviewer's, not a step: "> Ana:
			// Shouldn't we restore the backup as part of this?")
			if !referenceOnly(l) && !(l.Quote && strings.Contains(l.Text, "?")) {
				out = append(out, l)
			}
			continue
		}
		// "If hop 2 fails, roll back: ...", but not "let me know if
		// anything is missing besides the rollback".
		conditional := l.Has(lint.TermConditional) && l.HasWord("fail", "fails", "failed", "failure", "fehlschlägt", "scheitert", "falla", "falla", "échoue", "problem", "problems", "broken", "error", "errors")
		// In the backup section, "the secrets the restore needs" says
		// what the backup is for, not how to roll back.
		forBackup := l.In(lint.TermBackup) && !conditional && !l.Has(lint.TermReinstall)
		// "Restore of the full backup on staging took 1 h 40 min." reports
		// a rehearsal wherever it stands.
		rehearsal := l.Has(lint.TermStaging) && (l.Has(lint.TermDone) || l.Has(lint.TermTimeUnit)) && !conditional
		if l.Has(lint.TermRollback) && (l.Has(lint.TermRestore) || l.Has(lint.TermReinstall) || conditional) && !l.In(lint.TermRisk) && !l.In(lint.TermStaging) && !forBackup && !rehearsal && !inLinkOnly(l, lint.TermRollback) {
			out = append(out, l)
			continue
		}
		if cur := d.Plan.Current; cur != nil && l.Reverts(cur.Version) && !l.In(lint.TermRisk) && !(l.In(lint.TermStaging) && !l.In(lint.TermProcedure)) || l.FailureBranch() && !l.In(lint.TermRisk) && !l.In(lint.TermStaging) && !escalatesOnly(l) {
			out = append(out, l)
		}
	}
	return out
}

// inLinkOnly reports whether every mention of a term on a line is part of
// a link: "https://docs.gitlab.com/charts/backup-restore/restore/" in a
// list of references restores nothing.
func inLinkOnly(l *lint.Line, t lint.Term) bool {
	ms := l.FindAll(t)
	for _, m := range ms {
		if !l.InLink(m.Start) {
			return false
		}
	}
	return len(ms) > 0
}

// escalatesOnly reports whether a failure branch only asks for help ("If
// a hop fails we will collect logs and open a ticket with GitLab
// Support") without going back to anything.
func escalatesOnly(l *lint.Line) bool {
	return !l.Has(lint.TermRollback) && !l.Has(lint.TermRestore) && !l.Has(lint.TermReinstall) && !l.Has(lint.TermPkgInstall) &&
		!l.Has(lint.TermSnapshot) && len(l.Versions) == 0
}

// referenceOnly reports whether a line only points to another document
// ("Siehe Wiki: https://wiki.example/Rueckfallplan") instead of giving
// steps.
func referenceOnly(l *lint.Line) bool {
	if l.IsCommand() || l.Has(lint.TermRestore) || l.Has(lint.TermReinstall) || l.Has(lint.TermPkgInstall) {
		return false
	}
	link := len(l.Links) > 0 || l.Contains("http://") || l.Contains("https://")
	return link && l.HasWord("see", "siehe", "voir", "ver", "véase", "refer", "wiki", "confluence", "sharepoint", "runbook", "document", "link")
}

// rollbackReference returns a rollback line that only points elsewhere.
func rollbackReference(d *lint.Document) *lint.Line {
	for _, l := range d.Lines {
		if l.In(lint.TermRollback) && l.Kind != lint.KindHeading && referenceOnly(l) {
			return l
		}
	}
	return nil
}

// rollbackHeading returns the first heading of a rollback section.
func rollbackHeading(d *lint.Document) *lint.Line {
	var title *lint.Line
	for _, s := range d.Sections {
		if s.Heading != nil && s.Names(lint.TermRollback) {
			if s.IsTitle {
				// "Upgrade and rollback plan" names both; a section of
				// its own is where the rollback is.
				title = s.Heading
				continue
			}
			return s.Heading
		}
	}
	return title
}

// restoresData reports whether a rollback line restores the data backup
// or snapshot, rather than only reinstalling software.
func restoresData(d *lint.Document, l *lint.Line) bool {
	if l.Has(lint.TermRestoreCmd) {
		return true
	}
	cmd := commandText(d, l)
	if strings.Contains(cmd, "backup-utility") && strings.Contains(cmd, "--restore") {
		return true
	}
	if snapshotRevertCmd(l) != "" {
		// "zfs rollback -r tank/vm-104-disk-1@pre-upgrade", "qm rollback
		// 104 pre-upgrade": a snapshot put back by the storage's tool.
		return true
	}
	if gitalyOnly(l) || configOnly(l) {
		// "Restore the Gitaly PVC from the VolumeSnapshot": the
		// repositories come back, the database stays migrated.
		return false
	}
	if m, ok := l.Find(lint.TermRestore); ok && !negatedMatch(l, m) && !restoreWaived(l, m) {
		if l.Has(lint.TermBackup) || l.Has(lint.TermSnapshot) || l.Has(lint.TermBackupCmd) ||
			l.Contains("database") || l.Contains("pg_restore") || l.Contains("dump") ||
			l.Contains("backup=") || l.Contains("datenbank") || l.Contains("base de datos") ||
			l.Contains("données") || l.Contains("daten") || l.Contains("vm") || l.Contains("volume") ||
			// "Restore qf-gitlab-db to point in time T0": a database
			// restore by the managed service.
			l.Contains("point in time") || l.Contains("point-in-time") {
			return true
		}
	}
	for _, m := range l.FindAll(lint.TermSnapshot) {
		if negatedMatch(l, m) {
			continue
		}
		// In the snapshot's own sentence: "helm rollback ... . The RDS
		// snapshot is kept for 30 days" reverts nothing.
		start, end := lint.SentenceAt(l.Lower, m.Start, m.End)
		for _, w := range []string{"revert", "roll back", "rollback", "restore", "reset", "zurück", "revertir", "restaura", "apply", "boot from", "return to", "ripristin", "herstel", "terugzet"} {
			if strings.Contains(l.Lower[start:end], w) {
				return true
			}
		}
	}
	return false
}

// gitalyOnly reports whether a line restores only Gitaly's storage (its
// volume, PVC or disk), which holds the repositories and no database.
func gitalyOnly(l *lint.Line) bool {
	return l.Contains("gitaly") && l.ContainsAny("pvc", "volume", "disk", "snapshot") && !l.ContainsAny(databaseNouns...) &&
		!l.ContainsAny("all ", "every", "alle ", "todos", "tous", "toutes", "each", "jede", "cada", "tutti", "and the", "und die", "y el", "e o ", "et la", "et le")
}

// databaseNouns name the database in a restore.
var databaseNouns = []string{"database", "postgres", "datenbank", "banco", "base de datos", "base de données", "base di dati", " db"}

// snapshotRevertCmd returns the command on a line that puts a snapshot
// back, or "".
func snapshotRevertCmd(l *lint.Line) string {
	if l.Kind != lint.KindCode && len(l.Code) == 0 {
		return ""
	}
	for _, c := range []string{"zfs rollback", "qm rollback", "pct rollback", "lvconvert --merge", "virsh snapshot-revert", "restore-vmsnapshot", "restore-vmcheckpoint", "snapshot.revert", "vboxmanage snapshot"} {
		if l.Contains(c) {
			return c
		}
	}
	return ""
}

// configOnly reports whether a line restores only the configuration
// ("Restaurar /etc/gitlab de cada nodo desde /respaldo/etc-<host>/"): the
// settings come back, the database stays migrated.
func configOnly(l *lint.Line) bool {
	return l.ContainsAny("/etc/gitlab", "gitlab.rb", "gitlab-secrets.json") && !l.ContainsAny(databaseNouns...) &&
		!l.ContainsAny("dump", "snapshot", "gitlab-backup", "backup=", "données", "daten ", "datos", "dados", "dati ", "vm")
}

// restoreWaived reports whether the sentence of a restore word says the
// restore is not done: "a restore from the backup is not needed", "no
// need to restore", "without restoring".
func restoreWaived(l *lint.Line, m lint.Match) bool {
	start, end := lint.SentenceAt(l.Lower, m.Start, m.End)
	before, after := l.Lower[start:m.Start], l.Lower[m.End:end]
	// (Only the words right before it: "If no errors occur, restore"
	// restores.)
	before = " " + before[max(0, len(before)-14):]
	return containsAnyOf(after, "not needed", "not required", "not necessary", "unnecessary", "nicht nötig", "nicht notwendig", "no es necesari", "no hace falta", "pas nécessaire", "pas besoin") ||
		strings.HasSuffix(before, " no need to ") || strings.HasSuffix(before, " no ") || containsAnyOf(before, " without ", " ohne ", " sin ", " sans ")
}

// firstInstallStep returns the first command that installs a hop: not a
// path listed in a summary or table, not the rollback, not a heading or a
// comment that only names the hop ("Hop 1: chart 8.8.7"). It is nil when
// the plan has no such command.
func firstInstallStep(pl *lint.Plan) *lint.Hop {
	for i := range pl.Installs {
		h := &pl.Installs[i]
		if pl.Current != nil && h.Version.Compare(pl.Current.Version) == 0 {
			// Installing the version the instance already runs (on a
			// new server, or again) is not an upgrade step.
			continue
		}
		if !h.Listed && !h.Line.In(lint.TermRollback) && installsHere(h.Line) {
			if pullOnly(h.Line) && laterInstall(pl, i) {
				// "J-1: docker pull gitlab/gitlab-ee:19.2.4-ee.0" fetches
				// the image; the hop is the later deploy of it.
				continue
			}
			return h
		}
	}
	return nil
}

// laterInstall reports whether an install step after p.Installs[i]
// installs the same version with more than a pull.
func laterInstall(p *lint.Plan, i int) bool {
	h := p.Installs[i]
	for _, o := range p.Installs[i+1:] {
		if !o.Listed && o.Line.Index > h.Line.Index && o.Version.Matches(h.Version) && !pullOnly(o.Line) {
			return true
		}
	}
	return false
}

// installsHere reports whether a line is a command that installs a
// release: a package install, an image pull or tag, a chart upgrade.
func installsHere(l *lint.Line) bool {
	if !l.IsCommand() || l.Kind == lint.KindHeading || strings.HasPrefix(strings.TrimSpace(l.Text), "#") {
		return false
	}
	return l.Has(lint.TermPkgInstall) || l.Has(lint.TermDockerPull) || l.Has(lint.TermHelmUpgrade) || l.Contains("image:")
}

// firstHopLine returns the line index of the first install step, or -1.
func firstHopLine(p *lint.Plan) int {
	first := -1
	for _, h := range p.Installs {
		if first < 0 || h.Line.Index < first {
			first = h.Line.Index
		}
	}
	return first
}

// stepOccurrence returns, for each hop, the line of its first install that
// is a step or a command rather than a path listing; listings count when
// there is nothing else.
//
// An image pulled ahead of time ("Vorbereitung: Images vorab ziehen",
// "docker pull ...:18.5.7-ce.0") is not the hop when a later step puts
// that image in place.
func stepOccurrence(p *lint.Plan, v glversion.Version) *lint.Line {
	var listed, pulled, prose *lint.Line
	for _, h := range p.Installs {
		if !h.Version.Matches(v) || h.Version.CompareMinor(v) != 0 {
			continue
		}
		if !h.Listed {
			if pullOnly(h.Line) || codeComment(h.Line) {
				// ("# 2. Salto 1: 17.3.7 -> 17.5.5" heads the commands
				// of the hop in the block.)
				if pulled == nil {
					pulled = h.Line
				}
				continue
			}
			if !h.Version.HasPatch && !installsHere(h.Line) {
				// "Un seul saut (18.3 → 18.4, ...)": a minor named in
				// prose; the step that installs its patch comes later.
				if prose == nil {
					prose = h.Line
				}
				continue
			}
			return h.Line
		}
		if listed == nil {
			listed = h.Line
		}
	}
	if prose != nil {
		return prose
	}
	if pulled != nil {
		return pulled
	}
	return listed
}

// codeComment reports whether a line of a code block is a shell comment.
func codeComment(l *lint.Line) bool {
	return l.Kind == lint.KindCode && strings.HasPrefix(strings.TrimSpace(l.Text), "#")
}

// pullOnly reports whether a command only downloads an image or a
// package: "docker pull gitlab/gitlab-ce:18.5.7-ce.0" with nothing that
// starts it, "dnf download gitlab-ee-...".
func pullOnly(l *lint.Line) bool {
	if l.IsCommand() && l.ContainsAny("dnf download", "yumdownloader", "apt-get download", "apt download", "--downloadonly", "--download-only", "zypper download", "zypper install --download-only") {
		// "dnf download gitlab-ee-18.8.11-ee.0.el9" the day before fetches
		// the package; the hop is the later install.
		return true
	}
	return l.Kind == lint.KindCode && l.Contains("docker pull") && !l.ContainsAny(" up", " run", "&&", ";", "service update", "stack deploy")
}

// hasStepInstalls reports whether any install comes from a step or command.
func hasStepInstalls(p *lint.Plan) bool {
	for _, h := range p.Installs {
		if !h.Listed {
			return true
		}
	}
	return false
}

// components returns the distinct components the plan names.
func components(p *lint.Plan) int {
	n := 0
	for name := range p.Components {
		switch name {
		case "load-balancer", "object-storage", "monitoring", "nfs", "s3", "minio", "toolbox":
			continue
		}
		n++
	}
	return n
}

func method(p *lint.Plan) string {
	if p.InstallMethod == nil {
		return ""
	}
	return p.InstallMethod.Value
}

// quote formats a user value for a message: double-quoted, shortened.
func quote(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return strings.ReplaceAll(`"`+strings.ReplaceAll(s, `"`, `'`)+`"`, "\n", " ")
}

// notUsedAfter reports whether the clause after a match says it is not
// done: "VMware snapshot of gitlab-prd01 is **not** used", "a snapshot
// will not be taken".
func notUsedAfter(l *lint.Line, m lint.Match) bool {
	end := l.Tokens[m.Tok+m.NTok-1].End
	return l.SaysAfter(end, 50, "not used", "not be used", "not taken", "not be taken", "not allowed", "not possible", "not an option",
		"nicht verwendet", "nicht möglich", "no se usa", "no se utiliza", "no es posible", "pas utilisé", "pas possible")
}

// containsAnyOf reports whether s contains one of the words.
func containsAnyOf(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// inSteps reports whether a line is one of the upgrade steps: in the
// procedure, or in the section of one numbered window of a programme
// ("## Finestra 2 — sabato 23 gennaio 2027").
func inSteps(l *lint.Line) bool {
	return l.In(lint.TermProcedure) || l.Section != nil && l.Section.NumberedWindow()
}

// negationNear reports whether a negation stands at most before words
// before offset start, or at most after words after offset end, in the
// same clause: "aucune clé `grafana[...]`", "no `git_data_dirs`", "16.2:
// not needed", but not "**16.2, Redis 7:** Redis is not restarted", which
// negates something else.
func negationNear(l *lint.Line, start, end, before, after int) bool {
	words := func(a, b int) int {
		n := 0
		for _, t := range l.Tokens {
			if t.Start >= a && t.Start < b {
				n++
			}
		}
		return n
	}
	for _, m := range l.FindAll(lint.TermNeg) {
		switch {
		case m.End <= start:
			if !strings.ContainsAny(l.Text[m.End:start], ".,;:") && words(m.End, start) <= before {
				return true
			}
		case m.Start >= end && after > 0:
			// ("16.2: not needed": the label's colon leads to its answer.)
			gap := strings.TrimPrefix(strings.TrimLeft(l.Text[end:m.Start], " *_"), ":")
			if !strings.ContainsAny(gap, ".,;:") && words(end, m.Start) <= after {
				return true
			}
		}
	}
	return false
}
