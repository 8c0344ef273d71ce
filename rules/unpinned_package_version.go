package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/lint"
)

// UnpinnedPackageVersion finds commands that install whatever is newest.
var UnpinnedPackageVersion = &lint.Rule{
	ID:       "unpinned-package-version",
	Title:    "a command installs whatever version is newest instead of the planned one",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `` + "`apt upgrade`" + `, ` + "`yum update`" + `, ` + "`apt-get install gitlab-ee`" + ` without a version, an image tag such as
` + "`:latest`" + ` (also through a tag variable, ` + "`GITLAB_TAG=latest`" + ` in the ` + "`.env`" + ` file a compose file reads), or
` + "`helm upgrade`" + ` without ` + "`--version`" + ` install the newest release on the day they run. That skips every required
stop at once, and makes the plan's version path fiction. A sentence about what ran before ("until
October the image was on ` + "`latest`" + `") is history, not a step.

Fix: pin each hop: ` + "`sudo apt-get install gitlab-ee=16.3.9-ee.0`" + `, ` + "`sudo yum install gitlab-ee-16.3.9-ee.0.el8`" + `,
` + "`image: gitlab/gitlab-ee:16.3.9-ee.0`" + `, ` + "`helm upgrade ... --version 7.3.9`" + `. For OS updates during the
window, hold the GitLab package first (` + "`apt-mark hold gitlab-ee`" + `, ` + "`dnf versionlock`" + `).`,
	Run: func(p *lint.Pass) {
		held := false
		for _, l := range p.Doc.Lines {
			if l.Has(lint.TermHold) && l.Contains("gitlab") && !l.In(lint.TermRollback) {
				// The package is held from here on.
				held = true
			}
			if l.Kind == lint.KindCode && !l.In(lint.TermRisk) && !l.In(lint.TermRollback) {
				if at, name := latestState(p.Doc, l); at >= 0 {
					// An Ansible package task: "name: gitlab-ee" /
					// "state: latest".
					pin := name + "-" + exampleHopAt(p, l).String()
					if aptTask(p.Doc, l) {
						pin = name + "=" + exampleHopAt(p, l).String() + "-" + name[len(name)-2:] + ".0"
					}
					p.Reportf(l, lint.Span{Start: at, End: at + len("latest")}, "%s installs the newest GitLab package instead of the planned hop. pin the version in the task, for example %s", quote("state: latest"), quote("name: "+pin))
					continue
				}
			}
			if !l.IsCommand() || l.In(lint.TermRisk) {
				continue
			}
			if continuation(p.Doc, l) {
				// The image of a multi-line "docker run ... \" is on a
				// continuation line.
				if i := unpinnedImage(l.Lower); i >= 0 && imageContext(commandStart(p.Doc, l)) {
					reportImage(p, l, i)
				}
				continue
			}
			if l.Kind != lint.KindCode && (negated(l, lint.TermUnpinnedCmd) || separateInSentence(p.Doc, l)) {
				// ("... (`zypper dup`) será feita como mudança separada":
				// another change runs it.)
				continue
			}
			cmd := commandText(p.Doc, l)
			if m, ok := l.Find(lint.TermUnpinnedCmd); ok && (l.Kind == lint.KindCode || l.InCode(m.Start)) && !(l.Kind != lint.KindCode && pastSentence(l, m.Start)) {
				// ("Our first draft was `dnf update` and reboot; we replaced
				// it with the runbook below" tells what was dropped.)
				text := l.Text[m.Start:m.End]
				// "dnf upgrade gitlab-ee" names the package after the verb.
				named := strings.Fields(l.Lower[m.End:])
				for len(named) > 0 && strings.HasPrefix(named[0], "-") {
					// Options before the package: "apt-get install -y gitlab-ee".
					named = named[1:]
				}
				if strings.Contains(strings.ToLower(text), "gitlab") || len(named) > 0 && strings.HasPrefix(strings.Trim(named[0], "`'\""), "gitlab-") {
					if !hasPinnedVersion(l) && !strings.HasPrefix(l.Text[m.End:], "=") && !strings.HasPrefix(l.Text[m.End:], "-") {
						// ("gitlab-ee=\"${GL_VERSION}\"" and
						// "gitlab-ee-17.8.7" are pinned.)
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "%s installs the newest GitLab package instead of the planned hop. pin the version, for example %s", quote(text), quote(pinnedCommand(p, l)))
					}
					continue
				}
				if !held && !otherToolHosts(p.Doc, l) {
					hold := "apt-mark hold gitlab-" + planEdition(p, "ee")
					switch t := lineTool(l); t {
					case "dnf", "yum":
						hold = t + " versionlock add gitlab-" + planEdition(p, "ee")
					case "zypper":
						hold = "zypper addlock gitlab-" + planEdition(p, "ee")
					}
					p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "%s upgrades GitLab to the newest release along with the OS packages. pin each hop with an explicit package version, and hold the GitLab package (%s) during OS updates", quote(text), quote(hold))
				}
				continue
			}
			if i := unpinnedImage(l.Lower); i >= 0 && imageContext(l) && deploysImage(l, i) && !pastSentence(l, i) {
				reportImage(p, l, i)
				continue
			}
			if sp, ok := latestTagVariable(l); ok && (method(p.Plan) == "docker" || method(p.Plan) == "") {
				// "GITLAB_TAG=latest" in the .env file the compose file
				// reads the image tag from.
				name, _, _ := strings.Cut(l.Text[sp.Start:sp.End], "=")
				name, _, _ = strings.Cut(name, ":")
				hop := exampleHop(p)
				if hs := p.Plan.Hops; len(hs) > 0 && p.Plan.Target != nil && p.Plan.Target.Version.HasPatch && l.Index > hs[len(hs)-1].Line.Index {
					// (After the last hop the tag stays on the target.)
					hop = p.Plan.Target.Version
				}
				hop = released(p, hop)
				example := fmt.Sprintf("%s=%s-%s.0", strings.TrimSpace(name), hop, planEdition(p, "ee"))
				p.Reportf(l, sp, "%s makes the image tag \"latest\", which installs the newest GitLab release instead of the planned hop. set the exact tag of each hop, for example %s", quote(l.Text[sp.Start:sp.End]), quote(example))
				continue
			}
			if m, ok := l.Find(lint.TermHelmUpgrade); ok && strings.Contains(cmd, "gitlab") && !strings.Contains(cmd, "--version") && !strings.Contains(cmd, "rollback") && (strings.Contains(cmd, "gitlab/gitlab") || strings.Contains(cmd, "gitlab-operator")) && !bareCommandName(l, m) {
				p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "\"helm upgrade\" without --version deploys the newest chart instead of the planned hop. add \"--version <chart>\" with the chart version of each hop")
			}
		}
	},
}

// latestTagVariable returns the span of an assignment of "latest" to a
// variable that holds the image tag or version ("GITLAB_TAG=latest",
// "GITLAB_VERSION: latest"), in code.
func latestTagVariable(l *lint.Line) (lint.Span, bool) {
	low := l.Lower
	for off := 0; ; {
		j := strings.Index(low[off:], "latest")
		if j < 0 {
			return lint.Span{}, false
		}
		i := off + j
		off = i + len("latest")
		if off < len(low) && isIdentByte(low[off]) {
			continue
		}
		k := i
		for k > 0 && (low[k-1] == '"' || low[k-1] == '\'' || low[k-1] == ' ') {
			k--
		}
		if k == 0 || low[k-1] != '=' && low[k-1] != ':' {
			continue
		}
		k--
		for k > 0 && low[k-1] == ' ' {
			k--
		}
		start := k
		for start > 0 && isIdentByte(low[start-1]) {
			start--
		}
		name := low[start:k]
		if !strings.Contains(name, "tag") && !strings.Contains(name, "version") || !strings.Contains(name, "gitlab") && name != "tag" && name != "version" && name != "image_tag" {
			continue
		}
		if l.Kind != lint.KindCode && !l.InCode(start) {
			continue
		}
		return lint.Span{Start: start, End: off}, true
	}
}

// pastSentence reports whether the sentence around offset i of a prose
// line tells what was, not what the plan does: "Jusqu'en octobre,
// l'image était en gitlab/gitlab-ce:latest".
func pastSentence(l *lint.Line, i int) bool {
	if l.Kind == lint.KindCode {
		return false
	}
	// (Only words before the image: "gitlab-ce:latest (18.8.11 when
	// this was written)" still deploys it.)
	a, _ := lint.SentenceAt(l.Lower, i, i)
	for _, t := range l.Tokens {
		if t.Start < a || t.End > i {
			continue
		}
		switch t.Word {
		case "was", "were", "used", "previously", "formerly", "until", "war", "waren", "früher", "bisher", "était", "étaient", "jusqu'en", "autrefois", "auparavant", "estaba", "estaban", "era", "eran", "hasta", "antes", "anteriormente", "vroeger", "voorheen", "stava", "estava":
			return true
		}
	}
	return false
}

// reportImage reports the unpinned image reference at offset i of l.
func reportImage(p *lint.Pass, l *lint.Line, i int) {
	// The reference ends where its characters do: "`image:
	// gitlab/gitlab-ce:latest`, poi" names "gitlab/gitlab-ce:latest".
	end := i
	for end < len(l.Text) && imageRefByte(l.Text[end]) {
		end++
	}
	name := strings.TrimRight(l.Text[i:end], ".:")
	ed := "ee"
	if strings.HasPrefix(strings.ToLower(name), "gitlab/gitlab-ce") {
		ed = "ce"
	}
	p.Reportf(l, lint.Span{Start: i, End: i + len(name)}, "image %s has no fixed version tag. pin each hop to its exact tag, for example %s", quote(name), quote(packageExample(l, planEdition(p, ed), exampleHopAt(p, l), "")))
}

// deploysImage reports whether the image reference at offset i is part of
// a command or a compose/values entry, not only named in prose ("Docker
// Compose (`gitlab/gitlab-ee` image)").
func deploysImage(l *lint.Line, i int) bool {
	if l.Kind == lint.KindCode {
		return true
	}
	for _, c := range l.Code {
		if i >= c.Start && i < c.End {
			code := strings.ToLower(l.Text[c.Start:c.End])
			if strings.HasSuffix(strings.Trim(code, "`'\" "), ":latest") && l.Has(lint.TermDockerPull) {
				// "then the same `docker run` with `gitlab/gitlab-ce:latest`"
				return true
			}
			return strings.Contains(code, "docker ") || strings.Contains(code, "podman ") || strings.Contains(code, "image:") || strings.Contains(code, "image =") || strings.Contains(code, "pull ")
		}
	}
	return false
}

// planEdition is the edition the plan says the instance runs, or def.
func planEdition(p *lint.Pass, def string) string {
	if st := p.Plan.EditionStated; st != nil {
		return st.Value
	}
	return def
}

// exampleHop is the version an example pin uses: the plan's first hop, or
// its target, or a generic version.
func exampleHop(p *lint.Pass) glversion.Version {
	// The first hop that no command pins is the one the unpinned command
	// stands for ("Hop 1: ...:18.2.8-ee.0", "Hop 2: ...:latest").
	pinned := map[glversion.Version]bool{}
	for _, h := range p.Plan.Installs {
		if h.Pinned && installsHere(h.Line) {
			pinned[h.Version] = true
		}
	}
	for _, h := range p.Plan.Hops {
		if h.Version.HasPatch && !pinned[h.Version] {
			return h.Version
		}
	}
	for _, h := range p.Plan.Hops {
		if h.Version.HasPatch {
			return h.Version
		}
	}
	if t := p.Plan.Target; t != nil && t.Version.HasPatch {
		return t.Version
	}
	// (With no version anywhere, the newest release shows the form.)
	return p.Knowledge.Releases.Newest().Version
}

// latestState finds "state: latest" in an Ansible package task whose
// "name:" is the GitLab package without a version: the offset of
// "latest" and the package name, or -1.
func latestState(d *lint.Document, l *lint.Line) (int, string) {
	i := strings.Index(l.Lower, "state: latest")
	if i < 0 {
		i = strings.Index(l.Lower, "state=latest")
	}
	if i < 0 {
		return -1, ""
	}
	at := i + len("state: ")
	// The task's name, on this line ("name=gitlab-ee state=latest") or a
	// line just above.
	for j := l.Index; j >= 0 && j >= l.Index-4 && d.Lines[j].Kind == lint.KindCode; j-- {
		low := d.Lines[j].Lower
		for _, name := range []string{"gitlab-ee", "gitlab-ce"} {
			for _, key := range []string{"name: " + name, "name=" + name, "name: \"" + name + "\"", "name: '" + name + "'"} {
				k := strings.Index(low, key)
				if k < 0 {
					continue
				}
				rest := low[k+len(key):]
				if rest == "" || rest[0] == ' ' || rest[0] == '"' || rest[0] == '\'' {
					return at, name
				}
			}
		}
	}
	return -1, ""
}

// aptTask reports whether the Ansible task around a code line uses the
// apt module.
func aptTask(d *lint.Document, l *lint.Line) bool {
	for j := l.Index; j >= 0 && j >= l.Index-5 && d.Lines[j].Kind == lint.KindCode; j-- {
		if t := strings.TrimSpace(d.Lines[j].Lower); strings.HasPrefix(t, "apt:") || strings.HasPrefix(t, "ansible.builtin.apt:") {
			return true
		}
	}
	return false
}

// pinnedCommand writes a pinned install command in the package manager of
// the line.
func pinnedCommand(p *lint.Pass, l *lint.Line) string {
	return installCommand(packageTool(p, l), planEdition(p, "ee"), exampleHopAt(p, l).String())
}

// exampleHopAt is the version an example pin for the unpinned command on
// line l uses. When every hop of the plan is installed before l and the
// target is no version ("latest 18.x"), the command stands for the next
// hop: the next stop on the way to the newest release of that major, not
// a version the plan already installed.
func exampleHopAt(p *lint.Pass, l *lint.Line) glversion.Version {
	return released(p, namedHopAt(p, l))
}

// released returns v, or the latest patch of its minor when GitLab never
// released v: an example command must install something that exists
// ("19.1.5" was skipped; "19.1.6" was not).
func released(p *lint.Pass, v glversion.Version) glversion.Version {
	if rs := p.Knowledge.Releases; !rs.Has(v) {
		if latest, ok := rs.Latest(v); ok {
			return latest
		}
	}
	return v
}

// namedHopAt is the hop an unpinned command at l stands for.
func namedHopAt(p *lint.Pass, l *lint.Line) glversion.Version {
	v := exampleHop(p)
	pl := p.Plan
	// A comment just above the command names its hop: "# palier 2 :
	// 18.5.7 -> 18.8.11" over "sudo yum update -y gitlab-ee".
	for i := l.Index - 1; i >= 0 && i >= l.Index-3 && p.Doc.Lines[i].Kind == lint.KindCode; i-- {
		c := p.Doc.Lines[i]
		if !codeComment(c) {
			continue
		}
		var named glversion.Version
		for _, m := range c.Versions {
			for _, h := range pl.Hops {
				if h.Version.Compare(m.Version) == 0 && m.Version.Compare(named) > 0 {
					named = m.Version
				}
			}
		}
		if !named.IsZero() {
			return named
		}
		break
	}
	// The step that leads into the command names its hop: "6. Last hop –
	// 19.2.4 is the current release, so we take the latest tag:".
	if lead := leadInOf(p.Doc, l); l.Kind == lint.KindCode && lead != l && lead.Section == l.Section && lead.Kind != lint.KindHeading {
		if named := hopsNamedOn(pl, lead); len(named) == 1 {
			return named[0]
		}
	}
	// The heading of the step names its hop: "### 7.5 Étape 2 — 19.2.4".
	if h := l.Section.Heading; h != nil && h != l && !l.Section.IsTitle {
		if named := hopsNamedOn(pl, h); len(named) == 1 {
			return named[0]
		}
	}
	if pl.TargetVague == nil || len(pl.Hops) == 0 {
		return v
	}
	last := pl.Hops[len(pl.Hops)-1]
	for _, h := range pl.Installs {
		if h.Version.Compare(last.Version) == 0 && h.Line.Index >= l.Index {
			return v
		}
	}
	var newest glversion.Version
	for _, ml := range p.Knowledge.Releases.Lines() {
		if ml.Line.Major == last.Version.Major && (newest.IsZero() || ml.Latest.Compare(newest) > 0) {
			newest = ml.Latest
		}
	}
	if newest.IsZero() || newest.Compare(last.Version) <= 0 {
		return v
	}
	if steps, err := p.Knowledge.Path(last.Version, newest, false); err == nil && len(steps) > 0 {
		return steps[0].Version
	}
	return v
}

// hopsNamedOn returns the hops line l names, except one it starts from
// ("18.8.11 → latest 18.x" names where the hop starts).
func hopsNamedOn(pl *lint.Plan, l *lint.Line) []glversion.Version {
	var named []glversion.Version
	for _, v := range l.Versions {
		if rest := strings.TrimLeft(l.Text[v.End:], " *`"); strings.HasPrefix(rest, "→") || strings.HasPrefix(rest, "->") {
			continue
		}
		if v.Version.HasPatch && !slices.ContainsFunc(named, v.Version.Matches) && slices.ContainsFunc(pl.Hops, func(h lint.Hop) bool { return h.Version.Matches(v.Version) }) {
			named = append(named, v.Version)
		}
	}
	return named
}

// separateInSentence reports whether the sentence of prose line l, on it
// or on the paragraph line that goes on from it, says it belongs to a
// separate change.
func separateInSentence(d *lint.Document, l *lint.Line) bool {
	if l.SeparateChange() {
		return true
	}
	if l.Index+1 >= len(d.Lines) || strings.HasSuffix(strings.TrimSpace(l.Text), ".") {
		return false
	}
	next := d.Lines[l.Index+1]
	return next.Kind == l.Kind && !next.Item && next.Section == l.Section && next.SeparateChange()
}

func hasPinnedVersion(l *lint.Line) bool {
	// A pin written as a template for each hop: "gitlab-ce=<version>-ce.0",
	// "gitlab-ee=${GL_VERSION}".
	for _, pre := range []string{"gitlab-ee=", "gitlab-ce=", "gitlab-ee-", "gitlab-ce-"} {
		if i := l.IndexOf(pre); i >= 0 && i+len(pre) < len(l.Lower) && strings.ContainsRune("<${%", rune(l.Lower[i+len(pre)])) {
			return true
		}
	}
	for _, m := range l.Versions {
		if m.Suffixed || strings.ContainsAny(l.Text[maxInt(0, m.Start-1):m.Start], "=-") {
			return true
		}
	}
	return false
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// commandStart returns the first line of the multi-line command a code
// line continues.
func commandStart(d *lint.Document, l *lint.Line) *lint.Line {
	for continuation(d, l) {
		l = d.Lines[l.Index-1]
	}
	return l
}

// imageContext reports whether a line deploys a container image.
func imageContext(l *lint.Line) bool {
	// ("sed -i 's#gitlab/gitlab-ce:18.2.8-ce.0#gitlab/gitlab-ce:latest#'
	// docker-compose.yml" writes the tag into the compose file.)
	return l.Has(lint.TermDockerPull) || l.Contains("image:") || l.Contains("image =") ||
		l.Kind == lint.KindCode && strings.HasPrefix(strings.TrimSpace(l.Lower), "sed ") && l.Contains(":latest")
}

// unpinnedImage returns the offset of a GitLab image reference without a
// version tag ("gitlab/gitlab-ee:latest", "gitlab/gitlab-ce"), or -1.
func unpinnedImage(lower string) int {
	if i := unpinnedImageAt(lower); i >= 0 && !inspectsImages(lower) {
		// ("docker image ls gitlab/gitlab-ee" looks at what is there.)
		return i
	}
	return -1
}

func unpinnedImageAt(lower string) int {
	for _, name := range []string{"gitlab/gitlab-ee", "gitlab/gitlab-ce"} {
		// Every reference on the line: "s#gitlab/gitlab-ce:18.2.8-ce.0#
		// gitlab/gitlab-ce:latest#" writes the second one.
		for off := 0; ; {
			j := strings.Index(lower[off:], name)
			if j < 0 {
				break
			}
			i := off + j
			off = i + len(name)
			if i > 0 && (lower[i-1] == '/' || lower[i-1] == '.') && !strings.HasSuffix(lower[:i], "docker.io/") {
				continue
			}
			rest := lower[i+len(name):]
			if strings.HasPrefix(rest, ":") {
				// (A quoted variable, gitlab/gitlab-ce:"$TAG", is a tag too.)
				tag := strings.TrimLeft(strings.TrimPrefix(rest, ":"), "\"'")
				if tag == "" || tag[0] < '0' || tag[0] > '9' {
					// Variables, placeholders and search patterns ("sed
					// 's|gitlab/gitlab-ce:.*|...|'") are not tags.
					if tag == "" || !strings.ContainsRune("$<{.*[\\(", rune(tag[0])) {
						return i
					}
				}
				continue
			}
			if rest == "" || rest[0] == ' ' || rest[0] == '"' || rest[0] == '\'' || rest[0] == '`' {
				return i
			}
		}
	}
	return -1
}

// inspectsImages reports whether a command only lists, inspects or
// removes images, which installs nothing.
func inspectsImages(lower string) bool {
	for _, c := range []string{"image ls", "images ", "images\t", "image list", "image inspect", "docker inspect", "podman inspect", "image rm", "docker rmi", "podman rmi", "image history", "docker ps", "podman ps"} {
		if strings.Contains(lower, c) {
			return true
		}
	}
	return strings.HasSuffix(strings.TrimSpace(lower), " images")
}

// bareCommandName reports whether a match is a command named in prose
// with nothing after it in its code span: "applied by hand with `helm
// upgrade`".
func bareCommandName(l *lint.Line, m lint.Match) bool {
	if l.Kind == lint.KindCode {
		return false
	}
	c, ok := codeSpanAt(l, m.Start)
	return ok && m.End <= c.End && strings.TrimSpace(l.Text[m.End:c.End]) == ""
}

// imageRefByte reports whether c can be part of a container image
// reference: registry, path, tag or digest.
func imageRefByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._-/:@", c) >= 0
}
