package rules

import (
	"fmt"
	"strings"

	"github.com/planlint/planlint/lint"
)

// IneffectiveBackgroundMigrationCheck finds "checks" that cannot see
// batched background migrations.
var IneffectiveBackgroundMigrationCheck = &lint.Rule{
	ID:       "ineffective-background-migration-check",
	Title:    "the background-migration check cannot see batched background migrations",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `Some checks look like gates but cannot see batched background migrations:

- ` + "`gitlab-rake db:migrate:status`" + ` lists schema migrations, which are done when the package finishes;
- a fixed wait ("wait 10 minutes") says nothing about migrations that can take days;
- a completed Helm migrations job or a finished ` + "`gitlab-ctl reconfigure`" + ` only ran the schema migrations;
- trusting the package to run them.

Fix: use the Admin > Monitoring > Background migrations page or the
` + "`batched_background_migrations`" + ` query, and continue only when nothing is pending.`,
	Run: func(p *lint.Pass) {
		reported := map[*lint.Line]bool{}
		report := func(l *lint.Line) {
			if reported[l] {
				return
			}
			reported[l] = true
			what := "this check"
			src := l
			if l.Kind == lint.KindTableRow && backReference(l) {
				// "| T10 | ... | same check as T02 |": judged by T02.
				if ref := rowReference(l, sharedMigrationChecks.Get(p)); ref != nil {
					src = ref.Line
				}
			}
			switch {
			case src != l && src.Has(lint.TermMigrateStatus):
				what = fmt.Sprintf("the check repeated from line %d, \"db:migrate:status\", lists schema migrations only and", src.Num)
			case l.Has(lint.TermMigrateStatus):
				what = "\"db:migrate:status\" lists schema migrations only and"
			case l.Has(lint.TermMigrationsJob) || namedMigrationsJob(l):
				what = "a finished migrations job ran the schema migrations only and"
			case l.Has(lint.TermAutoMigrations):
				what = "the package runs the schema migrations only and"
			case l.Has(lint.TermWait), hasDuration(l), sleepCommand(l):
				what = "a fixed wait"
			}
			// The finding points at the weak check itself, which may be
			// on a later source line of a wrapped paragraph.
			at := lint.Span{Start: 0, End: len(l.Text)}
			for _, t := range []lint.Term{lint.TermMigrateStatus, lint.TermMigrationsJob, lint.TermAutoMigrations} {
				if m, ok := l.Find(t); ok {
					at = lint.Span{Start: m.Start, End: m.End}
					break
				}
			}
			if strings.HasSuffix(what, "and") {
				p.Reportf(l, at, "%s cannot show whether batched background migrations finished. check Admin > Monitoring > Background migrations or query batched_background_migrations, and continue only when none are pending", what)
				return
			}
			p.Reportf(l, at, "%s cannot show whether batched background migrations finished; they can run for hours or days. check Admin > Monitoring > Background migrations or query batched_background_migrations, and continue only when none are pending", what)
		}
		// A weak check presented as the background-migration check.
		for _, c := range sharedMigrationChecks.Get(p) {
			l := c.Line
			if c.Effective || !(l.Has(lint.TermBBM) && bbmBesideStatus(l) || l.In(lint.TermMigrations) || l.LabelIs(lint.TermMigrations)) {
				continue
			}
			if separateCheck(l) {
				// "db:migrate:status: all up (schema only; background
				// migrations are checked separately)"
				continue
			}
			if !(l.Has(lint.TermMigrateStatus) || l.Has(lint.TermMigrationsJob) || l.Has(lint.TermAutoMigrations)) {
				// A wait is judged by whether the hop after it has a real
				// check as well.
				continue
			}
			report(l)
		}
		// A weak check standing in for the gate between hops.
		gaps, global := hopGaps(p)
		if global {
			return
		}
		weak := weakForEveryHop(sharedMigrationChecks.Get(p))
		for _, g := range gaps {
			if !g.Effective && g.Ineffective != nil {
				report(g.Ineffective)
				if weak != nil && weak != g.Ineffective && !backReference(weak) {
					// "Before going on to the next hop we wait until the
					// migrations job shows Completed" states the weak
					// gate for this hop too; "run step 6.5 again" only
					// repeats the one reported.
					report(weak)
				}
			}
		}
	},
}

// bbmBesideStatus reports whether the background migrations are named in
// the sentence of the schema check, or the line has no schema check: "db:
// migrate:status must show every migration up. Then we ... watch the
// background migrations with the query above" keeps the two apart.
func bbmBesideStatus(l *lint.Line) bool {
	st, ok := l.Find(lint.TermMigrateStatus)
	if !ok {
		return true
	}
	start, end := lint.SentenceAt(l.Text, st.Start, st.End)
	if l.In(lint.TermVerify) && !l.In(lint.TermProcedure) {
		// After the upgrade, db:migrate:status is a check of its own:
		// "db:migrate:status all up; background migrations monitored
		// until finished" names two checks.
		start = max(start, strings.LastIndex(l.Text[:st.Start], ";")+1)
		if i := strings.IndexByte(l.Text[st.End:end], ';'); i >= 0 {
			end = st.End + i
		}
	}
	for _, m := range l.FindAll(lint.TermBBM) {
		if m.Start >= start && m.End <= end {
			return true
		}
	}
	return false
}

// separateCheck reports whether a line says its check covers the schema
// only and the background migrations are checked elsewhere.
func separateCheck(l *lint.Line) bool {
	for _, w := range []string{"separately", "schema only", "only the schema", "getrennt", "separat", "por separado", "séparément", "migraciones de esquema", "solo el esquema", "migrations de schéma", "uniquement le schéma", "seulement le schéma", "schema-migrationen", "schemamigrationen", "nur das schema", "additionally", "in addition", "as well", "zusätzlich", "außerdem", "además", "adicionalmente", "en plus", "en outre", "daarnaast", "bovendien", "inoltre", "também",
		// "... that db:migrate:status shows all up, and the background
		// migrations on the admin page": the admin page is checked beside it.
		"admin page", "admin area", "página de administración", "page d'administration", "admin-seite", "adminbereich", "pagina di amministrazione", "página de administração", "beheerpagina"} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}
