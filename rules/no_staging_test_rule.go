package rules

import "github.com/planlint/planlint/lint"

// NoStagingTest finds plans that were not rehearsed on a copy.
var NoStagingTest = &lint.Rule{
	ID:       "no-staging-test",
	Title:    "the upgrade is not rehearsed on a non-production copy",
	Severity: lint.Warning,
	Category: lint.RequiredInfo,
	Doc: `A rehearsal on a staging instance restored from a production backup finds failing migrations,
removed settings and missing prerequisites before the window, and gives real timings for each hop and
for the restore. Support asks whether the upgrade was tested, and "no issues when simulated in
staging" is one of the facts it wants with the request.

planlint accepts a staging or test environment, a dry run or a rehearsal named in the plan, or
` + "`staging_tested: true`" + ` in front matter. "We have no staging environment" is reported.

Fix: rehearse on a copy restored from a production backup and note the result and timings.`,
	Run: func(p *lint.Pass) {
		s := p.Plan.StagingTested
		switch {
		case s == nil:
			p.ReportDocumentf("plan does not mention a rehearsal on a non-production copy. test the upgrade on a staging instance restored from a production backup first, and note the result and timings")
		case s.Value == "false":
			p.Reportf(s.Line, s.Span, "plan says the upgrade is not tested on a non-production copy. rehearse it on a staging instance restored from a production backup first: it shows problems and real timings before the window")
		}
	},
}
