package rules

import "github.com/planlint/planlint/lint"

// reports lints src with one rule and tells whether it reported anything.
func reports(r *lint.Rule, src string) bool {
	res := lint.LintSource("plan.md", []byte(src), &lint.Config{Rules: []*lint.Rule{r}, Today: fixtureToday})
	for _, f := range res.Findings {
		if f.Rule == r.ID {
			return true
		}
	}
	return false
}
