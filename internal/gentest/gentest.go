// Package gentest checks the Go files that tests generate: lexicon and
// date-reader tables, the knowledge snapshot. A test renders the file from
// its source; Current compares it with the committed copy, or rewrites the
// copy when the test runs with -update. Only tests import it.
package gentest

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite generated files instead of checking them")

// Current checks that file holds want, and rewrites file with want when
// the test runs with -update; it reports whether it wrote. refresh tells
// the reader of a failure how to regenerate the file.
func Current(t testing.TB, file string, want []byte, refresh string) (wrote bool) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", file)
		return true
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v; refresh with: %s", err, refresh)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale; refresh with: %s", file, refresh)
	}
	return false
}
