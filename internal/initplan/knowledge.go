package initplan

import (
	"strconv"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
)

// setup is the knowledge base's view of the plan being written.
func (g *gen) setup() knowledge.Setup {
	s := knowledge.Setup{InstallMethod: g.o.Install, Topology: g.o.Topology, Edition: g.o.Edition, ZeroDowntime: g.o.ZeroDowntime}
	if g.o.Install == "helm" || g.o.Install == "operator" {
		s.ExternalDB = true
	}
	return s
}

func (g *gen) hopVersions() []glversion.Version {
	var out []glversion.Version
	for _, s := range g.hops() {
		out = append(out, s.Version)
	}
	return out
}

// postgres writes what the path needs from PostgreSQL and who upgrades it.
func (g *gen) postgres() {
	o := g.o
	floors := g.kb.FloorsCrossed(o.From, o.To)
	g.p("## PostgreSQL")
	g.p("")
	g.p("- PostgreSQL version today: <PostgreSQL version, as shown by `sudo gitlab-psql -c 'SELECT version();'`>")
	if len(floors) == 0 {
		if f, ok := g.kb.PostgresFloorFor(o.To); ok {
			g.p("- The path crosses no new PostgreSQL requirement; %s needs PostgreSQL %d or later, which the current version already needs.", o.To, f.Major)
		}
		g.p("")
		return
	}
	auto := map[int]knowledge.AutoUpgrade{}
	for _, a := range g.kb.AutoUpgradesCrossed(o.From, o.To) {
		if m, err := strconv.Atoi(a.ToMajor); err == nil && a.Applies(g.setup()) {
			auto[m] = a
		}
	}
	for _, f := range floors {
		if a, ok := auto[f.Major]; ok && o.Topology == "single-node" && (o.Install == "linux-package" || o.Install == "docker") {
			g.p("- %s needs PostgreSQL %d or later. The %s package upgrades the bundled PostgreSQL to %d automatically on this single node; keep free disk space for two copies of the database and check the version after that hop.", f.GitLab.MinorString(), f.Major, a.GitLab.MinorString(), f.Major)
			continue
		}
		how := "upgrade the database with its own tooling (for RDS or Cloud SQL, a major version upgrade)"
		if o.Install == "linux-package" {
			how = "upgrade it with `sudo gitlab-ctl pg-upgrade -V " + strconv.Itoa(f.Major) + "` (on Patroni and Geo follow the documented manual procedure)"
		}
		if o.ZeroDowntime {
			how += " in a separate maintenance window with downtime, since a PostgreSQL major upgrade is not part of a zero-downtime upgrade"
		}
		g.p("- %s needs PostgreSQL %d or later, and GitLab does not upgrade this database by itself: before the %s hop, %s.", f.GitLab.MinorString(), f.Major, f.GitLab.MinorString(), how)
	}
	g.p("")
}

// osSupport writes where the OS stops getting packages on the path.
func (g *gen) osSupport() {
	o := g.o
	if o.OS == "" || o.Install != "linux-package" && o.Install != "source" {
		return
	}
	info, ok := g.kb.LookupOS(o.OS)
	if !ok {
		return
	}
	for _, v := range g.hopVersions() {
		if !info.Supports(v) {
			g.p("## Operating system")
			g.p("")
			g.p("- %s gets no GitLab packages for %s. Upgrade the operating system to a supported release before that hop, re-add the package repository, and check PostgreSQL's locale afterwards.", o.OS, v)
			g.p("")
			return
		}
	}
}

// notes writes every upgrade note that applies to the path and setup,
// grouped by the hop it belongs to.
func (g *gen) notes() {
	o := g.o
	hops := g.hopVersions()
	notes := g.kb.NotesFor(o.From, o.To, hops, g.setup())
	if len(notes) == 0 {
		return
	}
	g.p("## Version notes")
	g.p("")
	g.p("Known problems of the versions on this path that apply to this setup; check each before the window.")
	g.p("")
	for _, n := range notes {
		trig := n.Trigger(o.From, o.To, hops)
		label := trig.String()
		if !n.Crosses.IsZero() {
			label = n.Crosses.MinorString()
		}
		g.p("- [ ] %s: %s.", label, n.Text)
	}
	g.p("")
}
