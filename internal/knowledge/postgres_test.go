package knowledge

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPostgresFloors(t *testing.T) {
	b := Default()
	var got []string
	for _, f := range b.PostgresFloors() {
		got = append(got, f.GitLab.String()+"->"+strconv.Itoa(f.Major))
	}
	want := []string{"13.0->11", "14.0->12", "16.0->13", "17.0->14", "18.0->16", "19.0->17"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("floors (-want +got):\n%s", diff)
	}
}

func TestFloorsCrossed(t *testing.T) {
	b := Default()
	tests := []struct {
		from, to string
		want     []string
	}{
		{"16.11.10", "17.3.7", []string{"17.0"}},
		{"17.0.1", "17.3.7", nil},
		{"17.0", "17.3.7", nil},
		{"16.11.10", "17.0.0", []string{"17.0"}},
		{"16.11.10", "17.0", []string{"17.0"}},
		{"15.4.2", "19.3.0", []string{"16.0", "17.0", "18.0", "19.0"}},
		{"12.10.14", "13.0.14", []string{"13.0"}},
		{"17.11.7", "18.11.11", []string{"18.0"}},
		{"18.0.0", "18.11.11", nil},
		{"18.11.11", "19.0.1", []string{"19.0"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range b.FloorsCrossed(mustV(t, tt.from), mustV(t, tt.to)) {
			got = append(got, f.GitLab.String())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("FloorsCrossed(%s, %s) (-want +got):\n%s", tt.from, tt.to, diff)
		}
	}
}

func TestPostgresFloorFor(t *testing.T) {
	b := Default()
	tests := []struct {
		v     string
		major int
		ok    bool
	}{
		{"17.5.5", 14, true}, {"17.0", 14, true}, {"16.11.10", 13, true}, {"18.0.0", 16, true},
		{"18.11.11", 16, true}, {"19.3.0", 17, true}, {"15.11.13", 12, true}, {"13.0.1", 11, true},
		{"12.10.14", 0, false},
	}
	for _, tt := range tests {
		f, ok := b.PostgresFloorFor(mustV(t, tt.v))
		if ok != tt.ok || f.Major != tt.major {
			t.Errorf("PostgresFloorFor(%s) = %d, %v; want %d, %v", tt.v, f.Major, ok, tt.major, tt.ok)
		}
	}
}

func TestPostgresMinimum(t *testing.T) {
	b := Default()
	want := map[int]string{16: "13.6", 17: "14.14", 18: "16.5", 19: "17"}
	for major, min := range want {
		if got, ok := b.PostgresMinimum(major); !ok || got != min {
			t.Errorf("PostgresMinimum(%d) = %q, %v; want %q", major, got, ok, min)
		}
	}
	if _, ok := b.PostgresMinimum(12); ok {
		t.Errorf("PostgresMinimum(12) known")
	}
	// The documented minimum never lies below the hard floor of that major.
	for _, f := range b.PostgresFloors() {
		min, ok := b.PostgresMinimum(f.GitLab.Major)
		if !ok {
			continue
		}
		if c, _ := ComparePostgres(min, strconv.Itoa(f.Major)); c < 0 {
			t.Errorf("GitLab %d: minimum %s below floor %d", f.GitLab.Major, min, f.Major)
		}
	}
}

func TestComparePostgres(t *testing.T) {
	tests := []struct {
		a, b string
		want int
		ok   bool
	}{
		{"16.4", "16.5", -1, true}, {"16.5", "16.5", 0, true}, {"17", "16.5", 1, true}, {"16", "16.0", 0, true},
		{"14.9", "14.14", -1, true}, {"x", "1", 0, false}, {"", "1", 0, false}, {"1.2.3.4", "1", 0, false},
	}
	for _, tt := range tests {
		got, ok := ComparePostgres(tt.a, tt.b)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ComparePostgres(%q, %q) = %d, %v", tt.a, tt.b, got, ok)
		}
	}
}

func TestPostgresAutoUpgrades(t *testing.T) {
	b := Default()
	var got []string
	for _, a := range b.PostgresAutoUpgrades() {
		to := a.ToMajor
		if a.To != "" {
			to = a.To
		}
		got = append(got, a.GitLab.String()+"->"+to)
		if a.Note == "" || !noteStyle(a.Note) {
			t.Errorf("auto upgrade %s: note %q not in planlint style", a.GitLab, a.Note)
		}
	}
	want := []string{"15.11->13", "16.11->14", "17.11->16.8", "18.11->17.7"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("auto upgrades (-want +got):\n%s", diff)
	}
	a := b.AutoUpgradesCrossed(mustV(t, "18.8.11"), mustV(t, "19.3.0"))
	if len(a) != 1 || a[0].To != "17.7" {
		t.Fatalf("AutoUpgradesCrossed(18.8.11, 19.3.0) = %+v", a)
	}
	tests := []struct {
		s    Setup
		want bool
	}{
		{Setup{}, true},
		{Setup{InstallMethod: "linux-package", Topology: "single-node"}, true},
		{Setup{InstallMethod: "docker"}, true},
		{Setup{InstallMethod: "linux-package", Topology: "multi-node"}, false},
		{Setup{InstallMethod: "linux-package", Topology: "geo"}, false},
		{Setup{InstallMethod: "linux-package", ExternalDB: true}, false},
		{Setup{InstallMethod: "helm"}, false},
	}
	for _, tt := range tests {
		if got := a[0].Applies(tt.s); got != tt.want {
			t.Errorf("18.11 auto upgrade Applies(%+v) = %v", tt.s, got)
		}
	}
	if o := b.PostgresOptOut(); o.File != "/etc/gitlab/disable-postgresql-upgrade" || !strings.Contains(o.DockerEnv, "GITLAB_SKIP_PG_UPGRADE") {
		t.Errorf("opt out = %+v", o)
	}
}

func TestParsePostgresRejects(t *testing.T) {
	for _, bad := range []string{
		"",
		"floors: []\n",
		"floors:\n  - gitlab: \"17.0.1\"\n    major: 14\n",
		"floors:\n  - gitlab: \"17.0\"\n    major: 140\n",
		"floors:\n  - gitlab: \"17.0\"\n    major: 14\n  - gitlab: \"18.0\"\n    major: 13\n",
		"floors:\n  - gitlab: \"17.0\"\n    major: 14\n    majr: 1\n",
		"floors:\n  - gitlab: \"17.0\"\n    major: 14\nrequirements:\n  - gitlab_major: 17\n    minimum: fourteen\n    maximum: \"16\"\n",
		"floors:\n  - gitlab: \"17.0\"\n    major: 14\nauto_upgrades:\n  - gitlab: \"18.11\"\n    to_major: \"17\"\n    topology: [cluster]\n    note: x\n",
	} {
		if _, err := parsePostgres([]byte(bad)); err == nil {
			t.Errorf("parsePostgres(%q) accepted", bad)
		}
	}
}
