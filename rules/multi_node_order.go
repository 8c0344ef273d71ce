package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/planlint/planlint/lint"
)

// componentOrder is the documented order for upgrading the components of
// a multi-node instance: stateful backends first, then what depends on
// them, then the frontends.
var componentOrder = []component{
	{"consul", "Consul", []string{"consul"}},
	{"postgresql", "PostgreSQL", []string{"postgres", "patroni", "database node", "db node", "praefect-db", "praefect db", "praefect database", "praefect postgres", "praefect-database", "praefect-datenbank", "praefect-datenbankknoten", "base de datos de praefect", "base de données praefect", "base de données de praefect", "banco de dados do praefect", "database di praefect", "database praefect"}},
	{"pgbouncer", "PgBouncer", []string{"pgbouncer"}},
	{"redis", "Redis", []string{"redis", "sentinel"}},
	{"gitaly", "Gitaly", []string{"gitaly"}},
	{"praefect", "Praefect", []string{"praefect"}},
	{"rails", "Rails", []string{"rails", "puma", "web node", "webservice", "application node", "app node", "deploy node", "app host", "application host", "app server", "application server"}},
	{"sidekiq", "Sidekiq", []string{"sidekiq"}},
}

// mixedRails is the role of a node that runs Rails beside backends of its
// own ("Puma, Sidekiq, bundled PostgreSQL"): a Rails node only to the
// external Gitaly beside it.
const mixedRails = "rails+"

// reportGitalyLate reports external Gitaly upgraded after a frontend, which
// even an upgrade with downtime must not do.
func reportGitalyLate(p *lint.Pass, gitaly *lint.Line, frontend string, at *lint.Line) {
	p.ReportLinef(gitaly, "the Gitaly nodes are upgraded after the %s nodes (line %d). even with downtime, upgrade external Gitaly before the Rails and Sidekiq nodes, so they never send an older Gitaly calls it cannot handle", frontend, at.Num)
}

// component is a kind of node and the words that name it.
type component struct {
	name  string
	label string
	words []string
}

// MultiNodeOrder checks the node order and migration handling of
// multi-node Linux package upgrades.
var MultiNodeOrder = &lint.Rule{
	ID:       "multi-node-order",
	Title:    "multi-node components are upgraded out of the documented order or without a deploy node",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `A multi-node Linux package instance is upgraded back to front: Consul, PostgreSQL (Patroni),
PgBouncer, Redis, Gitaly, Praefect, then the Rails and Sidekiq nodes, so no frontend ever talks to an
older backend. Every node gets ` + "`/etc/gitlab/skip-auto-reconfigure`" + ` first, so installing the package does
not reconfigure and migrate on its own. Exactly one Rails node, the deploy node, runs the database
migrations (` + "`gitlab_rails['auto_migrate'] = true`" + ` there only, connected to the database leader, not through
PgBouncer); when it skips the post-deployment migrations, they run with ` + "`gitlab-rake db:migrate`" + ` after every
node is upgraded. In a Patroni cluster the replicas are upgraded before the leader. An upgrade with
downtime, which stops Puma and Sidekiq everywhere first, may take the backends in any order; external
Gitaly still goes before the Rails nodes, a single Rails node upgraded with downtime is its own
deploy node, and a plan that names its deploy node and sets auto_migrate needs no
` + "`skip-auto-reconfigure`" + ` (GitLab's downtime procedure does not ask for it). An upgrade that runs the GitLab Environment Toolkit's own
playbooks is ordered by the Toolkit and is not checked here.

The rule reports a backend upgraded after a Rails or Sidekiq node, Gitaly upgraded after Praefect, a
plan without a deploy node or
without ` + "`skip-auto-reconfigure`" + `, migrations run on every Rails node, a deploy node that runs the migrations
through PgBouncer, post-deployment migrations that never run, a Patroni leader upgraded before its
replicas, and, in Helm, Operator and container deployments, Gitaly upgraded after the chart or the
Rails container.

Fix: follow the documented order and the deploy-node procedure.`,
	Run: func(p *lint.Pass) {
		pl := p.Plan
		if m := method(pl); m == "helm" || m == "operator" {
			// The chart orders its own pods; Gitaly on VMs beside it must
			// still go first.
			if gl, helm := gitalyAfterChart(p.Doc); gl != nil {
				p.ReportLinef(gl, "the external Gitaly servers are upgraded after the chart (line %d). upgrade Gitaly first, so the new Rails pods never call an older Gitaly", helm.Num)
			}
			return
		}
		if method(pl) == "docker" {
			// Containers on several hosts: Gitaly still goes before the
			// Rails container.
			var rails, gitaly *lint.Line
			for _, st := range componentSteps(p.Doc) {
				switch {
				case st.comp == "rails" && rails == nil:
					rails = st.line
				case st.comp == "gitaly" && gitaly == nil:
					gitaly = st.line
				}
			}
			if rails != nil && gitaly != nil && gitaly.Index > rails.Index {
				p.ReportLinef(gitaly, "the Gitaly nodes are upgraded after the Rails nodes (line %d). upgrade Gitaly first, so the new Rails code never calls an older Gitaly", rails.Num)
			}
			return
		}
		if pl.Topology == nil || pl.Topology.Value == "single-node" || pl.Topology.Value == "multi-node" && pl.OneGitLabNode != nil {
			// (One GitLab node beside an external database has no node
			// order.)
			return
		}
		if pl.Topology.Value == "geo" && (pl.RailsNodes == nil || pl.RailsNodes.N < 2) && (components(pl) < 4 || singleNodeSites(p.Doc)) {
			// Geo sites that are single nodes each.
			return
		}
		switch method(pl) {
		case "linux-package", "", "get":
		default:
			return
		}
		if (method(pl) == "get" || gitlabToolkit(p.Doc)) && runsGETPlaybook(p.Doc) {
			// The GitLab Environment Toolkit's playbooks order the nodes,
			// skip the automatic reconfigure and pick the deploy node.
			return
		}
		steps := componentSteps(p.Doc)
		if pl.Topology.Value == "geo" {
			// Each Geo site has its own node order; the primary's steps
			// come first, and a secondary's Gitaly after the primary's
			// Rails is no late Gitaly.
			for i, s := range steps {
				if h := s.line.Section.Heading; h != nil && i > 0 {
					if site, _ := geoSiteAt(h); site == "secondary" {
						steps = steps[:i]
						break
					}
				}
			}
		}
		if len(steps) == 0 {
			return
		}
		first := map[string]*lint.Line{}
		for _, s := range steps {
			if first[s.comp] == nil {
				first[s.comp] = s.line
			}
		}
		if g, r := first["gitaly"], first[mixedRails]; first["rails"] == nil && g != nil && r != nil && g.Index > r.Index {
			// The application node runs Rails beside its own database; the
			// external Gitaly still goes first.
			reportGitalyLate(p, g, "Rails", r)
		}
		// The other checks are about nodes of one tier.
		tiered := steps[:0:0]
		for _, s := range steps {
			if s.comp != mixedRails {
				tiered = append(tiered, s)
			}
		}
		if steps = tiered; len(steps) == 0 {
			return
		}
		// Backends upgraded after a frontend. With downtime (Puma and
		// Sidekiq stopped everywhere first) the backends go in any order;
		// only external Gitaly still goes before Rails.
		backends := componentOrder[:6]
		if withDowntime(p, steps[0].line) {
			backends = []component{componentByName("gitaly")}
		}
		late := map[*lint.Line]bool{}
		for _, fe := range []string{"rails", "sidekiq"} {
			fl := first[fe]
			if fl == nil {
				continue
			}
			for _, c := range backends {
				bl := first[c.name]
				if bl != nil && bl.Index > fl.Index {
					late[bl] = true
					if len(backends) == 1 {
						reportGitalyLate(p, bl, labelOf(fe), fl)
						continue
					}
					p.ReportLinef(bl, "the %s nodes are upgraded after the %s nodes (line %d). upgrade back to front: Consul, PostgreSQL, PgBouncer, Redis, Gitaly, Praefect, then Rails and Sidekiq", c.label, labelOf(fe), fl.Num)
				}
			}
			break
		}
		// Praefect routes to Gitaly: the Gitaly nodes go first.
		if g, pr := first["gitaly"], first["praefect"]; g != nil && pr != nil && pr.Index < g.Index && !late[g] {
			p.ReportLinef(g, "the Gitaly nodes are upgraded after the Praefect nodes (line %d). upgrade Gitaly first, then Praefect", pr.Num)
		}
		doc := p.Doc
		has := func(words ...string) *lint.Line {
			for _, l := range doc.Lines {
				if l.In(lint.TermRollback) {
					continue
				}
				for _, w := range words {
					if l.Contains(w) {
						return l
					}
				}
			}
			return nil
		}
		anchor := first["rails"]
		if anchor == nil {
			anchor = steps[0].line
		}
		// One Rails node runs the migrations when its package installs:
		// it is the deploy node, and nothing else migrates alongside it.
		// (Its upgrade takes downtime unless the plan claims otherwise.)
		oneRails := pl.RailsNodes != nil && pl.RailsNodes.N == 1 && (withDowntime(p, steps[0].line) || pl.ZeroDowntime == nil)
		// With downtime, GitLab's procedure needs no skip-auto-reconfigure
		// when the plan keeps the migrations to one deploy node itself;
		// without downtime every node needs it.
		controlled := withDowntime(p, steps[0].line) && has(deployNodeWords...) != nil && has("auto_migrate") != nil
		if has("skip-auto-reconfigure", "skip_auto_reconfigure") == nil && !oneRails && !controlled {
			p.ReportLinef(steps[0].line, "multi-node steps do not create /etc/gitlab/skip-auto-reconfigure. touch it on every node before installing the package, so the package does not reconfigure and migrate on its own")
		}
		var everyNode *lint.Line
		for _, l := range doc.Lines {
			if l.In(lint.TermRollback) || l.Contains("only") {
				continue
			}
			if everyWithMigrations(l) && l.HasWord("rails", "node", "nodes", "server", "servers", "them") && !l.Contains("deploy") || migratesOnNamedRailsNodes(l) {
				everyNode = l
				p.ReportLinef(l, "database migrations run on every Rails node. run them once, on the deploy node; the other nodes keep gitlab_rails['auto_migrate'] = false")
				break
			}
		}
		if everyNode == nil && first["rails"] != nil && !oneRails && has(append(deployNodeWords, "auto_migrate", "skip_post_deployment_migrations")...) == nil {
			p.ReportLinef(anchor, "plan does not name a deploy node. run the database migrations on one Rails node only (gitlab_rails['auto_migrate'] = true there, false on the others), connected to the database leader rather than PgBouncer")
		}
		if l := migratesThroughPgBouncer(doc); l != nil {
			p.ReportLinef(l, "the deploy node runs the migrations through PgBouncer. PgBouncer's transaction pooling breaks the migration locks (ActiveRecord::ConcurrentMigrationError); point the deploy node at the database leader directly for the migrations (\"gitlab-ctl patroni members\" shows it)")
		}
		if skip := has("skip_post_deployment_migrations=true"); skip != nil {
			// The run may be written before the detail that skips it: a
			// step table ("D12 | db:migrate") over the deploy node's own
			// table of settings.
			// ("SKIP_POST_DEPLOYMENT_MIGRATIONS=true gitlab-ctl reconfigure,
			// then gitlab-rake db:migrate" runs them on the same line.)
			post := runsDBMigrate(skip.Lower[max(0, skip.IndexOf("skip_post_deployment_migrations=true")):])
			for _, l := range doc.Lines {
				if l != skip && !l.In(lint.TermRollback) && runsDBMigrate(l.Lower) && !l.Contains("skip_post_deployment") {
					post = true
				}
			}
			if !post {
				p.ReportLinef(skip, "post-deployment migrations are skipped here but never run later. run \"sudo gitlab-rake db:migrate\" on the deploy node after every node is upgraded")
			}
		}
		var leader, replica *lint.Line
		leaderHost := patroniLeaderHost(doc)
		for _, l := range doc.Lines {
			if l.In(lint.TermRollback) || l.In(lint.TermStaging) || l.In(lint.TermRisk) || l.In(lint.TermPrereq) && !l.In(lint.TermProcedure) || !(l.Has(lint.TermUpgradeVerb) || l.Has(lint.TermPkgInstall) || l.In(lint.TermProcedure) && (orderOpener(l.Lower) || sameCommands(l))) {
				continue
			}
			if (l.In(lint.TermEnvironment) || l.In(lint.TermArchitecture)) && !l.In(lint.TermProcedure) || l.Contains("pg-upgrade") {
				// (A PostgreSQL major upgrade with pg-upgrade runs on the
				// leader first, by its own procedure.)
				// "| PostgreSQL (Patroni, upgraded from 14.17 in September) |
				// leader pg-1 |" describes the cluster.
				continue
			}
			if l.Has(lint.TermBackup) && !l.Has(lint.TermPkgInstall) {
				// "Full backup ... (direct to the Patroni leader)" reads
				// from the leader; it upgrades nothing.
				continue
			}
			lp, rp := leaderReplicaOrder(l)
			if lp < 0 && rp < 0 && leaderHost != "" {
				lp, rp = hostOrder(l, leaderHost)
			}
			if lp >= 0 && rp >= 0 {
				// "first the leader, then the replicas" on one line.
				if lp < rp && leader == nil && replica == nil {
					p.ReportLinef(l, "the Patroni leader is upgraded before its replicas. upgrade and restart each replica first, then the leader, so the cluster fails over once")
					break
				}
				if replica == nil {
					replica = l
				}
				continue
			}
			if leader == nil && lp >= 0 {
				leader = l
			}
			if replica == nil && rp >= 0 {
				replica = l
			}
		}
		if leader != nil && replica != nil && leader.Index < replica.Index {
			p.ReportLinef(leader, "the Patroni leader is upgraded before its replicas (line %d). upgrade and restart each replica first, then the leader, so the cluster fails over once", replica.Num)
		}
	},
}

// patroniLeaderHost returns the host that "gitlab-ctl patroni members"
// output pasted in the plan shows as the leader ("| pg-1 | 10.40.2.11 |
// Leader | running |"), or "".
func patroniLeaderHost(d *lint.Document) string {
	for _, l := range d.Lines {
		if !l.HasWord("leader") || l.Kind != lint.KindCode && l.Kind != lint.KindTableRow || l.In(lint.TermRollback) {
			continue
		}
		if f := strings.Fields(strings.Trim(l.Lower, "| ")); len(f) > 2 && hostName(f[0]) && slices.Contains(f, "leader") {
			return f[0]
		}
	}
	return ""
}

// hostOrder returns where a step names the leader host and another host
// of its cluster: "`pg-1` first, then `pg-2` and `pg-3`" names the leader
// pg-1 before the replica pg-2.
func hostOrder(l *lint.Line, leaderHost string) (int, int) {
	stem := strings.TrimRight(leaderHost, "0123456789")
	hostByte := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' }
	lp, rp := -1, -1
	low := l.Lower
	for i := 0; i < len(low); {
		if !hostByte(low[i]) {
			i++
			continue
		}
		j := i
		for j < len(low) && hostByte(low[j]) {
			j++
		}
		switch h := strings.TrimRight(low[i:j], ".-"); {
		case h == leaderHost:
			if lp < 0 {
				lp = i
			}
		case rp < 0 && hostName(h) && strings.HasPrefix(h, stem):
			rp = i
		}
		i = j
	}
	return lp, rp
}

// leaderReplicaOrder returns where a line's upgrade sentence names the
// Patroni leader and the replicas (-1 when it does not): only sentences
// with an upgrade verb count, so "find the leader with patroni members.
// Upgrade the replicas first, then the leader" is read from its second
// sentence.
func leaderReplicaOrder(l *lint.Line) (int, int) {
	start := 0
	for start < len(l.Lower) {
		end := strings.Index(l.Lower[start:], ". ")
		if end < 0 {
			end = len(l.Lower)
		} else {
			end += start
		}
		upgrade := false
		for _, t := range []lint.Term{lint.TermUpgradeVerb, lint.TermPkgInstall} {
			for _, m := range l.FindAll(t) {
				if m.Start >= start && m.End <= end {
					upgrade = true
				}
			}
		}
		if !upgrade && l.Item && l.In(lint.TermProcedure) && sameCommands(l) {
			// "2. gl-pg-2, then gl-pg-3 (replicas): same commands".
			upgrade = true
		}
		if !upgrade && (l.In(lint.TermProcedure) || l.Item && (l.Has(lint.TermUpgradeVerb) || l.Has(lint.TermPkgInstall))) {
			// "2. PostgreSQL: start with the leader pgsql-01, then the
			// replicas": a step's order without the verb; "2. patroni:
			// bos-pg1 (leader) first ..., then bos-pg2. each: install,
			// reconfigure" with the verb in the next sentence.
			upgrade = orderOpener(l.Lower[start:end]) || leaderFirst(l.Lower[start:end]) >= 0
		}
		if upgrade {
			sent := l.Lower[start:end]
			lp := wordAt(sent, "leader", "líder", "lider")
			rp := -1
			if lp >= 0 || l.Has(lint.TermDatabaseWord) {
				rp = wordAt(sent, "replica", "replik", "réplica", "répliqu", "repliche", "standby")
			}
			if lp >= 0 && rp < 0 {
				// "patroni: the leader first (patroni-01), then patroni-02
				// and patroni-03": the nodes after it are the replicas.
				f := leaderFirst(sent[lp:])
				if f < 0 && orderOpener(sent[max(0, lp-24):lp]) {
					// "Start with the leader pg-01 so that the failover
					// happens early, then pg-02 and pg-03."
					f = 0
				}
				if f >= 0 {
					if t := indexAny(sent[lp+f:], "then ", "dann ", "danach ", "anschließend ", "luego ", "después ", "puis ", "ensuite ", "daarna ", "dan ", "poi ", "quindi ", "depois ", "em seguida "); t >= 0 {
						rp = lp + f + t
					}
				}
			}
			if lp >= 0 || rp >= 0 {
				return lp, rp
			}
		}
		start = end + 2
	}
	return -1, -1
}

// sameCommands reports whether a step repeats the commands of the one
// before it: "gl-pg-2, then gl-pg-3 (replicas): same commands".
func sameCommands(l *lint.Line) bool {
	return l.ContainsAny("same commands", "same steps", "same as above", "gleiche befehle", "gleichen befehle", "dieselben befehle", "mismos comandos", "mismos pasos", "mêmes commandes", "mêmes étapes", "stessi comandi", "dezelfde commando", "mesmos comandos")
}

// leaderFirst returns the offset of "first" right after the word
// "leader" in low ("leader first", "bos-pg1 (leader) first"), or -1.
func leaderFirst(low string) int {
	lp := wordAt(low, "leader", "líder", "lider")
	if lp < 0 {
		return -1
	}
	f := indexAny(low[lp:], " first", " zuerst", " primero", " d'abord", " en premier")
	if f < 0 || f >= 12 {
		return -1
	}
	return lp + f
}

// wordAt returns the offset of the first of the words in low that is not
// only a reference point ("after the leader"), or -1.
func wordAt(low string, words ...string) int {
	best := -1
	for _, w := range words {
		for off := 0; ; {
			i := strings.Index(low[off:], w)
			if i < 0 {
				break
			}
			i += off
			if !relationBefore(low[:i]) {
				if best < 0 || i < best {
					best = i
				}
				break
			}
			off = i + len(w)
		}
	}
	return best
}

func labelOf(name string) string {
	for _, c := range componentOrder {
		if c.name == name {
			return c.label
		}
	}
	return name
}

type componentStep struct {
	comp string
	line *lint.Line
}

// componentSteps finds the steps that upgrade a component: a heading of
// the upgrade procedure that names it, or a step line that names it with
// an upgrade verb or an install command.
func componentSteps(d *lint.Document) []componentStep {
	var out []componentStep
	var hosts map[string]string
	for _, l := range d.Lines {
		if l.In(lint.TermRollback) || l.In(lint.TermRisk) || l.In(lint.TermPrereq) && !l.In(lint.TermProcedure) || !l.In(lint.TermProcedure) && !(l.Item && !l.In(lint.TermStaging) && installLeadIn(d, l)) {
			// (Notes without headings: "upgrade order, primary first:"
			// over the list of nodes.)
			continue
		}
		if l.Kind == lint.KindCode && !playName(l) || l.Kind == lint.KindHeading && l.Section.IsTitle {
			// (The title, "GitLab 17.3.7 → 18.2.8 (app node + Gitaly
			// node)", names the nodes, not an order.)
			continue
		}
		ledIn := (l.Item || l.Kind == lint.KindTableRow) && installLeadIn(d, l)
		codeInstalls := l.Item && itemCodeInstalls(d, l)
		upgrades := l.Kind == lint.KindHeading || l.Has(lint.TermUpgradeVerb) || l.Has(lint.TermPkgInstall) || l.Has(lint.TermDockerPull) ||
			reconfigures(l.Lower) || ledIn || codeInstalls
		// (Under "Every node: install, reconfigure, restart", draining a
		// Rails node is part of its upgrade.)
		if !upgrades || stopsOnly(l) && !(ledIn && l.Contains("drain")) || l.Contains("pg-upgrade") && !l.Has(lint.TermPkgInstall) {
			// (A PostgreSQL major upgrade between hops is its own
			// procedure, not the database node's turn in a hop.)
			continue
		}
		if l.Contains("gitlab-secrets.json") && !l.Has(lint.TermPkgInstall) {
			// "copy gitlab-secrets.json to le-gl-db01, le-gl-gitaly01, ...
			// Only then is the secondary site upgraded": a copy between
			// nodes, not their upgrade.
			continue
		}
		if l.ContainsAny("every node", "all nodes", "each node", "jedem knoten", "allen knoten", "cada nodo", "todos los nodos", "chaque nœud", "tous les nœuds") && !l.Item {
			// "On every node we first run ... then stop puma on the Rails
			// nodes. Every install is pinned, for example ...": what all
			// nodes do, not one component's turn.
			continue
		}
		best, bestAt := componentIn(l.Lower)
		if best == "rails" && containsAnyOf(l.Lower, "stopped", "gestoppt", "angehalten", "arrêté", "detenido", "parados", "fermati") {
			// "Puma et Sidekiq arrêtés, Gitaly mis à jour en premier": with
			// the Rails services stopped, the line upgrades what it names
			// next.
			best = nextBackend(l.Lower)
		}
		if best == "" {
			// "| 2 | `gl-app01` | sudo dnf install ..." names the host;
			// the architecture says what runs on it.
			if hosts == nil {
				hosts = hostRoles(d)
			}
			for h, comp := range hosts {
				if i := l.IndexOf(h); i >= 0 && (bestAt < 0 || i < bestAt) && !relationBefore(l.Lower[:i]) {
					best, bestAt = comp, i
				}
			}
		}
		if best != "" && l.Kind != lint.KindHeading && !l.Has(lint.TermPkgInstall) && !l.Has(lint.TermDockerPull) && !reconfigures(l.Lower) && !ledIn && !codeInstalls && !upgradeInSentence(l, bestAt) {
			// "Actualización con tiempo de inactividad. Antes de cada
			// salto, en gl-rails-1:": the node is named in a sentence that
			// upgrades nothing.
			continue
		}
		if best == "pgbouncer" && connectsThroughPgBouncer(l) {
			// "Datenbank wieder über PgBouncer" on the deploy node sets
			// its connection; it upgrades no PgBouncer node.
			continue
		}
		if best == "postgresql" && postgresMajorUpgrade(l) {
			// "Then the PostgreSQL 16 upgrade on hlf-pg01": the database
			// moves to a new major, by its own procedure.
			continue
		}
		if best != "" {
			out = append(out, componentStep{comp: best, line: l})
		}
	}
	return out
}

// playName reports whether a code line names a play or task of an
// automation run that upgrades something: "- name: Upgrade Gitaly" in an
// Ansible playbook states a step of the order as a heading would.
func playName(l *lint.Line) bool {
	t := strings.TrimLeft(l.Lower, " -")
	return strings.HasPrefix(t, "name:") && l.Has(lint.TermUpgradeVerb)
}

// itemCodeInstalls reports whether the code block right under list item l
// installs the package: "3. gl-gitaly-01, last:" over "sudo apt-get
// install gitlab-ee=17.8.7-ee.0".
func itemCodeInstalls(d *lint.Document, l *lint.Line) bool {
	for i := l.Index + 1; i < len(d.Lines) && d.Lines[i].Kind == lint.KindCode; i++ {
		if c := d.Lines[i]; c.Has(lint.TermPkgInstall) || c.Has(lint.TermDockerPull) {
			return true
		}
	}
	return false
}

// installLeadIn reports whether the list or table of line l follows a
// lead-in that installs the package on each node it lists: "Then, for
// version V (`sudo apt-get install -y gitlab-ee=V-ee.0` + reconfigure on
// each node):" over "2. consul-01..03, one at a time", or "Every node:
// ... `dnf install ...`" over a timeline of the nodes.
func installLeadIn(d *lint.Document, l *lint.Line) bool {
	codeInstalls := false
	for i := l.Index - 1; i >= 0; i-- {
		o := d.Lines[i]
		if o.Section != l.Section {
			return false
		}
		if o.Item && o.Depth < l.Depth && o.Has(lint.TermUpgradeVerb) && orderLeadIn(o.Lower) {
			// "5. Aggiornare i nodi nell'ordine seguente (...):" over the
			// nested list of nodes.
			return true
		}
		if o.Item || o.Kind == lint.KindTableRow || o.Kind == lint.KindTableHeader {
			// (Code after an item is the item's own.)
			codeInstalls = false
			continue
		}
		if o.Kind == lint.KindCode && !l.Item {
			return false
		}
		if o.Kind == lint.KindCode {
			// "Per node: install the package, reconfigure, restart" over
			// the commands, then the list of nodes.
			codeInstalls = codeInstalls || o.Has(lint.TermPkgInstall)
			continue
		}
		if o.Kind == lint.KindText && (o.Has(lint.TermUpgradeVerb) || o.In(lint.TermProcedure) && len(o.Tokens) <= 3) && orderLeadIn(o.Lower) {
			// "upgrade order, primary first (downtime):", or a bare
			// "Volgorde:" in the procedure.
			return true
		}
		if o.Kind == lint.KindText && (o.Has(lint.TermPkgInstall) || codeInstalls) && (strings.HasSuffix(strings.TrimSpace(o.Text), ":") || o.ContainsAny("every node", "each node", "all nodes", "per node", "pro knoten", "jedem knoten", "jeder knoten", "por nodo", "cada nodo", "par nœud", "chaque nœud",
			// "Comando di installazione: `sudo dnf install ...`, poi
			// reconfigure." over the numbered nodes.
			"install command", "installation command", "installationsbefehl", "comando de instalación", "commande d'installation", "comando di installazione", "installatiecommando", "comando de instalação")) {
			return true
		}
		if l.Kind != lint.KindTableRow {
			return false
		}
		// (A timeline table may follow more prose after "Every node:
		// sudo dnf install ...".)
	}
	return false
}

// orderLeadIn reports whether text announces the order of the nodes, with
// a colon after the word: "upgrade order, primary first:".
func orderLeadIn(low string) bool {
	for _, w := range []string{"order", "reihenfolge", "orden", "ordre", "volgorde", "ordine"} {
		if i := strings.Index(low, w); i >= 0 && strings.IndexByte(low[i:], ':') >= 0 {
			return true
		}
	}
	return false
}

// reconfigures reports whether low names "reconfigure" other than in the
// file name skip-auto-reconfigure.
func reconfigures(low string) bool {
	for off := 0; ; {
		i := strings.Index(low[off:], "reconfigure")
		if i < 0 {
			return false
		}
		i += off
		if !strings.HasSuffix(low[:i], "skip-auto-") {
			return true
		}
		off = i + len("reconfigure")
	}
}

// runsMigrations reports whether text runs GitLab's database migrations:
// "gitlab-rake db:migrate", "gitlab_rails['auto_migrate'] = true". The
// status query and Geo's own per-site migrations do not count.
func runsMigrations(s string) bool {
	// Praefect's own database migrations are not GitLab's.
	s = strings.ReplaceAll(s, "praefect['auto_migrate'] = true", "")
	rake := strings.Contains(s, "db:migrate") && !strings.Contains(s, "db:migrate:status") && !strings.Contains(s, "db:migrate:geo")
	auto := (strings.Contains(s, "auto_migrate'] = true") || strings.Contains(s, "auto_migrate = true")) && !strings.Contains(s, "geo_secondary")
	return rake || auto
}

// everyWithMigrations reports whether one sentence of the line has both
// the "every node" words and the migrations ("On every node: touch
// skip-auto-reconfigure. web01 has auto_migrate = true" runs them once).
func everyWithMigrations(l *lint.Line) bool {
	if !l.Contains("migrat") {
		// Both ways of running migrations name them.
		return false
	}
	// Clauses: "db:migrate once more on gl-rails-1, then start Puma and
	// Sidekiq everywhere and remove the file from every node" runs the
	// migrations once.
	for _, sent := range strings.FieldsFunc(clauseSplitter.Replace(l.Lower), func(r rune) bool { return r == 0 }) {
		every := false
		words := strings.FieldsFunc(sent, func(r rune) bool { return r == ' ' || r == ',' || r == ':' || r == '(' || r == ')' })
		for i, w := range words {
			switch w {
			case "every", "each", "all", "jedem", "allen", "alle", "cada", "todos", "chaque", "tous":
				// "une fois tous les nœuds en 18.11.11", "once all nodes
				// are on 18.11.11", "sobald alle Knoten": when, not where.
				other := i+1 < len(words) && (words[i+1] == "other" || words[i+1] == "andere" || words[i+1] == "anderen" || words[i+1] == "otros" || words[i+1] == "otras" || words[i+1] == "autres" || words[i+1] == "altri" || words[i+1] == "outros" || words[i+1] == "restlichen" || words[i+1] == "overige")
				// ("op alle andere Rails-nodes false": every node but the
				// deploy node.)
				if !(i > 0 && temporalWords[words[i-1]] || i > 1 && temporalWords[words[i-2]+" "+words[i-1]]) && !other {
					every = true
				}
			}
		}
		if every && runsMigrations(sent) {
			return true
		}
	}
	return false
}

// temporalWords open a clause of time ("once all nodes are upgraded").
var temporalWords = map[string]bool{"once": true, "after": true, "when": true, "until": true, "fois": true, "une fois": true, "dès que": true, "lorsque": true, "quand": true,
	"sobald": true, "nachdem": true, "wenn": true, "bis": true, "cuando": true, "hasta que": true, "quando": true, "dopo": true, "zodra": true, "nadat": true, "assim que": true, "depois que": true}

// clauseSplitter marks the ends of clauses with NUL bytes.
var clauseSplitter = strings.NewReplacer(", then ", "\x00", ", dann ", "\x00", ", luego ", "\x00", ", después ", "\x00", ", puis ", "\x00", "; ", "\x00", ". ", "\x00")

// singleNodeSites reports whether the plan says each Geo site is one node:
// "Geo with two sites, each a single node", "two single-node sites".
func singleNodeSites(doc *lint.Document) bool {
	// single[true] is the primary, single[false] the secondary.
	single := map[bool]bool{}
	for _, l := range doc.Lines {
		if l.Kind == lint.KindCode || l.In(lint.TermRollback) {
			continue
		}
		m, ok := l.Find(lint.TermSingleNode)
		if !ok || negatedMatch(l, m) {
			continue
		}
		if pri, sec := namesSite(l, "primary"), namesSite(l, "secondary"); pri != sec {
			// "secondary (Dublin): single node dub-gl1" is one site; the
			// other needs a line of its own.
			single[pri] = true
			if single[true] && single[false] {
				return true
			}
			continue
		}
		if l.Has(lint.TermGeo) || l.HasWord("each", "both", "sites", "site", "jede", "jeder", "cada", "chaque") {
			return true
		}
	}
	return false
}

// gitalyAfterChart finds, within one section, a package install on the
// Gitaly servers after the helm upgrade that deploys the new release.
func gitalyAfterChart(doc *lint.Document) (gitaly, helm *lint.Line) {
	chart := map[*lint.Section]*lint.Line{}
	for _, l := range doc.Lines {
		if l.In(lint.TermRollback) || l.In(lint.TermStaging) || l.In(lint.TermRisk) {
			continue
		}
		if chartDeploy(l) && chart[l.Section] == nil {
			chart[l.Section] = l
			continue
		}
		if h := chart[l.Section]; h != nil && (l.Has(lint.TermPkgInstall) || l.Has(lint.TermUnpinnedCmd)) && (l.Contains("gitaly") || l.Kind == lint.KindCode && (strings.Contains(leadInOf(doc, l).Lower, "gitaly") || strings.Contains(codeCommentAbove(doc, l), "gitaly"))) {
			// ("6. Then Gitaly, on gitaly-01..03:" over "sudo apt-get
			// install ...", or "# then on gitaly-1, gitaly-2" inside the
			// block)
			return l, h
		}
	}
	return nil, nil
}

// chartDeploy reports whether a line deploys a chart release: "helm
// upgrade ... --version 9.2.8", or through GitOps, "argocd app sync
// gitlab-prod", "flux reconcile helmrelease gitlab", "helmfile apply".
func chartDeploy(l *lint.Line) bool {
	return l.Has(lint.TermHelmUpgrade) && l.Contains("--version") || l.Contains("argocd app sync") || l.Contains("flux reconcile") || l.Contains("helmfile apply") || l.Contains("helmfile sync")
}

// codeCommentAbove returns the lower-case text of the nearest shell
// comment above a code line in the same block, or "".
func codeCommentAbove(doc *lint.Document, l *lint.Line) string {
	for i := l.Index - 1; i >= 0 && doc.Lines[i].Kind == lint.KindCode; i-- {
		if c := strings.TrimSpace(doc.Lines[i].Lower); strings.HasPrefix(c, "#") {
			return c
		}
	}
	return ""
}

// leadInOf returns the nearest line above a code line that is not code:
// the step that its commands belong to.
func leadInOf(doc *lint.Document, l *lint.Line) *lint.Line {
	for i := l.Index - 1; i >= 0; i-- {
		if doc.Lines[i].Kind != lint.KindCode {
			return doc.Lines[i]
		}
	}
	return l
}

// migratesThroughPgBouncer returns the step where the deploy node runs
// the migrations with its database host left on PgBouncer
// ("auto_migrate = true, database host left on ilb-pg:6432 (PgBouncer)"),
// or nil.
func migratesThroughPgBouncer(doc *lint.Document) *lint.Line {
	for _, l := range doc.Lines {
		if l.In(lint.TermRollback) || l.In(lint.TermRisk) || l.In(lint.TermEnvironment) || l.In(lint.TermArchitecture) {
			continue
		}
		low := l.Lower
		if !runsMigrations(low) || !(l.Contains("pgbouncer") || l.Contains(":6432")) {
			continue
		}
		if backNearPgBouncer(l) || l.Contains("auto_migrate = false") || l.Contains("auto_migrate'] = false") {
			// "then the normal settings back (auto_migrate = false,
			// PgBouncer host)": after the migrations.
			continue
		}
		if l.ContainsAny(bypassWords...) {
			continue
		}
		return l
	}
	// The deploy node's settings in one block: "auto_migrate'] = true"
	// beside "db_host = '10.70.1.50' # LB PgBouncer" or port 6432.
	for i, l := range doc.Lines {
		if l.Kind != lint.KindCode || l.In(lint.TermRollback) || !l.Contains("db_host") && !l.Contains("db_port") ||
			!(l.Contains("pgbouncer") || l.Contains("6432")) || l.ContainsAny(bypassWords...) || backNearPgBouncer(l) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-8; j-- {
			o := doc.Lines[j]
			if o.Kind != lint.KindCode || o.Num != doc.Lines[j+1].Num-1 {
				break
			}
			if runsMigrations(o.Lower) {
				return l
			}
		}
	}
	return nil
}

// backNearPgBouncer reports whether the sentence that names PgBouncer
// puts a setting back ("then switch rails-1 back to PgBouncer"), rather
// than another sentence of the line ("Put it back in the pool").
func backNearPgBouncer(l *lint.Line) bool {
	i := l.IndexOf("pgbouncer")
	if i < 0 {
		i = l.IndexOf(":6432")
	}
	if i < 0 {
		return false
	}
	a, b := lint.SentenceAt(l.Lower, i, i)
	at := -1
	for k, t := range l.Tokens {
		if t.Start >= i {
			at = k
			break
		}
	}
	for k, t := range l.Tokens {
		// (Within a few words: "keep the connection through the
		// PgBouncer VIP, then install and run: ... back into the F5"
		// puts the node back in the pool, not PgBouncer.)
		if at >= 0 && (k < at-10 || k > at+10) {
			continue
		}
		if t.Start >= a && t.End <= b && (t.Word == "back" || t.Word == "wieder" || t.Word == "vuelta" || t.Word == "volta" || t.Word == "retour" || t.Word == "voltar" || t.Word == "volver" || t.Word == "revenir" || t.Word == "tornare" || t.Word == "zurück" || t.Word == "terug" ||
			strings.HasPrefix(t.Word, "remet") || strings.HasPrefix(t.Word, "rétabli") || strings.HasPrefix(t.Word, "restabl") || strings.HasPrefix(t.Word, "riport") || strings.HasPrefix(t.Word, "repor") || strings.HasPrefix(t.Word, "terugzet") || strings.HasPrefix(t.Word, "restor") || strings.HasPrefix(t.Word, "wiederherstell") || strings.HasPrefix(t.Word, "restaur") || strings.HasPrefix(t.Word, "ripristin") || strings.HasPrefix(t.Word, "herstel")) {
			return true
		}
	}
	return false
}

// deployNodeWords name the node that runs the database migrations.
var deployNodeWords = []string{"deploy node", "deploy-node", "deployment node", "migration node", "deploy-knoten", "deploy knoten", "deployment-knoten",
	"nodo de despliegue", "nodo de implementación", "nœud de déploiement", "noeud de déploiement", "nó de implantação", "nó de deploy", "nodo di deploy", "deploy-node",
	// The node named by what it does: "gitlab-app-01 is the only Rails
	// node and runs the database migrations".
	"runs the database migrations", "runs the migrations", "only rails node", "single rails node", "führt die migrationen aus", "einzige rails-knoten", "ejecuta las migraciones", "único nodo rails", "exécute les migrations", "seul nœud rails", "esegue le migrazioni", "voert de migraties uit", "executa as migrações"}

// bypassWords say that migrations go to the database directly, not
// through PgBouncer.
var bypassWords = []string{"bypass", "directly", "straight", "no pgbouncer", "without pgbouncer", "not via pgbouncer", "direct connection", "leader", "not through", "instead of pgbouncer",
	"umgeh", "direkt", "ohne pgbouncer", "kein pgbouncer", "nicht über pgbouncer", "directamente", "sin pgbouncer", "conexión directa", "connexion directe", "pas de pgbouncer", "sans pgbouncer", "pas via pgbouncer", "sem pgbouncer", "senza pgbouncer", "niet via pgbouncer", "zonder pgbouncer", "omzeil", "direct naar", "conexão direta", "ligação direta", "líder", "connessione diretta", "direttamente", "leider", "niet pgbouncer", "nicht pgbouncer", "non pgbouncer", "pas pgbouncer", "não pgbouncer", "port 5432", "poort 5432", "puerto 5432", "porta 5432", ":5432"}

// relationBefore reports whether the last words before a component name
// make it a reference point rather than the thing upgraded: "after the
// deploy node is upgraded", "once Gitaly is done".
func relationBefore(prefix string) bool {
	// "restart as on the primary": done the same way as there.
	tail := strings.TrimRight(strings.ToLower(prefix), " ")
	for _, p := range []string{"as on the", "as on", "like on the", "like on", "as for the", "as for", "same as the", "same as on the", "identical to the", "identical to", "identisch mit dem", "identisch mit der", "identisch mit", "idéntico al", "idéntico a", "identique à celui du", "identique au", "identique à", "wie auf dem", "wie auf der", "wie auf", "como en el", "como en la", "como en", "comme sur le", "comme sur la", "comme sur"} {
		if strings.HasSuffix(tail, " "+p) || tail == p {
			return true
		}
	}
	// The last three words.
	rest := strings.TrimRight(tail, " \t\n")
	for n := 0; n < 3 && rest != ""; n++ {
		w := rest
		if i := strings.LastIndexAny(rest, " \t\n"); i >= 0 {
			w, rest = rest[i+1:], strings.TrimRight(rest[:i], " \t\n")
		} else {
			rest = ""
		}
		switch strings.Trim(w, ",;:()") {
		case "after", "once", "until", "nach", "después", "après", "dopo", "find", "identify", "determine", "locate",
			"identifier", "trouver", "déterminer", "repérer", "ermitteln", "identifizieren", "finden", "bestimmen",
			"identificar", "encontrar", "determinar", "localizar", "identificare", "individuare", "trovare", "vinden", "bepalen":
			// ("patroni members to find the leader", "pour identifier le
			// leader")
			return true
		}
	}
	return false
}

// connectsThroughPgBouncer reports whether the word before PgBouncer
// says a node connects through it: "Datenbank wieder über PgBouncer", "o
// banco via PgBouncer" set a Rails node's database.
func connectsThroughPgBouncer(l *lint.Line) bool {
	i := strings.Index(l.Lower, "pgbouncer")
	if i < 0 {
		return false
	}
	f := strings.Fields(l.Lower[:i])
	if len(f) == 0 {
		return false
	}
	switch strings.Trim(f[len(f)-1], ",;:()") {
	case "via", "über", "through", "por", "par", "tramite", "attraverso", "através", "door":
		return true
	}
	// "web-a terug naar PgBouncer", "point web-a back to PgBouncer": the
	// deploy node's connection set back.
	if len(f) >= 2 {
		switch f[len(f)-2] + " " + f[len(f)-1] {
		case "back to", "terug naar", "zurück auf", "zurück zu", "de vuelta", "vuelta a", "retour vers", "retour à", "di nuovo", "de volta", "volta para":
			return true
		}
	}
	return false
}

// stopsOnly reports whether a line only stops or drains services
// ("stop Puma and Sidekiq on all Rails nodes"), which is not an upgrade.
func stopsOnly(l *lint.Line) bool {
	for _, w := range []string{"stop ", "pause", "drain", "scale down", "disable "} {
		if l.Contains(w) && !l.Has(lint.TermPkgInstall) && !l.HasWord("install", "installieren", "instalar", "installer", "installare") {
			// ("| U6 | rails-2 | drain, install, reconfigure |" upgrades.)
			return true
		}
	}
	return false
}

// upgradeInSentence reports whether the sentence of line l around offset
// at has an upgrade verb.
func upgradeInSentence(l *lint.Line, at int) bool {
	a, b := lint.SentenceAt(l.Lower, at, at)
	for _, m := range l.FindAll(lint.TermUpgradeVerb) {
		if m.Start >= a && m.End <= b {
			return true
		}
	}
	return false
}

// nextBackend returns the first component other than Rails and Sidekiq
// that a text names, or "rails" when it names no other.
func nextBackend(low string) string {
	for {
		switch c, i := componentIn(low); c {
		case "":
			return "rails"
		case "rails", "sidekiq":
			low = low[i+1:]
		default:
			return c
		}
	}
}

// componentIn returns the component a text names first, and where; at the
// same place the longer name wins ("praefect-db" is the Praefect
// database, not Praefect).
func componentIn(low string) (string, int) {
	best, at, bestLen := "", -1, 0
	for _, c := range componentOrder {
		for _, w := range c.words {
			if i := strings.Index(low, w); i >= 0 && (at < 0 || i < at || i == at && len(w) > bestLen) && !relationBefore(low[:i]) {
				best, at, bestLen = c.name, i, len(w)
			}
		}
	}
	return best, at
}

// hostRoles maps the host names of an architecture or environment
// description to the component each runs: "| `gl-db01` | base de données
// | PostgreSQL 16.10, Redis 7.2 |" makes gl-db01 a PostgreSQL node (the
// first component named).
// nodeRoleRow reports whether a line is a row of a table of nodes and
// their roles ("| Node | Role | Notes |"), wherever the table stands.
func nodeRoleRow(l *lint.Line) bool {
	if l.Kind != lint.KindTableRow || l.Header == nil {
		return false
	}
	h := l.Header.Lower
	return containsAnyOf(h, "node", "host", "server", "knoten", "nodo", "nœud", "noeud", "servidor", "serveur", "vm") &&
		containsAnyOf(h, "role", "rolle", "rol", "rôle", "ruolo", "função", "service", "dienst", "servicio", "servizio", "component", "komponente")
}

func hostRoles(d *lint.Document) map[string]string {
	out := map[string]string{}
	for _, l := range d.Lines {
		if !(l.In(lint.TermArchitecture) || l.In(lint.TermEnvironment) || nodeRoleRow(l)) || l.Kind == lint.KindCode || l.Kind == lint.KindHeading || l.In(lint.TermRollback) {
			continue
		}
		host := ""
		if len(l.Code) > 0 && l.Code[0].Start < 40 {
			host = strings.ToLower(l.Text[l.Code[0].Start:l.Code[0].End])
		} else if l.Kind == lint.KindTableRow && len(l.Cells) > 0 {
			host = strings.ToLower(strings.TrimSpace(l.Text[l.Cells[0].Start:l.Cells[0].End]))
		}
		var names []string
		if hostName(host) {
			names = append(names, host)
		}
		if i := strings.IndexByte(host, '.'); i > 0 && strings.ContainsAny(host[:i], "-0123456789") {
			// "git-app.balticrail.example" is "git-app" in the steps.
			names = append(names, strings.Trim(host[:i], "`"))
		}
		if len(names) == 0 {
			continue
		}
		comp, _ := componentIn(l.Lower)
		if comp == "" {
			continue
		}
		if mixedTiers(l.Lower) {
			// A node that runs Puma and PostgreSQL is not one tier, but
			// it is a Rails node to the external Gitaly beside it.
			if comp != "rails" {
				continue
			}
			comp = mixedRails
		}
		for _, h := range names {
			if _, seen := out[h]; !seen {
				out[h] = comp
			}
		}
	}
	return out
}

// mixedTiers reports whether a text names both a frontend (Rails,
// Sidekiq) and a backend component.
func mixedTiers(low string) bool {
	front, back := false, false
	for _, c := range componentOrder {
		for _, w := range c.words {
			if strings.Contains(low, w) {
				if c.name == "rails" || c.name == "sidekiq" {
					front = true
				} else {
					back = true
				}
			}
		}
	}
	return front && back
}

// hostName reports whether s looks like a host name: letters, digits,
// dots and dashes, with a digit ("gl-app01", "gitlab-db-1").
func hostName(s string) bool {
	if len(s) < 4 || len(s) > 63 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	letters := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			letters = true
		case c >= '0' && c <= '9', c == '-', c == '.':
		default:
			return false
		}
	}
	return letters
}

// postgresMajorUpgrade reports whether a line upgrades PostgreSQL itself
// to a major version: "the PostgreSQL 16 upgrade", "upgrade PostgreSQL to
// 17".
func postgresMajorUpgrade(l *lint.Line) bool {
	for i, t := range l.Tokens {
		if t.Word != "postgresql" && t.Word != "postgres" && t.Word != "pg" {
			continue
		}
		for j := i + 1; j < len(l.Tokens) && j <= i+3; j++ {
			if n, err := strconv.Atoi(l.Tokens[j].Word); err == nil && n >= 9 && n <= 30 {
				return true
			}
		}
	}
	return false
}

// orderOpener reports whether text opens an order of steps: "start with
// the leader", "begin with", "beginnen mit", "empezar por".
func orderOpener(text string) bool {
	for _, w := range []string{"start with", "starting with", "begin with", "beginning with", "first the", "leader first", "first, then", "` first,", "beginnen mit", "zuerst", "empezar por", "empezamos por", "primero", "primeiro", "começar por", "commencer par", "commençons par", "commence par", "on commence par", "d'abord", "per primo", "prima il", "prima la",
		"beginnen met", "starten met", "eerst", "iniziamo con", "cominciamo con", "começamos por", "começamos com"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

func componentByName(name string) component {
	for _, c := range componentOrder {
		if c.name == name {
			return c
		}
	}
	panic("unknown component " + name)
}

// withDowntime reports whether a multi-node upgrade takes downtime: the
// plan says so ("zero downtime: no", "with downtime", a title ending
// "(downtime)"), or it stops Puma and Sidekiq before the first node's
// upgrade.
func withDowntime(p *lint.Pass, firstStep *lint.Line) bool {
	if zd := p.Plan.ZeroDowntime; zd != nil {
		return zd.Value == "false"
	}
	limit := firstStep.Index
	if firstStep.Kind == lint.KindHeading {
		// "## Upgrade (Gitaly first, then Rails)" / "0. gitlab-app01:
		// stop puma && stop sidekiq" / "1. gitaly01: dnf install ...":
		// the steps before the first install belong to the start.
		for _, l := range firstStep.Section.Lines {
			if l.Has(lint.TermPkgInstall) {
				limit = l.Index
				break
			}
		}
	}
	for _, l := range p.Doc.Lines {
		if l.In(lint.TermRollback) || l.In(lint.TermRisk) || l.In(lint.TermStaging) {
			continue
		}
		if l.Index <= limit && l.Kind != lint.KindHeading && stopsApplication(l) {
			return true
		}
		if l.Kind == lint.KindCode {
			continue
		}
		if takesDowntimeLine(l) {
			return true
		}
	}
	return false
}

// stopsApplication reports whether a line stops Puma and Sidekiq:
// "sudo gitlab-ctl stop puma && sudo gitlab-ctl stop sidekiq", "Stop puma
// and sidekiq on all application hosts".
func stopsApplication(l *lint.Line) bool {
	// ("stop puma && stop sidekiq, then install, reconfigure, restart"
	// stops first.)
	return l.Contains("stop") && l.Contains("puma") && l.Contains("sidekiq") && (!l.Contains("restart") || l.IndexOf("stop") < l.IndexOf("restart"))
}

// takesDowntimeLine reports whether a line says the upgrade takes
// downtime: "with downtime", or a heading "(Debian 12, downtime)".
func takesDowntimeLine(l *lint.Line) bool {
	for _, w := range []string{"with downtime", "take downtime", "takes downtime", "full downtime", "planned downtime", "mit ausfallzeit", "mit downtime", "mit wartungsfenster und ausfall", "con tiempo de inactividad", "con parada de servicio", "con corte de servicio", "con interrupción del servicio",
		"avec interruption", "avec coupure", "avec arrêt de service", "con fermo", "con interruzione", "com parada", "com indisponibilidade", "com interrupção", "met downtime", "met onderbreking", "con downtime", "com downtime", "avec downtime", "avec temps d'arrêt", "con tiempo de parada", "mit ausfall"} {
		if l.Contains(w) {
			return true
		}
	}
	if l.Kind == lint.KindHeading && l.HasWord("downtime") && !l.Contains("zero") && !l.Contains("no downtime") && !l.Contains("without downtime") {
		return true
	}
	return false
}

// runsGETPlaybook reports whether the upgrade runs the GitLab Environment
// Toolkit's own playbooks ("ansible-playbook ... playbooks/all.yml",
// "zero_downtime_update.yml") outside the rollback.
func runsGETPlaybook(d *lint.Document) bool {
	for _, l := range d.Lines {
		if l.In(lint.TermRollback) || !l.Contains("ansible-playbook") {
			continue
		}
		if l.ContainsAny("all.yml", "zero_downtime_update", "zero-downtime-update", "gitlab_rails.yml", "playbooks/gitaly.yml", "playbooks/postgres.yml", "playbooks/consul.yml", "playbooks/praefect.yml") {
			// The Toolkit's own playbooks, whole or one component at a
			// time.
			return true
		}
	}
	return false
}

// runsDBMigrate reports whether low runs "db:migrate" itself, not one of
// its sub-tasks ("db:migrate:status", "db:migrate:up:ci").
func runsDBMigrate(low string) bool {
	for off := 0; ; {
		i := strings.Index(low[off:], "db:migrate")
		if i < 0 {
			return false
		}
		end := off + i + len("db:migrate")
		if end >= len(low) || low[end] != ':' {
			return true
		}
		off = end
	}
}

// gitlabToolkit reports whether the plan says the GitLab Environment
// Toolkit manages the instance.
func gitlabToolkit(d *lint.Document) bool {
	for _, l := range d.Lines {
		if l.Contains("environment toolkit") || l.Contains("gitlab-environment-toolkit") {
			return true
		}
	}
	return false
}

// migratesOnNamedRailsNodes reports whether a step turns the migrations on
// for several Rails hosts it names: "on rails-1, rails-2 and rails-3,
// gitlab_rails['auto_migrate'] = true".
func migratesOnNamedRailsNodes(l *lint.Line) bool {
	low := l.Lower
	if !(l.Contains("gitlab_rails['auto_migrate'] = true") || l.Contains("gitlab_rails auto_migrate = true")) || l.Contains("false") ||
		l.ContainsAny(deployNodeWords...) {
		return false
	}
	hosts := map[string]bool{}
	railsHost := func(h string) {
		if hostName(h) && (strings.Contains(h, "rails") || strings.Contains(h, "app") || strings.Contains(h, "web") || strings.Contains(h, "puma")) {
			hosts[h] = true
		}
	}
	for _, c := range l.Code {
		railsHost(low[c.Start:c.End])
	}
	// Host names in the prose too: "auf app-01, app-02 und app-03".
	for _, w := range strings.FieldsFunc(low, func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == '(' || r == ')' || r == ':' || r == '`'
	}) {
		railsHost(strings.TrimRight(w, "."))
	}
	return len(hosts) >= 2
}
