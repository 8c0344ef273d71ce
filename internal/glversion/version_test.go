package glversion

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ed   string
	}{
		{"16.11.10", "16.11.10", ""},
		{"v16.11.10", "16.11.10", ""},
		{"16.11.10-ee", "16.11.10", "ee"},
		{"16.11.10-ee.0", "16.11.10", "ee"},
		{"16.11.10+ee.0", "16.11.10", "ee"},
		{"16.11.10-ce.0", "16.11.10", "ce"},
		{"gitlab-ee=16.11.10-ee.0", "16.11.10", "ee"},
		{"gitlab-ee-16.11.10-ee.0.el8.x86_64.rpm", "16.11.10", "ee"},
		{"gitlab-ce_16.11.10-ce.0_amd64.deb", "16.11.10", "ce"},
		{"gitlab/gitlab-ee:16.11.10-ee.0", "16.11.10", "ee"},
		{"16.11", "16.11", ""},
		{"16.11.x", "16.11.x", ""},
		{"17.10", "17.10", ""},
		{" 18.2.8 ", "18.2.8", ""},
	}
	for _, tt := range tests {
		v, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := v.String(); got != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
		}
		ms := Scan(tt.in, nil)
		if len(ms) != 1 || ms[0].Edition != tt.ed {
			t.Errorf("Scan(%q) edition = %+v, want %q", tt.in, ms, tt.ed)
		}
	}
	for _, bad := range []string{"", "latest", "16", "10.0.0.5", "16.11.10.1", "x86_64", "16.x", "17.8.1 and 17.9.0", "12.12.2026", "22.00"} {
		if v, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %v, want error", bad, v)
		}
	}
}

func TestEditionIsNotPrerelease(t *testing.T) {
	a, _ := Parse("16.11.10-ee.0")
	b, _ := Parse("16.11.10")
	if a.Compare(b) != 0 || a.Semver().Compare(b.Semver()) != 0 {
		t.Fatalf("16.11.10-ee.0 and 16.11.10 must be equal")
	}
}

func TestCompareAndMatch(t *testing.T) {
	v := func(s string) Version {
		x, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	if v("16.11").Compare(v("16.11.1")) >= 0 {
		t.Error("16.11 must sort before 16.11.1")
	}
	if v("17.10.0").Compare(v("17.9.8")) <= 0 {
		t.Error("17.10.0 must sort after 17.9.8")
	}
	if !v("17.8").Matches(v("17.8.7")) || v("17.8.6").Matches(v("17.8.7")) || !v("17.8.x").Matches(v("17.8.1")) {
		t.Error("Matches wrong")
	}
}

func TestScan(t *testing.T) {
	type hit struct {
		V    string
		Text string
		Ed   string
		Form Form
	}
	tests := []struct {
		in   string
		want []hit
	}{
		{"upgrade from 15.4.2 to 17.8.1", []hit{{"15.4.2", "15.4.2", "", FormPlain}, {"17.8.1", "17.8.1", "", FormPlain}}},
		{"sudo apt-get install gitlab-ee=16.3.9-ee.0", []hit{{"16.3.9", "16.3.9-ee.0", "ee", FormPackage}}},
		{"yum install gitlab-ee-16.11.10-ee.0.el8.x86_64.rpm -y", []hit{{"16.11.10", "16.11.10-ee.0.el8.x86_64.rpm", "ee", FormPackage}}},
		{"image: 'gitlab/gitlab-ce:17.3.7-ce.0'", []hit{{"17.3.7", "17.3.7-ce.0", "ce", FormImage}}},
		{"registry.gitlab.com/gitlab-org/build/cng/gitlab-webservice-ee:v17.3.7", []hit{{"17.3.7", "v17.3.7", "ee", FormImage}}},
		{"GitLab v18.2.8 (latest patch of 18.2.x).", []hit{{"18.2.8", "v18.2.8", "", FormPrefixed}, {"18.2.x", "18.2.x", "", FormPlain}}},
		{"host 10.0.0.5 port 8080, disk 2.5GB, arch x86_64, el8, 30,000.5 users", nil},
		{"Saturday 12.12.2026 at 22.00, PostgreSQL 14.9", []hit{{"14.9", "14.9", "", FormPlain}}},
		{"OS-Upgrade am 20.11. und 21.11.2026, dann 18.11.", []hit{{"18.11", "18.11", "", FormPlain}}},
		{"Probelauf 20.11. bis 22.11. auf Staging", nil},
		{"wir gehen auf 18.11. Danach 19.2.4", []hit{{"18.11", "18.11", "", FormPlain}, {"19.2.4", "19.2.4", "", FormPlain}}},
		{"16.11.0-rc42 is a release candidate", []hit{{"16.11.0", "16.11.0-rc42", "", FormPlain}}},
		{"Upgrade to 16.11.", []hit{{"16.11", "16.11", "", FormPlain}}},
		{"16.3.9→16.7.10→16.11.10", []hit{{"16.3.9", "16.3.9", "", FormPlain}, {"16.7.10", "16.7.10", "", FormPlain}, {"16.11.10", "16.11.10", "", FormPlain}}},
	}
	for _, tt := range tests {
		var got []hit
		for _, m := range Scan(tt.in, nil) {
			got = append(got, hit{m.Version.String(), tt.in[m.Start:m.End], m.Edition, m.Form})
			if tt.in[m.NumStart:m.NumEnd] != trimSuffix(m.Version.String()) {
				t.Errorf("%q: number span %q", tt.in, tt.in[m.NumStart:m.NumEnd])
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func trimSuffix(s string) string { return s }

func FuzzScan(f *testing.F) {
	for _, s := range []string{"gitlab-ee=16.3.9-ee.0", "v1.2.3", "1.2.3.4", "9.9.x", "a-ee.0", "16.11.10-ce.0_amd64.deb", "99.99.999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range Scan(s, nil) {
			if m.Start < 0 || m.End > len(s) || m.Start > m.NumStart || m.NumEnd > m.End || m.NumStart >= m.NumEnd {
				t.Fatalf("bad spans %+v in %q", m, s)
			}
			if _, err := Parse(m.Version.String()); err != nil {
				t.Fatalf("scanned %q does not parse back: %v", m.Version, err)
			}
		}
	})
}
