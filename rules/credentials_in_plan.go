package rules

import (
	"math/bits"
	"strings"
	"unicode"

	"github.com/planlint/planlint/lint"
)

// CredentialsInPlan finds passwords and tokens written into the plan.
var CredentialsInPlan = &lint.Rule{
	ID:       "credentials-in-plan",
	Title:    "the plan contains a password or token in plain text",
	Severity: lint.Error,
	Category: lint.Hygiene,
	Doc: `Upgrade plans are committed, attached to tickets and shared with Support. A password or
access token written into one is exposed to everyone who reads it, and stays in the history. The rule
looks for GitLab tokens (` + "`glpat-`" + `, ` + "`glrt-`" + `, runner registration tokens, ...), other well-known token
formats, private keys, URLs with a password, and password or token settings with a literal value. It
never repeats the secret in its message.

Fix: remove the secret, rotate it, and refer to where it is kept instead ("root password: in the
team vault").`,
	Run: func(p *lint.Pass) {
		for _, l := range p.Doc.Lines {
			if kind, at := credentialIn(l); kind != "" {
				p.Reportf(l, lint.Span{Start: at, End: at}, "line contains %s in plain text. remove it from the plan, rotate it, and say where it is kept instead", kind)
			} else if kind := struckCredential(p, l); kind != "" {
				p.Reportf(l, lint.Span{}, "line contains %s in struck-out text, which every reader still sees. remove it from the plan, rotate it, and say where it is kept instead", kind)
			}
		}
	},
}

// struckCredential finds a secret in the struck-out text of a line's
// source ("~~root / Sommer2026!~~"): withdrawn from the plan, but still
// written in it.
func struckCredential(p *lint.Pass, l *lint.Line) string {
	src := p.Doc.SourceLine(l.Num)
	if !strings.Contains(src, "~~") {
		return ""
	}
	d, err := lint.Parse("struck.md", []byte(strings.ReplaceAll(src, "~~", "")), p.Today)
	if err != nil {
		return ""
	}
	for _, sl := range d.Lines {
		if kind, _ := credentialIn(sl); kind != "" {
			return kind
		}
	}
	return ""
}

// tokenPrefixes are the prefixes of well-known secret formats.
var tokenPrefixes = []struct{ prefix, kind string }{
	{"glpat-", "a GitLab personal access token"},
	{"gldt-", "a GitLab deploy token"},
	{"glrt-", "a GitLab runner authentication token"},
	{"glptt-", "a GitLab pipeline trigger token"},
	{"glcbt-", "a GitLab CI build token"},
	{"gloas-", "a GitLab OAuth application secret"},
	{"glsoat-", "a GitLab service account token"},
	{"GR1348941", "a GitLab runner registration token"},
	{"ghp_", "a GitHub token"},
	{"github_pat_", "a GitHub token"},
	{"xoxb-", "a Slack token"},
	{"xoxp-", "a Slack token"},
	{"AKIA", "an AWS access key"},
	{"-----BEGIN", "a private key"},
}

// credentialIn returns what kind of secret a line holds and where, or "".
func credentialIn(l *lint.Line) (string, int) {
	if what, at := credentialInText(l); what != "" {
		return what, at
	}
	return credentialCell(l)
}

// credentialInText finds a secret written in the line's own words:
// token prefixes, URLs with passwords, "password: value".
func credentialInText(l *lint.Line) (string, int) {
	t := l.Text
	cands := candidatePrefixes(l)
	for pi, tp := range tokenPrefixes {
		if cands&(1<<pi) == 0 {
			continue
		}
		i := strings.Index(t, tp.prefix)
		if i < 0 || i > 0 && isTokenByte(t[i-1]) && tp.prefix != "-----BEGIN" {
			continue
		}
		if tp.prefix == "-----BEGIN" {
			if strings.Contains(t, "PRIVATE KEY") {
				return tp.kind, i
			}
			continue
		}
		n := 0
		for j := i + len(tp.prefix); j < len(t) && isTokenByte(t[j]); j++ {
			n++
		}
		if n >= 12 && !strings.ContainsAny(t[i+len(tp.prefix):i+len(tp.prefix)+n], "<>") && !allSame(t[i+len(tp.prefix):i+len(tp.prefix)+n]) {
			return tp.kind, i
		}
	}
	// "https://user:secret@host"
	if i := strings.Index(t, "://"); i >= 0 && strings.IndexByte(t[i:], '@') > 0 {
		rest := t[i+3:]
		if at := strings.IndexByte(rest, '@'); at > 0 {
			cred := rest[:at]
			if c := strings.IndexByte(cred, ':'); c > 0 && !strings.ContainsAny(cred, "/ ") && literalSecret(cred[c+1:]) {
				return "a password in a URL", i + 3
			}
		}
	}
	// "password: hunter2", "PGPASSWORD=...", "gitlab_rails['db_password'] = '...'"
	for _, m := range l.FindAll(lint.TermCredentialWord) {
		if m.Start > 0 && (t[m.Start-1] == '-' || t[m.Start-1] == '.' || t[m.Start-1] == '_' && m.End < len(t) && t[m.End] == '-') && !strings.HasPrefix(strings.TrimLeft(t[m.End:], " "), ":") && !strings.HasPrefix(strings.TrimLeft(t[m.End:], "'\"]"), "=") {
			// Part of a name such as "gitlab-rds-password" or
			// "CI_JOB_TOKEN-regressie", but not a label such as
			// "Root-Passwort:" or a key given its value
			// ("--from-literal=postgresql-password='...'").
			continue
		}
		rest := t[m.End:]
		// Skip the rest of a key such as "db_password']".
		k := 0
		for k < len(rest) && (rest[k] == '\'' || rest[k] == '"' || rest[k] == ']' || rest[k] == '_' || isTokenByte(rest[k])) && rest[k] != ' ' {
			k++
		}
		rest = rest[k:]
		trim := strings.TrimLeft(rest, " \t")
		if w := firstField(trim); credentialQualifiers[strings.ToLower(strings.TrimRight(w, ":="))] {
			// "senha atual: ...", "password (current) = ...": a word
			// between the label and its value.
			if after := strings.TrimLeft(trim[len(strings.TrimRight(w, ":=")):], " \t"); after != "" && strings.ContainsAny(after[:1], ":=") {
				trim = after
			}
		}
		if trim == "" || !strings.ContainsAny(trim[:1], ":=") {
			switch {
			case strings.HasPrefix(strings.ToLower(trim), "is "):
				// "the root password is currently `...`"
				rest := trim[3:]
				for _, w := range []string{"currently ", "still ", "now ", "set to ", "temporarily ", "always "} {
					if strings.HasPrefix(strings.ToLower(rest), w) {
						rest = rest[len(w):]
					}
				}
				trim = "=" + rest
			case l.InCode(len(t)-len(trim)) && l.Kind != lint.KindCode:
				// "password `Tr0ub4dor&3`": the value in inline code, but
				// not "no key `mattermost[...]`" (a setting named).
				if v := firstField(trim); strings.ContainsAny(v, "[]()") || negatedMatch(l, m) {
					continue
				}
				trim = "=" + trim
			case strongSecret(firstField(trim)):
				trim = "=" + trim
			default:
				continue
			}
		}
		val := strings.TrimSpace(trim[1:])
		val = strings.TrimLeft(val, "=> ")
		after := strings.Fields(val)
		val = firstField(val)
		val = strings.Trim(val, "\"'`,;)")
		if len(after) >= 2 && plainWord(val) {
			// "`CI_JOB_TOKEN`: neither is installed", "CI_JOB_TOKEN :
			// régression en 18.11.0", "Gitaly auth token: Gitaly runs
			// inside the chart": a sentence about the variable, not its
			// value.
			continue
		}
		if literalSecret(val) {
			return "what looks like " + withArticle(credentialNoun(strings.ToLower(strings.TrimSpace(l.Text[m.Start:m.End])))), m.Start
		}
	}
	if at := loginPair(l); at >= 0 {
		return "a login and password", at
	}
	if l.ContainsAny("docker login", "podman login", "registry login", "skopeo login", "buildah login") {
		// "docker login harbor... -u svc-pull -p 'Vdi#Harbor2026!'": the
		// password as a flag's separate argument.
		for _, flag := range []string{" -p ", " --password "} {
			if i := strings.Index(t, flag); i >= 0 && literalSecret(strings.Trim(firstField(t[i+len(flag):]), "\"'`")) {
				return "a registry password", i + 1
			}
		}
	}
	return "", 0
}

// loginWords say that a line gives a login.
var loginWords = []string{"login", "log in", "sign in", "credentials", "creds", "user/pass", "zugangsdaten", "anmeldedaten", "credenciales", "identifiants",
	"access", "zugang", "acceso", "accès", "accesso", "acesso", "toegang", "account", "konto", "cuenta", "compte"}

// loginPair finds a login written as user and password in inline code,
// "root login is `root` / `Sch3ldeW3rf!2019`", and returns where the
// password starts, or -1.
func loginPair(l *lint.Line) int {
	if l.Kind == lint.KindCode || len(l.Code) < 2 {
		return -1
	}
	for i := 1; i < len(l.Code); i++ {
		user, pass := l.Code[i-1], l.Code[i]
		between := strings.TrimSpace(l.Text[user.End:pass.Start])
		between = strings.Trim(between, "`")
		switch strings.TrimSpace(between) {
		case "/", ":", "and", "und", "y", "et", "with password", "password", "pw":
		default:
			continue
		}
		v := strings.Trim(l.Text[pass.Start:pass.End], "` ")
		if !strongSecret(v) || !literalSecret(v) {
			continue
		}
		// The words of a login are looked for only once a pair is there
		// ("Contraseña de root de emergencia: `root` / `...`" names the
		// password itself).
		if l.Has(lint.TermCredentialWord) {
			return pass.Start
		}
		for _, w := range loginWords {
			if l.Contains(w) {
				return pass.Start
			}
		}
		return -1
	}
	return -1
}

// strongSecret reports whether a bare word looks like a password: long,
// with at least three kinds of characters.
func strongSecret(w string) bool {
	w = strings.Trim(w, "\"'`,;.")
	if len(w) < 8 {
		return false
	}
	var lower, upper, digit, other bool
	for _, c := range w {
		switch {
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= '0' && c <= '9':
			digit = true
		default:
			other = true
		}
	}
	// Mixed case with digits, or letters, digits and symbols other than
	// the separators of identifiers ("gitlab-s3-connection" is a name).
	if lower && upper && digit {
		return true
	}
	symbol := strings.IndexFunc(w, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' || r == '/')
	}) >= 0
	return (lower || upper) && digit && symbol && other
}

// lowerPrefixes are the secret prefixes as tokens see them ("glpat",
// "akia"); private keys are found by their "BEGIN" line instead.
var lowerPrefixes = func() []string {
	out := make([]string, len(tokenPrefixes))
	for i, tp := range tokenPrefixes {
		out[i] = strings.ToLower(strings.TrimRight(tp.prefix, "-_"))
	}
	return out
}()

// prefixesByStart holds, by the first two bytes of a word, the bit set of
// the secret prefixes that start with them: most words ("gitlab") start
// none.
var prefixesByStart = func() (t [1 << 10]uint32) {
	for i, p := range lowerPrefixes {
		t[pairIndex(p)] |= 1 << i
	}
	return t
}()

func pairIndex(w string) int { return int(w[0]&31)<<5 | int(w[1]&31) }

// candidatePrefixes returns a bit set of the secret prefixes some word of
// the line starts with, in one pass over the words.
func candidatePrefixes(l *lint.Line) uint32 {
	var set uint32
	for _, tk := range l.Tokens {
		w := tk.Word
		if len(w) < 2 {
			continue
		}
		for c := prefixesByStart[pairIndex(w)]; c != 0; c &= c - 1 {
			i := bits.TrailingZeros32(c)
			if p := lowerPrefixes[i]; len(w) >= len(p) && w[:len(p)] == p {
				set |= 1 << i
			}
		}
	}
	if strings.Contains(l.Text, "-----BEGIN") {
		set |= keyPrefixes
	}
	return set
}

// keyPrefixes is the bit set of the private-key prefixes ("-----BEGIN").
var keyPrefixes = func() uint32 {
	var set uint32
	for i, p := range lowerPrefixes {
		if strings.HasPrefix(p, "-----") {
			set |= 1 << i
		}
	}
	return set
}()

func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// literalSecret reports whether a value is a literal secret rather than a
// variable, a placeholder, a masked value or a reference to a vault.
func literalSecret(v string) bool {
	if len(v) < 6 {
		return false
	}
	switch v[0] {
	case '<', '$', '{', '*', '%', '[', '(', '/', '~', '.':
		return false
	}
	lv := strings.ToLower(v)
	if allSame(lv) || strings.Trim(lv, "x*•.#-_") == "" {
		return false
	}
	for _, w := range []string{"vault", "keepass", "1password", "bitwarden", "lastpass", "secret", "manager", "stored", "rotated", "redacted", "hidden", "masked", "omitted", "required", "unchanged", "provided", "configured", "environment", "variable", "placeholder", "password", "token", "example", "changeit", "your", "see", "file", "generated", "random", "existing", "current", "same", "ansible", "kubernetes", "sealed", "please", "ask", "tresor", "gestor", "coffre", "null", "none", "empty", "true", "false", "enabled", "disabled", "expir", "scope", "read_", "write_", "api", "sudo", "personal", "access", "runner", "trigger", "deploy", "reset", "revoke", "create"} {
		if strings.Contains(lv, w) {
			return false
		}
	}
	// Short words of prose count only as words: "aus dem Tresor", but not
	// the "del" of "Kr00nluchter!Delft26".
	for _, w := range strings.FieldsFunc(lv, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "aus", "dem", "del", "dans":
			return false
		}
	}
	return true
}

// plainWord reports whether s is a word of prose: letters, lower-case
// after the first ("Gitaly", "neither").
func plainWord(s string) bool {
	for i, r := range s {
		if !unicode.IsLetter(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

func allSame(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}

func isTokenByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// credentialCell finds a literal secret in a table cell under a column
// headed as one: "| System | User | Secret |" over "| web UI | root |
// `Fj0rd!Root-2026x` |".
func credentialCell(l *lint.Line) (string, int) {
	h := l.Header
	if l.Kind != lint.KindTableRow || h == nil || len(h.Cells) != len(l.Cells) {
		return "", -1
	}
	for i, hc := range h.Cells {
		// The column is headed by a credential word of the vocabulary,
		// or by "Secret" or "Credentials".
		word := ""
		for _, m := range h.FindAll(lint.TermCredentialWord) {
			if m.Start >= hc.Start && m.End <= hc.End {
				word = h.Lower[m.Start:m.End]
				break
			}
		}
		if head := h.Lower[hc.Start:hc.End]; word == "" && (strings.Contains(head, "secret") || strings.Contains(head, "credential")) {
			word = "password"
		}
		if word == "" {
			continue
		}
		c := l.Cells[i]
		v := strings.Trim(strings.TrimSpace(l.Text[c.Start:c.End]), "`\"'")
		if strings.ContainsAny(v, " <>") || !literalSecret(v) {
			continue
		}
		return "what looks like " + withArticle(credentialNoun(word)), c.Start
	}
	return "", -1
}

// credentialNoun names what a credential word stands for in a message:
// abbreviations are spelled out.
// credentialQualifiers may stand between a credential's name and its
// value: "senha atual: ...".
var credentialQualifiers = map[string]bool{"current": true, "atual": true, "actual": true, "aktuelles": true, "aktuell": true, "actuel": true, "attuale": true, "huidige": true, "huidig": true,
	"temporary": true, "temporária": true, "temporal": true, "temporaire": true, "temporanea": true, "initial": true, "inicial": true, "iniziale": true, "new": true, "nova": true, "nueva": true, "neues": true, "nouveau": true, "nuova": true, "nieuw": true, "nieuwe": true}

// withArticle puts "a" or "an" before a noun: "an access_key".
func withArticle(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

func credentialNoun(word string) string {
	switch word {
	case "pw", "pwd", "passwd", "mdp", "passwort", "kennwort", "contraseña", "clave", "mot de passe", "senha", "wachtwoord":
		return "password"
	}
	return word
}
