package lint

import (
	"strconv"
	"strings"
)

// Count is a number the plan states about the instance, and where.
type Count struct {
	N    int
	Line *Line
	Span Span
}

// Database is what the plan says about PostgreSQL.
type Database struct {
	// Version is the PostgreSQL version as written ("13", "16.8"); Major
	// its major number, 0 when unknown.
	Version string
	Major   int
	Line    *Line
	Span    Span
	// External is true for a database GitLab does not manage: RDS, Cloud
	// SQL, Azure, a separate server. Patroni is a Linux package cluster;
	// Repmgr the replication the package used for it before 14.0.
	External bool
	Patroni  bool
	Repmgr   bool
	// ExternalLine is where the plan says so.
	ExternalLine *Line
}

// readSetup reads the instance facts that decide conditional stops and
// version notes: users, Rails nodes, PostgreSQL, zero downtime.
func (r *planReader) readSetup() {
	p := r.plan
	db := &Database{}
	for _, l := range r.doc.Lines {
		if l.In(TermRollback) || l.In(TermRisk) && !l.In(TermEnvironment) && !namesVersionQuery(l) {
			// (A measured "SHOW server_version" in the notes still
			// states the running database.)
			continue
		}
		digit := l.hasDigit()
		// "1,100 users", "30k users", "about 380 Benutzer".
		if p.Users == nil && digit {
			if n, s, ok := countBefore(l, userNouns...); ok {
				p.Users = &Count{N: n, Line: l, Span: s}
			} else if n, s, ok := countAfterLabel(l, userNouns...); ok {
				p.Users = &Count{N: n, Line: l, Span: s}
			}
		}
		// "three Rails nodes", "3 web nodes", "rails-1..3".
		if p.RailsNodes == nil && l.Kind != KindCode && l.Has(TermNodeWord) {
			if n, s, ok := railsNodes(l); ok {
				p.RailsNodes = &Count{N: n, Line: l, Span: s}
			}
		}
		// "`app1`, `app2`: Puma + Sidekiq".
		if p.RailsNodes == nil && l.Kind != KindCode && !l.In(TermRollback) {
			if n, s, ok := namedRailsHosts(l); ok {
				p.RailsNodes = &Count{N: n, Line: l, Span: s}
			} else if n, s, ok := railsHostRange(l); ok {
				p.RailsNodes = &Count{N: n, Line: l, Span: s}
			}
		}
		if (l.Has(TermDatabaseWord) || namesVersionQuery(l) || l.Kind == KindTableRow && l.Header != nil && l.Header.Has(TermDatabaseWord) || envInfoDBVersion(l) != "") && !l.In(TermChangelog) {
			r.readDatabase(l, db)
		}
		if p.OneGitLabNode == nil && l.Kind != KindCode && l.Kind != KindFrontMatter && oneGitLabNode(l) {
			p.OneGitLabNode = l
		}
		if p.ExternalRedis == nil && l.Kind != KindFrontMatter {
			p.ExternalRedis = externalRedis(l)
		}
		if p.ZeroDowntime == nil && l.Kind != KindCode && l.Kind != KindFrontMatter && !l.Cited {
			// "Das Upgrade läuft **mit Downtime**", "with downtime".
			for _, w := range []string{"with downtime", "mit downtime", "mit ausfallzeit", "con tiempo de inactividad", "con parada de servicio", "con parada del servicio", "con corte de servicio", "con corte del servicio", "con interrupción del servicio", "com paragem", "com indisponibilidade", "avec interruption", "avec coupure", "con fermo", "com parada", "met downtime"} {
				if i := l.IndexOf(w); i >= 0 {
					p.ZeroDowntime = &Fact{Value: "false", Line: l, Span: Span{i, i + len(w)}, From: FromProse}
					break
				}
			}
		}
		if p.ZeroDowntime == nil && l.Kind != KindCode && l.Kind != KindFrontMatter && !l.Cited && (l.Has(TermWindow) || l.Has(TermNeg)) {
			if i := zeroDowntimeAt(l); i >= 0 && !QuestionAt(l.Text, i) && !unanswered(l) {
				f := &Fact{Value: "true", Line: l, Span: Span{i, i + len("zero downtime")}, From: FromProse}
				if negatedAt(l, i) || impossibleAfter(l, i) || decidedAgainst(l, i) {
					f.Value = "false"
				}
				p.ZeroDowntime = f
			}
		}
	}
	if db.Line != nil || db.External || db.Patroni || db.Repmgr {
		p.Database = db
	}
	if p.RailsNodes == nil {
		p.RailsNodes = railsHostLines(r.doc)
	}
}

// valuesComment reports whether a line of a YAML block describes the
// database in its comment: "install: true  # PostgreSQL 16 (chart image)".
func valuesComment(l *Line) bool {
	if l.Lang != "yaml" && l.Lang != "yml" {
		return false
	}
	i := l.IndexOf("#")
	return i >= 0 && strings.Contains(l.Lower[i:], "postgres")
}

// oneGitLabNode reports whether a line says the instance has a single
// GitLab node, whatever other servers it lists: "It is the only GitLab
// node", "der einzige GitLab-Server", "el único servidor de GitLab", "le
// seul serveur GitLab", "nodo applicativo unico".
func oneGitLabNode(l *Line) bool {
	describes := l.LabelIs(TermArchitecture) || l.In(TermArchitecture) || l.In(TermEnvironment)
	for i, t := range l.Tokens {
		switch t.Word {
		case "only", "single", "einzige", "einzigen", "único", "unico", "única", "seul", "enige", "sola", "solo":
		case "one", "um", "uma", "un", "una", "ein", "einen", "einem", "één", "uno":
			// "Arquitetura: um nó de aplicação (Puma, Sidekiq, Gitaly) +
			// banco externo": a count in the description of the setup,
			// not "one node at a time".
			if !describes || l.ContainsAny("at a time", "after the other", "por vez", "de cada vez", "a la vez", "nach dem anderen", "à la fois", "alla volta", "voor een", "per keer") {
				continue
			}
		default:
			continue
		}
		// "GitLab" (or "application") and a node noun within a few words
		// of the qualifier, in the same clause, in any order.
		gitlab, node := false, false
		see := func(w string) {
			switch w {
			case "gitlab", "application", "app", "applicativo", "aplicación", "aplicacion", "aplicação", "applicatif", "anwendungs", "applicatie":
				gitlab = true
			case "node", "server", "host", "vm", "knoten", "nodo", "servidor", "serveur", "nœud", "noeud", "machine", "maschine", "máquina", "nó":
				node = true
			}
		}
		for j := i + 1; j < len(l.Tokens) && j <= i+4 && !l.Tokens[j].Break; j++ {
			see(l.Tokens[j].Word)
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			see(l.Tokens[j].Word)
			if l.Tokens[j].Break {
				break
			}
		}
		if gitlab && node {
			return true
		}
	}
	return false
}

// userNouns count an instance's users.
var userNouns = []string{"users", "user", "benutzer", "nutzer", "usuarios", "utilisateurs", "accounts", "usuários", "utilizadores", "utenti", "gebruikers"}

// railsHostLines counts the hosts an environment description lists one
// per line with Puma or Rails on them: "- `gl-app01` — Puma, Sidekiq,
// bundled PostgreSQL".
func railsHostLines(d *Document) *Count {
	var first *Line
	var span Span
	hosts := map[string]bool{}
	for _, l := range d.Lines {
		if l.Kind == KindCode || !(l.In(TermEnvironment) || l.In(TermArchitecture)) {
			continue
		}
		var c Span
		switch {
		case len(l.Code) > 0 && (l.Code[0].Start <= 4 || l.Kind == KindTableRow && len(l.Cells) > 1 && l.Code[0].End <= l.Cells[0].End):
			// The host opens the line or its first cell: "- `gl-app01`:
			// Puma", "| Node 1 `gl-app01` | Puma, Sidekiq |".
			c = l.Code[0]
		case l.Kind == KindTableRow && len(l.Cells) > 1 && l.Header != nil:
			// "| gitlab-app01 | Puma, Sidekiq, bundled PostgreSQL |"
			c = l.Cells[0]
			c.Start += len(l.Text[c.Start:c.End]) - len(strings.TrimLeft(l.Text[c.Start:c.End], " "))
			c.End = c.Start + len(strings.TrimSpace(l.Text[c.Start:c.End]))
		default:
			continue
		}
		host := strings.Trim(l.Lower[c.Start:c.End], "`*")
		after := l.Lower[c.End:min(len(l.Lower), c.End+30)]
		if l.Kind == KindTableRow {
			// A table row is the host's record: "| `gitlab-app01` |
			// applicatieserver (deploy node) | Puma, Sidekiq, ... |".
			after = l.Lower[c.End:]
		}
		if !hasDigit(host) || strings.ContainsAny(host, " /") || !(strings.Contains(after, "puma") || strings.Contains(after, "rails")) {
			continue
		}
		if first == nil {
			first, span = l, c
		}
		hosts[host] = true
		if n := hostRangeCount(host); n > 1 {
			// "`dal-rails-1..3`: Puma" names three hosts.
			for k := 1; k < n; k++ {
				hosts[host+"#"+strconv.Itoa(k)] = true
			}
		}
	}
	if first == nil {
		return nil
	}
	return &Count{N: len(hosts), Line: first, Span: span}
}

// hostRangeCount returns how many hosts a numbered range names
// ("gl-rails-01..03" is 3), or 0.
func hostRangeCount(host string) int {
	i := strings.Index(host, "..")
	if i <= 0 || i+2 >= len(host) {
		return 0
	}
	a := i
	for a > 0 && isDigitByte(host[a-1]) {
		a--
	}
	b := i + 2
	for b < len(host) && isDigitByte(host[b]) {
		b++
	}
	from, err1 := strconv.Atoi(host[a:i])
	to, err2 := strconv.Atoi(host[i+2 : b])
	if err1 != nil || err2 != nil || to <= from || to-from > 50 {
		return 0
	}
	return to - from + 1
}

// externalRedisWords name a Redis that GitLab does not run itself.
var externalRedisWords = []string{"elasticache", "memorystore", "azure cache for redis", "azure managed redis", "external redis", "externe redis", "externes redis", "redis externo", "redis externe", "managed redis", "redis.install: false", "redis.install=false", "redis enterprise", "separate redis", "own redis", "extern:", "external:", "externo:", "externe:", "externe :"}

// externalRedis returns the line when it says Redis runs outside GitLab
// ("Redis: ElastiCache", "redis.install: false"), or nil.
func externalRedis(l *Line) *Line {
	if !l.Contains("redis") && !l.Contains("elasticache") && !l.Contains("memorystore") {
		return nil
	}
	for _, w := range externalRedisWords {
		if i := l.IndexOf(w); i >= 0 && !negatedAt(l, i) {
			return l
		}
	}
	if strings.Contains(l.LowerLabel(), "redis") && externalValue(l) {
		return l
	}
	return nil
}

// externalValue reports whether a labelled line's value says first that
// the service runs outside GitLab: "**Redis:** extern, Redis 7.0 mit
// Sentinel", "PostgreSQL: externo (RDS)".
func externalValue(l *Line) bool {
	v := strings.TrimLeft(l.LowerValue(), " *_`(")
	return l.Label.Len() > 0 && (strings.HasPrefix(v, "extern") || strings.HasPrefix(v, "estern"))
}

// numberedHost reports whether a word ending at i is the start of a
// numbered host name: "rds-01", "pg2".
func numberedHost(low string, i int) bool {
	if i < len(low) && low[i] == '-' {
		i++
	}
	return i < len(low) && low[i] >= '0' && low[i] <= '9'
}

// postgresColumn reads a version from a table column headed
// "PostgreSQL".
func postgresColumn(l *Line) (string, Span, bool) {
	if l.Kind != KindTableRow {
		return "", Span{}, false
	}
	if h := l.Header; h != nil && len(h.Cells) == len(l.Cells) {
		for ci, hc := range h.Cells {
			head := strings.ToLower(h.Text[hc.Start:hc.End])
			if !strings.Contains(head, "postgres") || strings.Contains(head, "praefect") {
				continue
			}
			if ver, span, ok := leadingNumber(l, l.Cells[ci]); ok {
				return ver, span, true
			}
		}
	}
	// A row headed by the database: "| PostgreSQL | Amazon RDS, Multi-AZ
	// | 16.8 (database 52 GB) |".
	if len(l.Cells) >= 2 {
		first := strings.ToLower(strings.TrimSpace(l.Text[l.Cells[0].Start:l.Cells[0].End]))
		if strings.Contains(first, "postgres") && !strings.Contains(first, "praefect") && len(strings.Fields(first)) <= 3 {
			for _, c := range l.Cells[1:] {
				if ver, span, ok := leadingNumber(l, c); ok {
					return ver, span, true
				}
			}
		}
	}
	return "", Span{}, false
}

// leadingNumber returns the version number a table cell starts with.
func leadingNumber(l *Line, c Span) (string, Span, bool) {
	cell := strings.TrimSpace(l.Text[c.Start:c.End])
	k := 0
	for k < len(cell) && (cell[k] >= '0' && cell[k] <= '9' || cell[k] == '.') {
		k++
	}
	ver := strings.TrimRight(cell[:k], ".")
	if ver == "" {
		return "", Span{}, false
	}
	start := c.Start + strings.Index(l.Text[c.Start:c.End], ver)
	return ver, Span{start, start + len(ver)}, true
}

// requirement reports whether "PostgreSQL <ver>" at token t states what a
// release needs: "needs PostgreSQL 14", "PostgreSQL 16 or later",
// "minimum PostgreSQL 13".
// requirementWords say what a release needs: "17.0 needs PostgreSQL 14",
// "weil GitLab 19.0 mindestens PostgreSQL 17 verlangt".
var requirementWords = map[string]bool{"needs": true, "need": true, "requires": true, "require": true, "required": true, "minimum": true, "least": true,
	"supports": true, "support": true, "benötigt": true, "erfordert": true, "mindestens": true, "verlangt": true, "braucht": true, "voraussetzt": true,
	"necesita": true, "requiere": true, "nécessite": true, "exige": true, "richiede": true, "vereist": true, "requer": true, "precisa": true}

func requirement(l *Line, t Token, ver string) bool {
	ti := tokenAt(l, t.Start)
	for j := ti - 1; j >= 0 && j >= ti-3; j-- {
		if requirementWords[l.Tokens[j].Word] {
			return true
		}
	}
	after := strings.ToLower(l.Text[t.End:])
	if i := strings.Index(after, ver); i >= 0 && i < 3 {
		if strings.HasPrefix(after[i+len(ver):], "+") {
			// "PostgreSQL 16+" (but "PostgreSQL 16.10 + Patroni" names two
			// things).
			return true
		}
		rest := strings.TrimLeft(after[i+len(ver):], " ")
		for _, w := range []string{"or later", "or newer", "or higher", "or above", "oder neuer", "oder höher", "o posterior", "o superior", "ou plus", "ou supérieur"} {
			if strings.HasPrefix(rest, w) {
				return true
			}
		}
	}
	return false
}

// versionWordAfter finds "version 14.17" a few words after the database
// token t, or a number after a colon ("PostgreSQL incluido: 14.11"), in
// the same sentence and before any mention of GitLab.
func versionWordAfter(l *Line, t Token) string {
	ti := tokenAt(l, t.End)
	for j := ti; j < len(l.Tokens) && j < ti+8; j++ {
		w := l.Tokens[j].Word
		if w == "gitlab" || j > ti && breakBetween(l, j-1, j) && strings.Contains(l.Text[l.Tokens[j-1].End:l.Tokens[j].Start], ". ") {
			return ""
		}
		if isDigitWord(w) && j > ti && j <= ti+5 && (strings.Contains(l.Text[l.Tokens[j-1].End:l.Tokens[j].Start], ":") || pgFillerBetween(l, ti, j)) {
			// "PostgreSQL incluido: 14.11", "PostgreSQL (bundled): 14.11"
			return numberAt(l.Text[l.Tokens[j].Start:])
		}
		switch w {
		case "version", "versión", "versao", "versão", "versione", "versie":
		default:
			continue
		}
		if j+1 < len(l.Tokens) && isDigitWord(l.Tokens[j+1].Word) {
			return numberAt(l.Text[l.Tokens[j+1].Start:])
		}
	}
	return ""
}

// wordIndex returns the offset of w in low as whole words ("rds" is not
// in "afterwards"), or -1.
func wordIndex(low, w string) int {
	for at := 0; ; {
		i := strings.Index(low[at:], w)
		if i < 0 {
			return -1
		}
		i += at
		end := i + len(w)
		if (i == 0 || !isWordChar(low[i-1])) && (end == len(low) || !isWordChar(low[end])) {
			return i
		}
		at = i + 1
	}
}

func isWordChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// pgFiller are the words between "PostgreSQL" and its version in "bundled,
// 14.11", "que ya está en 16.8", "is now on 16.8".
var pgFiller = map[string]bool{"bundled": true, "incluido": true, "incluida": true, "gebündelt": true, "gebündelte": true, "embarqué": true,
	"que": true, "ya": true, "está": true, "en": true, "is": true, "at": true, "on": true, "now": true, "currently": true, "already": true,
	"ist": true, "bereits": true, "auf": true, "est": true, "déjà": true, "version": true, "server": true, "flexible": true,
	// ("PostgreSQL: el incluido en la imagen, 14.11", "the one in the image: 16.10")
	"the": true, "one": true, "in": true, "image": true, "container": true, "el": true, "la": true, "imagen": true,
	"der": true, "im": true, "le": true, "dans": true,
	// Portuguese and Italian: "PostgreSQL incluído já está na 16.8",
	// "PostgreSQL incluso è già alla 16.8".
	"incluído": true, "embutido": true, "já": true, "na": true, "no": true, "em": true, "incluso": true, "integrato": true,
	"è": true, "già": true, "alla": true, "a": true, "nella": true,
	"o": true, "empacotado": true, "empacotada": true, "il": true, "interno": true, "het": true, "meegeleverde": true, "meegeleverd": true, "ingebouwde": true, "ingebouwd": true, "gebundeld": true,
	// ("incluso nel pacchetto, 14.17", "bundled with the package: 16.8")
	"nel": true, "pacchetto": true, "package": true, "paket": true, "paquete": true, "pacote": true, "pakket": true, "del": true, "do": true, "with": true, "im paket": true,
	// ("PostgreSQL is de meegeleverde database, nu 14.17", "PostgreSQL
	// blijft dus op 14.17": the running version, with or without a
	// change that keeps it.)
	"de": true, "database": true, "datenbank": true, "nu": true, "now,": true, "jetzt": true, "ahora": true, "maintenant": true, "agora": true,
	"op": true, "dus": true, "blijft": true, "stays": true, "remains": true, "bleibt": true, "sigue": true, "reste": true, "resta": true, "fica": true, "permanece": true, "so": true, "also": true, "daher": true, "donc": true}

func pgFillerBetween(l *Line, from, to int) bool {
	for k := from; k < to; k++ {
		if !pgFiller[l.Tokens[k].Word] {
			return false
		}
	}
	return true
}

// movesBefore reports whether a verb that takes the database somewhere
// stands in the three words before t: "would bring PostgreSQL to 16",
// "porterebbe PostgreSQL a 16", "bringt PostgreSQL auf 17".
func movesBefore(l *Line, t Token) bool {
	ti := tokenAt(l, t.Start)
	for j := ti - 1; j >= 0 && j >= ti-3; j-- {
		switch l.Tokens[j].Word {
		case "bring", "brings", "would", "moves", "takes", "bringt", "brächte", "hebt", "lleva", "llevaría", "llevará", "amène", "amènerait", "porte", "porterait",
			"porta", "porterebbe", "porterà", "leva", "levaria", "levará", "brengt", "zou":
			return true
		}
	}
	return false
}

// readDatabase notes the PostgreSQL version and where it runs.
func (r *planReader) readDatabase(l *Line, db *Database) {
	// (A plain block in the environment is a diagram of the nodes:
	// "pgsql-1..3   Patroni + PostgreSQL 16.11 (bundled)".)
	if f := envInfoDBVersion(l); f != "" && db.Line == nil {
		if major, ok := postgresNumber(f); ok {
			at := strings.LastIndex(l.Lower, f)
			db.Version, db.Major, db.Line, db.Span = f, major, l, Span{at, at + len(f)}
			return
		}
	}
	if l.Kind == KindCode && !namesVersionQuery(l) && !selectVersionOutput(l) && !(plainLang(l.Lang) && (l.In(TermEnvironment) || l.In(TermArchitecture)) && !strings.HasPrefix(strings.TrimSpace(l.Lower), "sudo ")) && !valuesComment(l) {
		return
	}
	low := l.Lower
	if db.Line == nil && answerLabel(l) && l.Index > 0 {
		// "**Q: PostgreSQL?**" / "A: Bundled 16.8 (...)".
		if q := r.doc.Lines[l.Index-1]; strings.HasSuffix(strings.TrimSpace(q.Text), "?") && q.Contains("postgres") {
			words := strings.Fields(l.Lower[l.Value.Start:l.Value.End])
			for i, w := range words {
				if i > 3 {
					break
				}
				ver := strings.TrimRight(strings.Trim(w, "(),;"), ".")
				if major, err := strconv.Atoi(strings.SplitN(ver, ".", 2)[0]); err == nil && major >= 9 && major <= 30 && strings.Contains(ver, ".") {
					at := strings.Index(l.Lower[l.Value.Start:], ver) + l.Value.Start
					db.Version, db.Major, db.Line, db.Span = ver, major, l, Span{at, at + len(ver)}
					break
				}
			}
		}
	}
	if db.Line == nil {
		if ver, span, ok := postgresColumn(l); ok {
			// "| Site | Role | PostgreSQL |" ... "| London | primary | 16.11 (bundled) |"
			if major, err := strconv.Atoi(strings.SplitN(ver, ".", 2)[0]); err == nil && major >= 9 && major <= 30 {
				db.Version, db.Major, db.Line, db.Span = ver, major, l, span
			}
		}
	}
	if db.Line == nil {
		if ver, span, ok := serverVersionOutput(l); ok {
			major, _ := strconv.Atoi(strings.SplitN(ver, ".", 2)[0])
			db.Version, db.Major, db.Line, db.Span = ver, major, l, span
		}
	}
	if !l.Has(TermDatabaseWord) {
		return
	}
	if externalValue(l) && l.LabelIs(TermDatabaseWord) {
		db.External = true
		if db.ExternalLine == nil {
			db.ExternalLine = l
		}
	}
	for _, w := range []string{"rds", "aurora", "cloud sql", "azure database", "alloydb", "external postgres", "external database", "externe datenbank", "base de datos externa", "base de données externe", "managed postgres", "separate postgres", "own postgres", "separate server", "separate host", "dedicated server", "dedicated host", "postgresql['enable'] = false", "pgdg", "dba team", "dba-team",
		"postgresql.install=false", "postgresql.install: false", "external vm", "externe vm", "separate vm", "eigene vm", "vm externa", "vm externe",
		"apt.postgresql.org", "yum.postgresql.org", "externe database", "database esterno", "base de dados externa", "externe postgres"} {
		if !l.mayContain(w) {
			continue
		}
		if i := wordIndex(low, w); i >= 0 && !negatedAt(l, i) && !labelNegates(l, i) && !praefectDatabaseAt(low, i) && !(w == "rds" && numberedHost(low, i+len(w))) {
			// ("rds-01, rds-02": Redis hosts, not Amazon RDS.)
			db.External = true
			if db.ExternalLine == nil {
				db.ExternalLine = l
			}
		}
	}
	if l.Contains("patroni") && !negatedAt(l, l.IndexOf("patroni")) {
		db.Patroni = true
	}
	if l.Contains("repmgr") && !negatedAt(l, l.IndexOf("repmgr")) {
		db.Repmgr = true
	}
	if db.Line != nil {
		return
	}
	if l.Label.Len() > 0 && l.Kind != KindCode {
		// "**PostgreSQL:** el incluido en la imagen, ya en **16.8** (...)":
		// the first version in the value of a PostgreSQL label, before
		// any aside.
		label := l.LowerLabel()
		if i := strings.IndexByte(label, '('); i > 0 {
			// "| PostgreSQL (primary + streaming replica) | ... |"
			label = label[:i]
		}
		switch strings.TrimSpace(label) {
		case "postgresql", "postgres", "pg", "postgresql version", "postgresql-version", "versión de postgresql", "version postgresql", "datenbank", "database", "base de datos", "base de données":
			if l.Kind == KindTableRow {
				// "| PostgreSQL | VMs pg-01, pg-02, Ubuntu 22.04 | **16.9** |":
				// a cell that holds only the version.
				for _, c := range l.Cells[1:] {
					f := strings.Trim(strings.TrimSpace(l.Text[c.Start:c.End]), "*`_")
					if major, ok := postgresNumber(f); ok {
						at := c.Start + strings.Index(l.Text[c.Start:c.End], f)
						db.Version, db.Major, db.Line, db.Span = f, major, l, Span{at, at + len(f)}
						return
					}
				}
			}
			v := l.Text[l.Value.Start:l.Value.End]
			if i := strings.IndexByte(v, '('); i >= 0 {
				v = v[:i]
			}
			if low := strings.ToLower(v); strings.Contains(low, "gitlab") || containsAny(low, []string{"install", "ship", "bring", "brings", "package", "paket", "paquete", "requires", "needs", "benötigt", "necesita", "nécessite"}) {
				// ("PostgreSQL: 17.11 installs 16" names GitLab's release.)
				v = ""
			}
			prev := ""
			for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '*' || r == ',' || r == ';' || r == '|' }) {
				f = strings.TrimRight(f, ".")
				after := prev
				prev = strings.ToLower(f)
				switch after {
				case "ubuntu", "debian", "rhel", "centos", "almalinux", "alma", "rocky", "sles", "oracle", "amazon", "opensuse", "linux":
					// "Ubuntu 22.04" is the machine's system.
					continue
				}
				major, ok := postgresNumber(f)
				if !ok {
					continue
				}
				at := l.Value.Start + strings.Index(l.Text[l.Value.Start:], f)
				db.Version, db.Major, db.Line, db.Span = f, major, l, Span{at, at + len(f)}
				return
			}
		}
	}
	// "PostgreSQL 13", "bundled PostgreSQL 16.8", "PG 14", "Postgres 12.10".
	for _, t := range l.Tokens {
		if t.Word != "postgresql" && t.Word != "postgres" && t.Word != "pg" {
			continue
		}
		if praefectBefore(l, t) {
			// "Praefect PostgreSQL 16.4": not GitLab's own database.
			continue
		}
		rest := l.Text[t.End:]
		j := 0
		// "PostgreSQL Cloud SQL 16.8", "PostgreSQL RDS 16.8": the
		// provider's name between the product and its version.
		for _, p := range []string{" cloud sql", " rds", " aurora", " flexible server", " azure"} {
			if len(rest) > len(p) && strings.EqualFold(rest[:len(p)], p) {
				j = len(p)
				break
			}
		}
		for j < len(rest) && (rest[j] == ' ' || rest[j] == ':' || rest[j] == '|' || rest[j] == 'v') {
			j++
		}
		k := j
		for k < len(rest) && (rest[k] >= '0' && rest[k] <= '9' || rest[k] == '.') {
			k++
		}
		ver := strings.TrimRight(rest[j:k], ".")
		if k < len(rest) && rest[k] == '/' {
			// "PostgreSQL 14/15 plus supportés": the majors a release
			// drops, not the one that runs.
			continue
		}
		if ver == "" {
			// "PostgreSQL incluido en la imagen, versión 14.17".
			ver = versionWordAfter(l, t)
		}
		if ver == "" {
			continue
		}
		major, err := strconv.Atoi(strings.SplitN(ver, ".", 2)[0])
		if err != nil || major < 9 || major > 30 {
			continue
		}
		if requirement(l, t, ver) || shipsBefore(l, t) {
			// "17.0 needs PostgreSQL 14 or later" is a requirement, and
			// "the 18.11 package ships PostgreSQL 17" what a package
			// brings, not the running version.
			continue
		}
		if movesBefore(l, t) || futureWorkAfter(l.Lower[min(t.End+k, len(l.Lower)):]) {
			// "Il pacchetto 17.11 porterebbe PostgreSQL a 16": where the
			// package would take it, not where it is. "the PostgreSQL 17
			// project (needed for 19.0)": work still to come.
			continue
		}
		if !l.In(TermEnvironment) && !l.In(TermArchitecture) && l.Label.Len() == 0 && (termBefore(l, t.Start, TermUpgradeVerb, 4) || termBefore(l, t.Start, TermTo, 2)) {
			// "upgrade PostgreSQL 16", "moves it to PostgreSQL 14" is a
			// plan, not the current version.
			continue
		}
		db.Version, db.Major, db.Line = ver, major, l
		db.Span = Span{t.Start, t.End + k}
		if to, end, ok := pastArrowTarget(l, rest, k); ok {
			// "Earlier prep work: PostgreSQL 14 → 16 on the Patroni
			// cluster (Sept 2026)": the database runs the arrow's end.
			if m, err := strconv.Atoi(strings.SplitN(to, ".", 2)[0]); err == nil && m > major && m <= 30 {
				db.Version, db.Major = to, m
				db.Span = Span{t.Start, t.End + end}
			}
		}
		return
	}
}

// envInfoDBVersion returns the database version "gitlab:env:info" printed
// on a code line ("DB Version:     14.17"), or "".
func envInfoDBVersion(l *Line) string {
	if l.Kind != KindCode {
		return ""
	}
	v, ok := strings.CutPrefix(strings.TrimSpace(l.Lower), "db version:")
	if !ok {
		return ""
	}
	return strings.TrimSpace(v)
}

// selectVersionOutput reports whether a code line is what PostgreSQL's
// "SELECT version();" printed: "PostgreSQL 16.8 on x86_64-pc-linux-gnu,
// compiled by gcc ...".
func selectVersionOutput(l *Line) bool {
	low := strings.TrimSpace(l.Lower)
	rest, ok := strings.CutPrefix(low, "postgresql ")
	if !ok {
		return false
	}
	_, after, ok := strings.Cut(rest, " ")
	return ok && strings.HasPrefix(after, "on ") && strings.Contains(after, "compiled by")
}

// futureWorkAfter reports whether the text after a database version
// makes it a piece of work or a requirement: "project", "upgrade",
// "(needed for 19.0)".
func futureWorkAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " *")
	for _, w := range []string{"project", "projekt", "proyecto", "projet", "progetto", "projeto", "upgrade", "migration", "migración", "migrazione", "migração", "(needed", "(required", "needed for", "required for", "(nötig", "(erforderlich", "(necesario", "(nécessaire", "(necessario", "(necessário", "(nodig"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// pastArrowTarget reads "→ 16" after a database version at rest[k:] when
// the line tells of an upgrade already done: the version it went to, and
// where that ends in rest.
func pastArrowTarget(l *Line, rest string, k int) (string, int, bool) {
	after := strings.TrimLeft(rest[k:], " ")
	for _, a := range []string{"→", "->", "=>"} {
		if strings.HasPrefix(after, a) {
			num := strings.TrimLeft(after[len(a):], " ")
			to := numberAt(num)
			if to == "" || !pastUpgradeWords(l) {
				return "", 0, false
			}
			return to, len(rest) - len(num) + len(to), true
		}
	}
	return "", 0, false
}

// pastUpgradeWords reports whether a line tells of work already done:
// "Earlier prep work", "upgraded in September", "bereits erledigt".
func pastUpgradeWords(l *Line) bool {
	for _, t := range l.Tokens {
		switch t.Word {
		case "earlier", "previously", "already", "done", "completed", "upgraded", "migrated", "bereits", "erledigt", "aktualisiert", "ya", "realizado", "realizada", "déjà", "effectué", "effectuée":
			return true
		}
	}
	return false
}

// shipsBefore reports whether a word just before the database token says
// what a package brings: "ships PostgreSQL 17", "includes PostgreSQL 16".
func shipsBefore(l *Line, t Token) bool {
	ti := tokenAt(l, t.Start)
	for j := ti - 1; j >= 0 && j >= ti-3; j-- {
		switch l.Tokens[j].Word {
		case "ships", "ship", "shipped", "includes", "bundles", "contains", "provides", "brings", "liefert", "enthält", "bringt", "incluye", "trae", "inclut", "fournit", "apporte":
			return true
		}
	}
	return false
}

// numberAt returns the number that s starts with, "16.8" of "16.8 (bundled)".
func numberAt(s string) string {
	k := 0
	for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == '.') {
		k++
	}
	return strings.TrimRight(s[:k], ".")
}

// namesVersionQuery reports whether a line queries PostgreSQL's version.
func namesVersionQuery(l *Line) bool {
	i, _ := versionQuery(l.Lower)
	return i >= 0
}

// versionQuery finds a query for PostgreSQL's version in lower-case text
// ("SHOW server_version", "SELECT version()"): where it is and how it is
// written, or -1.
func versionQuery(low string) (int, string) {
	for _, key := range []string{"server_version", "select version()"} {
		if i := strings.Index(low, key); i >= 0 {
			return i, key
		}
	}
	return -1, ""
}

// serverVersionOutput reads the answer of a "SHOW server_version" query
// that describes the instance: "`gitlab-psql -c 'SHOW server_version;'` →
// 17.7". A step that says what the query must show afterwards is a check,
// not the running version.
func serverVersionOutput(l *Line) (string, Span, bool) {
	i, key := versionQuery(l.Lower)
	if i < 0 || l.In(TermProcedure) || l.In(TermVerify) || l.In(TermStaging) {
		return "", Span{}, false
	}
	rest := l.Lower[i+len(key):]
	if len(rest) > 40 {
		rest = rest[:40]
	}
	j := strings.IndexAny(rest, "0123456789")
	if j < 0 {
		return "", Span{}, false
	}
	between := rest[:j]
	said := false
	for _, w := range []string{"→", "->", "=>", "returns", "returned", "shows", "showed", "gives", "gave", "reports", "says", "zeigt", "devuelve", "muestra", "affiche", "renvoie"} {
		if strings.Contains(between, w) {
			said = true
		}
	}
	if !said || containsAny(between, []string{"must", "should", "expect", "will", "muss", "debe", "doit", "still", "noch"}) {
		return "", Span{}, false
	}
	ver := numberAt(rest[j:])
	major, err := strconv.Atoi(strings.SplitN(ver, ".", 2)[0])
	if err != nil || major < 9 || major > 30 {
		return "", Span{}, false
	}
	at := i + len(key) + j
	return ver, Span{at, at + len(ver)}, true
}

// labelNegates reports whether offset off lies in the value of a label
// that negates its list: "| Nicht im Einsatz | Geo, externe Datenbank |".
func labelNegates(l *Line, off int) bool {
	if l.Label.Len() == 0 || off < l.Value.Start {
		return false
	}
	for _, m := range l.Matches {
		if m.Term == TermNeg && m.Start >= l.Label.Start && m.End <= l.Label.End {
			return true
		}
	}
	return false
}

// praefectBefore reports whether a Praefect word stands within three words
// before token t, or the line is about Praefect's database only.
func praefectBefore(l *Line, t Token) bool {
	ti := tokenAt(l, t.Start)
	for j := max(0, ti-3); j < ti; j++ {
		if w := l.Tokens[j].Word; strings.HasPrefix(w, "praefect") || w == "tracking" {
			// "Praefect PostgreSQL 16.4", "Geo tracking database
			// (PostgreSQL 17.7)" are not GitLab's own database.
			return true
		}
	}
	if ti+2 < len(l.Tokens) && l.Tokens[ti+1].Word == "tracking" {
		return true
	}
	// ("PostgreSQL 14.17 sur le cluster Patroni et sur praefect-db" names
	// GitLab's database first: only a Praefect database named before the
	// version, or right after it, takes the version.)
	for _, w := range []string{"praefect database", "praefect db", "praefect's database", "praefect-db"} {
		if i := l.IndexOf(w); i >= 0 && i < t.End+30 {
			return true
		}
	}
	return false
}

// countBefore finds "<number> <noun>" and returns the number.
func countBefore(l *Line, nouns ...string) (int, Span, bool) {
	for i, t := range l.Tokens {
		match := false
		for _, n := range nouns {
			if t.Word == n {
				match = true
			}
		}
		if !match || i == 0 {
			continue
		}
		// Walk back over "about", "~", "approx." to the number.
		j := i - 1
		for j > 0 && (l.Tokens[j].Word == "about" || l.Tokens[j].Word == "approximately" || l.Tokens[j].Word == "active" || l.Tokens[j].Word == "registered" || l.Tokens[j].Word == "ca" || l.Tokens[j].Word == "rund") {
			j--
		}
		start := l.Tokens[j].Start
		// Numbers with thousands separators are several tokens: 30,000 / 1.100.
		k := j
		for k > 0 && isDigitWord(l.Tokens[k-1].Word) && len(l.Text[l.Tokens[k-1].End:l.Tokens[k].Start]) == 1 && strings.ContainsAny(l.Text[l.Tokens[k-1].End:l.Tokens[k].Start], ",.' ") {
			k--
			start = l.Tokens[k].Start
		}
		raw := l.Text[start:l.Tokens[j].End]
		n, ok := parseCount(raw)
		if ok && !threshold(l, k, i) {
			return n, Span{start, t.End}, true
		}
	}
	return 0, Span{}, false
}

// countAfterLabel reads a count given as a labelled value: "Users: 640",
// "| Nutzer / users | 1.100 |".
func countAfterLabel(l *Line, nouns ...string) (int, Span, bool) {
	if l.Label.Len() == 0 || l.Value.Len() == 0 {
		return 0, Span{}, false
	}
	label := strings.ToLower(l.Text[l.Label.Start:l.Label.End])
	named := false
	for _, n := range nouns {
		if wordIndex(label, n) >= 0 {
			named = true
		}
	}
	if !named {
		return 0, Span{}, false
	}
	v := l.Text[l.Value.Start:l.Value.End]
	trim := strings.TrimLeft(v, " *~≈")
	off := l.Value.Start + len(v) - len(trim)
	end := 0
	for end < len(trim) && (trim[end] >= '0' && trim[end] <= '9' || (trim[end] == ',' || trim[end] == '.' || trim[end] == '\'') && end+1 < len(trim) && trim[end+1] >= '0' && trim[end+1] <= '9') {
		end++
	}
	if end < len(trim) && (trim[end] == 'k' || trim[end] == 'K') {
		end++
	}
	if end == 0 {
		return 0, Span{}, false
	}
	n, ok := parseCount(trim[:end])
	return n, Span{off, off + end}, ok
}

// threshold reports whether the count at tokens k..noun is a limit
// rather than the instance's own number: "30,000 users or more", "more
// than 1,000 users", "ab 30.000 Benutzern".
func threshold(l *Line, k, noun int) bool {
	if k > 0 {
		switch l.Tokens[k-1].Word {
		case "than", "over", "above", "least", "under", "below", "beyond", "exceeding", "ab", "über", "mehr", "más", "plus", "dès", "mais", "oltre", "meer", "dan", "acima":
			return true
		}
	}
	// "≥ 30.000 Nutzer", "> 1,000 users", "(>= 30k users)".
	before := strings.TrimRight(l.Text[:l.Tokens[k].Start], " ")
	if strings.HasSuffix(before, "≥") || strings.HasSuffix(before, ">") || strings.HasSuffix(before, ">=") || strings.HasSuffix(before, "⩾") {
		return true
	}
	if noun+2 < len(l.Tokens) {
		a, b := l.Tokens[noun+1].Word, l.Tokens[noun+2].Word
		if (a == "or" || a == "and" || a == "oder" || a == "o" || a == "ou" || a == "of") && (b == "more" || b == "above" || b == "mehr" || b == "más" || b == "plus" || b == "mais" || b == "più" || b == "meer") {
			return true
		}
	}
	return false
}

// parseCount reads "30,000", "1.100", "30k", "1.5k", "250".
func parseCount(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	mult := 1.0
	if strings.HasSuffix(s, "k") {
		mult = 1000
		s = strings.TrimSuffix(s, "k")
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return int(f * mult), true
		}
		return 0, false
	}
	s = digitSeparators.Replace(s)
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

// digitSeparators removes the thousands separators of "30,000", "30.000",
// "30'000" and "30 000".
var digitSeparators = strings.NewReplacer(",", "", ".", "", "'", "", " ", "")

var numberWordValues = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"zwei": 2, "drei": 3, "vier": 4, "dos": 2, "tres": 3, "cuatro": 4, "deux": 2, "trois": 3, "quatre": 4, "single": 1}

// postgresNumber reports whether f is a PostgreSQL version written as
// major.minor ("16.9", "13.14") and returns its major.
func postgresNumber(f string) (int, bool) {
	maj, rest, ok := strings.Cut(f, ".")
	major, err := strconv.Atoi(maj)
	return major, ok && err == nil && major >= 9 && major <= 30 && rest != "" && strings.Trim(rest, "0123456789") == ""
}

// railsNodes finds the number of Rails (web, Puma, application) nodes.
func railsNodes(l *Line) (int, Span, bool) {
	for i, t := range l.Tokens {
		switch t.Word {
		case "rails", "web", "puma", "webservice", "application", "app", "frontend":
		default:
			continue
		}
		if i+1 >= len(l.Tokens) {
			continue
		}
		next := l.Tokens[i+1].Word
		if next != "nodes" && next != "node" && next != "servers" && next != "server" && next != "vms" && next != "instances" {
			continue
		}
		if i == 0 {
			continue
		}
		w := l.Tokens[i-1].Word
		if i >= 2 {
			switch l.Tokens[i-2].Word {
			case "on", "auf", "en", "sur", "from", "via":
				// "gitlab:env:info on one Rails node" says where, not
				// how many.
				continue
			}
		}
		if w == "only" && (next == "node" || next == "server") && !l.HasWord("not", "nicht", "no", "pas") {
			// "gl-app01 is the only Rails node"
			return 1, Span{l.Tokens[i-1].Start, l.Tokens[i+1].End}, true
		}
		if n, ok := numberWordValues[w]; ok {
			return n, Span{l.Tokens[i-1].Start, l.Tokens[i+1].End}, true
		}
		if st := l.Tokens[i-1].Start; st > 0 && (l.Text[st-1] == '.' || l.Text[st-1] == '-') {
			// "→ 18.2.8 (app node + ...)": the end of a version number.
			continue
		}
		if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 100 {
			return n, Span{l.Tokens[i-1].Start, l.Tokens[i+1].End}, true
		}
	}
	return 0, Span{}, false
}

// railsHostRange counts the hosts of a numbered range given as the Rails
// nodes: "| Rails | `gl-rails-01..03` |".
func railsHostRange(l *Line) (int, Span, bool) {
	if l.Label.Len() == 0 || l.Value.Len() == 0 {
		return 0, Span{}, false
	}
	label := strings.Trim(l.LowerLabel(), " *_")
	switch label {
	case "rails", "rails nodes", "web", "web nodes", "puma", "application", "application nodes", "app nodes", "gitlab rails":
	default:
		return 0, Span{}, false
	}
	v := l.Text[l.Value.Start:l.Value.End]
	n := hostRangeCount(v)
	if n == 0 {
		return 0, Span{}, false
	}
	return n, l.Value, true
}

// namedRailsHosts counts host names listed before a colon that says they
// run Puma or Rails: "`app1`, `app2`: Puma + Sidekiq".
func namedRailsHosts(l *Line) (int, Span, bool) {
	c := strings.IndexByte(l.Text, ':')
	if c <= 0 {
		return 0, Span{}, false
	}
	after := l.Lower[c:min(len(l.Lower), c+30)]
	if !strings.Contains(after, "puma") && !strings.Contains(after, "rails") && !strings.Contains(after, "webservice") {
		return 0, Span{}, false
	}
	// The roles follow the hosts at once: "`app1`, `app2`: Puma +
	// Sidekiq", not a step ("Upgrades do RDS (S2 e S3): parar Puma e
	// Sidekiq").
	first := strings.TrimLeft(l.Lower[c+1:], " `*_(")
	if !strings.HasPrefix(first, "puma") && !strings.HasPrefix(first, "rails") && !strings.HasPrefix(first, "webservice") && !strings.HasPrefix(first, "sidekiq") && !strings.HasPrefix(first, "gitlab") && !strings.HasPrefix(first, "web") && !strings.HasPrefix(first, "application") && !strings.HasPrefix(first, "app ") {
		return 0, Span{}, false
	}
	// Host names end in a number: "app1", "web-01" (tokens "web", "01"),
	// or a letter after a dash: "web-a".
	n := 0
	start := -1
	for i, t := range l.Tokens {
		if t.End > c {
			break
		}
		if InParens(l.Text[:t.Start]) {
			// "git-app01 (EC2 m6i.2xlarge): Puma": the machine type
			// names no second host.
			continue
		}
		w := t.Word
		d := len(w)
		for d > 0 && w[d-1] >= '0' && w[d-1] <= '9' {
			d--
		}
		// ("gl-web-a", "gl-web-b": a letter after a dash numbers them too.)
		dashed := i > 0 && l.Text[l.Tokens[i-1].End:t.Start] == "-"
		host := d > 0 && d < len(w) || d == 0 && dashed || len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' && dashed
		if !host {
			continue
		}
		if start < 0 {
			start = t.Start
		}
		n++
	}
	if n < 2 {
		return 0, Span{}, false
	}
	return n, Span{start, c}, true
}

// InParens reports whether the end of s lies inside an open parenthesis.
func InParens(s string) bool {
	return strings.Count(s, "(") > strings.Count(s, ")")
}

// zeroDowntimeAt returns where a line names a zero-downtime upgrade, or -1.
func zeroDowntimeAt(l *Line) int {
	if l.Label.Len() > 0 {
		// "**Downtime:** none. The Operator does a rolling update".
		switch strings.ToLower(strings.TrimSpace(l.LabelText())) {
		case "downtime", "planned downtime", "user downtime", "ausfallzeit", "geplante ausfallzeit", "tiempo de inactividad", "interrupción", "interruption", "interruption de service", "indisponibilité", "fermo", "disservizio", "onderbreking", "indisponibilidade":
			v := strings.TrimLeft(l.LowerValue(), " *_")
			for _, w := range []string{"none", "no downtime", "zero", "keine", "ninguno", "ninguna", "aucune", "aucun", "nessuno", "nessun", "geen", "nenhum", "nenhuma"} {
				if strings.HasPrefix(v, w) && (len(v) == len(w) || !(v[len(w)] >= 'a' && v[len(w)] <= 'z')) {
					return l.Label.Start
				}
			}
		}
	}
	for _, w := range []string{"zero-downtime", "zero downtime", "zero‑downtime", "without downtime", "no downtime", "no user downtime", "without user downtime", "no outage", "without an outage", "without outage", "ohne ausfallzeit", "ohne downtime", "sin tiempo de inactividad", "sans interruption"} {
		if i := l.IndexOf(w); i >= 0 {
			if rejectedOption(l) || takesDowntime(l) || l.SaysAfter(i+len(w), 60, "not attempted", "is not attempted", "not planned", "is not possible", "not possible", "not an option", "nicht geplant", "nicht möglich", "no es posible", "no se intenta", "no está previsto", "pas possible", "pas prévu", "pas tenté", "niet mogelijk", "niet gepland", "non è possibile", "non previsto") {
				// "Option B: one minor at a time, zero downtime (rejected)",
				// "We take downtime: the documents disagree on zero-downtime
				// upgrades with the chart".
				return -1
			}
			if l.InLink(i) {
				// "[Zero-downtime upgrades (GitLab 17.11 docs)](...)"
				// cites a page.
				continue
			}
			// "only needed for zero-downtime upgrades" names a rule's
			// condition, not how this upgrade runs.
			before := l.Lower[max(0, i-20):i]
			for _, x := range []string{"needed for", "only for", "required for", "applies to", "nur für", "nur bei", "solo para", "seulement pour"} {
				if strings.Contains(before, x) {
					return -1
				}
			}
			// "Trigger cluster reindexing (réindexation sans
			// interruption)" qualifies another operation.
			for _, x := range []string{"reindex", "réindex", "reindiz", "reindicizz", "herindex", "garbage collect", "cleanup", "nettoyage", "limpieza", "certificat", "certificate", "zertifikat", "certificado", "renewal", "renouvellement"} {
				if strings.Contains(before, x) {
					return -1
				}
			}
			// "the 18.2 zero-downtime push bug: not relevant" names a
			// known problem, not how this upgrade runs.
			rest := l.Lower[i+len(w):]
			if len(rest) > 40 {
				rest = rest[:40]
			}
			for _, x := range []string{"bug", "issue", "problem", "trap", "not relevant", "does not apply", "regression"} {
				if strings.Contains(rest, x) {
					return -1
				}
			}
			return i
		}
	}
	return -1
}

// rejectedOption reports whether a line describes an option the plan
// turned down.
func rejectedOption(l *Line) bool {
	for _, w := range []string{"rejected", "abgelehnt", "verworfen", "rechazad", "descartad", "rejeté", "écarté", "not chosen", "discarded"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// takesDowntime reports whether a line says the upgrade has downtime.
func takesDowntime(l *Line) bool {
	for _, w := range []string{"take downtime", "takes downtime", "with downtime", "full downtime", "planned downtime", "announced downtime", "mit ausfallzeit", "mit downtime", "con tiempo de inactividad", "con parada", "avec interruption", "avec coupure"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// impossibleAfter reports whether the words after offset say the thing
// cannot be done: "zero downtime is not possible".
func impossibleAfter(l *Line, off int) bool {
	return l.SaysAfter(off, 60, "not possible", "impossible", "isn't possible", "not an option", "nicht möglich", "no es posible", "pas possible")
}

// SaysAfter reports whether one of the phrases occurs in the n bytes of
// the lower-cased text after offset off.
func (l *Line) SaysAfter(off, n int, phrases ...string) bool {
	if off < 0 || off > len(l.Lower) {
		return false
	}
	rest := l.Lower[off:]
	if len(rest) > n {
		rest = rest[:n]
	}
	for _, p := range phrases {
		if strings.Contains(rest, p) {
			return true
		}
	}
	return false
}

// negatedAt reports whether a negation word stands within a few words
// before byte offset off in the same clause.
func negatedAt(l *Line, off int) bool {
	if off < 0 {
		return false
	}
	ti := tokenAt(l, off)
	for _, m := range l.Matches {
		if m.Term != TermNeg {
			continue
		}
		end := m.Tok + m.NTok
		if m.Tok < ti && ti-end <= 4 && !clauseBreak(l, end, ti+1) {
			return true
		}
	}
	return false
}

// decidedAgainst reports whether the words right before offset off turn
// the choice down: "bewusst gegen ein Zero-Downtime-Upgrade entschieden",
// "instead of a zero-downtime upgrade".
func decidedAgainst(l *Line, off int) bool {
	ti := tokenAt(l, off)
	for j := ti - 1; j >= 0 && j >= ti-3; j-- {
		switch l.Tokens[j].Word {
		case "gegen", "against", "contre", "contra", "tegen", "statt", "anstatt", "anstelle", "instead":
			return true
		}
	}
	return false
}

// praefectDatabaseAt reports whether the database words at offset i
// describe Praefect's own database: "Praefect DB on a separate PostgreSQL
// 17.4".
func praefectDatabaseAt(low string, i int) bool {
	j := strings.LastIndex(low[:i], "praefect")
	if j < 0 {
		return false
	}
	for _, w := range []string{"praefect db", "praefect database", "praefect postgres", "praefect's database", "praefect-db"} {
		if strings.HasPrefix(low[j:], w) {
			return true
		}
	}
	return i-j < 40
}
