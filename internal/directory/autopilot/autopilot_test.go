package autopilot

import (
	"strings"
	"testing"
)

func TestParseCSV(t *testing.T) {
	const head = "Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model\n"
	ds, err := ParseCSV(strings.NewReader("\ufeff" + head + "SN-1,,,Microsoft Corporation,Surface Laptop\n,PK-2,,,\n,,AAEC,,\n"))
	if err != nil || len(ds) != 3 || ds[0].Model != "Surface Laptop" || ds[1].ProductKey != "PK-2" || ds[2].HardwareHash != "AAEC" {
		t.Fatalf("ParseCSV: %+v, %v", ds, err)
	}
	for _, tc := range []struct{ in, want string }{
		{"", "empty"},
		{"Serial\nx\n", "line 1"},
		{head, "no devices"},
		{head + "SN-1,,,Microsoft Corporation\n", "line 2 has 4 columns"},
		{head + "SN-1,,,Microsoft Corporation,\n", "line 2: Identify"},
		{head + ",,%%%,,\n", "line 2: 'hardwareHash' must be base64"},
		{head + "\"open,,,,\n", "not valid CSV"},
	} {
		if _, err := ParseCSV(strings.NewReader(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseCSV(%q) = %v, want %q", tc.in, err, tc.want)
		}
	}
}
