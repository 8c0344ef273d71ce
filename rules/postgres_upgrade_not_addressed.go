package rules

import (
	"fmt"
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
	"slices"
	"strconv"
	"strings"

	"github.com/planlint/planlint/lint"
)

// PostgresUpgradeNotAddressed finds paths that need a newer PostgreSQL
// than the plan provides for.
var PostgresUpgradeNotAddressed = &lint.Rule{
	ID:       "postgres-upgrade-not-addressed",
	Title:    "the path needs a newer PostgreSQL and the plan does not deal with it",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `Some GitLab versions refuse to install on an older PostgreSQL: 13.0 needs 11, 14.0 needs 12,
16.0 needs 13, 17.0 needs 14, 18.0 needs 16 and 19.0 needs 17. On a single-node Linux package install
the last minor before each of these (15.11, 16.11, 17.11, 18.11) upgrades the bundled database by
itself, unless the plan opts out. An external database (RDS, Cloud SQL, a separate server), a Patroni
cluster, Geo and the Helm chart are never upgraded for you.

The rule reports a path that crosses such a version when the plan does not say which PostgreSQL the
instance runs and does not deal with the upgrade, or when the database is below the floor on a setup
that GitLab does not upgrade and the plan has no step for it. A plan that counts on the automatic
upgrade where it does not happen (on Geo, Patroni or an external database), or before a floor that no
release upgrades the database for in time (PostgreSQL 11 before 14.0), gets the finding on the line
that says so, and so does a plan that calls a PostgreSQL below the floor enough ("stays on 14.15, so no
database work is needed"). An external database of the right major but older than the minimum
GitLab documents for the target's major (16.4 for 18.x, which documents 16.5) gets a warning.

Fix: state the PostgreSQL version, and add the database upgrade (with ` + "`gitlab-ctl pg-upgrade`" + ` or the
provider's tooling) before the hop that needs it.`,
	Run: func(p *lint.Pass) {
		claimed := map[*lint.Line]bool{}
		pl := p.Plan
		cur, tgt := pl.Current, pl.Target
		if cur == nil || tgt == nil {
			return
		}
		floors := p.Knowledge.FloorsCrossed(cur.Version, tgt.Version)
		s := setupOf(p)
		db := pl.Database
		if len(floors) == 0 {
			if cur.Version.Compare(tgt.Version) < 0 {
				belowMinimumWithinMajor(p, s, db, tgt.Version.Major)
			}
			return
		}
		deals, optedOut := postgresHandling(p.Doc, p.Knowledge.PostgresOptOut().File)
		// The package upgrades the bundled database by itself only on
		// single nodes outside Geo and HA, and not on Helm or Operator.
		autoPossible := !optedOut && !(db != nil && (db.External || db.Patroni)) && s.Topology != "geo" && s.Topology != "multi-node" && s.InstallMethod != "helm" && s.InstallMethod != "operator"
		// autoAfter returns the release that upgrades the bundled database
		// to major by itself only at or after floor, or zero.
		autoAfter := func(major int, floor glversion.Version) glversion.Version {
			for _, a := range p.Knowledge.AutoUpgradesCrossed(cur.Version, tgt.Version) {
				if m, err := strconv.Atoi(a.ToMajor); err == nil && m >= major && a.Applies(s) && a.GitLab.CompareMinor(floor) >= 0 {
					return a.GitLab
				}
			}
			return glversion.Version{}
		}
		// autoFor reports whether the Linux package upgrades the bundled
		// database to major by itself, at a release before floor.
		autoFor := func(major int, floor glversion.Version) bool {
			if !autoPossible {
				return false
			}
			for _, a := range p.Knowledge.AutoUpgradesCrossed(cur.Version, tgt.Version) {
				if m, err := strconv.Atoi(a.ToMajor); err == nil && m >= major && a.Applies(s) && a.GitLab.CompareMinor(floor) < 0 {
					return true
				}
			}
			return false
		}
		for _, f := range floors {
			at := hopAt(pl, f.GitLab)
			floorStep := -1
			if at.Line != nil {
				if st := stepOccurrence(pl, at.Version); st != nil {
					floorStep = st.Index
					if leadIn(st) {
						// "Steps, with the package gitlab-ee=19.2.4-ee.0:"
						// introduces the steps; the install is the first
						// of them that names it again.
						for _, h := range pl.Installs {
							if h.Line.Index > st.Index && h.Version.Matches(at.Version) {
								floorStep = h.Line.Index
								break
							}
						}
					}
				}
			}
			// A plan may count on the automatic upgrade unless this setup
			// never gets it or it comes only after the floor.
			dealt := covers(deals, f, at.Version, autoPossible && autoAfter(f.Major, f.GitLab).IsZero(), floorStep)
			switch {
			case db != nil && db.Major >= f.Major:
				// (Only a database the customer runs, outside the Linux
				// package: the package's own PostgreSQL is the version
				// GitLab ships.)
				if min, ok := p.Knowledge.PostgresMinimum(f.GitLab.Major); ok && (db.External || s.InstallMethod == "helm" || s.InstallMethod == "operator") && !db.Line.HasWord("bundled", "mitgeliefert", "mitgelieferte", "incluido", "intégré", "embarqué", "incluso", "meegeleverd", "embutido") && db.Major == f.Major && !dealt {
					if c, ok := knowledge.ComparePostgres(db.Version, min); ok && c < 0 && strings.Contains(db.Version, ".") {
						// "gldb01 läuft bereits auf 16.4, es ist also keine
						// Datenbankarbeit nötig": the right major, below
						// the minimum GitLab documents for it.
						l, span := at.Line, at.Span
						if cl, _ := enoughClaim(p.Doc, db, f.Major); cl != nil {
							l, span = cl, enoughSpan(cl)
						}
						p.ReportfWith([]lint.ReportOption{lint.WithSeverity(lint.Warning)}, l, span, "the instance runs PostgreSQL %s (line %d), older than %s, the oldest PostgreSQL GitLab %d documents as supported. upgrade PostgreSQL to %s or later before the %s hop (line %d)", db.Version, db.Line.Num, min, f.GitLab.Major, min, f.GitLab.MinorString(), at.Line.Num)
					}
				}
				continue
			case db == nil || db.Major == 0:
				if dealt || autoFor(f.Major, f.GitLab) && mentionsPostgres(p.Doc) {
					continue
				}
				hint := ""
				switch {
				case s.Topology == "geo":
					hint = " (the package does not upgrade PostgreSQL on Geo sites: plan the upgrade on every site, and re-initialise replication on the secondaries)"
				case s.InstallMethod == "helm", s.InstallMethod == "operator":
					hint = " (the chart never upgrades PostgreSQL: upgrade the external database, or the bundled one by its own procedure)"
				case s.Topology == "multi-node":
					hint = " (the package does not upgrade PostgreSQL on multi-node installs such as Patroni clusters: plan the upgrade of the database nodes)"
				case s.InstallMethod == "linux-package", s.InstallMethod == "docker", s.InstallMethod == "":
					hint = fmt.Sprintf(" (on a single-node Linux package or Docker install the bundled database is upgraded by the last minor before %s)", f.GitLab.MinorString())
				}
				p.Reportf(at.Line, at.Span, "the path crosses %s, which needs PostgreSQL %s or later, and the plan does not say which PostgreSQL the instance runs or how it gets there. state the version, and plan its upgrade before the %s hop%s", f.GitLab.MinorString(), pgNeed(p, f), f.GitLab.MinorString(), hint)
			default:
				if autoFor(f.Major, f.GitLab) || dealt {
					continue
				}
				where := "this setup"
				switch {
				case db.External:
					where = "an external database"
				case db.Patroni:
					where = "a Patroni cluster"
				case s.Topology == "geo":
					where = "a Geo deployment"
				case s.InstallMethod == "helm" || s.InstallMethod == "operator":
					where = "a Helm or Operator install"
				case optedOut:
					where = "a database opted out of the automatic upgrade"
				default:
					if late := autoAfter(f.Major, f.GitLab); !late.IsZero() {
						if i := autoClaim(deals, f); i >= 0 && plainClaim(p.Doc.Lines[i]) {
							// "the container upgrades the bundled
							// PostgreSQL whenever GitLab needs it": not
							// before this floor.
							p.Reportf(p.Doc.Lines[i], autoSentence(p.Doc.Lines[i]), "the plan counts on the package upgrading PostgreSQL %s by itself before %s, but the package upgrades the bundled database only at %s, too late. run \"sudo gitlab-ctl pg-upgrade -V %d\" before the %s hop (line %d)", runningBefore(deals, db, i), f.GitLab.MinorString(), late.MinorString(), f.Major, f.GitLab.MinorString(), at.Line.Num)
							continue
						}
						p.Reportf(at.Line, at.Span, "the instance runs PostgreSQL %s (line %d), but the path crosses %s, which needs PostgreSQL %s or later, and the package upgrades the bundled database only at %s, too late. run \"sudo gitlab-ctl pg-upgrade -V %d\" before the %s hop", db.Version, db.Line.Num, f.GitLab.MinorString(), pgNeed(p, f), late.MinorString(), f.Major, f.GitLab.MinorString())
						continue
					}
				}
				if i := autoClaim(deals, f); i >= 0 && !autoPossible && !optedOut && plainClaim(p.Doc.Lines[i]) {
					// The plan counts on the automatic upgrade that this
					// setup does not get: the finding belongs on that claim.
					what := "package"
					if s.InstallMethod == "helm" || s.InstallMethod == "operator" {
						what = "chart"
					}
					p.Reportf(p.Doc.Lines[i], autoSentence(p.Doc.Lines[i]), "the plan counts on the %s upgrading PostgreSQL %s by itself before %s, but GitLab does not upgrade %s by itself. add the PostgreSQL upgrade to %d before the %s hop (line %d)", what, runningBefore(deals, db, i), f.GitLab.MinorString(), where, f.Major, f.GitLab.MinorString(), at.Line.Num)
					continue
				}
				if i := laterDeal(deals, f); i >= 0 {
					// "A atualização para PostgreSQL 16 fica para
					// fevereiro, depois desta atualização do GitLab": the
					// finding belongs on the words that put it off.
					p.Reportf(p.Doc.Lines[deals[i].index], deals[i].deferral, "this line puts the PostgreSQL upgrade after the GitLab upgrade, but the path crosses %s, which needs PostgreSQL %s or later, and GitLab does not upgrade %s by itself. upgrade PostgreSQL to %d before the %s hop (line %d)", f.GitLab.MinorString(), pgNeed(p, f), where, f.Major, f.GitLab.MinorString(), at.Line.Num)
					continue
				}
				if l, major := enoughClaim(p.Doc, db, f.Major); l != nil {
					// "Restiamo su PostgreSQL 13, già sufficiente per tutta
					// la 17.x": the finding belongs on the claim, on the
					// line of a wrapped paragraph that makes it, once for
					// the first major it falls short of.
					if claimed[l] {
						continue
					}
					claimed[l] = true
					p.Reportf(l, enoughSpan(l), "this line keeps PostgreSQL %d, but the path crosses %s, which needs PostgreSQL %s or later, and GitLab does not upgrade %s by itself. add the PostgreSQL upgrade to %d before the %s hop (line %d)", major, f.GitLab.MinorString(), pgNeed(p, f), where, f.Major, f.GitLab.MinorString(), at.Line.Num)
					continue
				}
				p.Reportf(at.Line, at.Span, "the instance runs PostgreSQL %s (line %d), but the path crosses %s, which needs PostgreSQL %s or later, and GitLab does not upgrade %s by itself. add the PostgreSQL upgrade to %d before the %s hop", db.Version, db.Line.Num, f.GitLab.MinorString(), pgNeed(p, f), where, f.Major, f.GitLab.MinorString())
			}
		}
	},
}

// requirementWords come before a required version.
var requirementWords = map[string]bool{"needs": true, "need": true, "requires": true, "require": true, "minimum": true, "braucht": true, "benötigt": true, "requiere": true, "exige": true, "richiede": true, "vereist": true}

// enoughWords say a database version needs no change.
var enoughWords = []string{"geen database-upgrade nodig", "geen database upgrade nodig", "geen upgrade nodig", "keine datenbank-aktualisierung", "without extra steps", "without any extra step", "senza passi aggiuntivi", "nessun passo aggiuntivo", "sin pasos adicionales", "sans étape supplémentaire", "ohne zusätzliche schritte", "zonder extra stappen", "sem passos adicionais", "is enough", "enough for", "sufficient", "no database work", "keine datenbankarbeit", "is supported by gitlab", "are supported by gitlab", "supported by both", "nothing to do", "no upgrade needed", "no upgrade is needed", "reicht", "genügt", "ausreichend",
	"suficiente", "suffit", "est compatible", "is compatible", "ist kompatibel", "es compatible", "è compatibile", "é compatível", "is compatibel", "reste compatible", "sufficiente", "basta", "volstaat", "voldoende", "is genoeg",
	"still supported", "noch unterstützt", "sigue soportad", "toujours support", "ancora supportat", "ainda suportad", "nog ondersteund",
	"non serve", "no hace falta", "pas besoin", "nicht nötig", "niet nodig", "não é necessári",
	"nicht erforderlich", "not required", "not needed", "no extra work", "geen extra werk", "kein zusätzlicher aufwand", "ningún trabajo adicional", "aucun travail supplémentaire", "nessun lavoro aggiuntivo", "nenhum trabalho extra", "no es necesario", "pas nécessaire", "non è necessario", "niet vereist", "não é preciso",
	"nessun intervento", "kein eingriff", "aucune action", "keine maßnahme", "ninguna acción", "nessuna azione", "geen actie", "nenhuma ação", "no database action", "no action on the database", "aucune intervention", "ninguna intervención", "nenhuma intervenção", "no changes to the database", "no database changes",
	"still accepted", "continua aceito", "continua aceite", "sigue aceptad", "noch akzeptiert", "toujours accepté", "ancora accettat", "nog geaccepteerd",
	"no more work", "no further work", "não há mais trabalho", "kein weiterer aufwand", "no hay más trabajo", "plus de travail", "nessun altro lavoro",
	"meets the", "which meets", "no engine change", "no database engine change", "no change is needed", "no change needed", "erfüllt die", "erfüllt den", "cumple el", "cumple la", "cumple con", "satisfait", "soddisfa", "voldoet aan", "atende ao", "atende à", "atende a",
	"above the minimum", "über dem minimum", "por encima del mínimo", "au-dessus du minimum", "sopra il minimo", "boven het minimum", "acima do mínimo",
	"we stay on", "we remain on", "stays on", "remains on", "bleibt auf", "se queda en", "sigue en", "reste sur", "rimane su", "resta su", "blijft op", "fica no", "fica na", "permanece en", "permanece no", "permanece na", "bleiben wir auf", "wir bleiben auf", "nos quedamos en", "seguimos en", "on reste sur", "nous restons sur", "restiamo su", "rimaniamo su", "we blijven op", "blijven we op", "ficamos no", "ficamos na", "permanecemos no", "permanecemos en",
	"resta alla", "rimane alla", "resta quindi alla", "rimane quindi alla", "nessuna attività", "ninguna actividad", "aucune activité", "nenhuma atividade", "geen activiteit",
	"geen databasewerk", "geen werk aan de database", "kein datenbankaufwand", "ningún trabajo en la base de datos", "ningún trabajo de base de datos", "aucun travail sur la base", "aucun travail de base de données", "nessun lavoro sul database", "nessun lavoro sul db", "nenhum trabalho no banco", "nenhum trabalho de banco"}

// enoughSpan returns where a line calls the database enough.
func enoughSpan(l *lint.Line) lint.Span {
	best := lint.Span{Start: 0, End: len(l.Text)}
	for _, w := range enoughWords {
		if i := l.IndexOf(w); i >= 0 && (best.End == len(l.Text) && best.Start == 0 || i < best.Start) {
			best = lint.Span{Start: i, End: i + len(w)}
		}
	}
	return best
}

// asksEnough reports whether the line asks whether the database is
// enough rather than saying so: "PostgreSQL 13 suffit-il jusqu'à 17.3 ?".
func asksEnough(l *lint.Line) bool {
	for _, w := range enoughWords {
		if i := l.IndexOf(w); i >= 0 {
			return lint.QuestionAt(l.Text, i)
		}
	}
	return false
}

// belowMinimumWithinMajor warns about a database the customer runs
// (external, or under Helm or the Operator) that has the major GitLab
// needs but is older than the minimum GitLab documents for it, on a path
// that stays within one GitLab major: "Amazon RDS for PostgreSQL 16.4"
// for 18.2.8 → 18.3.6, where 18.x documents 16.5. The warning goes on the
// line that calls the database enough, else on the line that names it.
func belowMinimumWithinMajor(p *lint.Pass, s knowledge.Setup, db *lint.Database, major int) {
	if db == nil || db.Line == nil || !(db.External || s.InstallMethod == "helm" || s.InstallMethod == "operator") || !strings.Contains(db.Version, ".") {
		return
	}
	min, ok := p.Knowledge.PostgresMinimum(major)
	if !ok || !strings.HasPrefix(min, strconv.Itoa(db.Major)+".") {
		return
	}
	if deals, _ := postgresHandling(p.Doc, p.Knowledge.PostgresOptOut().File); len(deals) > 0 {
		return
	}
	if c, ok := knowledge.ComparePostgres(db.Version, min); !ok || c >= 0 {
		return
	}
	l, span := db.Line, lint.Span{Start: 0, End: len(db.Line.Text)}
	if cl, _ := enoughClaim(p.Doc, db, db.Major); cl != nil {
		l, span = cl, enoughSpan(cl)
	}
	p.ReportfWith([]lint.ReportOption{lint.WithSeverity(lint.Warning)}, l, span, "the instance runs PostgreSQL %s (line %d), older than %s, the oldest PostgreSQL GitLab %d documents as supported. upgrade PostgreSQL to %s or later before the upgrade", db.Version, db.Line.Num, min, major, min)
}

// enoughClaim returns a line that calls a PostgreSQL major below major
// enough ("stays on 14.15 ... so no database work is needed", "Restiamo
// su PostgreSQL 13, già sufficiente"), with that major. The running
// version named beside the claim may also be of major itself ("läuft
// bereits auf 16.4, keine Datenbankarbeit nötig"), for a claim below the
// documented minimum.
func enoughClaim(d *lint.Document, db *lint.Database, major int) (*lint.Line, int) {
	for _, l := range d.Lines {
		if l.Kind == lint.KindCode || l.In(lint.TermRollback) || l.In(lint.TermStaging) || !l.Has(lint.TermDatabaseWord) || !l.ContainsAny(enoughWords...) || asksEnough(l) {
			continue
		}
		if db != nil && db.Major > 0 && db.Major <= major && l.Contains(db.Version) {
			// "RDS 15.7 is above that, so nothing to do on the DB side"
			// names the running version beside the requirement.
			return l, db.Major
		}
		for i, t := range l.Tokens {
			if i > 0 && requirementWords[l.Tokens[i-1].Word] || i+3 < len(l.Tokens) && (l.Tokens[i+3].Word == "newer" || l.Tokens[i+3].Word == "later") {
				// "GitLab needs PostgreSQL 14.14 or newer" is the
				// requirement, not the claim.
				continue
			}
			if t.Word != "postgresql" && t.Word != "postgres" && t.Word != "pg" && t.Word != "on" && t.Word != "su" && t.Word != "auf" && t.Word != "en" && t.Word != "em" && t.Word != "op" {
				continue
			}
			if i+1 >= len(l.Tokens) || breakIn(l, i+1, i+2) {
				continue
			}
			if n, _ := leadingMajor(l.Text[l.Tokens[i+1].Start:]); n > 0 && n < major {
				return l, n
			}
		}
	}
	return nil, 0
}

// pgUpgradeVerbs are the words that upgrade a database ("installed" is
// not one).
var pgUpgradeVerbs = map[string]bool{
	"upgrade": true, "upgraded": true, "upgrades": true, "upgrading": true, "update": true, "updated": true, "move": true,
	"moved": true, "moves": true, "migrate": true, "migrated": true, "aktualisieren": true, "aktualisiert": true,
	"actualizar": true, "actualizamos": true, "actualizado": true, "migrer": true, "automatic": true, "automatically": true,
	"automatisch": true, "automáticamente": true, "automatiquement": true,
	"bijgewerkt": true, "bijwerken": true, "upgraden": true, "geüpgraded": true, "atualizar": true, "atualizado": true, "aggiornare": true, "aggiornato": true,
	"passato": true, "passata": true, "portato": true, "migrato": true, "passé": true, "migré": true, "pasado": true, "migrado": true, "passou": true,
	"umgestellt": true, "gewechselt": true, "gemigreerd": true, "overgestapt": true,
	"niveau": true, "montée": true, "passera": true, "migrera": true, "actualizará": true, "atualizará": true,
	"aggiorna": true, "aggiornerà": true, "automaticamente": true, "atualiza": true, "actualiza": true, "upgradet": true, "aktualisiert's": true,
}

// postgresHandling reports whether the plan deals with a PostgreSQL
// upgrade (a step that upgrades it, pg-upgrade, the provider's major
// upgrade), and whether it opts out of the automatic one.
func postgresHandling(d *lint.Document, optOutFile string) (deals []pgDeal, optedOut bool) {
	removed := false
	defer func() {
		if removed {
			// "sudo rm /etc/gitlab/disable-postgresql-upgrade" before
			// the hop: the automatic upgrade runs again.
			optedOut = false
		}
	}()
	for _, l := range d.Lines {
		if !l.Has(lint.TermDatabaseWord) && !l.HasWord("upgrade", "gitlab_skip_pg_upgrade") || l.Cited {
			// (A quoted page, or an alternative the plan turned down,
			// deals with nothing.)
			continue
		}
		low := l.Lower
		optsOut := false
		if pinsPostgres(l) {
			optedOut, optsOut = true, true
		}
		for _, w := range []string{"disable-postgresql-upgrade", strings.ToLower(optOutFile), "gitlab_skip_pg_upgrade"} {
			// "we do not set GITLAB_SKIP_PG_UPGRADE" keeps the automatic
			// upgrade.
			i := l.IndexOf(w)
			if w != "" && i >= 0 && w != "gitlab_skip_pg_upgrade" && removesFile(l, i) && !l.In(lint.TermRollback) {
				removed = true
				continue
			}
			if w != "" && i >= 0 && !optOutNegated(l, i, len(w)) && !negationEndsPrevious(d, l, i) {
				optedOut, optsOut = true, true
			}
		}
		if l.In(lint.TermRollback) || optsOut && !l.Contains("pg-upgrade") || (l.In(lint.TermStaging) || aboutStaging(l)) && !l.In(lint.TermProcedure) {
			// (The staging copy's database moving to 17.7 does not move
			// production's.)
			// The line that turns the automatic upgrade off does not
			// upgrade ("added when a PostgreSQL upgrade filled the disk;
			// we keep it").
			continue
		}
		// The providers' own major upgrades: "gcloud sql instances patch
		// ... --database-version=POSTGRES_17", "aws rds modify-db-instance
		// ... --engine-version 16.8", "az postgres flexible-server upgrade".
		cloud := l.Contains("--database-version=postgres_") || (l.Contains("--engine-version") || l.Contains("engine version")) && l.Contains("rds") || l.Contains("flexible-server upgrade") ||
			// (The continuation line of "aws rds modify-db-instance \".)
			l.Contains("--allow-major-version-upgrade") ||
			// "RDS PostgreSQL 16.8 → 17.10": the database moved along
			// an arrow to a newer major.
			pgTransition(low) > 0 || pgFromTo(l) > 0
		// PostgreSQL's own tools: "pg_upgrade --link from PGDG 16.10 to
		// 17.10", Debian's "pg_upgradecluster".
		native := l.Contains("pg_upgrade")
		if cloud || native || l.Contains("pg-upgrade") || l.Contains("major version upgrade") || l.Contains("major-version upgrade") {
			deals = append(deals, dealOn(l))
			continue
		}
		if l.ContainsAny("glibc", "collation", "operating system", "betriebssystem", "sistema operativo", "système d'exploitation", "besturingssysteem", "sistema operacional") {
			// "per the doc 'Upgrading operating systems for PostgreSQL' we
			// rebuild the indexes": the OS moves, the major stays.
			continue
		}
		// "upgrade RDS to PostgreSQL 16", "PostgreSQL is upgraded to 14
		// automatically": an upgrade word near the database, not negated.
		// A generic "database" only counts with a version number on the
		// line ("the database is upgraded to 16"); "Datenbank: upgrade the
		// leader node" is the GitLab package on the database nodes.
	tokens:
		for i, t := range l.Tokens {
			named := strings.HasPrefix(t.Word, "postgres") || t.Word == "pg" || t.Word == "rds" || t.Word == "aurora"
			generic := t.Word == "database" || t.Word == "datenbank" || t.Word == "datos" || t.Word == "données"
			if !named && !(generic && hasNumberAfter(l, i)) || inIdentifier(l, t) {
				continue
			}
			for j := i - 4; j <= i+16; j++ {
				if j < 0 || j >= len(l.Tokens) || j == i || !pgUpgradeVerbs[l.Tokens[j].Word] || inIdentifier(l, l.Tokens[j]) || lint.InName(l.Text, l.Tokens[j].Start, l.Tokens[j].End) {
					continue
				}
				if j > i+5 && !strings.HasPrefix(l.Tokens[j].Word, "automat") || j > i+8 && breakIn(l, i+1, j+1) {
					// (Only "automatically" may stand that far after the
					// name: "werkt PostgreSQL op alle drie knooppunten
					// automatisch bij", "Die PostgreSQL-Version wird bei den
					// Sprüngen auf 16.11.10 und 17.11.7 automatisch ...
					// angehoben", in the same clause.)
					continue
				}
				if !negatedMatchAt(l, l.Tokens[j].Start) && !negatedMatchAt(l, t.Start) && !duringBetween(l, i, j) {
					deals = append(deals, dealOn(l))
					break tokens
				}
			}
		}
	}
	return deals, optedOut
}

// pgTransition returns the newer major text moves PostgreSQL to along an
// arrow ("PostgreSQL 16.8 → 17.10", "RDS 16 -> 17"), or 0.
func pgTransition(low string) int {
	for _, name := range []string{"postgresql ", "postgres ", "pg ", "rds "} {
		i := strings.Index(low, name)
		if i < 0 {
			continue
		}
		// ("rds postgresql 16.8 → 17.10")
		rest := strings.TrimPrefix(low[i+len(name):], "postgresql ")
		from, n := leadingMajor(rest)
		if n == 0 {
			continue
		}
		after := strings.TrimLeft(rest[n:], " ")
		arrow := ""
		for _, a := range []string{"→", "->", "=>"} {
			if strings.HasPrefix(after, a) {
				arrow = a
			}
		}
		if arrow == "" {
			continue
		}
		to, m := leadingMajor(strings.TrimLeft(after[len(arrow):], " *"))
		if m > 0 && to > from {
			return to
		}
	}
	return 0
}

// pgFromTo returns the newer major a sentence moves the database to in
// words, or 0: "De Azure Flexible Server wordt ... in-place geüpgraded van
// 14.15 naar 16.8", "the RDS instance is upgraded from 14.15 to 16.8". The
// sentence names the database and no GitLab before the versions.
func pgFromTo(l *lint.Line) int {
	if !l.Has(lint.TermFrom) || !l.Has(lint.TermTo) {
		return 0
	}
	toks := l.Tokens
	tos := l.FindAll(lint.TermTo)
	for _, f := range l.FindAll(lint.TermFrom) {
		i := f.Tok + f.NTok
		if i >= len(toks) {
			continue
		}
		from, n := leadingMajor(l.Lower[toks[i].Start:])
		if n == 0 {
			continue
		}
		j := i
		for j < len(toks) && toks[j].Start < toks[i].Start+n {
			j++
		}
		if j+1 >= len(toks) || !slices.ContainsFunc(tos, func(m lint.Match) bool { return m.Tok == j }) {
			continue
		}
		to, m := leadingMajor(l.Lower[toks[j+1].Start:])
		if m == 0 || to <= from {
			continue
		}
		start, _ := lint.SentenceAt(l.Text, f.Start, f.End)
		db, gitlab := false, false
		for _, t := range toks {
			if t.Start < start || t.Start >= f.Start {
				continue
			}
			switch t.Word {
			case "gitlab", "omnibus", "chart", "helm":
				gitlab = true
			case "flexible", "rds", "aurora", "pg", "database", "datenbank", "db", "datos", "données", "dados", "cloudsql":
				db = true
			default:
				db = db || strings.HasPrefix(t.Word, "postgres")
			}
		}
		if db && !gitlab {
			return to
		}
	}
	return 0
}

// leadingMajor reads the major of a PostgreSQL version that s starts
// with ("16.8" → 16) and how many bytes the version takes.
func leadingMajor(s string) (int, int) {
	n := 0
	for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == '.' && n > 0 && n+1 < len(s) && s[n+1] >= '0' && s[n+1] <= '9') {
		n++
	}
	major, err := strconv.Atoi(strings.SplitN(s[:n], ".", 2)[0])
	if err != nil || major < 9 || major > 30 {
		return 0, 0
	}
	return major, n
}

// aboutStaging reports whether a line opens by naming the staging copy:
// "Staging (`stg01`, restored from ...) was upgraded ...".
func aboutStaging(l *lint.Line) bool {
	m, ok := l.Find(lint.TermStaging)
	return ok && m.Tok <= 1
}

// duringBetween reports whether "during" stands between tokens a and b:
// "created on RDS during the 18.5 upgrade" names GitLab's upgrade, not
// the database's.
func duringBetween(l *lint.Line, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		switch l.Tokens[k].Word {
		case "during", "while", "während", "durante", "pendant":
			return true
		}
	}
	return false
}

// pinsPostgres reports whether a line sets postgresql['version'] in code
// ("`gitlab.rb` has `postgresql['version'] = 13`"), which keeps the
// bundled database on that major: the automatic upgrades skip it. The
// setting quoted in a condition ("unless ... or postgresql['version'] = 13
// is set") is not this instance's.
func pinsPostgres(l *lint.Line) bool {
	for _, w := range []string{"postgresql['version']", "postgresql[\"version\"]"} {
		i := l.IndexOf(w)
		if i < 0 || !(l.Kind == lint.KindCode || l.InCode(i)) {
			continue
		}
		rest := strings.TrimLeft(l.Lower[i+len(w):], " ")
		if !strings.HasPrefix(rest, "=") || !hasDigitPrefix(strings.TrimLeft(rest[1:], " '\"")) {
			continue
		}
		before := l.Lower[max(0, i-60):i]
		if strings.Contains(before, "unless") || strings.Contains(before, "if ") || strings.Contains(before, "except") || optOutNegated(l, i, len(w)) {
			continue
		}
		return true
	}
	return false
}

func hasDigitPrefix(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// removesFile reports whether the file named at offset i of a line is
// deleted there: "sudo rm /etc/gitlab/disable-postgresql-upgrade",
// "supprimons /etc/gitlab/disable-postgresql-upgrade le vendredi".
func removesFile(l *lint.Line, i int) bool {
	before := l.Lower[max(0, i-30):i]
	if strings.Contains(before, "rm ") || strings.Contains(before, "rm -f") || strings.Contains(before, "unlink ") {
		return true
	}
	for _, t := range l.Tokens {
		if t.End > i || t.Start < i-40 {
			continue
		}
		w := t.Word
		for _, p := range []string{"remov", "delet", "supprim", "lösch", "entfern", "elimin", "borr", "rimuov", "verwijder", "apag"} {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// optOutNegated reports whether the opt-out named at offset i is said not
// to be in place: "we do not set GITLAB_SKIP_PG_UPGRADE", "we have not
// opted out (/etc/gitlab/disable-postgresql-upgrade does not exist)".
func optOutNegated(l *lint.Line, i, n int) bool {
	if negatedMatchAt(l, i) || l.Contains("not opted out") || l.Contains("no opt-out") {
		return true
	}
	// "(kein `GITLAB_SKIP_PG_UPGRADE` gesetzt)": the negation right before
	// the code span.
	lead := strings.TrimRight(l.Lower[max(0, i-10):i], " `(*\"'\n\t")
	for _, w := range []string{" kein", " keine", " no", " not", " nicht", " sin", " sans", " senza", " sem", " geen", " without", " ohne"} {
		if strings.HasSuffix(" "+lead, w) {
			return true
		}
	}
	for _, m := range l.FindAll(lint.TermNeg) {
		// (In its own clause: "we create disable-postgresql-upgrade: no
		// automatic upgrade during the window" opts out.)
		if m.Start >= i+n && m.Start-(i+n) <= 12 && !strings.ContainsAny(l.Lower[i+n:m.Start], ":;.") {
			return true
		}
	}
	// "unless /etc/gitlab/disable-postgresql-upgrade exists": a condition
	// quoted from the notes, not a setting of this instance.
	before := l.Lower[max(0, i-20):i]
	for _, w := range []string{"unless", "if ", "es sei denn", "wenn ", "a menos que", "salvo que", "sauf si", "si "} {
		if strings.Contains(before, w) {
			return true
		}
	}
	// "We leave GITLAB_SKIP_PG_UPGRADE unset", "removed it".
	return l.SaysAfter(i+n, 16, "unset", "removed", "absent", "deleted", "entfernt", "eliminad", "supprim")
}

// negationEndsPrevious reports whether an opt-out named at the start of a
// wrapped line is negated at the end of the line before: "... automatisch
// auf 17.7 an (kein" / "`GITLAB_SKIP_PG_UPGRADE` gesetzt)".
func negationEndsPrevious(d *lint.Document, l *lint.Line, i int) bool {
	if l.Index == 0 || strings.TrimLeft(l.Lower[:i], " `(*") != "" {
		return false
	}
	prev := d.Lines[l.Index-1]
	if prev.Kind != l.Kind || prev.Num != l.Num-1 {
		return false
	}
	f := strings.Fields(strings.TrimRight(prev.Lower, " `(*"))
	if len(f) == 0 {
		return false
	}
	switch strings.TrimLeft(f[len(f)-1], "(") {
	case "kein", "keine", "no", "not", "nicht", "sin", "sans", "senza", "sem", "geen", "without", "ohne":
		return true
	}
	return false
}

// pgDeal is a line that deals with a PostgreSQL upgrade: when (the
// earliest GitLab version it names, zero if none) and to which major (0
// if not said).
type pgDeal struct {
	at     glversion.Version
	before bool
	major  int
	// auto is true when the line counts on the package's automatic
	// upgrade ("upgrades PostgreSQL by itself").
	auto bool
	// later is true when the line puts the database upgrade after the
	// GitLab upgrade ("in its own window in February, after this GitLab
	// upgrade", "turned off for now; we do it in January").
	later bool
	// deferral is the span of the words that put the upgrade off to a
	// stated later time ("after this upgrade", "for now ... will");
	// empty when the line only keeps the old version "for now".
	deferral lint.Span
	// index is the line's place in the document.
	index int
}

func dealOn(l *lint.Line) pgDeal {
	d := pgDeal{index: l.Index}
	for _, v := range l.Versions {
		if v.Version.Major < 8 {
			// ("glibc 2.27" is no GitLab release.)
			continue
		}
		if ti := tokenIndex(l, v.NumStart); databaseBefore(l, ti) {
			// "aggiorna il database a 17.7": PostgreSQL's version.
			if m, _ := leadingMajor(l.Text[v.NumStart:]); m > d.major {
				d.major = m
			}
			continue
		}
		if d.at.IsZero() || v.Version.Compare(d.at) < 0 {
			d.at = v.Version
		}
	}
	if h := l.Section.Heading; d.at.IsZero() && h != nil && h != l {
		// "### PostgreSQL 14 (start of window 2, on 16.11.10)": the
		// section's steps run on that version.
		for _, v := range h.Versions {
			if ti := tokenIndex(h, v.NumStart); ti > 0 {
				switch h.Tokens[ti-1].Word {
				case "on", "auf", "sur", "en", "unter":
					d.at = v.Version
				}
			}
		}
	}
	d.before = l.HasWord("before", "vor", "antes", "avant", "prior")
	d.later, d.deferral = deferredUpgrade(l)
	d.auto = autoWording(l) && !l.Contains("pg-upgrade")
	if to := max(pgTransition(l.Lower), pgFromTo(l)); to > 0 {
		// ("| W2 | 07:00–21:00 CET | PG 13→14 |": the arrow says the
		// major, not the clock.)
		d.major = to
		return d
	}
	// The PostgreSQL major: a small number that is not part of a GitLab
	// version ("pg-upgrade -V 12", "to PostgreSQL 16").
	for i, t := range l.Tokens {
		n, err := strconv.Atoi(t.Word)
		if err != nil || n < 9 || n > 30 {
			continue
		}
		if i+1 < len(l.Tokens) && durationUnit(l.Tokens[i+1].Word) || i > 0 && l.Tokens[i-1].Word == "gitlab" {
			// ("Ensayo: 1 h 20 min" is a time, not a major; "GitLab 19
			// needs PostgreSQL 17" names GitLab's.)
			continue
		}
		inVersion := false
		for _, v := range l.Versions {
			if t.Start >= v.Start && t.End <= v.End {
				inVersion = true
			}
		}
		if !inVersion && n > d.major {
			d.major = n
		}
	}
	return d
}

// autoWording reports whether a line counts on the package's automatic
// upgrade ("upgrades the bundled PostgreSQL to 17.7 by itself"), and not
// with a negation earlier in the clause ("GitLab does not upgrade this
// database by itself").
// databaseBefore reports whether a database word stands in the few
// tokens before token ti: "the database to 17.7", "PostgreSQL auf 17.7".
func databaseBefore(l *lint.Line, ti int) bool {
	for j := ti - 1; j >= 0 && j >= ti-4; j-- {
		switch w := l.Tokens[j].Word; {
		case w == "before" || w == "after" || w == "vor" || w == "nach" || w == "antes" || w == "después" || w == "avant" || w == "après" || w == "prima" || w == "dopo" || w == "voor" || w == "na" || w == "até" || w == "until" || w == "bis" || w == "hasta":
			// "ningún paso de base de datos antes de 19.0": a point in
			// GitLab's path, not the database's version.
			return false
		case strings.HasPrefix(w, "postgres"), w == "pg", w == "database", w == "datenbank", w == "db", w == "banco", w == "datos", w == "données", w == "dados", w == "databank":
			// (Not a label: "PostgreSQL: 17.11 installs ..." names
			// GitLab's release.)
			return !strings.ContainsAny(l.Text[l.Tokens[j].End:l.Tokens[ti].Start], ":|")
		}
		if j < ti-1 && l.Tokens[j+1].Break {
			return false
		}
	}
	return false
}

func autoWording(l *lint.Line) bool {
	return autoWordingAt(l) >= 0
}

// autoWordingAt returns the offset of the words with which a line counts
// on the automatic upgrade, or -1.
func autoWordingAt(l *lint.Line) int {
	for _, w := range []string{"takes care of", "take care of", "kümmert sich", "se encarga", "s'en charge", "s'occupe de", "se charge de", "si occupa", "zorgt voor", "cuida da", "cuida de"} {
		if i := l.IndexOf(w); i >= 0 {
			// "the GitLab package takes care of the PostgreSQL upgrade"
			if l.Has(lint.TermNeg) {
				return -1
			}
			return i
		}
	}
	for _, w := range byItself {
		// "el paquete de 18.11 actualiza solo PostgreSQL a 17.7", but not
		// "GitLab no la actualiza solo".
		if i := l.IndexOf(w); i >= 0 && !negationNear(l, i, i, 3, 0) {
			return i
		}
	}
	for i, t := range l.Tokens {
		switch t.Word {
		case "itself", "automatically", "automatic", "automatisch", "selbst", "automáticamente", "automatiquement", "automaticamente", "vanzelf":
		case "own":
			// "on its own", not "with its own tooling".
			if i < 2 || l.Tokens[i-1].Word != "its" || l.Tokens[i-2].Word != "on" {
				continue
			}
		default:
			continue
		}
		negated := false
		for j := i - 1; j >= 0; j-- {
			if l.Tokens[j+1].Break || strings.ContainsAny(l.Text[l.Tokens[j].End:l.Tokens[j+1].Start], ",;") {
				// ("no action needed on our side, the 17.11 package
				// upgrades PostgreSQL automatically": the negation ends
				// with its clause.)
				break
			}
			for _, m := range l.FindAll(lint.TermNeg) {
				if m.Tok == j {
					negated = true
				}
			}
		}
		if !negated {
			return t.Start
		}
	}
	return -1
}

// leadIn reports whether a prose line introduces what follows ("Steps,
// with the package gitlab-ee=19.2.4-ee.0:").
func leadIn(l *lint.Line) bool {
	return l.Kind == lint.KindText && !l.Item && strings.HasSuffix(strings.TrimSpace(l.Text), ":")
}

// covers reports whether some line deals with the PostgreSQL upgrade a
// floor needs, in time: before the floor's release (or at it, when the
// line says "before"; a line without a version before the step that
// installs it), to a major at least the floor's, and, when it counts on
// the automatic upgrade, on a setup that gets one.
// plainClaim reports whether a line states the automatic upgrade as what
// will happen, without a limit or a doubt: not "only for the bundled
// database on single nodes; ours is RDS", not "the package wants to".
func plainClaim(l *lint.Line) bool {
	if l.HasWord("solo") && !l.ContainsAny(byItself...) {
		return false
	}
	return !l.HasWord("only", "nur", "seulement", "would", "wants", "want", "ours", "unless", "except")
}

// byItself are the phrases that say the package does something on its
// own ("el paquete de 18.11 actualiza solo PostgreSQL a 17.7").
var byItself = []string{"actualiza solo", "se actualiza sola", "por sí solo", "por sí mismo", "de forma automática", "tout seul", "de lui-même", "von selbst", "da solo", "sozinho", "por conta própria"}

// autoSentence returns the sentence of l that counts on the automatic
// upgrade ("The 17.11 package upgrades the bundled PostgreSQL from 14 to
// 16 automatically"), or the whole line.
func autoSentence(l *lint.Line) lint.Span {
	i := autoWordingAt(l)
	if i < 0 {
		return lint.Span{Start: 0, End: len(l.Text)}
	}
	a, b := lint.SentenceAt(l.Text, i, i)
	for a < b && l.Text[a] == ' ' {
		a++
	}
	return lint.Span{Start: a, End: b}
}

// autoClaim returns the line index of a deal that counts on the
// automatic upgrade in time for floor f, or -1.
func autoClaim(deals []pgDeal, f knowledge.PostgresFloor) int {
	for _, d := range deals {
		// (Also one that counts on it at the floor itself: "the 19.2.4
		// package will upgrade PostgreSQL 16.11 to 17 on both sites".)
		if d.auto && (d.at.IsZero() || d.at.CompareMinor(f.GitLab) <= 0) && (d.major == 0 || d.major >= f.Major) {
			return d.index
		}
	}
	return -1
}

// pgNeed is the PostgreSQL a floor asks for, as precisely as the data
// knows it: "16.5" for 18.0 (the documented minimum of the major), else
// the major.
func pgNeed(p *lint.Pass, f knowledge.PostgresFloor) string {
	major := strconv.Itoa(f.Major)
	if min, ok := p.Knowledge.PostgresMinimum(f.GitLab.Major); ok && strings.HasPrefix(min, major+".") {
		return min
	}
	return major
}

// runningBefore is the PostgreSQL major the instance runs when the plan
// reaches line index i: the stated version, or the major an earlier
// upgrade of the plan moved it to ("PG 13 → 14 by hand" before the line
// that counts on the package for 16).
func runningBefore(deals []pgDeal, db *lint.Database, i int) string {
	running := db.Major
	for _, d := range deals {
		if d.index < i && !d.auto && d.major > running {
			running = d.major
		}
	}
	if running == db.Major {
		return db.Version
	}
	return strconv.Itoa(running)
}

func covers(deals []pgDeal, f knowledge.PostgresFloor, floorHop glversion.Version, autoInTime bool, floorStep int) bool {
	// A plan that says which major it upgrades to ("RDS 13.15 → 14.15")
	// has its other words about the upgrade ("we upgrade RDS ourselves")
	// mean that one, not any later floor.
	named := 0
	for _, d := range deals {
		named = max(named, d.major)
	}
	for _, d := range deals {
		if d.major == 0 && named > 0 && (named < f.Major || d.at.IsZero()) {
			// ("pg-upgrade needs room for two copies" beside "on 17.11.7
			// we run pg-upgrade -V 16": the same upgrade, timed there.)
			continue
		}
		if d.at.IsZero() && !d.before && floorStep >= 0 && d.index > floorStep && !d.auto {
			// A bare "gitlab-ctl pg-upgrade" command after the step that
			// installs the release needing it comes too late.
			continue
		}
		if d.later {
			// ("A atualização para PostgreSQL 16 fica para fevereiro,
			// depois desta atualização do GitLab.")
			continue
		}
		if d.auto && !autoInTime {
			// "the 18.11 package upgrades PostgreSQL by itself" does not
			// happen on Geo, Patroni, external databases or Helm, nor
			// before a floor no release upgrades the database for.
			continue
		}
		// ("before 17.3.7", the hop that crosses 17.0, is in time.)
		inTime := d.at.IsZero() || d.at.CompareMinor(f.GitLab) < 0 || d.before && (d.at.CompareMinor(f.GitLab) <= 0 || !floorHop.IsZero() && d.at.Compare(floorHop) <= 0)
		if inTime && (d.major == 0 || d.major >= f.Major) {
			return true
		}
	}
	return false
}

// laterDeal returns the index of the line that puts off a database
// upgrade the floor needs until after the GitLab upgrade, or -1.
func laterDeal(deals []pgDeal, f knowledge.PostgresFloor) int {
	for i, d := range deals {
		if d.later && d.deferral.Len() > 0 && (d.major == 0 || d.major >= f.Major) {
			return i
		}
	}
	return -1
}

// deferredUpgrade reports whether a line puts the database upgrade off
// until after the GitLab upgrade: an "after" word before the upgrade
// ("after this upgrade", "depois desta atualização do GitLab", "nach dem
// Upgrade"), or "for now" ("we turn it off for now and will do it in
// January"). The span covers the words that name the later time; it is
// empty when the line only keeps the old version "for now".
func deferredUpgrade(l *lint.Line) (bool, lint.Span) {
	later := false
	for i, t := range l.Tokens {
		switch t.Word {
		case "after", "nach", "después", "despues", "après", "depois", "dopo", "na":
			for j := i + 1; j < len(l.Tokens) && j <= i+3; j++ {
				if l.Tokens[j].Break {
					break
				}
				w := l.Tokens[j].Word
				if upgradeNouns[w] {
					return true, lint.Span{Start: t.Start, End: l.Tokens[j].End}
				}
				if !upgradeDeterminers[w] {
					break
				}
			}
		case "now", "ahora", "enquanto", "ora":
			if i > 0 {
				switch l.Tokens[i-1].Word {
				case "for", "por", "per":
					later = true
					if l.HasWord("will", "later", "scheduled", "planned", "wird", "werden", "später", "geplant", "más", "planificada", "plus", "tard", "prévue", "mais", "tarde", "planejada", "dopo", "pianificato", "later", "gepland") {
						return true, lint.Span{Start: l.Tokens[i-1].Start, End: t.End}
					}
				}
			}
		case "vorerst", "voorlopig":
			later = true
		}
	}
	return later, lint.Span{}
}

// upgradeNouns name the GitLab upgrade after an "after" word.
var upgradeNouns = map[string]bool{"upgrade": true, "update": true, "atualização": true, "actualización": true, "aggiornamento": true, "l'aggiornamento": true, "aktualisierung": true, "mise": true}

// upgradeDeterminers may stand between the "after" word and the noun:
// "after this GitLab upgrade", "depois desta atualização".
var upgradeDeterminers = map[string]bool{"this": true, "the": true, "gitlab": true, "gitlab's": true, "diesem": true, "dem": true, "der": true, "esta": true, "desta": true, "da": true, "la": true, "de": true, "cette": true, "questo": true, "deze": true}

// inIdentifier reports whether a token is part of a name written with
// underscores, colons or dashes ("GITLAB_SKIP_PG_UPGRADE", "db:migrate",
// "gl-pg-01"), not a word of the sentence.
func inIdentifier(l *lint.Line, t lint.Token) bool {
	var b, a byte
	if t.Start > 0 {
		b = l.Text[t.Start-1]
	}
	if t.End < len(l.Text) {
		a = l.Text[t.End]
	}
	// "gl-pg-01" is a host name; "PostgreSQL-Upgrade" is a compound word.
	return b == '_' || b == ':' || a == '_' || a == ':' || b == '-' && a == '-'
}

// hasNumberAfter reports whether a number follows token i within a few
// words.
func hasNumberAfter(l *lint.Line, i int) bool {
	for j := i + 1; j < len(l.Tokens) && j <= i+6; j++ {
		if isNumber(l.Tokens[j].Word) {
			return true
		}
	}
	return false
}

// mentionsPostgres reports whether the plan names PostgreSQL at all.
func mentionsPostgres(d *lint.Document) bool {
	for _, l := range d.Lines {
		if l.Contains("postgres") {
			return true
		}
	}
	return false
}

// durationUnit reports whether w is a unit of time or size that follows a
// number.
func durationUnit(w string) bool {
	switch w {
	case "min", "mins", "minute", "minutes", "minuten", "minutos", "h", "hr", "hrs", "hour", "hours", "stunden", "std", "horas", "heures", "s", "sec", "secs", "seconds", "gb", "go", "tb", "mb", "days", "tage", "días", "jours":
		return true
	}
	return false
}
