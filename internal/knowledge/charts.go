package knowledge

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/planlint/planlint/internal/glversion"
)

// Charts maps GitLab Helm chart versions to the GitLab version they deploy.
type Charts struct {
	rows []chartRow // in chart version order, one per chart version
	Date string
}

// chartRow is one line of the chart table, packed small: glversion.Parse
// gives at most three digits per part.
type chartRow struct {
	chart, gitlab packedVersion
}

type packedVersion [3]uint16

// pack returns v in packed form; ok is false when it does not fit.
func pack(v glversion.Version) (p packedVersion, ok bool) {
	for i, n := range [3]int{v.Major, v.Minor, v.Patch} {
		if n < 0 || n > 0xffff {
			return p, false
		}
		p[i] = uint16(n)
	}
	return p, true
}

func (p packedVersion) version() glversion.Version {
	return glversion.New(int(p[0]), int(p[1]), int(p[2]))
}

func comparePacked(a, b packedVersion) int {
	for i := range a {
		if a[i] != b[i] {
			return int(a[i]) - int(b[i])
		}
	}
	return 0
}

// ParseCharts reads the chart table: "chart<TAB>gitlab" rows. A chart
// version listed twice maps to the GitLab version of its last row.
func ParseCharts(data []byte) (*Charts, error) {
	c := &Charts{rows: make([]chartRow, 0, bytes.Count(data, []byte{'\n'})+1)}
	lines := lineReader{data: data}
	n := 0
	ordered := true
	for {
		raw, ok := lines.next()
		if !ok {
			break
		}
		n++
		line := bytes.TrimSpace(raw)
		if len(line) == 0 || line[0] == '#' {
			if d, ok := bytes.CutPrefix(bytes.TrimSpace(bytes.TrimPrefix(line, []byte("#"))), []byte("date:")); ok {
				c.Date = string(bytes.TrimSpace(d))
			}
			continue
		}
		chart, gl, ok := bytes.Cut(line, []byte{'\t'})
		if !ok {
			return nil, fmt.Errorf("line %d: want chart<TAB>gitlab, got %q", n, line)
		}
		cv, err1 := parseVersion(chart)
		gv, err2 := parseVersion(gl)
		if err1 != nil || err2 != nil || !cv.HasPatch || !gv.HasPatch {
			return nil, fmt.Errorf("line %d: bad versions %q", n, line)
		}
		// Parsed versions always fit.
		row := chartRow{}
		row.chart, _ = pack(cv)
		row.gitlab, _ = pack(gv)
		if k := len(c.rows); k > 0 && comparePacked(row.chart, c.rows[k-1].chart) <= 0 {
			ordered = false
		}
		c.rows = append(c.rows, row)
	}
	if !ordered {
		// Sort by chart, keeping rows of one chart in file order, then
		// keep the last of each.
		slices.SortStableFunc(c.rows, func(a, b chartRow) int { return comparePacked(a.chart, b.chart) })
		out := c.rows[:0]
		for i, r := range c.rows {
			if i+1 < len(c.rows) && c.rows[i+1].chart == r.chart {
				continue
			}
			out = append(out, r)
		}
		c.rows = out
	}
	if len(c.rows) == 0 {
		return nil, fmt.Errorf("no chart versions")
	}
	return c, lines.err
}

// find returns the row of an exact chart version.
func (c *Charts) find(chart glversion.Version) (chartRow, bool) {
	p, ok := pack(chart)
	if !ok || !chart.HasPatch {
		return chartRow{}, false
	}
	i, found := slices.BinarySearchFunc(c.rows, p, func(r chartRow, p packedVersion) int { return comparePacked(r.chart, p) })
	if !found {
		return chartRow{}, false
	}
	return c.rows[i], true
}

// GitLab returns the GitLab version chart deploys. exact is false when
// the chart is not in the table and only the minor line is known (chart
// major + 9, same minor, for charts 4.x and later); ok is false when
// nothing can be said.
func (c *Charts) GitLab(chart glversion.Version) (v glversion.Version, exact, ok bool) {
	if r, ok := c.find(chart); ok {
		return r.gitlab.version(), true, true
	}
	if chart.Major >= 4 {
		return glversion.NewMinor(chart.Major+9, chart.Minor), false, true
	}
	return glversion.Version{}, false, false
}

// Chart returns the chart versions that deploy the GitLab version v, in
// version order.
func (c *Charts) Chart(v glversion.Version) []glversion.Version {
	var out []glversion.Version
	for _, r := range c.rows {
		gl := r.gitlab.version()
		if gl.Matches(v) && (v.HasPatch || gl.CompareMinor(v) == 0) {
			out = append(out, r.chart.version())
		}
	}
	return out
}

// Known reports whether the chart version is in the table.
func (c *Charts) Known(chart glversion.Version) bool {
	_, ok := c.find(chart)
	return ok
}
