package initplan

import (
	"fmt"
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/internal/knowledge"
)

// osFamily tells how packages are installed on the plan's OS.
func (g *gen) osFamily() (family, el string) {
	os := strings.ToLower(g.o.OS)
	for _, w := range []string{"rhel", "red hat", "centos", "rocky", "alma", "oracle", "scientific"} {
		if strings.Contains(os, w) {
			el = "8"
			for _, f := range strings.Fields(os) {
				if f != "" && f[0] >= '0' && f[0] <= '9' {
					el = strings.SplitN(f, ".", 2)[0]
					break
				}
			}
			return "rpm", el
		}
	}
	switch {
	case strings.Contains(os, "amazon"):
		if strings.Contains(os, "2023") {
			return "amazon", "amazon2023"
		}
		return "amazon", "amazon2"
	case strings.Contains(os, "suse") || strings.Contains(os, "sles"):
		return "suse", ""
	}
	return "deb", ""
}

// installCommand returns the command that installs version v.
func (g *gen) installCommand(v glversion.Version) string {
	ed := g.ed()
	fam, el := g.osFamily()
	switch fam {
	case "rpm":
		return fmt.Sprintf("sudo dnf install -y gitlab-%s-%s-%s.0.el%s", ed, v, ed, el)
	case "amazon":
		return fmt.Sprintf("sudo yum install -y gitlab-%s-%s-%s.0.%s", ed, v, ed, el)
	case "suse":
		return fmt.Sprintf("sudo zypper install -y gitlab-%s=%s-%s.0", ed, v, ed)
	}
	return fmt.Sprintf("sudo apt-get install -y gitlab-%s=%s-%s.0", ed, v, ed)
}

// chartFor returns the chart version that deploys v, or "" when the
// chart table does not know it.
func (g *gen) chartFor(v glversion.Version) string {
	cs := g.kb.Charts.Chart(v)
	if len(cs) == 0 {
		return ""
	}
	return cs[len(cs)-1].String()
}

func (g *gen) bmCheck() string {
	switch g.o.Install {
	case "docker":
		return `docker exec -t gitlab gitlab-psql -c "SELECT job_class_name, table_name, column_name, job_arguments FROM batched_background_migrations WHERE status NOT IN (3, 6);"`
	case "helm", "operator":
		return `kubectl -n gitlab exec deploy/gitlab-toolbox -- gitlab-rails runner 'puts Gitlab::Database::BackgroundMigration::BatchedMigration.queued.count'`
	case "source":
		return `sudo -u git -H bundle exec rails runner -e production 'puts Gitlab::Database::BackgroundMigration::BatchedMigration.queued.count'`
	}
	return `sudo gitlab-psql -c "SELECT job_class_name, table_name, column_name, job_arguments FROM batched_background_migrations WHERE status NOT IN (3, 6);"`
}

func (g *gen) backup() {
	o := g.o
	g.p("## Backup")
	g.p("")
	g.p("At the start of the window, on %s, with the runners paused:", o.From)
	g.p("")
	g.p("```shell")
	switch o.Install {
	case "docker":
		g.p("docker exec -t gitlab gitlab-backup create STRATEGY=copy")
		g.p("# the configuration volume holds gitlab.rb and gitlab-secrets.json, which the backup leaves out")
		g.p("sudo tar -C /srv/gitlab -czf /backup/gitlab-config-%s.tgz config", o.From)
	case "helm", "operator":
		g.p("kubectl -n gitlab exec deploy/gitlab-toolbox -- backup-utility")
		g.p("# the rails secret is not in the backup")
		g.p("kubectl -n gitlab get secret gitlab-rails-secret -o yaml > rails-secret-%s.yaml", o.From)
		g.p("helm -n gitlab get values gitlab > values-%s.yaml", o.From)
	case "source":
		g.p("cd /home/git/gitlab")
		g.p("sudo -u git -H bundle exec rake gitlab:backup:create RAILS_ENV=production STRATEGY=copy")
		g.p("# secrets.yml and gitlab.yml are not in the backup")
		g.p("sudo cp config/secrets.yml config/gitlab.yml /backup/")
	default:
		g.p("sudo gitlab-backup create STRATEGY=copy")
		g.p("# gitlab-secrets.json and gitlab.rb are not in the backup")
		g.p("sudo cp /etc/gitlab/gitlab-secrets.json /etc/gitlab/gitlab.rb /backup/")
	}
	g.p("```")
	g.p("")
	if o.Topology != "single-node" && o.Install == "linux-package" {
		g.p("Run the backup on one Rails node; copy /etc/gitlab from every node, since each holds its own gitlab.rb.")
		g.p("")
	}
	g.p("Copy the backup archive and the secrets to storage outside the GitLab servers before the first hop.")
	g.p("")
}

func (g *gen) procedure(hops []knowledge.Step) {
	o := g.o
	g.p("## Upgrade steps")
	g.p("")
	g.p("Before each hop, the first one included, confirm that all batched background migrations have finished:")
	g.p("Admin > Monitoring > Background migrations shows nothing queued, finalizing or failed, and")
	g.p("")
	g.p("```shell")
	g.p("%s", g.bmCheck())
	g.p("```")
	g.p("")
	g.p("returns no rows (or 0). Continue only then; on large instances this can take hours.")
	g.p("")
	for i, h := range hops {
		v := h.Version
		kind := "required stop"
		switch h.Kind {
		case knowledge.StepTarget:
			kind = "target"
		case knowledge.StepMinor:
			kind = "next minor"
		}
		g.p("### Hop %d: upgrade to %s (%s)", i+1, v, kind)
		g.p("")
		g.p("- [ ] Background migrations of the previous version finished (check above).")
		switch o.Install {
		case "docker":
			g.p("- [ ] Set the image in docker-compose.yml to `gitlab/gitlab-%s:%s-%s.0`, then:", g.ed(), v, g.ed())
			g.p("")
			g.p("```shell")
			g.p("docker compose pull gitlab && docker compose up -d gitlab")
			g.p("docker logs -f gitlab   # until reconfigure has finished")
			g.p("```")
		case "helm", "operator":
			chart := g.chartFor(v)
			g.p("")
			g.p("```shell")
			if chart != "" {
				g.p("helm upgrade gitlab gitlab/gitlab -n gitlab -f values.yaml --version %s --timeout 900s   # chart %s deploys GitLab %s", chart, chart, v)
			} else {
				g.p("# the chart that deploys GitLab %s: helm search repo -l gitlab/gitlab | grep %s", v, v)
				g.p("helm upgrade gitlab gitlab/gitlab -n gitlab -f values.yaml --version \"$CHART_VERSION\" --timeout 900s")
			}
			g.p("kubectl -n gitlab get pods")
			g.p("```")
		case "source":
			g.p("")
			g.p("```shell")
			g.p("cd /home/git/gitlab && sudo -u git -H git fetch --all --prune")
			g.p("sudo -u git -H git checkout v%s-%s", v, g.ed())
			g.p("sudo -u git -H bundle install && sudo -u git -H bundle exec rake db:migrate RAILS_ENV=production")
			g.p("sudo -u git -H bundle exec rake gitlab:assets:compile RAILS_ENV=production NODE_ENV=production")
			g.p("sudo service gitlab restart")
			g.p("```")
		default:
			g.linuxHop(v)
		}
		g.p("")
	}
}

// linuxHop writes the steps of one Linux package hop for the topology.
func (g *gen) linuxHop(v glversion.Version) {
	o := g.o
	install := g.installCommand(v)
	switch o.Topology {
	case "single-node":
		g.p("")
		g.p("```shell")
		g.p("%s", install)
		g.p("sudo gitlab-ctl status")
		g.p("```")
	case "multi-node":
		g.multiNodeHop(install, "")
	case "geo":
		g.p("- [ ] Primary site first:")
		g.multiNodeHop(install, "primary ")
		g.p("- [ ] Copy /etc/gitlab/gitlab-secrets.json from the primary to every secondary node, so all nodes of all sites have identical secrets.")
		g.p("- [ ] Then each secondary site, in the same node order, with `gitlab_rails['auto_migrate'] = false` and `geo_secondary['auto_migrate'] = false`; on the secondary deploy node run `sudo gitlab-rake db:migrate:geo`.")
		g.p("- [ ] Run `sudo gitlab-rake gitlab:geo:check` on the primary and every secondary site.")
	}
}

// multiNodeHop writes the node order of one hop.
func (g *gen) multiNodeHop(install, site string) {
	o := g.o
	g.p("- [ ] On every %snode first: `sudo touch /etc/gitlab/skip-auto-reconfigure`.", site)
	g.p("- [ ] Consul nodes one at a time: `%s`, `sudo gitlab-ctl reconfigure`, `sudo gitlab-ctl restart consul`.", install)
	g.p("- [ ] PostgreSQL (Patroni) replicas first, then the leader (`sudo gitlab-ctl patroni members` shows it): install, reconfigure, restart.")
	g.p("- [ ] PgBouncer and Redis nodes: install, reconfigure, restart.")
	g.p("- [ ] Gitaly nodes, then Praefect (only praefect-1 runs the Praefect migrations): install, reconfigure.")
	skip := ""
	if o.ZeroDowntime {
		skip = "SKIP_POST_DEPLOYMENT_MIGRATIONS=true "
	}
	g.p("- [ ] Deploy node rails-1 with `gitlab_rails['auto_migrate'] = true`, connected to the database leader rather than PgBouncer: install, then `sudo %sgitlab-ctl reconfigure` to run the migrations.", skip)
	g.p("- [ ] Other Rails and Sidekiq nodes, with `gitlab_rails['auto_migrate'] = false`: install, reconfigure, restart.")
	if o.ZeroDowntime {
		g.p("- [ ] When every node runs the new version, on the deploy node: `sudo gitlab-rake db:migrate` for the post-deployment migrations.")
	}
}

func (g *gen) rollback() {
	o := g.o
	g.p("## Rollback")
	g.p("")
	g.p("If a hop fails and cannot be fixed within the window, go back to %s with the backup taken at the start of the window:", o.From)
	g.p("")
	g.p("```shell")
	switch o.Install {
	case "docker":
		g.p("# set the image back to gitlab/gitlab-%s:%s-%s.0 in docker-compose.yml, put back the config volume from the tarball", g.ed(), o.From, g.ed())
		g.p("docker compose up -d gitlab")
		g.p("docker exec -it gitlab gitlab-ctl stop puma && docker exec -it gitlab gitlab-ctl stop sidekiq")
		g.p("docker exec -it gitlab gitlab-backup restore BACKUP=<timestamp>")
		g.p("docker restart gitlab")
	case "helm", "operator":
		chart := g.chartFor(o.From)
		if chart == "" {
			chart = "\"$OLD_CHART_VERSION\""
		}
		g.p("kubectl -n gitlab apply -f rails-secret-%s.yaml", o.From)
		g.p("helm upgrade gitlab gitlab/gitlab -n gitlab -f values-%s.yaml --version %s", o.From, chart)
		g.p("kubectl -n gitlab exec deploy/gitlab-toolbox -- backup-utility --restore -t <timestamp>")
	case "source":
		g.p("cd /home/git/gitlab && sudo -u git -H git checkout v%s-%s", o.From, g.ed())
		g.p("sudo cp /backup/secrets.yml /backup/gitlab.yml config/")
		g.p("sudo -u git -H bundle exec rake gitlab:backup:restore RAILS_ENV=production BACKUP=<timestamp>")
	default:
		g.p("sudo gitlab-ctl stop puma && sudo gitlab-ctl stop sidekiq")
		fam, _ := g.osFamily()
		if fam == "deb" || fam == "suse" {
			g.p("sudo dpkg -r gitlab-%s", g.ed())
		} else {
			g.p("sudo dnf remove -y gitlab-%s", g.ed())
		}
		g.p("%s", g.installCommand(o.From))
		g.p("sudo cp /backup/gitlab-secrets.json /backup/gitlab.rb /etc/gitlab/")
		g.p("sudo gitlab-ctl reconfigure")
		g.p("sudo gitlab-ctl stop puma && sudo gitlab-ctl stop sidekiq")
		g.p("sudo gitlab-backup restore BACKUP=<timestamp>")
		g.p("sudo gitlab-ctl restart")
	}
	g.p("```")
	g.p("")
	g.p("A restore needs the same version and edition as the backup (%s %s). Then run the post-upgrade checks on %s.", strings.ToUpper(g.ed()), o.From, o.From)
	if o.Topology != "single-node" && o.Install == "linux-package" {
		g.p("On a multi-node instance, reinstall %s on every node in the same order and restore from one Rails node.", o.From)
	}
	g.p("")
}
