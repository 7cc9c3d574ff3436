package odata

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseSelect(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"id", []string{"id"}},
		{"id,displayName", []string{"id", "displayName"}},
		{" id , displayName ,mail ", []string{"id", "displayName", "mail"}},
		{"id,displayName,id,mail,displayName", []string{"id", "displayName", "mail"}},
		{"displayName,DisplayName", []string{"displayName"}},
		{"_x,a1", []string{"_x", "a1"}},
	}
	for _, tt := range tests {
		got, err := ParseSelect(tt.in)
		if err != nil {
			t.Errorf("ParseSelect(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseSelect(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseSelectErrors(t *testing.T) {
	cases := []errCase{
		{"", 0, "$select is empty"},
		{" ", 1, "$select is empty"},
		{strings.Repeat("a,", MaxLength), MaxLength, "longer than 4096 bytes"},
		{"id,", 3, "empty item in $select"},
		{"id,,mail", 3, "empty item in $select"},
		{",id", 0, "empty item in $select"},
		{"id, display name", 11, "invalid property name 'display name'"},
		{"id,manager/displayName", 10, "invalid property name 'manager/displayName'"},
		{"id,*", 3, "invalid property name '*'"},
		{"  9lives", 2, "invalid property name '9lives'"},
		{"ok,na-me", 5, "invalid property name 'na-me'"},
	}
	checkErrors(t, "$select", func(s string) error { _, err := ParseSelect(s); return err }, cases)
}
