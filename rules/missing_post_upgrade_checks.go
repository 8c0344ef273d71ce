package rules

import (
	"strings"

	"github.com/planlint/planlint/lint"
)

// MissingPostUpgradeChecks finds plans that only check that GitLab started.
var MissingPostUpgradeChecks = &lint.Rule{
	ID:       "missing-post-upgrade-checks",
	Title:    "the plan does not check that GitLab works after the upgrade",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `"The services are running" does not show that users can work. The upgrade docs ask for health
checks right after the upgrade: ` + "`sudo gitlab-rake gitlab:check`" + `, ` + "`gitlab:doctor:secrets`" + `, signing in,
cloning and pushing, a CI pipeline picked up by a runner, and the background migrations. Without
them, a failed upgrade is found by users, after the window, when a rollback costs a day of work.

The rule is satisfied by any of those checks in a verification section or after the first upgrade
step. ` + "`gitlab-ctl status`" + ` and health endpoints alone do not count.

Fix: add a post-upgrade section with ` + "`sudo gitlab-rake gitlab:check SANITIZE=true`" + `, a sign-in, a
clone and push of a test project, and a pipeline run.`,
	Run: func(p *lint.Pass) {
		// The first command that installs a hop, when there is one: a
		// path listed in the summary comes before the pre-checks.
		first := firstHopLine(p.Plan)
		if h := firstInstallStep(p.Plan); h != nil {
			first = h.Line.Index
		}
		for _, l := range p.Doc.Lines {
			if l.Kind == lint.KindHeading || l.In(lint.TermRollback) || l.In(lint.TermRisk) {
				continue
			}
			if !(l.In(lint.TermVerify) || first >= 0 && l.Index > first || first < 0 && !l.In(lint.TermPrereq)) {
				// (Before the first hop, "pause all runners, wait until no
				// jobs run" prepares the upgrade; it checks nothing.)
				continue
			}
			for _, t := range []lint.Term{lint.TermCheckCmd, lint.TermLogin, lint.TermPipeline, lint.TermSmoke, lint.TermCloneOrPush} {
				if m, ok := l.Find(t); ok && !negatedMatch(l, m) && !(t == lint.TermLogin && (pageOnly(l, m) || handsOutLogin(l))) && !(t == lint.TermCloneOrPush && imagePull(l, m)) && !inIdentifier(l, l.Tokens[m.Tok]) && !(t == lint.TermPipeline && l.HasWord("pause", "paused", "pausing", "pausieren", "pausar", "suspendre")) {
					// ("CI_JOB_TOKEN regression" names a variable.)
					return
				}
			}
		}
		for _, s := range p.Doc.Sections {
			if s.Heading != nil && s.Names(lint.TermVerify) && !s.Empty() {
				if onlyPlaceholders(s) {
					p.ReportLinef(s.Heading, "the post-upgrade checks section holds only a placeholder. write the checks: \"sudo gitlab-rake gitlab:check SANITIZE=true\", a sign-in, a clone and push, and a CI pipeline run")
					return
				}
				p.ReportLinef(s.Heading, "post-upgrade checks only confirm that GitLab started. add functional checks: \"sudo gitlab-rake gitlab:check SANITIZE=true\", a sign-in, a clone and push, and a CI pipeline run")
				return
			}
		}
		p.ReportDocumentf("plan has no post-upgrade checks. add checks after the upgrade: \"sudo gitlab-rake gitlab:check SANITIZE=true\", a sign-in, a clone and push of a test project, and a CI pipeline run")
	},
}

// pageOnly reports whether a login mention is only the page coming up
// ("check the login page comes up"), which shows GitLab started, not that
// someone can sign in.
func pageOnly(l *lint.Line, m lint.Match) bool {
	next := m.Tok + m.NTok
	return next < len(l.Tokens) && (l.Tokens[next].Word == "page" || l.Tokens[next].Word == "screen" || l.Tokens[next].Word == "form")
}

// imagePull reports whether a "pull" pulls container images ("docker
// compose pull"), not a repository.
func imagePull(l *lint.Line, m lint.Match) bool {
	if m.Tok == 0 {
		return false
	}
	switch l.Tokens[m.Tok-1].Word {
	case "docker", "compose", "podman", "helm", "image", "images", "ctr", "crictl":
		return true
	}
	return false
}

// onlyPlaceholders reports whether every line of a section is a
// placeholder: "TODO Joost: copy the checklist from the last upgrade".
func onlyPlaceholders(s *lint.Section) bool {
	n := 0
	for _, l := range s.Lines {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		if len(l.Placeholders()) == 0 {
			return false
		}
		n++
	}
	return n > 0
}

// handsOutLogin reports whether a line gives a login away rather than
// trying one: "Root login for the screen-share: `root` / `...`".
func handsOutLogin(l *lint.Line) bool {
	what, _ := credentialInText(l)
	return what != ""
}
