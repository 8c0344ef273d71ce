package rules

import (
	"testing"

	"github.com/planlint/planlint/lint"
)

// TestSettingInUse checks which configuration lines set a setting that a
// version on the path no longer accepts.
func TestSettingInUse(t *testing.T) {
	keys := []string{"grafana[", "git_data_dirs", "mattermost_external_url"}
	for _, tc := range []struct {
		src  string
		want string // the key reported, or "" for none
	}{
		{"```ruby\ngrafana['enable'] = false\n```\n", "grafana[...]"},
		{"```ruby\ngit_data_dirs({ 'default' => { 'path' => '/srv/git' } })\n```\n", "git_data_dirs"},
		{"The server runs Mattermost (`mattermost_external_url 'https://chat.example'`).\n", "mattermost_external_url"},
		{"```ruby\n# git_data_dirs({ 'default' => { 'path' => '/srv/git' } })\n```\n", ""},
		{"```ruby\nexternal_url 'https://x' # was git_data_dirs({...})\n```\n", ""},
		{"Check: `grep -c mattermost_external_url /etc/gitlab/gitlab.rb` returns 0.\n", ""},
		{"Before 18.0 we remove `git_data_dirs(...)` and use gitaly['configuration'].\n", ""},
		{"We no longer use git_data_dirs (converted in 2025).\n", ""},
		{"```ruby\nif grafana['enable'] == true\n```\n", ""},
		{"```ruby\nmy_git_data_dirs = 1\n```\n", ""},
	} {
		doc, err := lint.Parse("t.md", []byte(tc.src), fixtureToday)
		if err != nil {
			t.Fatal(err)
		}
		_, _, got := settingInUse(doc, keys)
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
		}
	}
}

// TestComponentBelow checks which lines state a component version below a
// release's minimum.
func TestComponentBelow(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string // the version as written, or "" for none
	}{
		{"## Environment\n\n- **Redis:** external, Redis 6.2.14 on redis01\n", "Redis 6.2.14"},
		{"- `redis01` stays on Redis 6.2.14; no change planned.\n", "Redis 6.2.14"},
		{"- 19.0 drops Redis 6: our bundled Redis is 7.\n", ""},
		{"- **Redis:** bundled Redis 7, kein externes Redis 6.\n", ""},
		{"- **Redis:** external Redis 6.2 today.\n- Before the window we upgrade Redis 6.2 → 7.2.\n", ""},
		{"## Environment\n\n- **Redis:** external, Redis 7.10\n", ""},
		{"## Environment\n\n- **Redis:** external, Redis 6.2.14\n\nRedis 6.2.14 is fine for the upgrade to 19.2.4.\n", "Redis 6.2.14"},
	} {
		doc, err := lint.Parse("t.md", []byte(tc.src), fixtureToday)
		if err != nil {
			t.Fatal(err)
		}
		_, _, got := componentBelow(doc, "redis 7.0")
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
		}
	}
}
