package knowledge

import (
	"bytes"
	"fmt"

	"github.com/planlint/planlint/internal/glversion"
)

// Charts maps GitLab Helm chart versions to the GitLab version they deploy.
type Charts struct {
	byChart map[glversion.Version]glversion.Version // keys are exact versions made by glversion.New
	Date    string
}

// ParseCharts reads the chart table: "chart<TAB>gitlab" rows.
func ParseCharts(data []byte) (*Charts, error) {
	c := &Charts{byChart: make(map[glversion.Version]glversion.Version, bytes.Count(data, []byte{'\n'}))}
	lines := lineReader{data: data}
	n := 0
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
		c.byChart[cv] = gv
	}
	if len(c.byChart) == 0 {
		return nil, fmt.Errorf("no chart versions")
	}
	return c, lines.err
}

// GitLab returns the GitLab version chart deploys. exact is false when
// the chart is not in the table and only the minor line is known (chart
// major + 9, same minor, for charts 4.x and later); ok is false when
// nothing can be said.
func (c *Charts) GitLab(chart glversion.Version) (v glversion.Version, exact, ok bool) {
	if chart.HasPatch {
		if v, ok := c.byChart[glversion.New(chart.Major, chart.Minor, chart.Patch)]; ok {
			return v, true, true
		}
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
	for cv, gl := range c.byChart {
		if gl.Matches(v) && (v.HasPatch || gl.CompareMinor(v) == 0) {
			out = append(out, cv)
		}
	}
	sortVersions(out)
	return out
}

// Known reports whether the chart version is in the table.
func (c *Charts) Known(chart glversion.Version) bool {
	if !chart.HasPatch {
		return false
	}
	_, ok := c.byChart[glversion.New(chart.Major, chart.Minor, chart.Patch)]
	return ok
}

func sortVersions(vs []glversion.Version) {
	for i := 1; i < len(vs); i++ {
		for j := i; j > 0 && vs[j].Compare(vs[j-1]) < 0; j-- {
			vs[j], vs[j-1] = vs[j-1], vs[j]
		}
	}
}
