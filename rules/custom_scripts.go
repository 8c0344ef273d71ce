package rules

import (
	"slices"
	"strings"

	"github.com/planlint/planlint/lint"
)

// CustomScripts finds home-grown scripts and hand edits Support cannot review.
var CustomScripts = &lint.Rule{
	ID:       "custom-scripts",
	Title:    "the plan runs home-grown scripts, SQL or console edits",
	Severity: lint.Info,
	Category: lint.Hygiene,
	Doc: `Custom scripts may be used, but Support cannot review them: the upgrade documentation is the
reference, and if a problem occurs while a custom script runs, Support's advice is likely to be to
execute the rollback plan. The same goes for SQL that changes data and edits in the Rails console.

The rule reports scripts the plan runs (` + "`./upgrade.sh`" + `, ` + "`bash scripts/x.sh`" + `, ` + "`python3 migrate.py`" + `,
Ansible playbooks), SQL statements that change data, and Rails console or runner commands that
change records. Read-only queries (such as the background-migration query) are not reported.
Changing the status of batched background migrations by hand is reported as an error: the data
changes they make are then never done, and later migrations can fail or lose data.

A script the plan prints in full (the block under the line that names it), which runs no further
scripts and changes no data with SQL or the console, is listed and not reported.

Fix: replace the script with the documented commands, or list exactly what it does so it can be
reviewed.`,
	Run: func(p *lint.Pass) {
		namedScripts := map[string]bool{}
		runsScript, known := false, false
		// One finding per script file ("gl-upgrade.sh", "./gl-upgrade.sh",
		// "ops-tools/gitlab/gl-upgrade.sh"), on the line that runs it if
		// one does, else on its first mention.
		type finding struct {
			l    *lint.Line
			at   lint.Span
			what string
		}
		var out []finding
		byKey := map[string]int{}
		for _, l := range p.Doc.Lines {
			if l.In(lint.TermRisk) || l.Kind == lint.KindFrontMatter || l.Kind == lint.KindHeading {
				continue
			}
			if forcesMigrations(l) {
				// Marking migrations finished by hand skips data changes
				// the next release relies on: a reason to postpone.
				at := lint.Span{Start: 0, End: len(l.Text)}
				for _, c := range l.Code {
					// The statement itself, when prose leads up to it.
					if code := l.Lower[c.Start:c.End]; strings.Contains(code, "batched") || strings.Contains(code, "update") {
						at = c
						break
					}
				}
				p.ReportfWith([]lint.ReportOption{lint.WithSeverity(lint.Error)}, l, at, "plan marks batched background migrations as finished by hand. the data changes they make are then never done, and later migrations can fail or lose data: let them finish, and ask GitLab Support before changing their status")
				continue
			}
			what, at := customScript(l)
			if what == "" {
				continue
			}
			if !strings.HasPrefix(what, "a ") && !strings.HasPrefix(what, "SQL") {
				// A script named in prose ("run GET's playbook:", "what
				// the playbook does") is reported once, and not at all
				// when a command runs it.
				if !known {
					runsScript, known = runsScriptCommand(p.Doc), true
				}
				if namedScripts[what] || runsScript {
					continue
				}
				namedScripts[what] = true
			}
			if k := scriptKey(what); k != "" {
				if i, ok := byKey[k]; ok {
					if runRank(out[i].l, out[i].what) < runRank(l, what) {
						out[i] = finding{l, at, what}
					}
					continue
				}
				byKey[k] = len(out)
			}
			out = append(out, finding{l, at, what})
		}
		// "même commande `ansible-playbook`" after the command that runs a
		// playbook names the same run.
		playbook := false
		for _, f := range out {
			if strings.HasPrefix(f.what, "a custom script (\"ansible-playbook ") {
				playbook = true
			}
		}
		for _, f := range out {
			if playbook && scriptKey(f.what) == "ansible-playbook" {
				continue
			}
			if k := scriptKey(f.what); k != "" && scriptShown(p.Doc, k) {
				// The plan prints the script ("run-gitlab.sh, which only
				// holds this command:" over the command): it lists
				// exactly what the script does.
				continue
			}
			p.Reportf(f.l, f.at, "plan runs %s. Support cannot review custom scripts or hand edits; if a problem occurs while it runs, the advice will likely be to run the rollback plan. prefer the documented commands, or list exactly what it does", f.what)
		}
	},
}

// printedInFull reports whether a line that names a script says the plan
// prints all of it: "Playbook upgrade-gitlab.yml, unten vollständig
// abgedruckt", "de volledige inhoud staat in §6".
func printedInFull(d *lint.Document, name string) bool {
	for _, l := range d.Lines {
		if l.Kind != lint.KindCode && strings.Contains(l.Text, name) && l.ContainsAny("in full", "full content", "printed below", "shown below", "vollständig", "volledige inhoud", "contenu complet", "intégralement", "completo", "integralmente", "por completo", "per intero") {
			return true
		}
	}
	return false
}

// runsScriptCommand reports whether some command of the plan runs a
// custom script.
func runsScriptCommand(d *lint.Document) bool {
	for _, l := range d.Lines {
		if l.In(lint.TermRisk) || !l.IsCommand() {
			continue
		}
		for _, cmd := range commandsOf(l) {
			if scriptIn(cmd) != "" {
				return true
			}
		}
	}
	return false
}

var scriptRunners = map[string]bool{"bash": true, "sh": true, "zsh": true, "python": true, "python3": true, "ruby": true, "perl": true, "pwsh": true, "powershell": true, "source": true, ".": true}

var scriptExts = []string{".sh", ".py", ".rb", ".pl", ".ps1", ".bash"}

// scriptFileIn returns the base name of the first script or playbook file
// a text names ("`/opt/zh/bin/upgrade-hop.sh` (tag v2.3):"), or "".
func scriptFileIn(text string) string {
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '`' || r == '(' || r == ')' || r == ':' || r == ',' }) {
		if strings.HasSuffix(f, ".yml") || strings.HasSuffix(f, ".yaml") || slices.ContainsFunc(scriptExts, func(ext string) bool { return strings.HasSuffix(f, ext) }) {
			return f[strings.LastIndexByte(f, '/')+1:]
		}
	}
	return ""
}

// customScript describes the custom code a line runs, or "", and where
// the line names it.
func customScript(l *lint.Line) (string, lint.Span) {
	what, at := scriptOn(l)
	if what != "" && l.Kind != lint.KindCode && lint.SaysNotUsed(l.Lower) {
		// "ons oude script `scripts/gitlab-upgrade.sh` gebruiken we
		// niet": named, not run.
		return "", lint.Span{}
	}
	return what, at
}

// scriptOn finds the custom code a line names as run, whatever the line
// says about it.
func scriptOn(l *lint.Line) (string, lint.Span) {
	whole := lint.Span{Start: 0, End: len(l.Text)}
	// A description of the instance ("a plain docker run (script
	// /opt/gitlab/run.sh)") names the script; only steps run it.
	describes := l.Kind != lint.KindCode && (l.In(lint.TermEnvironment) || l.In(lint.TermArchitecture)) && !l.In(lint.TermProcedure)
	if l.IsCommand() && !describes {
		for _, cmd := range commandsOf(l) {
			if w := scriptIn(cmd); w != "" {
				// On the script's own line of a wrapped paragraph: "A4. Run
				// our pre-flight:" / "`sudo /opt/bin/preflight.sh`".
				at := whole
				if i := strings.Index(l.Text, w); i >= 0 && l.Kind != lint.KindCode {
					at = lint.Span{Start: i, End: i + len(w)}
				}
				return "a custom script (" + quote(w) + ")", at
			}
		}
		low := l.Lower
		if l.Lang == "sql" && l.Has(lint.TermSQLWrite) && sqlWrite(low) {
			return "SQL that changes data", whole
		}
		// The statement follows the psql call ("apt-get update && ...
		// gitlab-psql -c 'SHOW server_version;'" updates no data).
		if m, ok := l.Find(lint.TermPsql); ok && l.Has(lint.TermSQLWrite) && sqlWrite(low[m.Start:]) && (l.Kind == lint.KindCode || len(l.Code) == 0 || sqlInCode(l)) {
			// (In prose, the statement is the inline code: "`ANALYZE
			// VERBOSE;` via `sudo gitlab-psql`, then update the
			// ticket" changes no data.)
			return "SQL that changes data", whole
		}
		if l.Has(lint.TermConsole) && consoleWrite(low) {
			at := whole
			for _, c := range l.Code {
				if consoleWrite(low[c.Start:c.End]) {
					at = c
					break
				}
			}
			return "a Rails console edit", at
		}
	}
	if l.Kind != lint.KindCode && !l.In(lint.TermEnvironment) && !l.In(lint.TermArchitecture) && !l.In(lint.TermStaging) {
		// A script the plan runs, not one that describes the instance's
		// history ("installed with our Ansible role years ago").
		// ("gitlab.rb is generated from the Ansible template" says where
		// a file comes from; it runs nothing.)
		if m, ok := l.Find(lint.TermScriptWord); ok && !negatedMatch(l, m) && !l.In(lint.TermOutOfScope) && !lint.InName(l.Text, m.Start, m.End) && !notRunning(l) {
			return quote(l.Text[m.Start:m.End]), lint.Span{Start: m.Start, End: m.End}
		}
	}
	return "", lint.Span{}
}

// getKey stands for any of the GitLab Environment Toolkit's playbooks.
const getKey = "the GitLab Environment Toolkit's playbooks"

// getPlaybooks are the playbooks of the GitLab Environment Toolkit: a
// plan that runs several of them runs one tool, reported once.
var getPlaybooks = []string{"all.yml", "common.yml", "consul.yml", "postgres.yml", "pgbouncer.yml", "redis.yml", "gitaly.yml", "praefect.yml", "praefect_postgres.yml",
	"gitlab_rails.yml", "sidekiq.yml", "monitor.yml", "haproxy.yml", "opensearch.yml", "gitlab_nfs.yml", "post_configure.yml", "zero_downtime_update.yml"}

// notRunning reports whether a line that names a script says where
// something comes from, or what reads, rather than running it.
func notRunning(l *lint.Line) bool {
	return l.ContainsAny("generated from", "generated by", "rendered by", "rendered from", "template", "managed by", "managed in", "maintained in", "comes from", "verwaltet", "generiert", "gerendert", "gestionado", "généré", "gegenereerd", "generato", "gerado") ||
		// "gitlab.rb: ..., Grafana keys removed — from the same
		// Ansible role": configuration management writes the file.
		l.Contains("gitlab.rb") && l.ContainsAny("from the same ansible", "from our ansible", "from the ansible", "from ansible", "from the same puppet", "from our puppet", "from puppet") ||
		// "(`sha256sum` compared by Ansible ad-hoc)": reading files
		// on every node changes nothing.
		l.ContainsAny("sha256sum", "md5sum", "checksum", "compared by", "compare with", "read-only", "readonly") ||
		// "Upgrade runners (Ansible, gitlab-runner to matching
		// minor)": the runner fleet, after GitLab's upgrade.
		l.HasWord("runner", "runners") && !l.Contains("gitlab-ee") && !l.Contains("gitlab-ce")
}

// commandsOf returns the commands on a line: the code line itself, or the
// inline code spans.
func commandsOf(l *lint.Line) []string {
	if l.Kind == lint.KindCode {
		return []string{l.Text}
	}
	var out []string
	for _, s := range l.Code {
		out = append(out, l.Text[s.Start:s.End])
	}
	return out
}

// volumeDir are the folders a Compose project mounts into the container.
var volumeDir = map[string]bool{"config": true, "data": true, "logs": true, "log": true, "backups": true, "backup": true, "volumes": true, "secrets": true, "certs": true, "ssl": true}

// localScript reports whether a word starting with "./" names a program
// to run: "./upgrade.sh", but not the volume "./config:/etc/gitlab", a
// folder ("./data/backups/"), or a mounted folder set aside ("./data.ko").
func localScript(w string) bool {
	if !strings.HasPrefix(w, "./") || len(w) <= 2 || strings.Contains(w, ":") || strings.HasSuffix(w, "/") {
		return false
	}
	stem, _, _ := strings.Cut(w[2:], "/")
	stem, _, _ = strings.Cut(stem, ".")
	if !volumeDir[stem] {
		return true
	}
	for _, ext := range []string{".sh", ".py", ".rb", ".pl", ".bash"} {
		if strings.HasSuffix(w, ext) {
			return true
		}
	}
	return false
}

// scriptIn returns the script a shell command runs, or "".
func scriptIn(cmd string) string {
	c := strings.TrimSpace(cmd)
	if strings.HasPrefix(c, "#") || strings.Contains(c, "packages.gitlab.com") || strings.Contains(c, "curl ") && strings.Contains(c, "| sudo bash") && strings.Contains(c, "gitlab") {
		return ""
	}
	f := strings.Fields(c)
	for i := 0; i < len(f); i++ {
		w := strings.Trim(f[i], "\"'`;()")
		if w == "sudo" || w == "-E" || strings.Contains(w, "=") && i == 0 {
			continue
		}
		if localScript(w) {
			return w
		}
		if w == "ansible-playbook" {
			// The playbook: the first argument that is not an option or
			// an option's value ("-i inventories/prod/hosts.yml").
			args := f[i+1:]
			for k := 0; k < len(args); k++ {
				a := strings.Trim(args[k], "\"'`;")
				if strings.HasPrefix(a, "-") {
					if len(a) == 2 && strings.ContainsRune("ieltufcM", rune(a[1])) || strings.HasPrefix(a, "--") && !strings.Contains(a, "=") && a != "--check" && a != "--diff" && a != "--become" {
						k++ // the option's value
					}
					continue
				}
				return "ansible-playbook " + a
			}
			return w
		}
		if w == "gitlab-rails" && i+2 < len(f) && f[i+1] == "runner" {
			// "gitlab-rails runner /root/scripts/cargar_licencia.rb"
			if next := strings.Trim(f[i+2], "\"'`;"); strings.HasSuffix(next, ".rb") {
				return "gitlab-rails runner " + next
			}
		}
		if scriptRunners[w] && i+1 < len(f) {
			next := strings.Trim(f[i+1], "\"'`;")
			for _, ext := range scriptExts {
				if strings.HasSuffix(next, ext) {
					return w + " " + next
				}
			}
		}
		// A shell script run by its path ("/opt/ops/upgrade.sh"); a Ruby or
		// Python file named alone is a file, not a command.
		for _, ext := range []string{".sh", ".bash", ".ps1"} {
			if strings.HasSuffix(w, ext) && !strings.HasPrefix(w, "http") && !strings.Contains(c, "packages.gitlab.com") {
				return w
			}
		}
		break
	}
	return ""
}

// forcesMigrations reports whether a command changes the status of batched
// background migrations directly ("UPDATE batched_background_migrations
// SET status = 3"), rather than letting them run or finalizing them.
func forcesMigrations(l *lint.Line) bool {
	if !l.Contains("batched_background_migration") && !l.Contains("batchedmigration") {
		return false
	}
	if l.Contains("update ") && l.Contains("set ") && l.Contains("status") {
		return true
	}
	return l.Contains("update_all(status") || l.Contains("update_column(:status") || l.Contains("update!(status")
}

// sqlInCode reports whether an inline code span of the line holds SQL
// that changes data.
func sqlInCode(l *lint.Line) bool {
	for _, c := range l.Code {
		if sqlWrite(l.Lower[c.Start:c.End]) {
			return true
		}
	}
	return false
}

func sqlWrite(low string) bool {
	for _, kw := range []string{"update ", "delete from", "insert into", "alter table", "drop ", "truncate "} {
		if i := strings.Index(low, kw); i >= 0 {
			if kw == "update " && strings.Contains(low, "update_all(database_max_running_batched_background_migrations") {
				continue
			}
			return true
		}
	}
	return false
}

func consoleWrite(low string) bool {
	// Steps GitLab's own upgrade notes give: the setting that throttles
	// batched migrations, and the flag every web node must have on
	// before going past 15.1 with several of them.
	if containsAnyOf(low, "database_max_running_batched_background_migrations", "feature.enable(:active_support_hash_digest_sha256)") {
		return false
	}
	for _, w := range []string{".update", "update_all", ".destroy", "destroy_all", "delete_all", ".delete", ".save", ".create", "create!", "execute(",
		".activate", ".block", ".unblock", ".deactivate", ".ban", ".unban", ".confirm", ".reset", ".toggle", ".increment", ".decrement", ".touch", ".lock", ".unlock", "feature.enable", "feature.disable", ".mark_as"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// runRank tells how plainly a line runs a script: a command that starts
// it ("sudo ./gl-upgrade.sh", "bash x.sh") beats a command or path that
// only names it, which beats prose.
func runRank(l *lint.Line, what string) int {
	i, j := strings.IndexByte(what, '"'), strings.LastIndexByte(what, '"')
	if !l.IsCommand() {
		return 0
	}
	if i >= 0 && j > i {
		name := what[i+1 : j]
		if strings.HasPrefix(name, "./") || strings.Contains(name, " ") {
			return 2
		}
	}
	return 1
}

// scriptKey names the file a custom script finding is about, by its base
// name ("gl-upgrade.sh" for "./gl-upgrade.sh" and
// "ops-tools/gitlab/gl-upgrade.sh"), or "" for hand edits and SQL.
func scriptKey(what string) string {
	i, j := strings.IndexByte(what, '"'), strings.LastIndexByte(what, '"')
	if i < 0 || j <= i {
		return ""
	}
	name := strings.Fields(what[i+1 : j])
	if len(name) == 0 {
		return ""
	}
	last := name[len(name)-1]
	if k := strings.LastIndexByte(last, '/'); k >= 0 {
		last = last[k+1:]
	}
	if name[0] == "ansible-playbook" {
		for _, b := range getPlaybooks {
			if last == b {
				return getKey
			}
		}
	}
	return last
}

// scriptShown reports whether the plan prints the script it runs, so that
// it lists exactly what the script does: a line that names the script
// leads into a code block of its content ("Contenu du script
// sauvegarde-gitlab.sh :" over the script), or, for a script that is a
// single documented command, the command continued over several lines.
// A printed script that runs further scripts, or writes data with SQL or
// the Rails console, stays one Support cannot review.
func scriptShown(d *lint.Document, name string) bool {
	for i, l := range d.Lines {
		if l.Kind == lint.KindCode || !strings.Contains(l.Text, name) {
			continue
		}
		// The block follows the line that names the script, which leads
		// into it with a colon, or the plan says elsewhere that it prints
		// the script in full.
		j := i + 1
		if j >= len(d.Lines) || d.Lines[j].Kind != lint.KindCode || !strings.HasSuffix(strings.TrimSpace(l.Text), ":") && !printedInFull(d, name) {
			continue
		}
		n, clean, one := 0, true, true
		for k := j; k < len(d.Lines) && d.Lines[k].Kind == lint.KindCode; k++ {
			c := d.Lines[k]
			if k+1 < len(d.Lines) && d.Lines[k+1].Kind == lint.KindCode && !strings.HasSuffix(strings.TrimSpace(c.Text), "\\") {
				one = false
			}
			if strings.Contains(c.Text, name) {
				// The block runs the script; it does not print it.
				clean = false
				break
			}
			if what, _ := customScript(c); what != "" || sqlInCode(c) || consoleWrite(c.Lower) {
				clean = false
				break
			}
			n++
		}
		// (Only a script file, "upgrade-hop.sh", is printed as a block of
		// several commands; "Ansible" names a tool.)
		if n >= 2 && clean && (one || strings.ContainsAny(name, "./")) {
			return true
		}
	}
	return false
}
