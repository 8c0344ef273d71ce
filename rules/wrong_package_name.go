package rules

import (
	"strings"

	"github.com/planlint/planlint/internal/knowledge"
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
		elReported := map[*lint.Line]bool{}
		osMajor := elMajor(p.Plan)
		var otherHosts map[string]bool // read when an el package needs it
		var osInfo *knowledge.OSInfo
		if osMajor != "" {
			if info, ok := p.Knowledge.LookupOS(p.Plan.OS.Value); ok {
				osInfo = &info
			}
		}
		// The edition a corrected name should use: the instance's, when
		// the plan states it.
		edition := func(written string) string {
			if st := p.Plan.EditionStated; st != nil {
				return st.Value
			}
			return written
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
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "package %s pairs %s with a version of the other edition. write %s", quote(name+written), quote(strings.TrimSuffix(name, "=")), quote(packageExample(l, edition(ed), m.Version, "")))
						continue
					}
					if !m.Suffixed && m.Version.HasPatch && aptLine(l) {
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "apt pins need the full package version: %s is not found. write %s", quote(name+written), quote(packageExample(l, ed, m.Version, "")))
					}
				case strings.HasSuffix(before, "gitlab/gitlab-ee:") || strings.HasSuffix(before, "gitlab/gitlab-ce:"):
					ed := before[len(before)-3 : len(before)-1]
					if !m.Suffixed && m.Version.HasPatch {
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "image tag %s does not exist: GitLab images are tagged with the edition. write %s", quote("gitlab/gitlab-"+ed+":"+written), quote(packageExample(l, ed, m.Version, "")))
					} else if m.Suffixed && !strings.HasPrefix(suffix, "-"+ed) {
						p.Reportf(l, lint.Span{Start: m.Start, End: m.End}, "image %s pairs the %s image with a tag of the other edition. write %s", quote("gitlab/gitlab-"+ed+":"+written), strings.ToUpper(ed), quote(packageExample(l, ed, m.Version, "")))
					}
				}
				if osMajor != "" && !elReported[l] {
					el := writtenEL(suffix, "")
					if el != "" && el != osMajor && otherHosts == nil {
						otherHosts = namedELReleases(p.Doc)
					}
					if el != "" && el != osMajor && !otherHosts[el] {
						// (A plan that names a server on that release, "the
						// new VM gitlab02 (RHEL 9.5)", installs it there.)
						// One finding per line: "scp gitlab-ee-...el9.rpm
						// host: && dnf install ./gitlab-ee-...el9.rpm".
						elReported[l] = true
						span := lint.Span{Start: m.Start, End: m.End}
						if osInfo != nil && !osInfo.Supports(m.Version) {
							// No package of the right el exists either.
							p.Reportf(l, span, "the el%s package does not install on %s, and GitLab %s has no el%s package. upgrade the operating system before this version", el, quote(p.Plan.OS.Value), m.Version, osMajor)
							continue
						}
						ed := "ee"
						if strings.HasPrefix(suffix, "-ce") {
							ed = "ce"
						}
						p.Reportf(l, span, "the el%s package does not install on %s. use the el%s package, for example %s", el, quote(p.Plan.OS.Value), osMajor, quote(packageExample(l, edition(ed), m.Version, osMajor)))
					}
				}
			}
		}
	},
}

// aptLine reports whether a command line installs with apt or apt-get.
func aptLine(l *lint.Line) bool {
	return l.Contains("apt ") || l.Contains("apt-get")
}

// elNames are elFamilies as written in prose, lower-case.
var elNames = func() []string {
	out := []string{"red hat enterprise linux", "alma linux"}
	for _, f := range elFamilies {
		out = append(out, strings.ToLower(f))
	}
	return out
}()

// pastOS reports whether the words before an OS name make it the one the
// server ran before.
func pastOS(before string) bool {
	return containsAnyOf(before, "migrated from", "moved from", "upgraded from", "migrado de", "migrado desde", "migriert von", "umgestellt von", "migré de", "migré depuis", "migrato da", "gemigreerd van", "formerly", "previously", "ehemals", "früher", "anteriormente", "auparavant", "in precedenza", "vroeger")
}

// namedELReleases returns the Enterprise Linux majors the plan's prose
// names ("RHEL 9.5", "AlmaLinux 8"), each a server the plan speaks of.
func namedELReleases(d *lint.Document) map[string]bool {
	out := map[string]bool{}
	for _, l := range d.Lines {
		if l.Kind == lint.KindCode || l.In(lint.TermRollback) {
			continue
		}
		for _, f := range elNames {
			for off := 0; ; {
				i := strings.Index(l.Lower[off:], f)
				if i < 0 {
					break
				}
				if pastOS(l.Lower[max(0, off+i-24) : off+i]) {
					// "(migrado de CentOS 7 em 2025)": the release the
					// server ran before.
					off += i + len(f)
					continue
				}
				off += i + len(f)
				rest := strings.TrimLeft(l.Lower[off:], " ")
				j := 0
				for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
					j++
				}
				if j > 0 {
					out[rest[:j]] = true
				}
			}
		}
	}
	return out
}
