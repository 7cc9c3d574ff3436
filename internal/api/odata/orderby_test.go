package odata

import (
	"reflect"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/directory"
)

func TestParseOrderBy(t *testing.T) {
	tests := []struct {
		in   string
		want []directory.Order
	}{
		{"displayName", []directory.Order{{Prop: "displayName"}}},
		{"displayName asc", []directory.Order{{Prop: "displayName"}}},
		{"displayName desc", []directory.Order{{Prop: "displayName", Desc: true}}},
		{"displayName DESC", []directory.Order{{Prop: "displayName", Desc: true}}},
		{"  displayName   Desc  ", []directory.Order{{Prop: "displayName", Desc: true}}},
		{"displayName desc,mail", []directory.Order{{Prop: "displayName", Desc: true}, {Prop: "mail"}}},
		{"displayName, mail asc , id desc", []directory.Order{{Prop: "displayName"}, {Prop: "mail"}, {Prop: "id", Desc: true}}},
		{"manager/displayName desc", []directory.Order{{Prop: "manager/displayName", Desc: true}}},
		{"_a1\tdesc", []directory.Order{{Prop: "_a1", Desc: true}}},
	}
	for _, tt := range tests {
		got, err := ParseOrderBy(tt.in)
		if err != nil {
			t.Errorf("ParseOrderBy(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseOrderBy(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseOrderByErrors(t *testing.T) {
	cases := []errCase{
		{"", 0, "$orderby is empty"},
		{"  ", 2, "$orderby is empty"},
		{strings.Repeat("a", MaxLength+1), MaxLength, "longer than 4096 bytes"},
		{"displayName,", 12, "empty item in $orderby"},
		{",displayName", 0, "empty item in $orderby"},
		{"a, ,b", 3, "empty item in $orderby"},
		{"displayName up", 12, "unknown sort direction 'up' after 'displayName'; expected asc or desc"},
		{"displayName desc mail", 17, "unexpected 'mail' after the sort direction"},
		{"displayName,mail,displayName desc", 17, "property 'displayName' appears more than once"},
		{"displayName,DISPLAYNAME", 12, "appears more than once"},
		{"display-name", 7, "invalid property name 'display-name'"},
		{"1abc", 0, "invalid property name '1abc'"},
		{"a//b", 2, "invalid property name 'a//b'"},
		{"a/", 2, "invalid property name 'a/'"},
		{"/a", 0, "invalid property name '/a'"},
		{"a, 'b'", 3, "invalid property name"},
	}
	checkErrors(t, "$orderby", func(s string) error { _, err := ParseOrderBy(s); return err }, cases)
}
