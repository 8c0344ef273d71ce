package rules

import "github.com/planlint/planlint/lint"

// InvalidFrontMatter finds front matter planlint cannot read.
var InvalidFrontMatter = &lint.Rule{
	ID:       "invalid-front-matter",
	Title:    "the front matter is not valid YAML or is never closed",
	Severity: lint.Warning,
	Category: lint.Hygiene,
	Doc: `Front matter gives planlint facts explicitly (` + "`current_version`" + `, ` + "`target_version`" + `, ` + "`window_start`" + `,
...). When it is not valid YAML, or the opening "---" has no closing "---", planlint cannot tell
what was meant; it reads the whole file as plain markdown instead, so facts written only in the
front matter are reported missing.

Fix: close the block with a "---" line and fix the YAML (quote versions: ` + "`target_version: \"17.10.1\"`" + `).`,
	Run: func(p *lint.Pass) {
		if pr := p.Doc.FrontMatterProblem; pr != nil {
			p.ReportSourceLinef(pr.Line, "%s", pr.Message)
		}
	},
}
