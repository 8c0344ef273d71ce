// Package initplan writes a complete upgrade plan skeleton in markdown:
// front matter with the facts, every section Support asks for, one
// checklist per hop with the exact commands for the install method, the
// background-migration check before each hop, the notes that apply, and
// a rollback that restores the backup taken on the original version.
// Only facts the customer alone knows (window, contact, node names) are
// left as clearly marked placeholders.
package initplan

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
)

// Options describe the plan to write.
type Options struct {
	From, To     glversion.Version
	Install      string // linux-package, docker, helm, operator, source
	Topology     string // single-node, multi-node, geo
	OS           string // "Ubuntu 22.04"; empty when not given
	Edition      string // ee or ce; default ee
	ZeroDowntime bool
	Knowledge    *knowledge.Base
	// Today is the day the plan is written.
	Today time.Time
	// DataDate describes the knowledge used, for the plan's header.
	DataDate string
}

// Install methods and topologies init accepts.
var (
	Installs   = []string{"linux-package", "docker", "helm", "operator", "source"}
	Topologies = []string{"single-node", "multi-node", "geo"}
)

func oneOf(v string, list []string) bool {
	for _, x := range list {
		if v == x {
			return true
		}
	}
	return false
}

// Generate writes the plan.
func Generate(o Options) ([]byte, error) {
	if !oneOf(o.Install, Installs) {
		return nil, fmt.Errorf("--install %q: want one of %s", o.Install, strings.Join(Installs, ", "))
	}
	if !oneOf(o.Topology, Topologies) {
		return nil, fmt.Errorf("--topology %q: want one of %s", o.Topology, strings.Join(Topologies, ", "))
	}
	if o.Edition == "" {
		o.Edition = "ee"
	}
	if o.Edition != "ee" && o.Edition != "ce" {
		return nil, fmt.Errorf("--edition %q: want ee or ce", o.Edition)
	}
	if o.ZeroDowntime && o.Topology == "single-node" {
		return nil, fmt.Errorf("--zero-downtime needs a multi-node instance: a single node cannot be upgraded without downtime")
	}
	if o.ZeroDowntime && (o.Install == "docker" || o.Install == "source") {
		return nil, fmt.Errorf("--zero-downtime is only documented for multi-node Linux package, Helm and Operator installs")
	}
	if o.Topology == "geo" && o.Install != "linux-package" {
		return nil, fmt.Errorf("--topology geo is only supported with --install linux-package")
	}
	if o.Edition == "ce" && o.Topology == "geo" {
		return nil, fmt.Errorf("Geo needs GitLab Premium or Ultimate; --edition ce cannot run Geo")
	}
	kb := o.Knowledge
	if !o.From.HasPatch {
		if l, ok := kb.Releases.Latest(o.From); ok && o.From.Wildcard {
			o.From = l
		} else {
			return nil, fmt.Errorf("--from %q: give the exact version the instance runs, for example %s.0", o.From, o.From.MinorString())
		}
	}
	steps, err := kb.Path(o.From, o.To, o.ZeroDowntime)
	if err != nil {
		return nil, err
	}
	o.To = steps[len(steps)-1].Version
	g := &gen{o: o, kb: kb, steps: steps}
	g.write()
	return g.b.Bytes(), nil
}

type gen struct {
	o     Options
	kb    *knowledge.Base
	steps []knowledge.Step
	b     bytes.Buffer
}

func (g *gen) p(format string, args ...any) {
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

// hops are the versions the plan installs: required stops and the
// target. Conditional stops are listed with their check instead.
func (g *gen) hops() []knowledge.Step {
	var out []knowledge.Step
	for _, s := range g.steps {
		if s.Kind != knowledge.StepConditional {
			out = append(out, s)
		}
	}
	return out
}

func (g *gen) ed() string { return g.o.Edition }

func (g *gen) edName() string {
	if g.o.Edition == "ce" {
		return "GitLab Community Edition"
	}
	return "GitLab Enterprise Edition"
}

func (g *gen) methodName() string {
	switch g.o.Install {
	case "linux-package":
		return "Linux package (Omnibus)"
	case "docker":
		return "Docker (Compose) with the official image"
	case "helm":
		return "the official GitLab Helm chart"
	case "operator":
		return "the GitLab Operator"
	case "source":
		return "installation from source"
	}
	return g.o.Install
}

func (g *gen) write() {
	o := g.o
	hops := g.hops()
	g.p("---")
	g.p("current_version: %q", o.From.String())
	g.p("target_version: %q", o.To.String())
	g.p("edition: %s", o.Edition)
	g.p("install_method: %s", o.Install)
	if o.OS != "" {
		g.p("os: %q", o.OS)
	}
	g.p("topology: %s", o.Topology)
	if o.ZeroDowntime {
		g.p("zero_downtime: true")
	}
	g.p("---")
	g.p("")
	g.p("# GitLab upgrade plan: %s to %s", o.From, o.To)
	g.p("")
	g.p("Written by `planlint init` on %s from %s. Replace every value in angle brackets, then run", o.Today.Format(time.DateOnly), o.DataDate)
	g.p("`planlint lint` on this file; it reports each value still missing.")
	g.p("")
	g.summary(hops)
	g.environment()
	g.windowAndContact(hops)
	g.path()
	g.postgres()
	g.osSupport()
	g.notes()
	g.rehearsal()
	g.before()
	g.backup()
	g.procedure(hops)
	g.checks()
	g.rollback()
}

func (g *gen) summary(hops []knowledge.Step) {
	o := g.o
	g.p("## Summary")
	g.p("")
	stops := len(hops) - 1
	what := "no required stop"
	switch {
	case stops == 1:
		what = "one required stop"
	case stops > 1:
		what = fmt.Sprintf("%d required stops", stops)
	}
	mode := "with downtime"
	if o.ZeroDowntime {
		mode = "without downtime, one minor release at a time"
	}
	g.p("We upgrade %s from %s to %s on the same servers, %s. The path passes %s, each at its latest patch.", g.edName(), o.From, o.To, mode, what)
	g.p("Nothing else changes in this window: no change of edition, install method, servers or architecture.")
	g.p("")
}

func (g *gen) environment() {
	o := g.o
	g.p("## Environment")
	g.p("")
	g.p("- Current version: %s", o.From)
	g.p("- Target version: %s", o.To)
	g.p("- Edition: %s", g.edName())
	g.p("- Install method: %s", g.methodName())
	if o.Install == "linux-package" || o.Install == "source" {
		if o.OS != "" {
			g.p("- Operating system: %s", o.OS)
		} else {
			g.p("- Operating system: <operating system and version, for example Ubuntu 22.04>")
		}
	}
	switch {
	case o.Install == "helm" || o.Install == "operator":
		g.p("- Architecture: Kubernetes cluster with the webservice, Sidekiq and toolbox pods; Gitaly in the cluster; PostgreSQL and Redis outside the cluster (external database and Redis).")
	case o.Topology == "single-node":
		switch o.Install {
		case "docker":
			g.p("- Architecture: single node: one Docker host runs the GitLab container with every component (Puma, Sidekiq, Gitaly, bundled PostgreSQL and Redis).")
		default:
			g.p("- Architecture: single node: one server runs every component (Puma, Sidekiq, Gitaly, bundled PostgreSQL and Redis).")
		}
	default:
		{
			site := "multi-node"
			if o.Topology == "geo" {
				site = "Geo: a primary site and one or more secondary sites, each multi-node"
			}
			g.p("- Architecture: %s, with these components on their own nodes:", site)
			g.p("")
			g.p("| Component | Nodes |")
			g.p("|---|---|")
			for _, c := range [][2]string{{"Consul", "consul-1..3"}, {"PostgreSQL (Patroni)", "postgres-1..3"}, {"PgBouncer", "pgbouncer-1..3"}, {"Redis (Sentinel)", "redis-1..3"}, {"Gitaly", "gitaly-1..3"}, {"Praefect", "praefect-1..3"}, {"Rails (Puma), deploy node rails-1", "rails-1..3"}, {"Sidekiq", "sidekiq-1..4"}} {
				g.p("| %s | %s |", c[0], c[1])
			}
			g.p("")
			g.p("Adjust the node names to the inventory; keep the order of the upgrade steps.")
		}
	}
	g.p("")
}

func (g *gen) windowAndContact(hops []knowledge.Step) {
	g.p("## Maintenance window")
	g.p("")
	g.p("- Window: <YYYY-MM-DD HH:MM to HH:MM> <time zone, for example Europe/Berlin>")
	g.p("- Length: plan about one hour per hop for the install and the background migrations, %d hops in all, plus the time the rehearsed restore takes.", len(hops))
	g.p("- Users are told a week before, and a broadcast message runs during the window.")
	g.p("")
	g.p("## Point of contact")
	g.p("")
	g.p("- Point of contact for GitLab Support: <name>, <e-mail address>, <phone number>")
	g.p("")
}

func (g *gen) path() {
	g.p("## Upgrade path")
	g.p("")
	g.p("| Step | Version | Why |")
	g.p("|---|---|---|")
	n := 0
	for _, s := range g.steps {
		if s.Kind == knowledge.StepConditional {
			continue
		}
		n++
		why := "required stop, latest patch"
		switch s.Kind {
		case knowledge.StepTarget:
			why = "target"
		case knowledge.StepMinor:
			why = "next minor (zero downtime goes one minor at a time)"
		}
		g.p("| %d | %s | %s |", n, s.Version, why)
	}
	g.p("")
	for _, s := range g.steps {
		if s.Kind != knowledge.StepConditional {
			continue
		}
		g.p("Conditional stop %s (%s): needed only when %s. Check before the window: %s. If it applies, add %s to the path.", s.Version.MinorString(), s.Version, s.Condition, s.CheckFor(g.o.Install), s.Version)
		g.p("")
	}
}

func (g *gen) rehearsal() {
	g.p("## Rehearsal on staging")
	g.p("")
	g.p("Restore the latest production backup to a staging instance that matches production, run this plan there")
	g.p("from start to end including the rollback, and write down how long each hop, the background migrations and")
	g.p("the restore took. Fix the plan where the rehearsal differs from it.")
	g.p("")
}

func (g *gen) before() {
	o := g.o
	g.p("## Before the window")
	g.p("")
	g.p("- Read the upgrade notes of every version on the path (docs.gitlab.com, update/versions) and the notes below.")
	switch o.Install {
	case "linux-package":
		g.p("- Check free disk space: the backup, and twice the database size when PostgreSQL is upgraded.")
		g.p("- Make sure every package version of the path is available in the package repository.")
		g.p("- Remove settings that later versions no longer accept: `sudo gitlab-ctl check-config --version=%s`.", o.To.MinorString())
	case "docker":
		g.p("- Pull every image of the path before the window, so nothing is downloaded during it.")
	case "helm", "operator":
		g.p("- `helm repo update`, and confirm the chart version of every hop with `helm search repo -l gitlab/gitlab`.")
	case "source":
		g.p("- Check the Ruby, Go, Git and Node.js versions each hop needs in the source upgrade guide.")
	}
	g.p("- Pause the CI runners and wait for running jobs at the start of the window; upgrade GitLab Runner afterwards.")
	g.p("")
}

func (g *gen) checks() {
	o := g.o
	g.p("## Post-upgrade checks")
	g.p("")
	switch o.Install {
	case "docker":
		g.p("- `docker exec -t gitlab gitlab-rake gitlab:check SANITIZE=true` and `docker exec -t gitlab gitlab-rake gitlab:doctor:secrets`")
	case "helm", "operator":
		g.p("- `kubectl -n gitlab exec deploy/gitlab-toolbox -- gitlab-rake gitlab:check SANITIZE=true`")
	case "source":
		g.p("- `sudo -u git -H bundle exec rake gitlab:check RAILS_ENV=production` and `sudo -u git -H bundle exec rake gitlab:doctor:secrets RAILS_ENV=production`")
	default:
		g.p("- `sudo gitlab-rake gitlab:check SANITIZE=true` and `sudo gitlab-rake gitlab:doctor:secrets`")
	}
	g.p("- Sign in as a normal user and as an administrator; the Help page shows %s.", o.To)
	g.p("- Clone, commit and push to a test project over SSH and HTTPS.")
	g.p("- Unpause the runners and run a CI pipeline that builds and pushes to the container registry.")
	g.p("- Admin > Monitoring > Background migrations: nothing queued, finalizing or failed.")
	if o.Topology == "geo" {
		g.p("- `sudo gitlab-rake gitlab:geo:check` on the primary and every secondary site; the Geo dashboard shows replication healthy.")
	}
	g.p("")
}
