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
