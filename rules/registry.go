// Package rules holds planlint's rules, one per file. Each rule is a
// lint.Rule value; All returns them in ID order.
package rules

import (
	"sort"

	"github.com/planlint/planlint/lint"
)

//go:generate go run ../internal/gendocs/gen -dir ../docs/rules

// all lists every rule. Keep it complete: TestRegistry fails on a rule
// file whose rule is missing here.
var all = []*lint.Rule{
	BackupMissingSecrets,
	ConditionalStop,
	CredentialsInPlan,
	CustomScripts,
	DateTooSoon,
	DowngradeOrSameVersion,
	EditionMismatch,
	EmptySection,
	GeoOrder,
	HelmChartVersionMismatch,
	IneffectiveBackgroundMigrationCheck,
	InvalidFrontMatter,
	MissingArchitecture,
	MissingBackup,
	MissingCurrentVersion,
	MissingInstallMethod,
	MissingMaintenanceWindow,
	MissingOS,
	MissingPointOfContact,
	MissingPostUpgradeChecks,
	MissingRollbackPlan,
	MissingTargetVersion,
	MissingTimezone,
	MissingUpgradePath,
	MultiNodeOrder,
	NoBackgroundMigrationCheck,
	NoStagingTest,
	OutOfScopeRequest,
	PlaceholderText,
	PostgresUpgradeNotAddressed,
	RollbackWithoutRestore,
	SkippedRequiredStop,
	StopNotLatestPatch,
	TierFeatureUnavailable,
	UnknownVersion,
	UnpinnedPackageVersion,
	UnsupportedOSForTarget,
	VersionMismatch,
	VersionNotes,
	WindowTooShort,
	WrongPackageName,
	ZeroDowntimeSkip,
}

// All returns every rule, sorted by ID.
func All() []*lint.Rule {
	out := append([]*lint.Rule(nil), all...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range all {
		if r.ID == id {
			return r
		}
	}
	return nil
}
