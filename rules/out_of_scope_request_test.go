package rules

import "testing"

// TestBundledChanges checks that adding a Geo site or moving to another
// platform is out of scope, and that a Geo deployment set up earlier, or
// images pulled ahead, are not.
func TestBundledChanges(t *testing.T) {
	const head = "# GitLab upgrade 18.8.11 to 18.11.11\n\n## Summary\n\nWe upgrade GitLab EE from 18.8.11 to 18.11.11.\n\n"
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"We will also add a Geo secondary site in the same window.\n", true},
		{"Nella stessa finestra configuriamo anche il nuovo sito secondario Geo a Verona.\n", true},
		{"## Environment\n\n- We set up Geo in 2023: primary in Berlin, secondary in Frankfurt.\n", false},
		{"## Environment\n\n- Geo since 2024, primary and one secondary site.\n", false},
		{"In the same window we migrate from Omnibus to Kubernetes (Helm chart).\n", true},
		{"Im selben Fenster ziehen wir auf den neuen Server gl-02 um.\n", true},
		{"Vorab ziehen wir die Images auf den neuen Server gl-02.\n", false},
	} {
		got := reports(OutOfScopeRequest, head+tc.src)
		if got != tc.want {
			t.Errorf("%q: out-of-scope-request reported = %v, want %v", tc.src, got, tc.want)
		}
	}
}
