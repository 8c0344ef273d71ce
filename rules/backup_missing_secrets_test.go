package rules

import "testing"

// TestEtcCopyNamesItsFiles checks that a copy of /etc/gitlab keeps both
// files, also when the line names one of them as included, while a copy
// of one file from it keeps only that one.
func TestEtcCopyNamesItsFiles(t *testing.T) {
	const head = "# GitLab upgrade 18.5.7 to 18.8.11\n\n## Summary\n\nLinux package on one server, 18.5.7 to 18.8.11.\n\n## Backup\n\n"
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"`sudo gitlab-backup create` and copy `/etc/gitlab` to the NAS.\n", false},
		{"`sudo gitlab-backup create` and copy `/etc/gitlab` (incl. gitlab-secrets.json) to the NAS.\n", false},
		{"`sudo gitlab-backup create` und `/etc/gitlab` (mit gitlab-secrets.json) auf das NAS kopieren.\n", false},
		{"`sudo gitlab-backup create` and copy gitlab-secrets.json from `/etc/gitlab` to the NAS.\n", true},
		{"`sudo gitlab-backup create` only.\n", true},
	} {
		got := reports(BackupMissingSecrets, head+tc.src)
		if got != tc.want {
			t.Errorf("%q: backup-missing-secrets reported = %v, want %v", tc.src, got, tc.want)
		}
	}
}
