package api

import (
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// opClass groups filter operators the way Graph's support tables do.
type opClass uint16

const (
	opEq    opClass = 1 << iota // eq and in
	opNe                        // ne
	opSw                        // startswith
	opEw                        // endswith
	opRange                     // gt ge lt le
	opNull                      // eq null
	opCount                     // collection/$count eq 0
)

// propRule says which operators a property supports by default and which
// need advanced query parameters (ConsistencyLevel: eventual and $count).
type propRule struct{ def, adv opClass }

// rules describes a collection's query support.
type rules struct {
	typeName   string              // Graph type for $select errors: "user"
	resource   string              // resource name for filter errors: "User"
	filter     map[string]propRule // includes lambda collections
	collection map[string]bool     // properties filtered with any()
	order      map[string]bool     // orderable; true = needs advanced parameters
	search     map[string]bool
	selectable []string
	defaults   []string // properties returned without $select
	// noAdvanced marks collections without ConsistencyLevel rules (audit).
	noAdvanced bool
}

var (
	str     = propRule{def: opEq | opSw | opRange | opNull, adv: opNe}
	boolean = propRule{def: opEq, adv: opNe}
)

var userRules = &rules{
	typeName: "user", resource: "User",
	filter: map[string]propRule{
		"id": {def: opEq, adv: opNe}, "accountEnabled": boolean,
		"displayName": str, "givenName": str, "surname": str, "jobTitle": str, "department": str, "companyName": str,
		"officeLocation": str, "city": str, "state": str, "country": str, "postalCode": str, "employeeId": str,
		"mobilePhone": str, "preferredLanguage": str, "usageLocation": str,
		"userPrincipalName":     {def: opEq | opSw | opRange, adv: opNe | opEw},
		"mail":                  {def: opEq | opSw | opRange | opNull, adv: opNe | opEw},
		"mailNickname":          {def: opEq | opSw | opRange, adv: opNe},
		"userType":              {def: opEq | opNull, adv: opNe},
		"onPremisesSyncEnabled": {def: opEq | opNull, adv: opNe},
		"onPremisesImmutableId": {def: opEq | opSw | opNull, adv: opNe},
		"createdDateTime":       {adv: opEq | opNe | opRange | opNull},
		"otherMails":            {def: opEq | opSw, adv: opNe | opEw | opCount},
		"proxyAddresses":        {def: opEq | opSw, adv: opNe | opEw},
		"businessPhones":        {def: opEq | opSw, adv: opNe},
		"assignedLicenses":      {def: opEq},
	},
	collection: map[string]bool{"otherMails": true, "proxyAddresses": true, "businessPhones": true, "assignedLicenses": true},
	order:      map[string]bool{"displayName": false, "userPrincipalName": false, "createdDateTime": true},
	search: map[string]bool{"displayName": true, "userPrincipalName": true, "mail": true, "givenName": true, "surname": true,
		"jobTitle": true, "department": true, "mailNickname": true},
	selectable: userProperties,
	defaults: []string{"businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone",
		"officeLocation", "preferredLanguage", "surname", "userPrincipalName"},
}

// deletedUserRules adds deletedDateTime ordering to the user rules.
var deletedUserRules = func() *rules {
	r := *userRules
	r.order = map[string]bool{"displayName": false, "userPrincipalName": false, "createdDateTime": true, "deletedDateTime": true}
	r.filter = map[string]propRule{"deletedDateTime": {adv: opRange}}
	for k, v := range userRules.filter {
		r.filter[k] = v
	}
	r.defaults = append([]string{"deletedDateTime"}, userRules.defaults...)
	return &r
}()

var groupRules = &rules{
	typeName: "group", resource: "Group",
	filter: map[string]propRule{
		"id": {def: opEq | opNull, adv: opNe}, "mailEnabled": boolean, "securityEnabled": boolean,
		"onPremisesSyncEnabled": {def: opEq | opNull, adv: opNe},
		"displayName":           str, "mailNickname": str, "description": str,
		"mail":            {def: opEq | opSw | opRange | opNull, adv: opNe | opEw},
		"groupTypes":      {def: opEq, adv: opNe},
		"proxyAddresses":  {def: opEq | opSw, adv: opNe | opEw},
		"createdDateTime": {adv: opEq | opNe | opRange},
	},
	collection: map[string]bool{"groupTypes": true, "proxyAddresses": true},
	order:      map[string]bool{"displayName": false, "createdDateTime": true},
	search:     map[string]bool{"displayName": true, "description": true, "mail": true, "mailNickname": true},
	selectable: groupProperties,
	defaults:   groupProperties,
}

var auditRules = &rules{
	typeName: "directoryAudit", resource: "directoryAudit", noAdvanced: true,
	filter: map[string]propRule{
		"activityDateTime":                   {def: opRange},
		"activityDisplayName":                {def: opEq | opSw},
		"category":                           {def: opEq},
		"correlationId":                      {def: opEq},
		"result":                             {def: opEq},
		"operationType":                      {def: opEq},
		"initiatedBy/user/id":                {def: opEq},
		"initiatedBy/user/userPrincipalName": {def: opEq | opSw},
		"initiatedBy/app/displayName":        {def: opEq},
		"targetResources":                    {def: opEq},
	},
	collection: map[string]bool{"targetResources": true},
	order:      map[string]bool{"activityDateTime": false},
	selectable: auditProperties,
	defaults:   auditProperties,
}

// canonical returns the property of m named like name, ignoring case.
func canonical[V any](m map[string]V, name string) (string, bool) {
	if _, ok := m[name]; ok {
		return name, true
	}
	for k := range m {
		if strings.EqualFold(k, name) {
			return k, true
		}
	}
	return "", false
}

// opName names an operator class in Graph's error message.
var opName = map[opClass]string{opEq: "eq", opNe: "ne", opSw: "startsWith", opEw: "endsWith", opRange: "ge", opNull: "eq", opCount: "$count"}

// checker validates a filter against rules, rewriting property names to
// their canonical case.
type checker struct {
	r        *rules
	advanced bool
}

func (c *checker) unsupported(prop string) error {
	return unsupportedQuery("Unsupported or invalid query filter clause specified for property '%s' of resource '%s'.", prop, c.r.resource)
}

func (c *checker) needAdvanced(op string) error {
	return unsupportedQuery("Operator '%s' is not supported because the required parameters might be missing. "+
		"Try adding $count=true query parameter and ConsistencyLevel:eventual header. "+
		"Refer to https://aka.ms/graph-docs/advanced-queries for more information", op)
}

// allow checks one (property, operator) pair.
func (c *checker) allow(prop string, op opClass) (string, error) {
	name, ok := canonical(c.r.filter, prop)
	if !ok {
		return "", c.unsupported(prop)
	}
	rule := c.r.filter[name]
	switch {
	case rule.def&op != 0:
		return name, nil
	case rule.adv&op != 0 && (c.advanced || c.r.noAdvanced):
		return name, nil
	case rule.adv&op != 0:
		return "", c.needAdvanced(opName[op])
	}
	return "", c.unsupported(name)
}

func (c *checker) check(e directory.Expr) (directory.Expr, error) {
	switch e := e.(type) {
	case directory.And:
		l, err := c.check(e.Left)
		if err != nil {
			return nil, err
		}
		r, err := c.check(e.Right)
		return directory.And{Left: l, Right: r}, err
	case directory.Or:
		l, err := c.check(e.Left)
		if err != nil {
			return nil, err
		}
		r, err := c.check(e.Right)
		return directory.Or{Left: l, Right: r}, err
	case directory.Not:
		if !c.advanced && !c.r.noAdvanced {
			return nil, c.needAdvanced("not")
		}
		x, err := c.check(e.X)
		return directory.Not{X: x}, err
	case directory.Compare:
		if base, ok := strings.CutSuffix(e.Prop, "/$count"); ok {
			name, err := c.allow(base, opCount)
			e.Prop = name + "/$count"
			return e, err
		}
		op := map[directory.CmpOp]opClass{directory.OpEq: opEq, directory.OpNe: opNe}[e.Op]
		if op == 0 {
			op = opRange
		}
		if e.Value.Kind == directory.KindNull && e.Op == directory.OpEq {
			op = opNull
		}
		name, err := c.scalar(e.Prop, op)
		e.Prop = name
		return e, err
	case directory.In:
		name, err := c.scalar(e.Prop, opEq)
		e.Prop = name
		return e, err
	case directory.StartsWith:
		name, err := c.scalar(e.Prop, opSw)
		e.Prop = name
		return e, err
	case directory.EndsWith:
		name, err := c.scalar(e.Prop, opEw)
		e.Prop = name
		return e, err
	case directory.Any:
		return c.lambda(e)
	}
	return nil, unsupportedQuery("Unsupported filter expression.")
}

// scalar checks an operator on a non-collection property.
func (c *checker) scalar(prop string, op opClass) (string, error) {
	if name, ok := canonical(c.r.collection, prop); ok {
		return "", unsupportedQuery("Property '%s' is a collection; filter it with %s/any(x: x eq '...').", name, name)
	}
	return c.allow(prop, op)
}

// lambda checks prop/any(x: cond): cond compares the range variable (or
// its sub-property) once.
func (c *checker) lambda(e directory.Any) (directory.Expr, error) {
	name, ok := canonical(c.r.collection, e.Prop)
	if !ok {
		return nil, c.unsupported(e.Prop)
	}
	e.Prop = name
	var op opClass
	var target string
	switch cond := e.Cond.(type) {
	case directory.Compare:
		target = cond.Prop
		op = map[directory.CmpOp]opClass{directory.OpEq: opEq, directory.OpNe: opNe}[cond.Op]
	case directory.StartsWith:
		target, op = cond.Prop, opSw
	case directory.EndsWith:
		target, op = cond.Prop, opEw
	}
	if op == 0 || (target != e.Var && !strings.HasPrefix(target, e.Var+"/")) {
		return nil, unsupportedQuery("Inside %s/any(), compare the range variable '%s' with eq or startswith.", name, e.Var)
	}
	if _, err := c.allow(name, op); err != nil {
		return nil, err
	}
	return e, nil
}
