package when

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// today is fixed so that inferred years are stable.
var today = time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)

// The expectations name spans by the text they cover; "2#text" is the
// second occurrence of text in the line.
type day struct {
	ymd      string // 2026-12-12
	text     string
	inferred bool
}

type clk struct {
	hm   string // 22:00
	text string
}

type zn struct {
	text  string
	iana  string
	off   int
	fixed bool
}

type tcase struct {
	line       string
	date       *day
	start, end *clk
	zone       *zn
	dur        time.Duration
	durText    string // span of an explicit duration
}

func d(ymd, text string) *day        { return &day{ymd: ymd, text: text} }
func dq(ymd, text string) *day       { return &day{ymd: ymd, text: text, inferred: true} }
func c(hm, text string) *clk         { return &clk{hm: hm, text: text} }
func fixed(text string, off int) *zn { return &zn{text: text, off: off, fixed: true} }
func iana(text, name string) *zn     { return &zn{text: text, iana: name} }

// find returns the span of text in line ("2#x" for the second occurrence).
func find(t *testing.T, line, text string) Span {
	t.Helper()
	n := 1
	if i := strings.Index(text, "#"); i > 0 && i < 3 {
		fmt.Sscan(text[:i], &n)
		text = text[i+1:]
	}
	from := 0
	for k := 1; ; k++ {
		i := strings.Index(line[from:], text)
		if i < 0 {
			t.Fatalf("test bug: %q not in %q", text, line)
		}
		if k == n {
			return Span{from + i, from + i + len(text)}
		}
		from += i + len(text)
	}
}

func (tc tcase) want(t *testing.T) Window {
	t.Helper()
	var w Window
	if tc.date != nil {
		tm, err := time.Parse("2006-01-02", tc.date.ymd)
		if err != nil {
			t.Fatal(err)
		}
		w.Date = &Date{Year: tm.Year(), Month: tm.Month(), Day: tm.Day(), YearInferred: tc.date.inferred, Span: find(t, tc.line, tc.date.text)}
	}
	clock := func(x *clk) *Clock {
		if x == nil {
			return nil
		}
		var h, m int
		fmt.Sscanf(x.hm, "%d:%d", &h, &m)
		return &Clock{Hour: h, Minute: m, Span: find(t, tc.line, x.text)}
	}
	w.Start, w.End = clock(tc.start), clock(tc.end)
	if w.Start != nil && w.End != nil {
		m := (w.End.Hour*60 + w.End.Minute) - (w.Start.Hour*60 + w.Start.Minute)
		if m < 0 {
			m += 24 * 60
		}
		w.Range = time.Duration(m) * time.Minute
		if tc.durText == "" {
			// (A later date between the two times: the case's duration.)
			w.Range = tc.dur
		}
	}
	if tc.zone != nil {
		sp := find(t, tc.line, tc.zone.text)
		w.Zone = &Zone{Text: tc.line[sp.Start:sp.End], IANA: tc.zone.iana, Offset: tc.zone.off, Fixed: tc.zone.fixed, Span: sp}
	}
	w.Duration = tc.dur
	if tc.durText != "" {
		w.DurationSpan = find(t, tc.line, tc.durText)
	}
	return w
}

func runCases(t *testing.T, cases []tcase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.line, func(t *testing.T) {
			got := Scan(tc.line, today)
			if diff := cmp.Diff(tc.want(t), got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tc.line, diff)
			}
		})
	}
}

func TestDates(t *testing.T) {
	runCases(t, []tcase{
		{line: "2026-12-12", date: d("2026-12-12", "2026-12-12")},
		{line: "12.12.2026", date: d("2026-12-12", "12.12.2026")},
		{line: "Datum: 12.12.26", date: d("2026-12-12", "12.12.26")},
		{line: "12/12/2026", date: d("2026-12-12", "12/12/2026")},
		{line: "Upgrade on 03/04/2026", date: d("2026-03-04", "03/04/2026")},
		{line: "Wartung am 03/04/2026", date: d("2026-04-03", "03/04/2026")},
		{line: "de-provision the runners on 03/04/2026", date: d("2026-03-04", "03/04/2026")},
		{line: "samedi 03/04/2026", date: d("2026-04-03", "03/04/2026")},
		{line: "Abril: 03/04/2026", date: d("2026-04-03", "03/04/2026")},
		{line: "El 03/04/2026", date: d("2026-04-03", "03/04/2026")},
		{line: "due 13/04/2026", date: d("2026-04-13", "13/04/2026")},
		{line: "due 04/13/2026", date: d("2026-04-13", "04/13/2026")},
		{line: "12-12-2026", date: d("2026-12-12", "12-12-2026")},
		{line: "2026/12/12", date: d("2026-12-12", "2026/12/12")},
		{line: "December 12, 2026", date: d("2026-12-12", "December 12, 2026")},
		{line: "Dec 12 2026", date: d("2026-12-12", "Dec 12 2026")},
		{line: "Dec. 12th, 2026", date: d("2026-12-12", "Dec. 12th, 2026")},
		{line: "12 December 2026", date: d("2026-12-12", "12 December 2026")},
		{line: "the 12th of December 2026", date: d("2026-12-12", "12th of December 2026")},
		{line: "Saturday, 12 Dec 2026", date: d("2026-12-12", "12 Dec 2026")},
		{line: "12-Dec-2026", date: d("2026-12-12", "12-Dec-2026")},
		{line: "12. Dezember 2026", date: d("2026-12-12", "12. Dezember 2026")},
		{line: "Samstag, 12. Dez. 2026", date: d("2026-12-12", "12. Dez. 2026")},
		{line: "sábado 12 de diciembre de 2026", date: d("2026-12-12", "12 de diciembre de 2026")},
		{line: "12 de dic. de 2026", date: d("2026-12-12", "12 de dic. de 2026")},
		{line: "samedi 12 décembre 2026", date: d("2026-12-12", "12 décembre 2026")},
		{line: "le 12 déc. 2026", date: d("2026-12-12", "12 déc. 2026")},
		{line: "1er décembre 2026", date: d("2026-12-01", "1er décembre 2026")},
		{line: "3. März 2026", date: d("2026-03-03", "3. März 2026")},
		{line: "3. Mär 2026", date: d("2026-03-03", "3. Mär 2026")},
		{line: "3 MÄRZ 2026", date: d("2026-03-03", "3 MÄRZ 2026")},
		{line: "3 févr. 2026", date: d("2026-02-03", "3 févr. 2026")},
		{line: "3 août 2026", date: d("2026-08-03", "3 août 2026")},
		{line: "3 sept. 2026", date: d("2026-09-03", "3 sept. 2026")},
		{line: "3 de setiembre de 2026", date: d("2026-09-03", "3 de setiembre de 2026")},
		{line: "5 de ago. de 2026", date: d("2026-08-05", "5 de ago. de 2026")},
		{line: "May 12 2026", date: d("2026-05-12", "May 12 2026")},
		{line: "29 Feb 2028", date: d("2028-02-29", "29 Feb 2028")},

		// No year: the next occurrence on or after today (2026-06-15).
		{line: "Saturday 12 December", date: dq("2026-12-12", "12 December")},
		{line: "12.12.", date: dq("2026-12-12", "12.12.")},
		{line: "Wartung am 12.03.", date: dq("2027-03-12", "12.03.")},
		{line: "am 15.06.", date: dq("2026-06-15", "15.06.")},
		{line: "Dec 12", date: dq("2026-12-12", "Dec 12")},
		{line: "Sat 12/12", date: dq("2026-12-12", "12/12")},
		{line: "le samedi 12/03", date: dq("2027-03-12", "12/03")},
		{line: "1º de diciembre", date: dq("2026-12-01", "1º de diciembre")},
		{line: "Feb 29", date: dq("2028-02-29", "Feb 29")},

		// Weekday alone, and dates that do not exist.
		{line: "Saturday night"},
		{line: "30.02.2026"},
		{line: "29 Feb 2027"},
		{line: "2026-13-01"},
		{line: "Dec 32"},
	})
}

func TestClocks(t *testing.T) {
	runCases(t, []tcase{
		{line: "22:00", start: c("22:00", "22:00")},
		{line: "22:00:00", start: c("22:00", "22:00:00")},
		{line: "at 9:30", start: c("09:30", "9:30")},
		{line: "10pm", start: c("22:00", "10pm")},
		{line: "10 PM", start: c("22:00", "10 PM")},
		{line: "10:30 p.m.", start: c("22:30", "10:30 p.m.")},
		{line: "10 a. m.", start: c("10:00", "10 a. m.")},
		{line: "12am", start: c("00:00", "12am")},
		{line: "12pm", start: c("12:00", "12pm")},
		{line: "22h", start: c("22:00", "22h")},
		{line: "22h00", start: c("22:00", "22h00")},
		{line: "22 h 30", start: c("22:30", "22 h 30")},
		{line: "22.00 Uhr", start: c("22:00", "22.00 Uhr")},
		{line: "22 Uhr", start: c("22:00", "22 Uhr")},
		{line: "22:00 Uhr", start: c("22:00", "22:00 Uhr")},
		{line: "24 Uhr", start: c("00:00", "24 Uhr")},
		{line: "a las 22:00", start: c("22:00", "22:00")},
		{line: "a las 22:00 h", start: c("22:00", "22:00 h")},
		{line: "à 22h", start: c("22:00", "22h")},
		{line: "à 8h", start: c("08:00", "8h")},
		{line: "um 22.00.", start: c("22:00", "22.00")},
		{line: "at 2200 hrs"},
		{line: "22:00 hrs", start: c("22:00", "22:00 hrs")},
		// A part of the day after the hour.
		{line: "8 Uhr abends", start: c("20:00", "8 Uhr abends")},
		{line: "20 Uhr abends", start: c("20:00", "20 Uhr")},
		{line: "2 Uhr nachts", start: c("02:00", "2 Uhr nachts")},
		{line: "a las 9 de la noche", start: c("21:00", "9 de la noche")},
		{line: "à 8h du soir", start: c("20:00", "8h du soir")},
		{line: "alle 9 di sera", start: c("21:00", "9 di sera")},
		{line: "om 8 uur 's avonds", start: c("20:00", "8 uur 's avonds")},
		{line: "at 10 at night", start: c("22:00", "10 at night")},
		{line: "12 de la noche", start: c("00:00", "12 de la noche")},
		{line: "a las 3 de la mañana", start: c("03:00", "3 de la mañana")},
		{line: "el 3 mañana"},
	})
}

func TestRanges(t *testing.T) {
	runCases(t, []tcase{
		{line: "22:00–04:00", start: c("22:00", "22:00"), end: c("04:00", "04:00"), dur: 6 * time.Hour},
		{line: "22:00 - 04:00", start: c("22:00", "22:00"), end: c("04:00", "04:00"), dur: 6 * time.Hour},
		{line: "22:00-04:00", start: c("22:00", "22:00"), end: c("04:00", "04:00"), dur: 6 * time.Hour},
		{line: "09:00 — 11:30", start: c("09:00", "09:00"), end: c("11:30", "11:30"), dur: 150 * time.Minute},
		{line: "from 22:00 to 04:00", start: c("22:00", "22:00"), end: c("04:00", "04:00"), dur: 6 * time.Hour},
		{line: "22:00 until 02:30", start: c("22:00", "22:00"), end: c("02:30", "02:30"), dur: 270 * time.Minute},
		{line: "between 22:00 and 02:00", start: c("22:00", "22:00"), end: c("02:00", "02:00"), dur: 4 * time.Hour},
		{line: "von 22:00 bis 04:00 Uhr", start: c("22:00", "22:00"), end: c("04:00", "04:00 Uhr"), dur: 6 * time.Hour},
		{line: "22–4 Uhr", start: c("22:00", "22"), end: c("04:00", "4 Uhr"), dur: 6 * time.Hour},
		{line: "de 22:00 a 04:00", start: c("22:00", "22:00"), end: c("04:00", "04:00"), dur: 6 * time.Hour},
		{line: "entre las 22:00 y las 02:00", start: c("22:00", "22:00"), end: c("02:00", "02:00"), dur: 4 * time.Hour},
		{line: "de 22h à 4h", start: c("22:00", "22h"), end: c("04:00", "4h"), dur: 6 * time.Hour},
		{line: "de 22h00 jusqu'à 02h00", start: c("22:00", "22h00"), end: c("02:00", "02h00"), dur: 4 * time.Hour},
		{line: "das 22h00 às 04h00 de domingo", start: c("22:00", "22h00"), end: c("04:00", "04h00"), dur: 6 * time.Hour},
		{line: "dalle 22:00 alle 03:00", start: c("22:00", "22:00"), end: c("03:00", "03:00"), dur: 5 * time.Hour},
		{line: "10pm–2am", start: c("22:00", "10pm"), end: c("02:00", "2am"), dur: 4 * time.Hour},
		{line: "from 10 PM to 2 AM", start: c("22:00", "10 PM"), end: c("02:00", "2 AM"), dur: 4 * time.Hour},
		{line: "9–11pm", start: c("21:00", "9"), end: c("23:00", "11pm"), dur: 2 * time.Hour},
		{line: "10–2am", start: c("22:00", "10"), end: c("02:00", "2am"), dur: 4 * time.Hour},
		{line: "22.00–04.00", start: c("22:00", "22.00"), end: c("04:00", "04.00"), dur: 6 * time.Hour},
		{line: "22:00-24:00", start: c("22:00", "22:00"), end: c("00:00", "24:00"), dur: 2 * time.Hour},
		{line: "de 9 de la noche a 3 de la madrugada", start: c("21:00", "9 de la noche"), end: c("03:00", "3 de la madrugada"), dur: 6 * time.Hour},
		{line: "van 8 uur 's avonds tot 2 uur 's nachts", start: c("20:00", "8 uur 's avonds"), end: c("02:00", "2 uur 's nachts"), dur: 6 * time.Hour},
		{line: "de D 22h00 até D+1 06h00", start: c("22:00", "22h00"), end: c("06:00", "06h00"), dur: 8 * time.Hour},
		{line: "da G 07:00 a G+1 20:00", start: c("07:00", "07:00"), end: c("20:00", "20:00"), dur: 37 * time.Hour},
		{line: "from 22:00 to midnight", start: c("22:00", "22:00"), end: c("00:00", "midnight"), dur: 2 * time.Hour},
		{line: "22:00–22:00", start: c("22:00", "22:00"), end: c("22:00", "2#22:00")},
		// An end announced by a word, or a range spread over dates.
		{line: "Start: 22:00 CET, End: 04:00 CET", start: c("22:00", "22:00"), end: c("04:00", "04:00"),
			zone: fixed("CET", 3600), dur: 6 * time.Hour},
		{line: "Beginn 22:00 Uhr, Ende ca. 02:00 Uhr", start: c("22:00", "22:00 Uhr"), end: c("02:00", "02:00 Uhr"), dur: 4 * time.Hour},
		{line: "Saturday 12.12.2026 22:00 – Sunday 13.12.2026 04:00", date: d("2026-12-12", "12.12.2026"),
			start: c("22:00", "22:00"), end: c("04:00", "04:00"), dur: 6 * time.Hour},
		{line: "Wartungsfenster: 12.12.2026, 22:00 Uhr bis 13.12.2026, 04:00 Uhr", date: d("2026-12-12", "12.12.2026"),
			start: c("22:00", "22:00 Uhr"), end: c("04:00", "04:00 Uhr"), dur: 6 * time.Hour},
		// Not ranges.
		{line: "Phase 1 - 10:00", start: c("10:00", "10:00")},
		{line: "Step 3 - 4 PM", start: c("16:00", "4 PM")},
		{line: "16.10–16.11"},
		{line: "15.10 to 16.10"},
		{line: "from 9 to 5"},
	})
}

func TestZones(t *testing.T) {
	runCases(t, []tcase{
		{line: "Europe/Berlin", zone: iana("Europe/Berlin", "Europe/Berlin")},
		{line: "22:00 America/New_York", start: c("22:00", "22:00"), zone: iana("America/New_York", "America/New_York")},
		{line: "21:00 (hora del centro de México)", start: c("21:00", "21:00"),
			zone: iana("hora del centro de México", "America/Mexico_City")},
		{line: "Friday 11/12/2026", date: d("2026-12-11", "11/12/2026")},
		{line: "Thursday 11/12/2026", date: d("2026-11-12", "11/12/2026")},
		{line: "5:00–11:30 PM CT", start: c("17:00", "5:00"), end: c("23:30", "11:30 PM"), dur: 6*time.Hour + 30*time.Minute,
			zone: iana("CT", "America/Chicago")},
		{line: "22:00 horário de Brasília", start: c("22:00", "22:00"),
			zone: iana("horário de Brasília", "America/Sao_Paulo")},
		{line: "22:00 (America/Argentina/Buenos_Aires)", start: c("22:00", "22:00"),
			zone: iana("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")},
		{line: "22:00 Asia/Kolkata", start: c("22:00", "22:00"), zone: iana("Asia/Kolkata", "Asia/Kolkata")},
		{line: "22:00 Etc/UTC", start: c("22:00", "22:00"), zone: iana("Etc/UTC", "Etc/UTC")},
		{line: "22:00 UTC", start: c("22:00", "22:00"), zone: &zn{text: "UTC", iana: "UTC", fixed: true}},
		{line: "All times are UTC", zone: &zn{text: "UTC", iana: "UTC", fixed: true}},
		{line: "22:00 utc", start: c("22:00", "22:00"), zone: &zn{text: "utc", iana: "UTC", fixed: true}},
		{line: "22:00 GMT", start: c("22:00", "22:00"), zone: fixed("GMT", 0)},
		{line: "2026-12-12 22:00Z", date: d("2026-12-12", "2026-12-12"), start: c("22:00", "22:00"), zone: fixed("Z", 0)},
		{line: "22:00 CET", start: c("22:00", "22:00"), zone: fixed("CET", 3600)},
		{line: "22:00 CEST", start: c("22:00", "22:00"), zone: fixed("CEST", 7200)},
		{line: "22 Uhr MEZ", start: c("22:00", "22 Uhr"), zone: fixed("MEZ", 3600)},
		{line: "22 Uhr MESZ", start: c("22:00", "22 Uhr"), zone: fixed("MESZ", 7200)},
		{line: "22:00 IST", start: c("22:00", "22:00"), zone: fixed("IST", 5*3600+1800)},
		{line: "22:00 CST", start: c("22:00", "22:00"), zone: fixed("CST", -6*3600)},
		{line: "22:00 EST", start: c("22:00", "22:00"), zone: fixed("EST", -5*3600)},
		{line: "22:00 PDT", start: c("22:00", "22:00"), zone: fixed("PDT", -7*3600)},
		{line: "22:00 AEDT", start: c("22:00", "22:00"), zone: fixed("AEDT", 11*3600)},
		{line: "22:00 NZST", start: c("22:00", "22:00"), zone: fixed("NZST", 12*3600)},
		{line: "22:00 MSK", start: c("22:00", "22:00"), zone: fixed("MSK", 3*3600)},
		{line: "22:00 UTC+1", start: c("22:00", "22:00"), zone: fixed("UTC+1", 3600)},
		{line: "22:00 UTC+01:00", start: c("22:00", "22:00"), zone: fixed("UTC+01:00", 3600)},
		{line: "22:00 UTC+5:30", start: c("22:00", "22:00"), zone: fixed("UTC+5:30", 5*3600+1800)},
		{line: "22:00 GMT-5", start: c("22:00", "22:00"), zone: fixed("GMT-5", -5*3600)},
		{line: "22:00 GMT−05:00", start: c("22:00", "22:00"), zone: fixed("GMT−05:00", -5*3600)},
		{line: "22:00 (UTC+2)", start: c("22:00", "22:00"), zone: fixed("UTC+2", 7200)},
		{line: "22:00+01:00", start: c("22:00", "22:00"), zone: fixed("+01:00", 3600)},
		{line: "22:00 -0500", start: c("22:00", "22:00"), zone: fixed("-0500", -5*3600)},
		{line: "22:00 Berlin time", start: c("22:00", "22:00"), zone: iana("Berlin time", "Europe/Berlin")},
		{line: "22:00 heure de Paris", start: c("22:00", "22:00"), zone: iana("heure de Paris", "Europe/Paris")},
		{line: "22:00 hora de Madrid", start: c("22:00", "22:00"), zone: iana("hora de Madrid", "Europe/Madrid")},
		{line: "22:00 New York time", start: c("22:00", "22:00"), zone: iana("New York time", "America/New_York")},
		{line: "22:00 Central European Time", start: c("22:00", "22:00"), zone: iana("Central European Time", "Europe/Berlin")},
		{line: "22:00 Eastern Time", start: c("22:00", "22:00"), zone: iana("Eastern Time", "America/New_York")},
		{line: "22:00 (US Eastern)", start: c("22:00", "22:00"), zone: iana("US Eastern", "America/New_York")},
		{line: "22:00 US Pacific", start: c("22:00", "22:00"), zone: iana("US Pacific", "America/Los_Angeles")},
		{line: "22:00 Pacific", start: c("22:00", "22:00"), zone: iana("Pacific", "America/Los_Angeles")},
		{line: "10 PM Eastern on Saturday", start: c("22:00", "10 PM"), zone: iana("Eastern", "America/New_York")},
		{line: "22:00 central server", start: c("22:00", "22:00")},
		{line: "22 Uhr mitteleuropäische Zeit", start: c("22:00", "22 Uhr"), zone: iana("mitteleuropäische Zeit", "Europe/Berlin")},
		{line: "22h heure d'Europe centrale", start: c("22:00", "22h"), zone: iana("heure d'Europe centrale", "Europe/Paris")},
		{line: "22:00 ET", start: c("22:00", "22:00"), zone: iana("ET", "America/New_York")},
		{line: "22:00 CET/CEST", start: c("22:00", "22:00"), zone: fixed("CET", 3600)},
		// The zone next to the window wins over an earlier one.
		{line: "Freeze from 18:00 UTC; window 22:00–04:00 CET", start: c("22:00", "22:00"), end: c("04:00", "04:00"),
			zone: fixed("CET", 3600), dur: 6 * time.Hour},
		{line: "Time: 21:00 UTC / 22:00 CET", start: c("21:00", "21:00"), zone: &zn{text: "UTC", iana: "UTC", fixed: true}},
		// Not zones.
		{line: "IST-Version ist 16.11"},
		{line: "Das ist 22:00", start: c("22:00", "22:00")},
		{line: "Zone Z"},
		{line: "us-west-2 WEST"},
		{line: "see https://example.com/Europe/Berlin"},
		{line: "Europe/Atlantis 22:00", start: c("22:00", "22:00")},
	})
}

func TestDurations(t *testing.T) {
	runCases(t, []tcase{
		{line: "6 hours", dur: 6 * time.Hour, durText: "6 hours"},
		{line: "duration: 4h", dur: 4 * time.Hour, durText: "4h"},
		{line: "(360 minutes)", dur: 6 * time.Hour, durText: "360 minutes"},
		{line: "a 6-hour window", dur: 6 * time.Hour, durText: "6-hour"},
		{line: "Dauer: 6 Stunden", dur: 6 * time.Hour, durText: "6 Stunden"},
		{line: "Dauer ca. 4 Std.", dur: 4 * time.Hour, durText: "4 Std."},
		{line: "duración 6 horas", dur: 6 * time.Hour, durText: "6 horas"},
		{line: "durée : 6 heures", dur: 6 * time.Hour, durText: "6 heures"},
		{line: "durée estimée : 4h", dur: 4 * time.Hour, durText: "4h"},
		{line: "4h window", dur: 4 * time.Hour, durText: "4h"},
		{line: "a 4h window", dur: 4 * time.Hour, durText: "4h"},
		{line: "plan a 4h maintenance window", dur: 4 * time.Hour, durText: "4h"},
		{line: "up to 8h", dur: 8 * time.Hour, durText: "8h"},
		{line: "La fenêtre commence à 22h et dure 4 heures", start: c("22:00", "22h"), dur: 4 * time.Hour, durText: "4 heures"},
		{line: "La migración dura unas 2 horas y empezará a las 23:00", start: c("23:00", "23:00"), dur: 2 * time.Hour, durText: "2 horas"},
		{line: "Downtime: 4h", dur: 4 * time.Hour, durText: "4h"},
		{line: "takes about 1h30", dur: 90 * time.Minute, durText: "1h30"},
		{line: "1.5 hours", dur: 90 * time.Minute, durText: "1.5 hours"},
		{line: "1,5 Stunden", dur: 90 * time.Minute, durText: "1,5 Stunden"},
		{line: "1 hour 30 minutes", dur: 90 * time.Minute, durText: "1 hour 30 minutes"},
		{line: "Downtime expected: 2-3 hours", dur: 3 * time.Hour, durText: "2-3 hours"},
		{line: "Dauer: 04:30", dur: 270 * time.Minute, durText: "04:30"},
		{line: "2 days", dur: 48 * time.Hour, durText: "2 days"},
		// The explicit duration wins over the computed one.
		{line: "22:00-02:00 CET (4h)", start: c("22:00", "22:00"), end: c("02:00", "02:00"), zone: fixed("CET", 3600),
			dur: 4 * time.Hour, durText: "4h"},
		// Relative moments are not window lengths.
		{line: "Notify users 2 hours before the window"},
		{line: "Backups run every 6 hours"},
		{line: "2 Stunden vor Beginn"},
		{line: "nach 2 Stunden"},
	})
}

func TestFullLines(t *testing.T) {
	runCases(t, []tcase{
		{line: "2026-12-12T22:00:00+01:00", date: d("2026-12-12", "2026-12-12"), start: c("22:00", "22:00:00"),
			zone: fixed("+01:00", 3600)},
		{line: "2026-12-12T22:00:00-05:00", date: d("2026-12-12", "2026-12-12"), start: c("22:00", "22:00:00"),
			zone: fixed("-05:00", -5*3600)},
		{line: "2026-12-12T22:00:00.000Z", date: d("2026-12-12", "2026-12-12"), start: c("22:00", "22:00:00.000"),
			zone: fixed("Z", 0)},
		{line: "Maintenance window: Saturday, 12 December 2026, 22:00–04:00 CET (6 hours)",
			date: d("2026-12-12", "12 December 2026"), start: c("22:00", "22:00"), end: c("04:00", "04:00"),
			zone: fixed("CET", 3600), dur: 6 * time.Hour, durText: "6 hours"},
		{line: "Die Wartung ist am Samstag, 12.12., von 22:00 bis 04:00 Uhr (MEZ).",
			date: dq("2026-12-12", "12.12."), start: c("22:00", "22:00"), end: c("04:00", "04:00 Uhr"),
			zone: fixed("MEZ", 3600), dur: 6 * time.Hour},
		{line: "Wartung am 12.12.2026 um 22 Uhr MEZ", date: d("2026-12-12", "12.12.2026"), start: c("22:00", "22 Uhr"),
			zone: fixed("MEZ", 3600)},
		{line: "Phase 1 am 12.12. um 22 Uhr", date: dq("2026-12-12", "12.12."), start: c("22:00", "22 Uhr")},
		{line: "Ventana de mantenimiento: sábado 12 de diciembre de 2026, de 22:00 a 04:00 (hora de Madrid)",
			date: d("2026-12-12", "12 de diciembre de 2026"), start: c("22:00", "22:00"), end: c("04:00", "04:00"),
			zone: iana("hora de Madrid", "Europe/Madrid"), dur: 6 * time.Hour},
		{line: "El mantenimiento será el 12/03/2026 a las 22:00 h", date: d("2026-03-12", "12/03/2026"),
			start: c("22:00", "22:00 h")},
		{line: "Fenêtre de maintenance : samedi 12 décembre 2026 de 22h à 4h (heure de Paris), durée : 6 heures",
			date: d("2026-12-12", "12 décembre 2026"), start: c("22:00", "22h"), end: c("04:00", "4h"),
			zone: iana("heure de Paris", "Europe/Paris"), dur: 6 * time.Hour, durText: "6 heures"},
		{line: "Window: 2026-12-12 22:00 UTC - 2026-12-13 04:00 UTC", date: d("2026-12-12", "2026-12-12"),
			start: c("22:00", "22:00"), end: c("04:00", "04:00"), zone: &zn{text: "UTC", iana: "UTC", fixed: true}, dur: 6 * time.Hour},
		{line: "Sat, Dec 12, 2026 10:00 PM – Sun, Dec 13, 2026 2:00 AM (America/Los_Angeles)",
			date: d("2026-12-12", "Dec 12, 2026"), start: c("22:00", "10:00 PM"), end: c("02:00", "2:00 AM"),
			zone: iana("America/Los_Angeles", "America/Los_Angeles"), dur: 4 * time.Hour},
		{line: "Saturday, December 12th, 2026 at 10 PM PST", date: d("2026-12-12", "December 12th, 2026"),
			start: c("22:00", "10 PM"), zone: fixed("PST", -8*3600)},
		{line: "Mon 14/12 22:00 - Tue 15/12 02:00", date: dq("2026-12-14", "14/12"), start: c("22:00", "22:00"),
			end: c("02:00", "02:00"), dur: 4 * time.Hour},
		{line: "Dec 12, 2026, 22:00 UTC+1", date: d("2026-12-12", "Dec 12, 2026"), start: c("22:00", "22:00"),
			zone: fixed("UTC+1", 3600)},
		{line: "| 12.12.2026 | 22:00 | 04:00 | CET |", date: d("2026-12-12", "12.12.2026"), start: c("22:00", "22:00"),
			zone: fixed("CET", 3600)},
		{line: "Upgrade to 17.8 on 2026-12-12 at 22:00 Europe/Berlin", date: d("2026-12-12", "2026-12-12"),
			start: c("22:00", "22:00"), zone: iana("Europe/Berlin", "Europe/Berlin")},
		{line: "- **Date:** Sat 12/12, 10pm-2am ET", date: dq("2026-12-12", "12/12"), start: c("22:00", "10pm"),
			end: c("02:00", "2am"), zone: iana("ET", "America/New_York"), dur: 4 * time.Hour},
	})
}

// Versions, addresses, sizes and counts must not turn into window facts.
func TestNotWindowFacts(t *testing.T) {
	lines := []string{
		"16.11.10",
		"Upgrade GitLab from 16.11.10 to 17.8.1",
		"v17.8.1",
		"17.8",
		"16.3.x",
		"gitlab-ee=16.11.10-ee.0",
		"docker pull gitlab/gitlab-ee:17.8.1-ee.0",
		"chart 7.11.10",
		"Helm chart 7.11.10 for GitLab 16.11.10",
		"upgrade to 17.11.26",
		"Currently on 16.11.10 and 15.11.13",
		"Upgrade path: 16.3.x → 16.7.x → 16.11.x → 17.3.x",
		"We are on 17.8.",
		"Upgrade to 16.11.",
		"10.0.0.5",
		"10.0.0.5:8080",
		"listen on :8080",
		"192.168.12.30",
		"500 GB disk",
		"30,000 users",
		"3K reference architecture",
		"PostgreSQL 14.9",
		"PostgreSQL 14.9 to 16.4",
		"Ubuntu 22.04",
		"Ubuntu 22.04.",
		"Ubuntu 20.04 to 22.04",
		"RHEL 8.6",
		"x86_64 el8",
		"50% of nodes",
		"step 12",
		"Phase 1",
		"1.",
		"1. Stop the services",
		"1.2. Prepare the backup",
		"2.3. Datenbank sichern",
		"24/7 support",
		"1/2 of the runners",
		"on 1/2 of the runners",
		"we may 12 nodes",
		"3 set of 2 ago",
		"CVE-2024-1234",
		"Saturday night",
		"Before the upgrade, make sure every runner is paused.",
		"IST-Version ist 16.11",
		"Wartung 10 am Samstag",
		"Redis 7.0.15 and Gitaly 17.8.1",
		"ratio 1:10",
		"Scale to 3:1",
		"Issue #12 / MR !34",
		"sha256:4f3c2a1b",
		"Page 12 of 30",
		"ART department",
	}
	for _, line := range lines {
		if w := Scan(line, today); w != (Window{}) {
			t.Errorf("Scan(%q) = %+v, want nothing", line, describe(line, w))
		}
	}
}

func describe(line string, w Window) string {
	var b strings.Builder
	if w.Date != nil {
		fmt.Fprintf(&b, " date=%d-%02d-%02d %q", w.Date.Year, w.Date.Month, w.Date.Day, line[w.Date.Span.Start:w.Date.Span.End])
	}
	if w.Start != nil {
		fmt.Fprintf(&b, " start=%02d:%02d %q", w.Start.Hour, w.Start.Minute, line[w.Start.Span.Start:w.Start.Span.End])
	}
	if w.End != nil {
		fmt.Fprintf(&b, " end=%02d:%02d %q", w.End.Hour, w.End.Minute, line[w.End.Span.Start:w.End.Span.End])
	}
	if w.Zone != nil {
		fmt.Fprintf(&b, " zone=%q", w.Zone.Text)
	}
	if w.Duration != 0 {
		fmt.Fprintf(&b, " duration=%v", w.Duration)
	}
	return b.String()
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"6h", 6 * time.Hour, true},
		{"6 h", 6 * time.Hour, true},
		{"6 hours", 6 * time.Hour, true},
		{"1 hour", time.Hour, true},
		{"1h30", 90 * time.Minute, true},
		{"1h30m", 90 * time.Minute, true},
		{"1h 30min", 90 * time.Minute, true},
		{"2 h 40", 160 * time.Minute, true},
		{"1 u 10 min", 70 * time.Minute, true},
		{"3 uur", 3 * time.Hour, true},
		{"2 ore e 30 minuti", 150 * time.Minute, true},
		{"1.5 hours", 90 * time.Minute, true},
		{"1,5 Stunden", 90 * time.Minute, true},
		{"90 min", 90 * time.Minute, true},
		{"90 min.", 90 * time.Minute, true},
		{"360 minutes", 6 * time.Hour, true},
		{"6 Stunden", 6 * time.Hour, true},
		{"2 Std.", 2 * time.Hour, true},
		{"6 horas", 6 * time.Hour, true},
		{"6 heures", 6 * time.Hour, true},
		{"2 days", 48 * time.Hour, true},
		{"1 Tag", 24 * time.Hour, true},
		{"2 jours", 48 * time.Hour, true},
		{"2 hours and 30 minutes", 150 * time.Minute, true},
		{"about 4 hrs", 4 * time.Hour, true},
		{"4:30 h", 270 * time.Minute, true},
		{"6-hour", 6 * time.Hour, true},
		{"  45m ", 45 * time.Minute, true},
		{"", 0, false},
		{"22:00", 0, false},
		{"six hours", 0, false},
		{"500 GB", 0, false},
		{"16.11.10", 0, false},
		{"0 minutes", 0, false},
		{"-2h", 0, false},
		{"99999 days", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseDuration(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestStartTime(t *testing.T) {
	tests := []struct {
		line  string
		want  string // RFC 3339 in UTC
		zoned bool
		ok    bool
	}{
		// Europe/Berlin: CEST in July, CET in December.
		{"2026-07-11 22:00 Europe/Berlin", "2026-07-11T20:00:00Z", true, true},
		{"2026-12-12 22:00 Europe/Berlin", "2026-12-12T21:00:00Z", true, true},
		{"12.12.2026 22:00 Berlin time", "2026-12-12T21:00:00Z", true, true},
		// A fixed abbreviation is taken at its word, even in summer.
		{"2026-07-11 22:00 CET", "2026-07-11T21:00:00Z", true, true},
		{"2026-12-12T22:00:00-05:00", "2026-12-13T03:00:00Z", true, true},
		{"Dec 12, 2026 10pm ET", "2026-12-13T03:00:00Z", true, true},
		{"2026-12-12 22:00", "2026-12-12T22:00:00Z", false, true},
		{"2026-12-12", "0001-01-01T00:00:00Z", false, false},
		{"22:00 CET", "0001-01-01T00:00:00Z", false, false},
	}
	for _, tt := range tests {
		w := Scan(tt.line, today)
		got, zoned, ok := w.StartTime()
		if s := got.UTC().Format(time.RFC3339); s != tt.want || zoned != tt.zoned || ok != tt.ok {
			t.Errorf("Scan(%q).StartTime() = %s, %v, %v; want %s, %v, %v", tt.line, s, zoned, ok, tt.want, tt.zoned, tt.ok)
		}
	}
}

func TestEndTime(t *testing.T) {
	// The window crosses the end of daylight saving time in Berlin: six hours
	// of wall clock are seven hours of real time, but Duration is what the
	// text says (22:00 to 04:00 is 6h) and EndTime adds it to the instant.
	w := Scan("2026-10-24 22:00–04:00 Europe/Berlin", today)
	end, zoned, ok := w.EndTime()
	if !ok || !zoned || end.UTC().Format(time.RFC3339) != "2026-10-25T02:00:00Z" {
		t.Errorf("EndTime() = %v, %v, %v", end.UTC(), zoned, ok)
	}
	if _, _, ok := Scan("2026-10-24 22:00 CET", today).EndTime(); ok {
		t.Errorf("EndTime() without a duration should not be ok")
	}
}

func TestZeroToday(t *testing.T) {
	w := Scan("Dec 12", time.Time{})
	if w.Date == nil || !w.Date.YearInferred || w.Date.Year < 2026 {
		t.Errorf("Scan with zero today: %+v", w.Date)
	}
}

// TestStartDateOfRepeatedTime checks that a start time repeated in a
// parenthesis belongs to the first date written with it, not the end
// date of an ISO range.
func TestStartDateOfRepeatedTime(t *testing.T) {
	w := Scan("2026-12-19T21:00Z to 2026-12-20T03:00Z (Saturday 21:00–03:00 UTC)", time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	if w.Date == nil || w.Date.Day != 19 {
		t.Fatalf("date = %+v, want 2026-12-19", w.Date)
	}
	if w.Duration != 6*time.Hour {
		t.Errorf("duration = %v, want 6h", w.Duration)
	}
}

// TestISORange checks a window written as two ISO date-times.
func TestISORange(t *testing.T) {
	w := Scan("2026-12-19T21:00Z to 2026-12-20T03:00Z", time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	if w.Date == nil || w.Date.Day != 19 || w.Start == nil || w.Start.Hour != 21 {
		t.Fatalf("start = %+v %+v, want 2026-12-19 21:00", w.Date, w.Start)
	}
	if w.Duration != 6*time.Hour {
		t.Errorf("duration = %v, want 6h", w.Duration)
	}
}

// TestRangeOverDays checks a window whose end falls on a later date.
func TestRangeOverDays(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		want time.Duration
	}{
		{"Saturday 2026-12-12 06:00 until Sunday 2026-12-13 18:00, Europe/Dublin", 36 * time.Hour},
		{"2026-12-12 22:00 to 2026-12-13 02:00 CET", 4 * time.Hour},
		{"2026-12-12 06:00 to 18:00 UTC", 12 * time.Hour},
		// A weekday before the end time moves it from the start's day.
		{"Saturday 12 December 2026 08:00 to Sunday 20:00 CET", 36 * time.Hour},
		{"Saturday 07:00 to Sunday 20:00 CET", 37 * time.Hour},
		{"Samstag, 12.12.2026, 22:00 bis Sonntag 06:00 MEZ", 8 * time.Hour},
		{"Saturday 2026-12-12 08:00 to Saturday 20:00 CET", 12 * time.Hour},
	} {
		if w := Scan(c.text, today); w.Duration != c.want {
			t.Errorf("Scan(%q).Duration = %v, want %v", c.text, w.Duration, c.want)
		}
	}
}

// TestDateListSharesTimes checks that a list of dates sharing one time
// range starts with the first date, while a date written before the
// window's own date is still not taken.
func TestDateListSharesTimes(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		day  int
	}{
		{"Windows: Sunday 2027-01-17 and Sunday 2027-01-24, each 06:00–16:00 PST", 17},
		{"2027-01-16 und 2027-01-23, jeweils 22:00–04:00 MEZ", 16},
		{"Prepared 2026-11-20, window 2026-12-12 22:00 CET", 12},
	} {
		w := Scan(c.text, today)
		if w.Date == nil || w.Date.Day != c.day {
			t.Errorf("%q: date = %+v, want day %d", c.text, w.Date, c.day)
		}
	}
}

// TestEndDateAfterRange checks that a date written after the range behind
// an end word is the end's: a range crossing midnight started the day
// before, one that does not started that day.
func TestEndDateAfterRange(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		day  int
	}{
		{"9:00 PM – 3:00 AM ET (UTC-5), ending Sunday 12/13/2026", 12},
		{"22:00–04:00 MEZ, endet am Sonntag 13.12.2026", 12},
		{"08:00–14:00 CET, ending Sunday 13.12.2026", 13},
		{"22:00–04:00 CET on Saturday 12.12.2026", 12},
		{"de 10:00 PM a 3:00 AM (domingo 12/13/2026)", 12},
		{"08:00–14:00 (Sunday 12/13/2026)", 13},
		{"de 20 h à 2 h le dimanche 13 décembre 2026", 12},
		{"de 22:00 a 04:00 el domingo 13 de diciembre de 2026", 12},
		{"de 08:00 a 14:00 el domingo 13 de diciembre de 2026", 13},
	} {
		w := Scan(c.text, today)
		if w.Date == nil || w.Date.Day != c.day {
			t.Errorf("%q: date = %+v, want day %d", c.text, w.Date, c.day)
		}
	}
}

// TestDashedDateDayFirst checks that a dashed date with the year last is
// read day first, as it is written in most of Europe.
func TestDashedDateDayFirst(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text       string
		month, day int
	}{
		{"za 09-01-2027, 08:00 – 16:00", 1, 9},
		{"13-01-2027 08:00", 1, 13},
		{"01/09/2027 08:00 EST", 1, 9},
	} {
		w := Scan(c.text, today)
		if w.Date == nil || int(w.Date.Month) != c.month || w.Date.Day != c.day {
			t.Errorf("%q: date = %+v, want month %d day %d", c.text, w.Date, c.month, c.day)
		}
	}
}

// TestEndClockAfterDatedRangeWord checks an end named with its own day
// after a range word, in the languages that put "at" before the clock.
func TestEndClockAfterDatedRangeWord(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"sábado, 12 de dezembro de 2026, das 22:00 até domingo, 13 de dezembro, às 16:00",
		"sábado 12 de diciembre de 2026, de 22:00 hasta el domingo 13 de diciembre a las 16:00",
		"Saturday 12 December 2026 22:00 until Sunday 13 December 16:00",
	} {
		w := Scan(text, today)
		if w.Start == nil || w.End == nil || w.Start.Hour != 22 || w.End.Hour != 16 {
			t.Errorf("%q: start %+v, end %+v, want 22:00 and 16:00", text, w.Start, w.End)
		}
	}
}

// TestISOInterval checks a window written as an ISO 8601 interval of a
// start and a duration.
func TestISOInterval(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		want time.Duration
	}{
		{"2026-12-02T21:00:00+01:00/PT6H", 6 * time.Hour},
		{"`2026-12-02T21:00+01:00/PT4H30M`", 4*time.Hour + 30*time.Minute},
		{"2026-12-02T21:00Z/P1DT2H", 26 * time.Hour},
	} {
		w := Scan(c.text, today)
		if w.Duration != c.want {
			t.Errorf("Scan(%q).Duration = %v, want %v", c.text, w.Duration, c.want)
		}
		if w.Zone == nil || w.Start == nil || w.Start.Hour != 21 {
			t.Errorf("Scan(%q): start %+v zone %+v, want 21:00 with its zone", c.text, w.Start, w.Zone)
		}
	}
}

// TestClarifiedAbbreviation checks that a zone written right after an
// ambiguous abbreviation explains it, and that a conversion or another
// column does not.
func TestClarifiedAbbreviation(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text, zone string
	}{
		{"22:00 CST = China Standard Time, UTC+08:00", "China Standard Time"},
		{"22:00 IST (UTC+01:00, Dublin)", "UTC+01:00"},
		{"22:00 IST (UTC+05:30)", "IST"},
		{"22:00 CST (04:00 UTC)", "CST"},
		{"22:00 PST, UTC−8", "PST"},
		{"| 22:00 | PST | UTC | PHT |", "PST"},
	} {
		w := Scan(c.text, today)
		if w.Zone == nil || w.Zone.Text != c.zone {
			t.Errorf("Scan(%q).Zone = %+v, want %q", c.text, w.Zone, c.zone)
		}
	}
}
