package lint

import (
	"strings"
	"testing"
	"time"
)

// TestHTMLLineText: formatting tags vanish inside words, element tags
// become spaces, and every text byte maps back to its source byte.
func TestHTMLLineText(t *testing.T) {
	raw := []byte("<tr><td>Fenêtre</td><td>mardi 1<sup>er</sup> décembre 2026<br>19:00</td></tr>")
	got, segs := htmlLineText(raw, 100)
	if want := "  Fenêtre  mardi 1er décembre 2026 19:00  "; got != want {
		t.Fatalf("text = %q, want %q", got, want)
	}
	for _, sg := range segs {
		for k := 0; k < sg.n; k++ {
			if c := got[sg.text+k]; c != ' ' && raw[sg.src-100+k] != c {
				t.Errorf("text byte %d %q maps to source byte %q", sg.text+k, c, raw[sg.src-100+k])
			}
		}
	}
}

// TestHTMLTableRowsAndEntities: a raw HTML table row over several source
// lines reads as one table row with a cell per <td>, and entities read as
// their characters, in HTML blocks and in markdown text alike; positions
// stay on the source bytes.
func TestHTMLTableRowsAndEntities(t *testing.T) {
	src := "# Plan\n\n<table>\n  <tr>\n    <td><strong>Current version</strong></td>\n    <td>18.5.7-ee</td>\n  </tr>\n  <tr>\n    <td>Window</td>\n    <td>Sunday 13 December 2026<br>09:00&nbsp;&ndash;&nbsp;11:30 UTC</td>\n  </tr>\n</table>\n\nPath: 18.5.7 &rarr; 18.8.11\n"
	d, err := Parse("plan.md", []byte(src), time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var rows []*Line
	var path *Line
	for _, l := range d.Lines {
		if l.Kind == KindTableRow {
			rows = append(rows, l)
		}
		if strings.HasPrefix(l.Text, "Path:") {
			path = l
		}
	}
	if len(rows) != 2 || len(rows[0].Cells) != 2 {
		t.Fatalf("rows = %d, want 2 rows of 2 cells", len(rows))
	}
	if rows[0].Text != "Current version | 18.5.7-ee" || rows[0].Num != 4 {
		t.Errorf("row 1 = %q on line %d, want %q on line 4", rows[0].Text, rows[0].Num, "Current version | 18.5.7-ee")
	}
	if want := "Window | Sunday 13 December 2026 09:00 – 11:30 UTC"; rows[1].Text != want {
		t.Errorf("row 2 = %q, want %q", rows[1].Text, want)
	}
	if i := strings.Index(rows[1].Text, "11:30"); i < 0 || !strings.HasPrefix(src[rows[1].Offset(i):], "11:30") {
		t.Errorf("\"11:30\" does not map back to its source bytes")
	}
	if path == nil || path.Text != "Path: 18.5.7 → 18.8.11" {
		t.Errorf("path line = %v, want %q", path, "Path: 18.5.7 → 18.8.11")
	}
	if d.Plan.Current == nil || d.Plan.Current.Version.String() != "18.5.7" {
		t.Errorf("current = %v, want 18.5.7", d.Plan.Current)
	}
}

// TestRejectedOptions: the lines of an alternative the plan turns down
// are not the plan's; the chosen one's are.
func TestRejectedOptions(t *testing.T) {
	src := "# Plan\n\n## Path\n\n- **Path A** (row returned): 17.1.8 → 17.3.7\n- **Path B** (no row): 17.3.7\n\nThe query returned nothing, so we go with **Path B**. Path A is not executed.\n"
	d, err := Parse("plan.md", []byte(src), time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, l := range d.Lines {
		if o := optionAt(l); o != "" {
			got[o] = l.Cited
		}
	}
	if want := map[string]bool{"path a": true, "path b": false}; len(got) != 2 || got["path a"] != want["path a"] || got["path b"] != want["path b"] {
		t.Errorf("rejected options = %v, want %v", got, want)
	}
}
