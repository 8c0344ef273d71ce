package rules

import (
	"slices"
	"strings"

	"github.com/planlint/planlint/lint"
)

// BackupMissingSecrets finds backups that leave out the secrets and
// configuration a restore needs.
var BackupMissingSecrets = &lint.Rule{
	ID:       "backup-missing-secrets",
	Title:    "the backup leaves out the secrets and configuration a restore needs",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `` + "`gitlab-backup create`" + ` does not include configuration or secrets. Without
` + "`gitlab-secrets.json`" + ` a restored database cannot decrypt two-factor secrets, CI/CD variables or runner
tokens, and the file can change during an upgrade. What to keep besides the backup depends on the
install method:

- Linux package: ` + "`/etc/gitlab/gitlab-secrets.json`" + ` and ` + "`/etc/gitlab/gitlab.rb`" + ` (or all of ` + "`/etc/gitlab`" + `,
  for example with ` + "`sudo gitlab-ctl backup-etc`" + `);
- Docker: the configuration volume (for example ` + "`/srv/gitlab/config`" + `);
- Helm chart and Operator: the rails secret (` + "`<release>-rails-secret`" + `);
- source installs: ` + "`config/secrets.yml`" + ` (and ` + "`gitlab.yml`" + `).

A snapshot of a whole server or VM holds its configuration and counts; Kubernetes volume snapshots
do not hold Kubernetes secrets.

Fix: add a step that copies those files next to the backup, before the first hop.`,
	Run: func(p *lint.Pass) {
		bs := sharedBackups.Get(p)
		var first *lint.Line
		snapshot := false
		for _, b := range bs {
			switch b.Kind {
			case backupFull:
				// Point at the backup command when there is one.
				// (A shell comment over the command only names it.)
				// (The command in a step, rather than a summary that
				// names it.)
				cmd := b.Line.Has(lint.TermBackupCmd) && !codeComment(b.Line)
				if first == nil || (!first.Has(lint.TermBackupCmd) || codeComment(first) || first.In(lint.TermSummary) && !b.Line.In(lint.TermSummary)) && cmd {
					first = b.Line
				}
			case backupSnapshot:
				// A snapshot of the data volume alone
				// ("/var/opt/gitlab") leaves /etc/gitlab out.
				if !dataVolumeOnly(b.Line) && !databaseSnapshot(b.Line) && !secondaryOnly(b.Line) && !objectStorageSnapshot(b.Line) {
					snapshot = true
				}
			}
		}
		if first == nil {
			return
		}
		m := method(p.Plan)
		if snapshot && m != "helm" && m != "operator" {
			return
		}
		var secrets, rb, volume, rails, secretsYml bool
		for _, l := range p.Doc.Lines {
			if l.Kind == lint.KindHeading || l.Cited {
				// ("> ... you must back up gitlab-secrets.json and
				// gitlab.rb" quotes the docs; it keeps no copy.)
				continue
			}
			if !(l.Has(lint.TermSecretsJSON) || l.Has(lint.TermGitlabRb) || l.Has(lint.TermEtcGitlab) || l.Has(lint.TermBackupEtc) ||
				l.Has(lint.TermConfigVolume) || l.Has(lint.TermRailsSecret) || l.Has(lint.TermSecretsYml) || l.Has(lint.TermCredentialWord)) {
				continue
			}
			if l.Has(lint.TermGitlabRb) && !l.Has(lint.TermSecretsJSON) && !l.Has(lint.TermEtcGitlab) && configRepo(l) {
				// "Le `gitlab.rb` est généré par Ansible depuis notre dépôt
				// Git": the repository holds its copy (but never the
				// secrets file).
				rb = true
				continue
			}
			if !keepsCopy(p.Doc, l) || waivesCopy(l) {
				continue
			}
			if l.Has(lint.TermSecretsJSON) && namesSite(l, "primary") && namesSite(l, "secondary") && !l.Has(lint.TermBackup) {
				// "Copy gitlab-secrets.json from the primary to the
				// secondary": Geo's sites share the file; no copy is kept.
				continue
			}
			if l.In(lint.TermStaging) && !l.In(lint.TermBackup) && !l.In(lint.TermProcedure) && !l.In(lint.TermPrereq) {
				// "Staging was restored from the production backup, plus
				// a copy of production's config volume": the rehearsal's
				// copy, not one kept with this window's backup.
				continue
			}
			// ("copy /etc/gitlab (incl. gitlab-secrets.json)" copies the
			// directory; "copy gitlab-secrets.json from /etc/gitlab" one
			// file.)
			all := l.Has(lint.TermEtcGitlab) && etcDirectory(l) && (!l.Has(lint.TermGitlabRb) && !l.Has(lint.TermSecretsJSON) || namedAsIncluded(l)) || l.Has(lint.TermBackupEtc)
			secrets = secrets || l.Has(lint.TermSecretsJSON) || all
			rb = rb || l.Has(lint.TermGitlabRb) || all
			volume = volume || l.Has(lint.TermConfigVolume) || l.Has(lint.TermEtcGitlab) && etcDirectory(l)
			rails = rails || l.Has(lint.TermRailsSecret) || l.Contains("kubectl get secret") && l.Contains("rails")
			secretsYml = secretsYml || l.Has(lint.TermSecretsYml)
		}
		switch m {
		case "docker":
			if volume || secrets && rb {
				return
			}
			p.ReportLinef(first, "backup leaves out the configuration volume (gitlab-secrets.json and gitlab.rb): the backup command does not include it. copy the config volume (for example /srv/gitlab/config) next to the backup before the first hop")
		case "helm", "operator":
			if rails {
				return
			}
			p.ReportLinef(first, "backup leaves out the rails secret: backup-utility does not include it. save it before the first hop, for example \"kubectl get secret <release>-rails-secret -o yaml > rails-secret.yaml\"")
		case "source":
			if secretsYml {
				return
			}
			p.ReportLinef(first, "backup leaves out \"config/secrets.yml\": the backup task does not include it. copy config/secrets.yml and config/gitlab.yml next to the backup before the first hop")
		default:
			var missing []string
			if !secrets {
				missing = append(missing, "\"gitlab-secrets.json\"")
			}
			if !rb {
				missing = append(missing, "\"gitlab.rb\"")
			}
			const fix = "copy /etc/gitlab (or run \"sudo gitlab-ctl backup-etc\") next to the backup before the first hop"
			switch {
			case len(missing) == 2:
				p.ReportLinef(first, "backup leaves out %s: gitlab-backup does not include them, and without the secrets file the restored database cannot be decrypted. %s", strings.Join(missing, " and "), fix)
			case !secrets:
				p.ReportLinef(first, "backup leaves out \"gitlab-secrets.json\": gitlab-backup does not include it, and without it the restored database cannot be decrypted. %s", fix)
			case !rb:
				p.ReportLinef(first, "backup leaves out \"gitlab.rb\": gitlab-backup does not include it, and the restored instance needs its configuration. %s", fix)
			}
		}
	},
}

// keepsCopy reports whether a line keeps a copy of files: it is part of a
// backup, or copies, archives or saves something.
// etcDirectory reports whether a line names the /etc/gitlab directory
// itself, not only a file in it ("/etc/gitlab/disable-postgresql-upgrade").
func etcDirectory(l *lint.Line) bool {
	low := l.Lower
	for off := 0; ; {
		i := strings.Index(low[off:], "/etc/gitlab")
		if i < 0 {
			return !l.Contains("/etc/gitlab")
		}
		end := off + i + len("/etc/gitlab")
		if end >= len(low) || low[end] != '/' || end+1 >= len(low) || !(low[end+1] >= 'a' && low[end+1] <= 'z') {
			return true
		}
		off = end
	}
}

// configRepo reports whether a line keeps files in a repository or
// configuration management.
func configRepo(l *lint.Line) bool {
	return l.HasWord("git", "ansible", "puppet", "chef", "saltstack", "repository", "repo", "dépôt", "repositorio", "repositório", "repositorium")
}

// waivesCopy reports whether a prose line explains why the configuration
// is not saved: "The config volume is not touched by an image change, so
// the application backup is enough".
func waivesCopy(l *lint.Line) bool {
	if l.ContainsAny("no need to copy", "no need to back", "don't need to copy", "do not need to copy", "not copied", "without copying", "nicht kopieren", "nicht gesichert", "no hace falta copiar", "no es necesario copiar", "pas besoin de copier",
		"no hace falta guardar", "no es necesario guardar", "no hace falta respaldar", "pas besoin de sauvegarder", "pas besoin de garder", "nicht extra sichern", "nicht gesondert sichern", "muss nicht gesichert", "non serve salvare", "non è necessario salvare", "hoeft niet apart", "não é preciso guardar", "não precisa guardar", "lo incluye todo", "already includes everything", "includes everything",
		// "the /srv/gitlab/config volume can always be rebuilt from Git":
		// gitlab-secrets.json is in no Git repository.
		"be rebuilt", "can rebuild", "we rebuild", "be recreated", "neu aufgebaut", "neu erzeugt", "reconstruir", "reconstruido", "être reconstruit", "ricostruit", "opnieuw opgebouwd", "reconstruído") {
		// "config is in our Ansible repo so no need to copy /etc/gitlab
		// separately": the copy is declined.
		return true
	}
	if l.Kind != lint.KindCode && declinesCopy(l) {
		return true
	}
	if l.Kind != lint.KindCode && l.ContainsAny(lacksWords...) && !hasCopyWord(l.Lower) {
		// "il backup non contiene gitlab-secrets.json né gitlab.rb": a
		// review comment that names what is missing keeps no copy.
		return true
	}
	if l.IsCommand() || !(l.Has(lint.TermNeg) || l.HasWord("enough", "sufficient", "genügt", "reicht", "suficiente", "suffit")) {
		return false
	}
	return !hasCopyWord(l.Lower)
}

// hasCopyWord reports whether lower-case text names a copy: a command or
// a verb that keeps files.
func hasCopyWord(lower string) bool {
	s := " " + lower + " "
	return slices.ContainsFunc(copyWords, func(w string) bool { return strings.Contains(s, w) })
}

// lacksWords say a backup does not hold something.
var lacksWords = []string{"does not contain", "doesn't contain", "does not include", "doesn't include", "is not included", "are not included", "non contiene", "non include", "no contiene", "no incluye",
	"ne contient pas", "n'inclut pas", "ne comprend pas", "enthält nicht", "nicht enthalten", "bevat niet", "bevat geen", "não contém", "não inclui"}

// declinesCopy reports whether a sentence that names the configuration
// negates copying it: a negation just before the copy verb ("we do not
// copy /etc/gitlab", "no copiamos") or ending the sentence after it, as
// Dutch and German put it ("daarom kopiëren we `/srv/gitlab/config`
// niet").
func declinesCopy(l *lint.Line) bool {
	for _, m := range l.Matches {
		switch m.Term {
		case lint.TermConfigVolume, lint.TermSecretsJSON, lint.TermGitlabRb, lint.TermEtcGitlab, lint.TermRailsSecret, lint.TermSecretsYml:
		default:
			continue
		}
		a, b := lint.SentenceAt(l.Lower, m.Start, m.End)
		copyAt := -1
		for i, t := range l.Tokens {
			if t.Start >= a && t.End <= b && copyVerb(t.Word) {
				copyAt = i
				break
			}
		}
		if copyAt < 0 {
			continue
		}
		last := copyAt
		for i := copyAt; i < len(l.Tokens) && l.Tokens[i].End <= b; i++ {
			last = i
		}
		for _, n := range l.FindAll(lint.TermNeg) {
			if n.Start < a || n.End > b {
				continue
			}
			if n.Tok == last && n.Tok > copyAt {
				return true
			}
			if n.Tok >= copyAt {
				continue
			}
			between := l.Tokens[n.Tok+n.NTok : copyAt]
			if slices.ContainsFunc(between, func(t lint.Token) bool { return forgetWords[t.Word] }) {
				// "do not forget to copy": a reminder, not a refusal.
				continue
			}
			// "no copiamos", "no need to copy", "não precisa de ser
			// copiado": the negation governs the copy.
			if len(between) <= 2 || len(between) <= 4 && slices.ContainsFunc(between, func(t lint.Token) bool { return needWords[t.Word] }) {
				return true
			}
		}
	}
	return false
}

// needWords say an action is needed: "does not need to be copied".
var needWords = map[string]bool{"need": true, "needs": true, "needed": true, "necessary": true, "required": true, "precisa": true, "precisam": true, "necessário": true, "necesita": true, "necesario": true, "falta": true, "besoin": true, "nécessaire": true,
	"nötig": true, "notwendig": true, "erforderlich": true, "muss": true, "müssen": true, "hoeft": true, "hoeven": true, "nodig": true, "bisogno": true, "necessario": true, "serve": true}

// forgetWords remind: "do not forget to copy".
var forgetWords = map[string]bool{"forget": true, "vergessen": true, "olvidar": true, "olvides": true, "oublier": true, "oubliez": true, "dimenticare": true, "dimenticate": true, "esquecer": true, "esqueça": true, "vergeten": true, "vergeet": true}

// copyVerb reports whether a word copies or saves files.
func copyVerb(w string) bool {
	for _, p := range []string{"copy", "copie", "copied", "kopier", "kopiër", "kopieer", "copia", "cópia", "copiamo", "copiar", "copier", "sicher", "save", "saving", "sauvegard", "respald", "salvar", "salvare", "salviamo", "bewaar"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// copyWords are the words of saving a copy of a file.
var copyWords = []string{" cp ", " tar ", "rsync", " scp ", "copy", "kopier", "sicher", "copia", "copie", "save", "archive", "get secret", "docker cp", "store", "keep"}

func keepsCopy(d *lint.Document, l *lint.Line) bool {
	// A description of the server that names a backup volume beside
	// /etc/gitlab ("tank/gitlab-backups ... Root filesystem (with
	// /etc/gitlab) is ext4") says where things are, not that they are
	// copied.
	describes := (l.In(lint.TermEnvironment) || l.In(lint.TermArchitecture)) && !l.In(lint.TermBackup) && !l.In(lint.TermProcedure) && !l.In(lint.TermPrereq)
	if l.In(lint.TermBackup) || !describes && (l.Has(lint.TermBackup) || l.Has(lint.TermSnapshot)) || l.Has(lint.TermBackupEtc) {
		return !l.In(lint.TermRollback) || l.In(lint.TermBackup) || !l.Has(lint.TermRestore) && backupInRollback(d)
	}
	return hasCopyWord(commandText(d, l))
}

// dataVolumeOnly reports whether a snapshot line covers a data volume and
// not the whole server: "EBS snapshot of the data volume (/var/opt/gitlab)".
// databaseSnapshot reports whether a snapshot line only snapshots a
// managed database ("backup + RDS snapshot", "Cloud SQL backup"), which
// holds nothing of /etc/gitlab.
func databaseSnapshot(l *lint.Line) bool {
	db := l.ContainsAny("rds snapshot", "db snapshot", "database snapshot", "cloud sql", "aurora snapshot", "azure database", "snapshot of the database", "snapshot of rds") ||
		// "RDS manual snapshot gl-prod-pg-pre-18 (DBA team)"
		l.HasWord("rds", "aurora") && l.Contains("snapshot")
	return db && !l.ContainsAny(" vm", "ec2", "server snapshot", "instance snapshot", "ebs", "whole", "entire", "machine", "/etc/gitlab")
}

// objectStorageSnapshot reports whether a snapshot line only covers the
// object storage ("una instantánea de los pools de Ceph", "MinIO bucket
// versioning"), which holds no configuration.
func objectStorageSnapshot(l *lint.Line) bool {
	return l.ContainsAny("bucket", "ceph", "minio", "object storage", "objektspeicher", "almacenamiento de objetos", "stockage objet", "armazenamento de objetos", "storage a oggetti", "objectopslag", "pools") &&
		!l.ContainsAny(" vm", "ec2", "server", "machine", "máquina", "instance", "whole", "entire", "ganze", "completa", "entière", "/etc/gitlab")
}

// secondaryOnly reports whether a snapshot line covers a Geo secondary's
// VM and not the primary: "un instantané Proxmox de la VM secondaire (le
// primaire est couvert par la sauvegarde GitLab)".
func secondaryOnly(l *lint.Line) bool {
	if site, _ := geoSiteAt(l); site != "secondary" {
		return false
	}
	// The primary may be named only in an aside that says what covers it.
	outside := l.Lower
	if i := strings.IndexByte(outside, '('); i >= 0 {
		outside = outside[:i]
	}
	for _, w := range geoSiteWords {
		if w.name == "primary" && strings.Contains(outside, w.word) {
			return false
		}
	}
	return true
}

func dataVolumeOnly(l *lint.Line) bool {
	low := l.Lower
	data := false
	for _, w := range []string{"data volume", "data disk", "/var/opt/gitlab", "gitaly volume", "datenvolume", "datenplatte", "volumen de datos", "disco de datos", "discos de datos", "disque de données", "disques de données", "volume de données", "disco de dados", "discos de dados", "volume de dados", "disco dati", "datadisk", "dataschijf",
		// Docker's data volume: "/srv/gitlab/data", "$GITLAB_HOME/data", "gitlab_data".
		"gitlab/data", "gitlab_home/data", "gitlab_data", "gitlab-data"} {
		if l.Contains(w) {
			data = true
		}
	}
	if !data {
		return false
	}
	if i := l.IndexOf("/var/opt/gitlab"); i >= 0 && containsAnyOf(low[max(0, i-20):i], "only", "solo", "nur", "seulement", "uniquement", "apenas", "alleen", "só ", "soltanto") {
		// "snapshot of the VM's data disks (only /var/opt/gitlab)"
		return true
	}
	for _, w := range []string{" vm", "whole", "entire", "all volumes", "every volume", "both volumes", "root volume", "/etc/gitlab", "config", "server", "machine", "instance", "ganze", "alle volumes", "completa", "entière"} {
		if l.Contains(w) {
			return false
		}
	}
	return true
}

// namedAsIncluded reports whether every configuration file a line names
// is named as part of something larger: "(incl. gitlab-secrets.json)",
// "(mit gitlab.rb)".
func namedAsIncluded(l *lint.Line) bool {
	named := false
	for _, m := range l.Matches {
		if m.Term != lint.TermSecretsJSON && m.Term != lint.TermGitlabRb {
			continue
		}
		named = true
		j := m.Tok - 1
		if j >= 0 && l.Tokens[j].Word == "gitlab" {
			// ("gitlab-secrets.json" may match from "secrets".)
			j--
		}
		if j < 0 {
			return false
		}
		switch l.Tokens[j].Word {
		case "incl", "including", "includes", "inkl", "inklusive", "einschließlich", "mit", "incluido", "incluidos", "incluyendo", "con",
			"compris", "avec", "incluso", "compreso", "inclusief", "met", "incluindo", "com":
		default:
			return false
		}
	}
	return named
}
