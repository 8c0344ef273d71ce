package rules

import (
	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
	"github.com/planlint/planlint/lint"
)

// setupOf turns what the plan says about the instance into the setup the
// knowledge base filters notes and automatic upgrades by.
func setupOf(pass *lint.Pass) knowledge.Setup {
	p := pass.Plan
	var s knowledge.Setup
	if p.OS != nil {
		if info, ok := pass.Knowledge.LookupOS(p.OS.Value); ok {
			s.OS = info.Name
		}
	}
	s.InstallMethod = method(p)
	if p.Topology != nil {
		s.Topology = p.Topology.Value
		if s.Topology == "multi-node" && p.OneGitLabNode != nil {
			// "gl-app01 is the only GitLab node; PostgreSQL runs on
			// pg-db01 (PGDG)": notes for several GitLab nodes do not
			// apply.
			s.Topology = "single-node"
		}
	}
	if p.EditionStated != nil {
		s.Edition = p.EditionStated.Value
	} else if p.Edition != nil {
		s.Edition = p.Edition.Value
	}
	if db := p.Database; db != nil && (db.External || db.Patroni) {
		s.ExternalDB = db.External
	}
	if db := p.Database; db != nil {
		s.Patroni, s.Repmgr = db.Patroni, db.Repmgr
		s.DatabaseStated = db.Line != nil || db.External || db.Patroni || db.Repmgr
	}
	s.ExternalRedis = p.ExternalRedis != nil
	s.OneWebNode = p.RailsNodes != nil && p.RailsNodes.N == 1
	s.ZeroDowntime = p.ZeroDowntime != nil && p.ZeroDowntime.Value == "true"
	return s
}

// hopVersions returns the versions the plan installs, ascending, with
// the target last when no hop installs it.
func hopVersions(p *lint.Plan) []glversion.Version {
	var out []glversion.Version
	for _, h := range p.Hops {
		out = append(out, h.Version)
	}
	if t := p.Target; t != nil && (len(out) == 0 || !out[len(out)-1].Matches(t.Version)) && (len(out) == 0 || t.Version.Compare(out[len(out)-1]) > 0) {
		out = append(out, t.Version)
	}
	return out
}

// hopAt returns the first hop at or above v, or the target when no hop
// reaches it.
func hopAt(p *lint.Plan, v glversion.Version) lint.VersionRef {
	for _, h := range p.Hops {
		if h.Version.Compare(v) >= 0 || h.Version.CompareMinor(v) == 0 {
			return h.VersionRef
		}
	}
	return p.Target.VersionRef
}
