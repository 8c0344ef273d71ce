package knowledge

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/planlint/planlint/internal/glversion"
	"gopkg.in/yaml.v3"
)

// PostgresFloor is a hard PostgreSQL requirement: from the GitLab minor
// line GitLab on, the Linux package refuses to install while the running
// PostgreSQL major is below Major.
type PostgresFloor struct {
	GitLab glversion.Version // minor line
	Major  int
}

// PostgresRequirement is the PostgreSQL range documented for one GitLab
// major.
type PostgresRequirement struct {
	GitLabMajor int
	Minimum     string // "16.5", "17"
	Maximum     string // highest supported major, "17"
	Note        string
}

// AutoUpgrade is a GitLab release whose package upgrade moves the bundled
// PostgreSQL to a new major on its own, for the setups its filters allow.
type AutoUpgrade struct {
	GitLab  glversion.Version // minor line
	ToMajor string            // "17"
	To      string            // exact PostgreSQL version when known ("17.7"), else ""
	Note    string

	InstallMethods []string
	Topologies     []string
	Database       string
}

// Applies reports whether the automatic upgrade happens for the setup,
// with the rules of Note.Applies: an unknown install method does not
// exclude it, and an unknown topology counts as single-node.
func (a AutoUpgrade) Applies(s Setup) bool {
	return filter{InstallMethods: a.InstallMethods, Topologies: a.Topologies, Database: a.Database}.match(s)
}

// PostgresOptOut names how an instance keeps the Linux package from
// upgrading its bundled PostgreSQL: a file to create, and the environment
// setting for the Docker image.
type PostgresOptOut struct {
	File      string
	DockerEnv string
}

// pg returns the PostgreSQL knowledge, empty for a Base built by hand.
func (b *Base) pg() *postgresData {
	if b.postgres == nil {
		return &postgresData{}
	}
	return b.postgres
}

type postgresData struct {
	floors       []PostgresFloor
	requirements map[int]PostgresRequirement
	auto         []AutoUpgrade
	optOut       PostgresOptOut
}

// rawPostgres is postgres.yaml as written.
type rawPostgres struct {
	Floors       []rawPGFloor       `yaml:"floors"`
	Requirements []rawPGRequirement `yaml:"requirements"`
	OptOut       rawPGOptOut        `yaml:"opt_out"`
	AutoUpgrades []rawPGAutoUpgrade `yaml:"auto_upgrades"`
}

type rawPGFloor struct {
	GitLab string `yaml:"gitlab"`
	Major  int    `yaml:"major"`
}

type rawPGRequirement struct {
	GitLabMajor int    `yaml:"gitlab_major"`
	Minimum     string `yaml:"minimum"`
	Maximum     string `yaml:"maximum"`
	Note        string `yaml:"note"`
}

type rawPGOptOut struct {
	File      string `yaml:"file"`
	DockerEnv string `yaml:"docker_env"`
}

type rawPGAutoUpgrade struct {
	GitLab        string     `yaml:"gitlab"`
	ToMajor       string     `yaml:"to_major"`
	To            string     `yaml:"to"`
	InstallMethod stringList `yaml:"install_method"`
	Topology      stringList `yaml:"topology"`
	Database      string     `yaml:"database"`
	Note          string     `yaml:"note"`
}

func parsePostgres(data []byte) (*postgresData, error) {
	raw, err := decodeStrict[rawPostgres](data)
	if err != nil {
		return nil, err
	}
	return buildPostgres(raw)
}

// buildPostgres checks the decoded PostgreSQL facts and orders them.
func buildPostgres(raw rawPostgres) (*postgresData, error) {
	p := &postgresData{
		floors:       make([]PostgresFloor, 0, len(raw.Floors)),
		requirements: make(map[int]PostgresRequirement, len(raw.Requirements)),
		auto:         make([]AutoUpgrade, 0, len(raw.AutoUpgrades)),
	}
	for i, f := range raw.Floors {
		v, err := minorLine(f.GitLab)
		if err != nil {
			return nil, fmt.Errorf("floor %d: %v", i+1, err)
		}
		if f.Major < 9 || f.Major > 99 {
			return nil, fmt.Errorf("floor %s: %d is not a PostgreSQL major", v, f.Major)
		}
		p.floors = append(p.floors, PostgresFloor{GitLab: v, Major: f.Major})
	}
	if len(p.floors) == 0 {
		return nil, fmt.Errorf("no floors")
	}
	slices.SortStableFunc(p.floors, func(a, b PostgresFloor) int { return a.GitLab.CompareMinor(b.GitLab) })
	for i := 1; i < len(p.floors); i++ {
		if p.floors[i].GitLab.CompareMinor(p.floors[i-1].GitLab) == 0 {
			return nil, fmt.Errorf("floor %s listed twice", p.floors[i].GitLab)
		}
		if p.floors[i].Major < p.floors[i-1].Major {
			return nil, fmt.Errorf("floor %s goes down to PostgreSQL %d", p.floors[i].GitLab, p.floors[i].Major)
		}
	}
	for _, r := range raw.Requirements {
		if _, ok := parsePGVersion(r.Minimum); !ok {
			return nil, fmt.Errorf("GitLab %d: bad minimum %q", r.GitLabMajor, r.Minimum)
		}
		if _, ok := parsePGVersion(r.Maximum); !ok {
			return nil, fmt.Errorf("GitLab %d: bad maximum %q", r.GitLabMajor, r.Maximum)
		}
		if _, dup := p.requirements[r.GitLabMajor]; dup || r.GitLabMajor < 1 {
			return nil, fmt.Errorf("GitLab major %d listed twice or invalid", r.GitLabMajor)
		}
		p.requirements[r.GitLabMajor] = PostgresRequirement(r)
	}
	p.optOut = PostgresOptOut(raw.OptOut)
	for i, a := range raw.AutoUpgrades {
		v, err := minorLine(a.GitLab)
		if err != nil {
			return nil, fmt.Errorf("auto upgrade %d: %v", i+1, err)
		}
		if _, ok := parsePGVersion(a.ToMajor); !ok || strings.Contains(a.ToMajor, ".") {
			return nil, fmt.Errorf("auto upgrade %s: bad to_major %q", v, a.ToMajor)
		}
		if a.To != "" {
			if _, ok := parsePGVersion(a.To); !ok || !strings.HasPrefix(a.To, a.ToMajor+".") {
				return nil, fmt.Errorf("auto upgrade %s: to %q is not a %s version", v, a.To, a.ToMajor)
			}
		}
		f := filter{InstallMethods: a.InstallMethod, Topologies: a.Topology, Database: a.Database}
		if err := f.validate(); err != nil {
			return nil, fmt.Errorf("auto upgrade %s: %v", v, err)
		}
		if a.Note == "" {
			return nil, fmt.Errorf("auto upgrade %s: no note", v)
		}
		p.auto = append(p.auto, AutoUpgrade{
			GitLab: v, ToMajor: a.ToMajor, To: a.To, Note: strings.TrimSpace(a.Note),
			InstallMethods: a.InstallMethod, Topologies: a.Topology, Database: a.Database,
		})
	}
	slices.SortStableFunc(p.auto, func(a, b AutoUpgrade) int { return a.GitLab.CompareMinor(b.GitLab) })
	return p, nil
}

// PostgresFloors returns the hard PostgreSQL floors in GitLab version order.
func (b *Base) PostgresFloors() []PostgresFloor {
	return append([]PostgresFloor(nil), b.pg().floors...)
}

// FloorsCrossed returns the floors whose GitLab version v satisfies
// from < v <= to, compared by minor line: a floor at 17.0 is crossed by
// 16.11.10 -> 17.3.7 but not by 17.0.1 -> 17.3.7.
func (b *Base) FloorsCrossed(from, to glversion.Version) []PostgresFloor {
	var out []PostgresFloor
	for _, f := range b.pg().floors {
		if from.CompareMinor(f.GitLab) < 0 && f.GitLab.CompareMinor(to) <= 0 {
			out = append(out, f)
		}
	}
	return out
}

// PostgresFloorFor returns the highest floor that applies to GitLab
// version v (17.5.5 -> 14). ok is false for versions older than every
// floor.
func (b *Base) PostgresFloorFor(v glversion.Version) (PostgresFloor, bool) {
	var out PostgresFloor
	ok := false
	for _, f := range b.pg().floors {
		if f.GitLab.CompareMinor(v) <= 0 {
			out, ok = f, true
		}
	}
	return out, ok
}

// PostgresAutoUpgrades returns the releases that move the bundled
// PostgreSQL to a new major on their own, in GitLab version order.
func (b *Base) PostgresAutoUpgrades() []AutoUpgrade {
	return append([]AutoUpgrade(nil), b.pg().auto...)
}

// AutoUpgradesCrossed returns the automatic PostgreSQL upgrades whose
// GitLab minor line a path from -> to reaches: from < line <= to.
func (b *Base) AutoUpgradesCrossed(from, to glversion.Version) []AutoUpgrade {
	var out []AutoUpgrade
	for _, a := range b.pg().auto {
		if from.CompareMinor(a.GitLab) < 0 && a.GitLab.CompareMinor(to) <= 0 {
			out = append(out, a)
		}
	}
	return out
}

// PostgresOptOut returns how to keep the bundled PostgreSQL from being
// upgraded automatically.
func (b *Base) PostgresOptOut() PostgresOptOut { return b.pg().optOut }

// PostgresMinimum returns the documented minimum PostgreSQL version for a
// GitLab major ("16.5" for 18), the warning level above the hard floor.
func (b *Base) PostgresMinimum(gitlabMajor int) (string, bool) {
	r, ok := b.pg().requirements[gitlabMajor]
	return r.Minimum, ok
}

// PostgresRequirement returns the documented PostgreSQL range for a
// GitLab major.
func (b *Base) PostgresRequirement(gitlabMajor int) (PostgresRequirement, bool) {
	r, ok := b.pg().requirements[gitlabMajor]
	return r, ok
}

// ComparePostgres orders two PostgreSQL versions written as "16", "16.5"
// or "16.5.1"; missing parts count as 0. ok is false when either is not a
// PostgreSQL version.
func ComparePostgres(a, b string) (c int, ok bool) {
	pa, ok1 := parsePGVersion(a)
	pb, ok2 := parsePGVersion(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	for i := 0; i < 3; i++ {
		if pa[i] != pb[i] {
			if pa[i] < pb[i] {
				return -1, true
			}
			return 1, true
		}
	}
	return 0, true
}

// parsePGVersion reads "17", "16.5" or "14.11.2".
func parsePGVersion(s string) ([3]int, bool) {
	var out [3]int
	s = strings.TrimSpace(s)
	if strings.Count(s, ".") > 2 {
		return out, false
	}
	for i, more := 0, true; more; i++ {
		var p string
		p, s, more = strings.Cut(s, ".")
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p == "" || p[0] == '+' {
			return out, false
		}
		out[i] = n
	}
	return out, out[0] > 0
}

// minorLine reads a "major.minor" GitLab line from a data file.
func minorLine(s string) (glversion.Version, error) {
	v, err := parseVersion(s)
	if err != nil {
		return glversion.Version{}, err
	}
	if v.HasPatch || v.Wildcard {
		return glversion.Version{}, fmt.Errorf("%q: want a minor line such as 17.8", s)
	}
	return v, nil
}

// decodeStrict decodes YAML and rejects fields the target does not have,
// so a typo in a data file fails the tests instead of being ignored.
func decodeStrict[T any](data []byte) (T, error) {
	var out T
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&out); err != nil {
		var zero T
		return zero, fmt.Errorf("%s", firstLine(err.Error()))
	}
	return out, nil
}
