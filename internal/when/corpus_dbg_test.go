package when

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCorpusTiming(t *testing.T) {
	dir := os.Getenv("CORPUS")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		lines := strings.Split(string(b), "\n")
		if len(lines) < 2 {
			continue
		}
		v := strings.TrimSpace(lines[1])
		v = strings.TrimPrefix(v, "string(")
		v = strings.TrimSuffix(v, ")")
		s, err := strconv.Unquote(v)
		if err != nil {
			t.Logf("skip %s: %v", f, err)
			continue
		}
		start := time.Now()
		Scan(s, today)
		ParseDuration(s)
		if el := time.Since(start); el > time.Millisecond {
			t.Logf("%s took %v: %q", filepath.Base(f), el, s)
		}
	}
}
