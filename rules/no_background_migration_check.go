package rules

import "github.com/planlint/planlint/lint"

// NoBackgroundMigrationCheck finds hops not preceded by a migration check.
var NoBackgroundMigrationCheck = &lint.Rule{
	ID:       "no-background-migration-check",
	Title:    "a hop is not preceded by a check that background migrations finished",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `Every upgrade queues batched background migrations that run for minutes to days after the
package is installed. The next upgrade expects them finished; starting it too early fails with
"Expected batched background migration ... to be marked as 'finished'", or leaves data half
migrated. Support looks for a check before each hop, including the first.

planlint accepts the Admin > Monitoring > Background migrations page, the
` + "`batched_background_migrations`" + ` query, the ` + "`BatchedMigration`" + ` counts through ` + "`gitlab-rails runner`" + `, or
a step that waits until all background migrations are finished. One statement that applies to every
hop ("before each hop, confirm ...") covers all of them.

Fix: before every hop, run
` + "`sudo gitlab-psql -c \"SELECT job_class_name, table_name FROM batched_background_migrations WHERE status NOT IN (3, 6);\"`" + `
and continue only when it returns no rows (or check the admin page).`,
	Run: func(p *lint.Pass) {
		gaps, global := hopGaps(p)
		if global {
			return
		}
		for _, g := range gaps {
			if g.Effective || g.Ineffective != nil {
				continue
			}
			span := g.Hop.Span
			if g.At != g.Hop.Line {
				span = lint.Span{}
				for _, h := range p.Plan.Installs {
					if h.Line == g.At && h.Version.Matches(g.Hop.Version) {
						span = h.Span
						break
					}
				}
			}
			p.Reportf(g.At, span, "no check that batched background migrations finished before the upgrade to %s. before each hop, confirm none are pending: Admin > Monitoring > Background migrations, or the batched_background_migrations query", quote(g.Hop.Version.String()))
		}
	},
}
