package rules

import (
	"testing"

	"github.com/planlint/planlint/lint"
)

// TestRestoreOnlyIf checks that a prose restore made conditional around
// its own word is read as held back, in several languages, while a plain
// restore and a restore that is the condition of something else are not.
func TestRestoreOnlyIf(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"La copia de seguridad solo se restaura si la base de datos estuviera dañada.\n", true},
		{"The backup is only restored if the database is damaged.\n", true},
		{"Die Wiederherstellung des Backups erfolgt nur, wenn die Datenbank beschädigt ist.\n", true},
		{"Se restaura la copia únicamente si falla la base de datos.\n", true},
		{"Then the backup is restored and GitLab is reconfigured.\n", false},
		{"If the restore fails, we revert the snapshot.\n", false},
	} {
		doc, err := lint.Parse("t.md", []byte(tc.src), fixtureToday)
		if err != nil {
			t.Fatal(err)
		}
		if got := restoreOnlyIf(doc.Lines[0]); got != tc.want {
			t.Errorf("%q: restoreOnlyIf = %v, want %v", tc.src, got, tc.want)
		}
	}
}
