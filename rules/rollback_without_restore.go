package rules

import "github.com/planlint/planlint/lint"

// RollbackWithoutRestore finds rollbacks that only reinstall software.
var RollbackWithoutRestore = &lint.Rule{
	ID:       "rollback-without-restore",
	Title:    "the rollback reinstalls the old version but never restores the data backup",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `An upgrade migrates the database schema. Reinstalling the old package, image or chart
(or ` + "`helm rollback`" + `, or reverting a commit in a GitOps repository) leaves the migrated database
behind, and the old version cannot run on it. GitLab does not support downgrades without a restore:
a rollback needs the backup taken on the old version, restored on that same version and edition,
or the snapshots taken before the upgrade.

Fix: after reinstalling the old version, restore the backup taken before the upgrade
(` + "`sudo gitlab-backup restore BACKUP=<id>`" + `) together with gitlab-secrets.json and gitlab.rb, or
revert the snapshots of every node.`,
	Run: func(p *lint.Pass) {
		lines := rollbackLines(p.Doc)
		if len(lines) == 0 {
			return
		}
		for _, l := range lines {
			if restoresData(p.Doc, l) {
				return
			}
		}
		at := rollbackHeading(p.Doc)
		if at == nil {
			at = lines[0]
		}
		p.ReportLinef(at, "rollback never restores the backup taken before the upgrade. the database schema is already migrated, so the old version cannot run on it: after reinstalling the old version, restore that backup (\"sudo gitlab-backup restore BACKUP=<id>\") with gitlab-secrets.json and gitlab.rb, or revert the snapshots")
	},
}
