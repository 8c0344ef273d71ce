package knowledge

import (
	"testing"
)

func TestLookupOS(t *testing.T) {
	b := Default()
	tests := []struct {
		name       string
		want       string // resolved Name, "" = unknown
		packagesOf string
	}{
		{"Ubuntu 20.04", "Ubuntu 20.04", ""},
		{"ubuntu 20.04.6 LTS", "Ubuntu 20.04", ""},
		{"Ubuntu 22.04", "Ubuntu 22.04", ""},
		{"Ubuntu 22.04.5", "Ubuntu 22.04", ""},
		{"RHEL 7", "RHEL 7", ""},
		{"Red Hat Enterprise Linux 7.9", "RHEL 7", ""},
		{"RHEL 8", "RHEL 8", ""},
		{"RHEL 8.10", "RHEL 8", ""},
		{"el8", "RHEL 8", ""},
		{"CentOS 7", "CentOS 7", ""},
		{"CentOS Linux 7.9", "CentOS 7", ""},
		{"CentOS Linux release 7.9.2009 (Core)", "CentOS 7", ""},
		{"Rocky Linux 8", "Rocky Linux 8", "RHEL 8"},
		{"Rocky Linux 9", "Rocky Linux 9", "RHEL 9"},
		{"AlmaLinux 9.4", "AlmaLinux 9", ""},
		{"AlmaLinux 8", "AlmaLinux 8", ""},
		{"Oracle Linux 9", "Oracle Linux 9", ""},
		{"Oracle Linux 7", "Oracle Linux 7", ""},
		{"Scientific Linux 7", "Scientific Linux 7", ""},
		{"Amazon Linux 2", "Amazon Linux 2", ""},
		{"Amazon Linux 2023", "Amazon Linux 2023", ""},
		{"Debian 12", "Debian 12", ""},
		{"Debian 12.8", "Debian 12", ""},
		{"Debian GNU/Linux 12 (bookworm)", "Debian 12", ""},
		{"bookworm", "Debian 12", ""},
		{"SLES 15 SP6", "SLES 15 SP6", ""},
		{"SUSE Linux Enterprise Server 15 SP2", "SLES 15 SP2", ""},
		{"SLES 15", "SLES 15", ""},
		{"SLES 12.5", "SLES 12 SP5", ""},
		{"openSUSE Leap 15.6", "openSUSE Leap 15.6", ""},
		{"openSUSE Leap 15.5", "openSUSE Leap 15.5", ""},
		{"Raspberry Pi OS", "Raspberry Pi OS (32-bit)", ""},
		{"Raspberry Pi OS (32-bit) Bullseye", "Raspberry Pi OS Bullseye (32-bit)", ""},
		{"Raspberry Pi OS 64-bit", "Raspberry Pi OS (64-bit)", ""},
		{"Raspbian Buster", "Raspberry Pi OS Buster", ""},
		// Unknown systems and releases.
		{"Fedora 39", "", ""},
		{"CentOS Stream 9", "", ""},
		{"SLES 15 SP4", "", ""},
		{"Ubuntu", "", ""},
		{"Windows Server 2022", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		o, ok := b.LookupOS(tt.name)
		if ok != (tt.want != "") || o.Name != tt.want || o.PackagesOf != tt.packagesOf {
			t.Errorf("LookupOS(%q) = %q (packages of %q), %v; want %q (packages of %q)", tt.name, o.Name, o.PackagesOf, ok, tt.want, tt.packagesOf)
		}
	}
}

func TestOSSupports(t *testing.T) {
	b := Default()
	tests := []struct {
		os, gitlab string
		want       bool
	}{
		{"Ubuntu 18.04", "16.11.10", true},
		{"Ubuntu 18.04", "17.0", false},
		{"Ubuntu 20.04", "18.11.11", true},
		{"Ubuntu 20.04", "19.0", false},
		{"Ubuntu 22.04", "15.4.6", false},
		{"Ubuntu 22.04", "15.5.0", true},
		{"Ubuntu 24.04", "19.3.0", true},
		{"CentOS Linux 7.9", "17.7.7", true},
		{"CentOS Linux 7.9", "17.8", false},
		{"RHEL 7", "17.8.7", false},
		{"Oracle Linux 7", "17.8.0", false},
		{"CentOS 8", "14.6.0", true},
		{"CentOS 8", "14.7.0", false},
		{"Rocky Linux 8", "19.3", true},
		{"Rocky Linux 8", "12.8.0", false},
		{"RHEL 8", "12.8.1", true},
		{"Rocky Linux 10", "18.5.7", false},
		{"Rocky Linux 10", "18.6.0", true},
		{"Debian 10", "17.5.5", true},
		{"Debian 10", "17.6", false},
		{"Debian 9", "15.3.0", false},
		{"Debian 12", "19.3.0", true},
		{"openSUSE Leap 15.4", "16.7.10", true},
		{"openSUSE Leap 15.4", "16.8.0", false},
		{"openSUSE Leap 15.5", "17.9.0", false},
		{"openSUSE Leap 15.6", "17.5.5", false},
		{"openSUSE Leap 15.6", "18.11.11", true},
		{"openSUSE Leap 15.6", "19.0.0", false},
		{"SLES 15 SP2", "18.2.0", false},
		{"SLES 15 SP6", "18.11.2", true},
		{"SLES 15 SP6", "19.1.0", false},
		{"Raspberry Pi OS", "17.11.7", true},
		{"Raspberry Pi OS", "18.0.0", false},
		{"Raspberry Pi OS Buster", "17.8.0", false},
		{"Amazon Linux 2023", "16.2.0", false},
		{"Amazon Linux 2023", "19.3.0", true},
	}
	for _, tt := range tests {
		o, ok := b.LookupOS(tt.os)
		if !ok {
			t.Errorf("LookupOS(%q) unknown", tt.os)
			continue
		}
		if got := o.Supports(mustV(t, tt.gitlab)); got != tt.want {
			t.Errorf("%s (%s) Supports(%s) = %v, want %v", tt.os, o.Name, tt.gitlab, got, tt.want)
		}
	}
}

func TestOSData(t *testing.T) {
	b := Default()
	// Every release named in the fact sheet's support tables resolves.
	for _, name := range []string{
		"CentOS 6", "RHEL 6", "Debian 7", "Debian 8", "Debian 11", "Debian 13", "openSUSE 42.1", "openSUSE 42.2",
		"openSUSE 42.3", "openSUSE 13.2", "openSUSE Leap 15.0", "openSUSE Leap 15.1", "openSUSE Leap 15.2",
		"openSUSE Leap 15.3", "Raspbian Wheezy", "Raspbian Jessie", "Raspbian Stretch", "Ubuntu 12.04",
		"Ubuntu 14.04", "Ubuntu 16.04", "RHEL 9", "RHEL 10", "AlmaLinux 10", "Oracle Linux 8", "Oracle Linux 10",
	} {
		if _, ok := b.LookupOS(name); !ok {
			t.Errorf("LookupOS(%q) unknown", name)
		}
	}
	for _, o := range b.OSes() {
		if o.Note != "" && !noteStyle(o.Note) {
			t.Errorf("%s: note %q not in planlint style", o.Name, o.Note)
		}
		// Every entry resolves to itself by its own name, except whole-family
		// entries named by width.
		if o.Version != "" {
			if got, ok := b.LookupOS(o.Name); !ok || got.Name != o.Name {
				t.Errorf("LookupOS(%q) = %q, %v", o.Name, got.Name, ok)
			}
		}
	}
	sles, _ := b.LookupOS("SLES 15")
	if !sles.EEOnly {
		t.Errorf("SLES packages are EE only")
	}
}

func TestParseOSRejects(t *testing.T) {
	fam := "families:\n  - id: ubuntu\n    name: Ubuntu\n    aliases: [ubuntu]\n    version_parts: 2\n"
	for _, bad := range []string{
		"",
		fam,
		fam + "systems:\n  - family: debian\n    version: \"12\"\n",
		fam + "systems:\n  - family: ubuntu\n    version: \"20.04.1\"\n",
		fam + "systems:\n  - family: ubuntu\n    version: \"20.04\"\n    last: \"18.11.2\"\n",
		fam + "systems:\n  - family: ubuntu\n    version: \"20.04\"\n  - family: ubuntu\n    version: \"20.04\"\n",
		fam + "systems:\n  - family: ubuntu\n    version: \"20.04\"\n    first: \"19.0.0\"\n    last: \"18.11\"\n",
		fam + "systems:\n  - family: ubuntu\n    version: \"20.04\"\n    lats: \"18.11\"\n",
		"families:\n  - id: ubuntu\n    name: Ubuntu\n    aliases: [Ubuntu]\n    version_parts: 2\nsystems:\n  - family: ubuntu\n",
		"families:\n  - id: rocky\n    name: Rocky\n    aliases: [rocky]\n    version_parts: 1\n    packages_of: rhel\nsystems:\n  - family: rocky\n",
	} {
		if _, err := parseOS([]byte(bad)); err == nil {
			t.Errorf("parseOS(%q) accepted", bad)
		}
	}
}
