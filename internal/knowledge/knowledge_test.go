package knowledge

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/planlint/planlint/internal/glversion"
)

func mustV(t *testing.T, s string) glversion.Version {
	t.Helper()
	v, err := glversion.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestEmbeddedData(t *testing.T) {
	b := Default()
	if got := b.DataDate().Format(time.DateOnly); got != "2026-08-21" {
		t.Errorf("data date = %s", got)
	}
	if got := b.Releases.Newest().Version.String(); got != "19.3.0" {
		t.Errorf("newest = %s", got)
	}
	for _, s := range b.Sources {
		if s.Origin == "" || s.Date == "" {
			t.Errorf("data file %s lacks a source or date header", s.File)
		}
	}
	// Every unconditional stop with a release resolves to a latest patch.
	want := map[string]string{"14.9": "14.9.5", "15.11": "15.11.13", "16.3": "16.3.9", "17.5": "17.5.5", "18.11": "18.11.11", "19.2": "19.2.4"}
	for stop, latest := range want {
		got, ok := b.Releases.Latest(mustV(t, stop))
		if !ok || got.String() != latest {
			t.Errorf("latest of %s = %v, want %s", stop, got, latest)
		}
	}
}

func TestPath(t *testing.T) {
	b := Default()
	type step struct{ V, Kind string }
	tests := []struct {
		from, to string
		zdt      bool
		want     []step
	}{
		{"15.4.2", "17.8.1", false, []step{
			{"15.4.6", "required"}, {"15.11.13", "required"}, {"16.0.10", "conditional"}, {"16.1.8", "conditional"},
			{"16.2.11", "conditional"}, {"16.3.9", "required"}, {"16.7.10", "required"}, {"16.11.10", "required"},
			{"17.1.8", "conditional"}, {"17.3.7", "required"}, {"17.5.5", "required"}, {"17.8.1", "target"}}},
		{"17.3.7", "17.8", false, []step{{"17.5.5", "required"}, {"17.8.7", "target"}}},
		{"16.3.9", "16.7.10", false, []step{{"16.7.10", "target"}}},
		{"18.8.11", "19.3.0", false, []step{{"18.11.11", "required"}, {"19.2.4", "required"}, {"19.3.0", "target"}}},
		{"16.3.9", "16.6.2", true, []step{{"16.4.7", "minor"}, {"16.5.10", "minor"}, {"16.6.2", "target"}}},
		{"18.10.3", "19.1.2", true, []step{{"18.10.8", "minor"}, {"18.11.11", "required"}, {"19.0.8", "minor"}, {"19.1.2", "target"}}},
	}
	for _, tt := range tests {
		steps, err := b.Path(mustV(t, tt.from), mustV(t, tt.to), tt.zdt)
		if err != nil {
			t.Errorf("Path(%s, %s): %v", tt.from, tt.to, err)
			continue
		}
		var got []step
		for _, s := range steps {
			got = append(got, step{s.Version.String(), string(s.Kind)})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Path(%s, %s) (-want +got):\n%s", tt.from, tt.to, diff)
		}
	}
	if _, err := b.Path(mustV(t, "17.8.1"), mustV(t, "16.11.10"), false); err == nil || !strings.Contains(err.Error(), "downgrade") {
		t.Errorf("downgrade: err = %v", err)
	}
}

func TestCheck(t *testing.T) {
	r := Default().Releases
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want Status
	}{
		{"16.11.10", Released}, {"16.11", Released}, {"16.11.x", Released}, {"6.9.2", Released},
		{"18.11.10", NeverReleased}, // a gap in the tags: the table lists every tag
		{"16.12", NeverReleased}, {"15.12.3", NeverReleased}, {"16.11.99", NeverReleased}, {"13.13.0", NeverReleased},
		{"19.3.5", NewerThanData}, {"18.11.12", NewerThanData}, {"19.6.0", NewerThanData},
		{"19.7.0", TooFarAhead}, {"20.0", TooFarAhead}, {"19.12", TooFarAhead},
	}
	for _, tt := range tests {
		if got := r.Check(mustV(t, tt.v), today); got.Status != tt.want {
			t.Errorf("Check(%s) = %d (%s), want %d", tt.v, got.Status, got.Reason, tt.want)
		}
	}
	if got := r.Check(mustV(t, "16.12"), today).Reason; got != "GitLab 16 ended with 16.11" {
		t.Errorf("reason = %q", got)
	}
}

func TestParseUpgradePath(t *testing.T) {
	stops, err := ParseUpgradePath([]byte("- major: 17\n  minor: 1\n  comments: \"[Conditional stop](x)\"\n- major: 16\n  minor: 11\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(stops) != 2 || stops[0].Minor != 11 || !stops[1].Conditional {
		t.Errorf("stops = %+v", stops)
	}
	for _, bad := range []string{"", "garbage: [", "- major: 17\n", "- major: 170\n  minor: 1\n", "just text"} {
		if _, err := ParseUpgradePath([]byte(bad)); err == nil {
			t.Errorf("ParseUpgradePath(%q) accepted", bad)
		}
	}
}

func TestCharts(t *testing.T) {
	c := Default().Charts
	tests := []struct {
		chart, gitlab string
		exact         bool
	}{
		{"8.7.3", "17.7.1", true}, {"6.5.4", "15.5.3", true}, {"9.9.1", "18.9.1", true},
		{"10.1.2", "19.1", false}, {"9.11.0", "18.11", false},
	}
	for _, tt := range tests {
		v, exact, ok := c.GitLab(mustV(t, tt.chart))
		if !ok || v.String() != tt.gitlab || exact != tt.exact {
			t.Errorf("chart %s -> %v exact=%v ok=%v, want %s exact=%v", tt.chart, v, exact, ok, tt.gitlab, tt.exact)
		}
	}
}

// TestCheckFor: a conditional stop's check names the command of the
// install method, and the Linux package form is the plain Check.
func TestCheckFor(t *testing.T) {
	b := Default()
	prefixes := map[string]string{
		"linux-package": "run `sudo gitlab-",
		"get":           "run `sudo gitlab-",
		"docker":        "run `docker exec -t <container> gitlab-",
		"helm":          "run `kubectl exec -it <toolbox pod> -- gitlab-rails ",
		"operator":      "run `kubectl exec -it <toolbox pod> -- gitlab-rails ",
		"source":        "run `sudo -u git -H bundle exec rails ",
	}
	commands := 0
	for minor, c := range b.Conditional {
		if c.runner == "" && c.sql == "" {
			if c.CheckFor("helm") != c.Check || c.Check == "" {
				t.Errorf("%s: a check in words must read the same for every method, got %q", minor, c.CheckFor("helm"))
			}
			continue
		}
		commands++
		if got := c.CheckFor("linux-package"); got != c.Check {
			t.Errorf("%s: CheckFor(linux-package) = %q, want the plain Check %q", minor, got, c.Check)
		}
		for method, want := range prefixes {
			got := c.CheckFor(method)
			if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "; "+c.decide) {
				t.Errorf("%s, %s: CheckFor = %q, want it to start with %q and end with the decision", minor, method, got, want)
			}
			if (method == "helm" || method == "docker") && strings.Contains(got, "sudo") {
				t.Errorf("%s, %s: CheckFor = %q runs sudo", minor, method, got)
			}
		}
	}
	if commands == 0 {
		t.Fatal("no conditional stop has a command")
	}
}

func TestConditionalNeedsOneCheck(t *testing.T) {
	for _, raw := range []rawConditional{
		{Stop: "16.0", Decide: "stop"},
		{Stop: "16.0", Check: "count them", Runner: "puts 1", Decide: "stop"},
		{Stop: "16.0", Runner: "puts 1"},
	} {
		if _, err := buildConditional([]rawConditional{raw}); err == nil {
			t.Errorf("buildConditional(%+v) = nil error, want one", raw)
		}
	}
}
