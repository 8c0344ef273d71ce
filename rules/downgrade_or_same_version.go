package rules

import "github.com/planlint/planlint/lint"

// DowngradeOrSameVersion finds targets that are not newer than the current version.
var DowngradeOrSameVersion = &lint.Rule{
	ID:       "downgrade-or-same-version",
	Title:    "the target version is not newer than the current version",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `GitLab does not support downgrades in place: going back to an older version needs a restore of
a backup taken on that version. A target equal to the current version is no upgrade at all. Both
usually mean the versions were swapped or mistyped.

Fix: check the current and target versions.`,
	Run: func(p *lint.Pass) {
		cur, tgt := p.Plan.Current, p.Plan.Target
		if cur == nil || tgt == nil || tgt.From == lint.FromInferred {
			return
		}
		switch {
		case tgt.Version.CompareMinor(cur.Version) < 0 || tgt.Version.HasPatch && cur.Version.HasPatch && tgt.Version.Compare(cur.Version) < 0:
			p.Reportf(tgt.Line, tgt.Span, "target version %s is older than the current version %s. GitLab does not support downgrades in place; going back needs a restore of a backup taken on %s. check the versions", quote(tgt.Version.String()), quote(cur.Version.String()), tgt.Version)
		case tgt.Version.HasPatch && cur.Version.HasPatch && tgt.Version.Compare(cur.Version) == 0,
			!tgt.Version.HasPatch && !cur.Version.HasPatch && tgt.Version.CompareMinor(cur.Version) == 0:
			p.Reportf(tgt.Line, tgt.Span, "target version %s is the version the instance already runs. check the target version", quote(tgt.Version.String()))
		}
	},
}
