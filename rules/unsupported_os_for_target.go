package rules

import (
	"github.com/planlint/planlint/internal/glversion"
	"strings"
	"time"

	"github.com/planlint/planlint/internal/knowledge"
	"github.com/planlint/planlint/lint"
)

// UnsupportedOSForTarget finds paths that reach versions without packages
// for the server's OS.
var UnsupportedOSForTarget = &lint.Rule{
	ID:       "unsupported-os-for-target",
	Title:    "a version on the path ships no packages for the server's operating system",
	Severity: lint.Error,
	Category: lint.VersionPath,
	Doc: `GitLab stops building Linux packages for an operating system release at the end of its support:
Ubuntu 18.04 after 16.11, Debian 10 after 17.5, CentOS 7, RHEL 7 and Oracle Linux 7 after 17.7, Ubuntu
20.04 and the SUSE releases after 18.11, and so on. A path that goes past that point cannot be
installed: the package repository has nothing for the OS. A system whose vendor support has ended
(by the day the plan is read) is also reported when the path goes past the last GitLab version
GitLab planned for it, such as 19.1 for Amazon Linux 2.

An operating system upgrade that the plan makes on the way ("W4: OS upgrade Ubuntu 18.04 → 22.04") carries
the hops that its release supports.

Fix: upgrade the operating system first, to a release that has packages for every version on the path,
then re-add the GitLab package repository for it. Check PostgreSQL's locale (glibc) when the OS changes.`,
	Run: func(p *lint.Pass) {
		pl := p.Plan
		switch method(pl) {
		case "linux-package", "source":
		default:
			return
		}
		if pl.OS == nil || pl.OSNoVersion || pl.Target == nil {
			return
		}
		info, ok := p.Knowledge.LookupOS(pl.OS.Value)
		if !ok {
			return
		}
		// An OS upgrade the plan makes on the way carries the later hops.
		var later *knowledge.OSInfo
		if pl.OSUpgrade != nil {
			if up, ok := p.Knowledge.LookupOS(pl.OSUpgrade.Value); ok {
				later = &up
			}
		}
		for _, v := range hopVersions(pl) {
			if !info.Supports(v) && later != nil && later.Supports(v) {
				continue
			}
			if info.Supports(v) {
				// A system past its vendor's end of life whose planned last
				// GitLab version the path goes beyond: the packages most
				// likely stopped there.
				if eol, ok := monthEnd(info.OSEOL); ok && p.Today.After(eol) && !info.PlannedLast.IsZero() && v.CompareMinor(info.PlannedLast) > 0 {
					at := hopAt(pl, v)
					p.Reportf(at.Line, at.Span, "operating system %s reached its end of life in %s, and GitLab planned %s as the last version with packages for it, but the path installs %s. upgrade the operating system first, or confirm in the package repository that %s exists for it", quote(pl.OS.Value), info.OSEOL, info.PlannedLast.MinorString(), v, v)
					return
				}
				continue
			}
			at := hopAt(pl, v)
			if otherELPackage(p.Doc, pl, v) {
				// "# W4, on gitlab02" / "dnf install gitlab-ce-17.8.7-ce.0.el9"
				// on a CentOS 7 plan: the hop runs on another machine,
				// whose OS the package names.
				continue
			}
			if !info.Last.IsZero() && v.CompareMinor(info.Last) > 0 {
				p.Reportf(at.Line, at.Span, "operating system %s gets no GitLab packages after %s, but the path installs %s. upgrade the operating system to a supported release first, then continue the path", quote(pl.OS.Value), info.Last.MinorString(), v)
			} else {
				p.Reportf(at.Line, at.Span, "operating system %s gets GitLab packages only from %s on, so %s cannot be installed on it. check the operating system and the path", quote(pl.OS.Value), info.First.MinorString(), v)
			}
			return
		}
	},
}

// monthEnd reads an end-of-life month such as "Jun 2026" and returns the
// last moment of that month.
func monthEnd(s string) (time.Time, bool) {
	t, err := time.Parse("Jan 2006", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, false
	}
	return t.AddDate(0, 1, 0).Add(-time.Nanosecond), true
}

// otherELPackage reports whether the commands that install v use a
// package built for another Enterprise Linux release than the plan's OS:
// "gitlab-ce-17.8.7-ce.0.el9" in a plan for CentOS 7.
func otherELPackage(d *lint.Document, pl *lint.Plan, v glversion.Version) bool {
	major := ""
	for _, f := range strings.Fields(pl.OS.Value) {
		if f[0] >= '0' && f[0] <= '9' {
			major, _, _ = strings.Cut(f, ".")
			break
		}
	}
	if major == "" {
		return false
	}
	found := false
	for _, h := range pl.Installs {
		if h.Listed || h.Version.Compare(v) != 0 || !h.Pinned {
			continue
		}
		low := h.Line.Lower
		end := min(len(low), h.Span.End+12)
		i := strings.Index(low[h.Span.Start:end], ".el")
		if i < 0 {
			return false
		}
		rest := low[h.Span.Start+i+3:]
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 0 || rest[:n] == major || !namesELRelease(d, rest[:n]) {
			// (An el8 package on the CentOS 7 server itself is
			// wrong-package-name's; only a machine the plan says runs
			// that release takes it.)
			return false
		}
		found = true
	}
	return found
}

// namesELRelease reports whether the plan names an Enterprise Linux
// system of the given major release ("AlmaLinux 9", "RHEL 9.4").
func namesELRelease(d *lint.Document, major string) bool {
	for _, l := range d.Lines {
		for _, name := range []string{"almalinux ", "alma linux ", "rocky linux ", "rocky ", "rhel ", "red hat enterprise linux ", "oracle linux ", "centos stream ", "centos "} {
			i := l.IndexOf(name + major)
			if i >= 0 {
				end := i + len(name) + len(major)
				if end == len(l.Lower) || l.Lower[end] < '0' || l.Lower[end] > '9' {
					return true
				}
			}
		}
	}
	return false
}
