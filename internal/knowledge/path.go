package knowledge

import (
	"fmt"
	"sort"

	"github.com/planlint/planlint/internal/glversion"
)

// StepKind says why a version is on an upgrade path.
type StepKind string

const (
	// StepRequired is a required stop every instance must make.
	StepRequired StepKind = "required"
	// StepConditional is a stop only some instances must make.
	StepConditional StepKind = "conditional"
	// StepMinor is a minor release on a zero-downtime path, which must go
	// one minor at a time.
	StepMinor StepKind = "minor"
	// StepTarget is the version the upgrade ends on.
	StepTarget StepKind = "target"
)

// Step is one version to install on the way to the target.
type Step struct {
	Version   glversion.Version
	Kind      StepKind
	Condition string // for conditional stops: who needs it
	Check     string // for conditional stops: how to find out, on a Linux package instance

	cond *Conditional
}

// CheckFor says how to find out whether a conditional stop applies, with
// the commands of the install method (see Conditional.CheckFor).
func (s Step) CheckFor(method string) string {
	if s.cond == nil {
		return s.Check
	}
	return s.cond.CheckFor(method)
}

// Path computes the upgrade path from one version to another the way
// GitLab Support's Upgrade Path tool does: every stop whose latest patch
// lies strictly between from and to (compared as full versions, so a start
// on an old patch of a stop's minor still moves to that minor's latest
// patch), then the target. Stops with no release yet are skipped.
// Conditional stops are included and marked. With zeroDowntime, every minor
// line in between is a step, because zero-downtime upgrades go one minor at
// a time.
//
// A from version without a patch is read as its .0 release; a to version
// without a patch resolves to the latest known patch of its minor.
func (b *Base) Path(from, to glversion.Version, zeroDowntime bool) ([]Step, error) {
	from = exact(from)
	if !to.HasPatch {
		if l, ok := b.Releases.Latest(to); ok {
			to = l
		}
	}
	if to.Compare(exact(from)) <= 0 {
		if to.Matches(from) {
			return nil, fmt.Errorf("%s is already %s: nothing to upgrade", from, to)
		}
		return nil, fmt.Errorf("%s is older than %s: GitLab does not support downgrades; going back needs a restore of a backup taken on %s", to, from, to)
	}
	target := exact(to)
	between := func(v glversion.Version) bool {
		return v.Compare(from) > 0 && v.Compare(target) < 0
	}
	var steps []Step
	seen := map[string]bool{}
	for _, s := range b.Stops {
		latest, ok := b.Releases.Latest(s.Line())
		if !ok || !between(latest) {
			continue
		}
		st := Step{Version: latest, Kind: StepRequired}
		if s.Conditional && !zeroDowntime {
			st.Kind = StepConditional
			if c, ok := b.Conditional[s.Line().MinorString()]; ok {
				st.Condition, st.Check, st.cond = c.Condition, c.Check, &c
			} else {
				st.Condition = "the required-stop list marks this stop as conditional"
			}
		}
		seen[latest.MinorString()] = true
		steps = append(steps, st)
	}
	for _, c := range b.Conditional {
		latest, ok := b.Releases.Latest(c.Stop)
		if !ok || seen[c.Stop.MinorString()] || !between(latest) {
			continue
		}
		seen[c.Stop.MinorString()] = true
		if zeroDowntime {
			// Every minor is a step of a zero-downtime path anyway.
			steps = append(steps, Step{Version: latest, Kind: StepMinor})
			continue
		}
		steps = append(steps, Step{Version: latest, Kind: StepConditional, Condition: c.Condition, Check: c.Check, cond: &c})
	}
	if zeroDowntime {
		for _, l := range b.Releases.Lines() {
			if seen[l.Line.MinorString()] || !between(l.Latest) || l.Line.CompareMinor(target) == 0 {
				continue
			}
			steps = append(steps, Step{Version: l.Latest, Kind: StepMinor})
		}
	}
	sort.Slice(steps, func(i, j int) bool { return steps[i].Version.Compare(steps[j].Version) < 0 })
	steps = append(steps, Step{Version: to, Kind: StepTarget})
	return steps, nil
}

func exact(v glversion.Version) glversion.Version {
	if v.HasPatch {
		return v
	}
	return glversion.New(v.Major, v.Minor, 0)
}
