package rules

import (
	"strings"

	"github.com/planlint/planlint/lint"
)

// MissingOS finds Linux package and source plans without an operating system.
var MissingOS = &lint.Rule{
	ID:       "missing-os",
	Title:    "a Linux package or source install does not name its operating system and version",
	Severity: lint.Error,
	Category: lint.RequiredInfo,
	Doc: `GitLab stops building packages for operating systems that reach their end of life (for
example Ubuntu 18.04 after 16.11, CentOS 7 after 17.7). Support checks that every version on the path
ships packages for the server's OS, so the plan must name the OS and its version. The rule applies
to Linux package and source installs; container and Kubernetes installs do not depend on the host OS
in the same way.

Fix: add the OS with its version, for example "OS: Ubuntu 22.04" or "RHEL 8.9".`,
	Run: func(p *lint.Pass) {
		switch method(p.Plan) {
		case "linux-package", "source":
		default:
			return
		}
		os := p.Plan.OS
		switch {
		case os == nil:
			p.ReportDocumentf("plan does not name the operating system of the GitLab server. add it with its version, for example \"OS: Ubuntu 22.04\"; Support checks that every version on the path ships packages for it")
		case p.Plan.OSNoVersion:
			p.Reportf(os.Line, os.Span, "operating system %s is named without its version. add the version, for example %s; package support ends per OS version", quote(os.Value), quote(os.Value+" "+exampleOSVersion(os.Value)))
		}
	},
}

// exampleOSVersion gives a version of an operating system family for a
// message example ("RHEL 9", not "RHEL 22.04").
func exampleOSVersion(family string) string {
	switch strings.ToLower(family) {
	case "ubuntu":
		return "22.04"
	case "debian":
		return "12"
	case "rhel", "red hat enterprise linux", "centos", "rocky linux", "almalinux", "oracle linux":
		return "9"
	case "sles", "opensuse leap", "suse linux enterprise server":
		return "15 SP6"
	case "amazon linux":
		return "2023"
	case "raspberry pi os", "raspbian":
		return "12"
	}
	return "<version>"
}
