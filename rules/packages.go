package rules

import (
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"github.com/planlint/planlint/lint"
)

// elFamilies are the operating systems that install GitLab's el RPMs.
var elFamilies = []string{"RHEL", "CentOS", "Rocky Linux", "AlmaLinux", "Oracle Linux", "Scientific Linux"}

// elMajor returns the Enterprise Linux major release of the plan's
// operating system ("8" for "Rocky Linux 8.10"), or "".
func elMajor(pl *lint.Plan) string {
	if pl.OS == nil || pl.OSNoVersion {
		return ""
	}
	for _, fam := range elFamilies {
		if v, ok := strings.CutPrefix(pl.OS.Value, fam+" "); ok {
			return strings.SplitN(v, ".", 2)[0]
		}
	}
	return ""
}

// rpmLine reports whether a command line installs RPMs.
func rpmLine(l *lint.Line) bool {
	for _, w := range []string{".rpm", "yum ", "dnf ", "rpm ", "zypper "} {
		if l.Contains(w) {
			return true
		}
	}
	return false
}

// rpmPlan reports whether the plan's operating system installs RPMs.
func rpmPlan(p *lint.Pass) bool {
	os := p.Plan.OS
	if os == nil {
		return false
	}
	return containsAnyOf(strings.ToLower(os.Value), "rhel", "red hat", "alma", "rocky", "oracle", "amazon", "centos", "sles", "suse", "fedora")
}

// installCommand writes the pinned install command of edition ed at
// version v: dnf for RPM systems, apt-get otherwise.
func installCommand(rpm bool, ed, v string) string {
	if rpm {
		return "sudo dnf install gitlab-" + ed + "-" + v
	}
	return "sudo apt-get install gitlab-" + ed + "=" + v + "-" + ed + ".0"
}

// packageExample writes the package or image of edition ed at version v in
// the form the command on l uses: a Docker image, an RPM file or yum pin,
// or an apt pin. el is the Enterprise Linux major for RPM files ("" to
// leave the file form out).
func packageExample(l *lint.Line, ed string, v glversion.Version, el string) string {
	full := v.String() + "-" + ed + ".0"
	switch {
	case l.Contains("gitlab/gitlab-"):
		return "gitlab/gitlab-" + ed + ":" + full
	case l.Contains(".rpm") && el != "":
		return "gitlab-" + ed + "-" + full + ".el" + el + ".x86_64.rpm"
	case rpmLine(l):
		return "gitlab-" + ed + "-" + v.String()
	}
	return "gitlab-" + ed + "=" + full
}
