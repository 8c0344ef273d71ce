package rules

import (
	"strings"

	"github.com/planlint/planlint/lint"
)

// WrongPackageName finds package and image references that will not resolve.
var WrongPackageName = &lint.Rule{
	ID:       "wrong-package-name",
	Title:    "a package, RPM or image reference that will not resolve",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `A command that names a package or image that does not exist fails in the middle of the window.
The rule checks the forms GitLab publishes:

- Debian packages are pinned with the full version: ` + "`gitlab-ee=17.8.7-ee.0`" + `; ` + "`gitlab-ee=17.8.7`" + ` is not found;
- the edition in the package name and in the version must agree: ` + "`gitlab-ce=17.8.7-ee.0`" + ` does not exist;
- Docker images are tagged with the edition: ` + "`gitlab/gitlab-ee:17.8.7-ee.0`" + `, not ` + "`gitlab/gitlab-ee:17.8.7`" + `;
- RPMs are built per Enterprise Linux major: an ` + "`el7`" + ` RPM does not install on RHEL 8 or 9, and the
  other way round.

Fix: copy the exact name from ` + "`apt-cache madison gitlab-ee`" + `, ` + "`yum --showduplicates list gitlab-ee`" + ` or the
image's tag list.`,
	Run: func(p *lint.Pass) {
		osMajor := ""
		if os := p.Plan.OS; os != nil && !p.Plan.OSNoVersion {
			for _, fam := range []string{"RHEL", "CentOS", "Rocky Linux", "AlmaLinux", "Oracle Linux", "Scientific Linux"} {
				if v, ok := strings.CutPrefix(os.Value, fam+" "); ok {
					osMajor = strings.SplitN(v, ".", 2)[0]
				}
			}
		}
		for _, l := range p.Doc.Lines {
			if !l.IsCommand() || l.In(lint.TermRisk) {
				continue
			}
			for _, m := range l.Versions {
				if !l.InCode(m.Start) {
					continue
				}
				before := strings.ToLower(l.Text[:m.Start])
				written := l.Text[m.Start:m.End]
				suffix := strings.ToLower(l.Text[m.NumEnd:m.End])
				switch {
				case strings.HasSuffix(before, "gitlab-ee=") || strings.HasSuffix(before, "gitlab-ce="):
					name := before[len(before)-len("gitlab-ee="):]
					ed := name[7:9]
					if m.Suffixed && !strings.HasPrefix(suffix, "-"+ed) && !strings.HasPrefix(suffix, "+"+ed) {
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "package %s pairs %s with a version of the other edition. write %s", quote(name+written), quote(strings.TrimSuffix(name, "=")), quote(name+m.Version.String()+"-"+ed+".0"))
						continue
					}
					if !m.Suffixed && m.Version.HasPatch && aptLine(l) {
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "apt pins need the full package version: %s is not found. write %s", quote(name+written), quote(name+m.Version.String()+"-"+ed+".0"))
					}
				case strings.HasSuffix(before, "gitlab/gitlab-ee:") || strings.HasSuffix(before, "gitlab/gitlab-ce:"):
					ed := before[len(before)-3 : len(before)-1]
					if !m.Suffixed && m.Version.HasPatch {
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "image tag %s does not exist: GitLab images are tagged with the edition. write %s", quote("gitlab/gitlab-"+ed+":"+written), quote("gitlab/gitlab-"+ed+":"+m.Version.String()+"-"+ed+".0"))
					} else if m.Suffixed && !strings.HasPrefix(suffix, "-"+ed) {
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "image %s pairs the %s image with a tag of the other edition. write %s", quote("gitlab/gitlab-"+ed+":"+written), strings.ToUpper(ed), quote("gitlab/gitlab-"+ed+":"+m.Version.String()+"-"+ed+".0"))
					}
				}
				if osMajor != "" {
					if i := strings.Index(suffix, ".el"); i >= 0 {
						el := suffix[i+3:]
						if j := strings.IndexAny(el, "._"); j >= 0 {
							el = el[:j]
						}
						if el != "" && el != osMajor && isNumber(el) {
							p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "the el%s package does not install on %s. use the el%s package, for example %s", el, p.Plan.OS.Value, osMajor, quote("gitlab-ee-"+m.Version.String()+"-ee.0.el"+osMajor+".x86_64.rpm"))
						}
					}
				}
			}
		}
	},
}

// aptLine reports whether a command line installs with apt or apt-get.
func aptLine(l *lint.Line) bool {
	return strings.Contains(l.Lower, "apt ") || strings.Contains(l.Lower, "apt-get")
}
