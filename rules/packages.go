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

// packageTool names the package manager a pinned install command should
// use: the one the line itself runs ("yum update"), else the one of the
// plan's operating system (yum on the EL7 family and Amazon Linux 2,
// zypper on SUSE, dnf on other RPM systems, apt-get elsewhere).
func packageTool(p *lint.Pass, l *lint.Line) string {
	if t := lineTool(l); t != "" {
		return t
	}
	if p.Plan.OS == nil {
		return "apt-get"
	}
	os := strings.ToLower(p.Plan.OS.Value)
	switch {
	case containsAnyOf(os, "sles", "suse"):
		return "zypper"
	case containsAnyOf(os, "amazon linux 2", "centos 7", "rhel 7", "red hat enterprise linux 7", "oracle linux 7") && !strings.Contains(os, "2023"):
		return "yum"
	case containsAnyOf(os, "rhel", "red hat", "alma", "rocky", "oracle", "amazon", "centos", "fedora"):
		return "dnf"
	}
	return "apt-get"
}

// lineTool names the package manager a line runs, or "".
func lineTool(l *lint.Line) string {
	switch {
	case l == nil:
		return ""
	case l.Contains("zypper "):
		return "zypper"
	case l.Contains("yum "):
		return "yum"
	case l.Contains("dnf ") || l.Contains(".rpm") || l.Contains("rpm "):
		return "dnf"
	case l.Contains("apt ") || l.Contains("apt-get ") || l.Contains(".deb"):
		return "apt-get"
	}
	return ""
}

// rpmLine reports whether a line installs RPM packages.
func rpmLine(l *lint.Line) bool {
	t := lineTool(l)
	return t != "" && t != "apt-get"
}

// installCommand writes the pinned install command of edition ed at
// version v with the package manager tool.
func installCommand(tool, ed, v string) string {
	if tool == "apt-get" {
		return "sudo apt-get install gitlab-" + ed + "=" + v + "-" + ed + ".0"
	}
	return "sudo " + tool + " install gitlab-" + ed + "-" + v
}

// packageExample writes the package or image of edition ed at version v in
// the form the command on l uses: a Docker image, an RPM file or yum pin,
// or an apt pin. el is the Enterprise Linux major for RPM files ("" to
// leave the file form out).
func packageExample(l *lint.Line, ed string, v glversion.Version, el string) string {
	full := v.String() + "-" + ed + ".0"
	switch {
	case l.Contains(".rpm") && el != "":
		// (Before the image: "packages.gitlab.com/gitlab/gitlab-ee/...rpm"
		// downloads a package.)
		return "gitlab-" + ed + "-" + full + ".el" + el + ".x86_64.rpm"
	case l.Contains("gitlab/gitlab-"):
		return "gitlab/gitlab-" + ed + ":" + full
	case rpmLine(l) && el != "":
		return "gitlab-" + ed + "-" + full + ".el" + el
	case rpmLine(l):
		return "gitlab-" + ed + "-" + v.String()
	}
	return "gitlab-" + ed + "=" + full
}
