package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestContainsAgreesWithSearch checks that the byte-pair and token-hash
// filters never hide a phrase or word that is on the line: every
// substring and every token of the fixture plans' lines is found, and
// phrases from other lines give the same answer as a plain search.
func TestContainsAgreesWithSearch(t *testing.T) {
	files, _ := filepath.Glob("../testdata/plans1*/*.md")
	if len(files) > 40 {
		files = files[:40]
	}
	if len(files) == 0 {
		t.Skip("no fixtures")
	}
	var phrases []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(f, src, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
		if err != nil {
			continue
		}
		for _, l := range doc.Lines {
			low := l.Lower
			for i := 0; i+2 <= len(low); i += 7 {
				for _, n := range []int{2, 3, 5, 8, 13} {
					if i+n > len(low) {
						break
					}
					sub := low[i : i+n]
					if !l.Contains(sub) || l.IndexOf(sub) != strings.Index(low, sub) {
						t.Fatalf("%s:%d: Contains(%q) misses a substring of %q", f, l.Num, sub, low)
					}
					if n == 8 && len(phrases) < 5000 {
						phrases = append(phrases, sub)
					}
				}
			}
			for _, tk := range l.Tokens {
				if !l.HasWord(tk.Word) {
					t.Fatalf("%s:%d: HasWord(%q) misses a token", f, l.Num, tk.Word)
				}
			}
			for k := 0; k < len(phrases); k += 97 {
				if l.Contains(phrases[k]) != strings.Contains(low, phrases[k]) {
					t.Fatalf("%s:%d: Contains(%q) disagrees with strings.Contains", f, l.Num, phrases[k])
				}
			}
		}
	}
}
