package api

import "github.com/atriumhq/atrium/internal/directory"

var groupFields = map[string]func(g *directory.Group) any{
	"id":                           func(g *directory.Group) any { return g.ID },
	"deletedDateTime":              func(g *directory.Group) any { return nil },
	"classification":               func(g *directory.Group) any { return nil },
	"createdDateTime":              func(g *directory.Group) any { return timeOrNull(g.CreatedAt) },
	"description":                  func(g *directory.Group) any { return nullable(g.Description) },
	"displayName":                  func(g *directory.Group) any { return g.DisplayName },
	"expirationDateTime":           func(g *directory.Group) any { return nil },
	"groupTypes":                   func(g *directory.Group) any { return list(g.GroupTypes) },
	"mail":                         func(g *directory.Group) any { return nullable(g.Mail) },
	"mailEnabled":                  func(g *directory.Group) any { return g.MailEnabled },
	"mailNickname":                 func(g *directory.Group) any { return g.MailNickname },
	"onPremisesLastSyncDateTime":   func(g *directory.Group) any { return nil },
	"onPremisesSecurityIdentifier": func(g *directory.Group) any { return nil },
	"onPremisesSyncEnabled":        func(g *directory.Group) any { return g.OnPremisesSyncEnabled },
	"proxyAddresses":               func(g *directory.Group) any { return g.ProxyAddresses() },
	"renewedDateTime":              func(g *directory.Group) any { return timeOrNull(g.CreatedAt) },
	"securityEnabled":              func(g *directory.Group) any { return g.SecurityEnabled },
	"securityIdentifier":           func(g *directory.Group) any { return nil },
	"visibility":                   func(g *directory.Group) any { return nullable(g.Visibility) },
}

var groupProperties = []string{"id", "deletedDateTime", "classification", "createdDateTime", "description", "displayName",
	"expirationDateTime", "groupTypes", "mail", "mailEnabled", "mailNickname", "onPremisesLastSyncDateTime",
	"onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "proxyAddresses", "renewedDateTime", "securityEnabled",
	"securityIdentifier", "visibility"}

func groupJSON(g *directory.Group, selected []string) map[string]any {
	m := make(map[string]any, len(selected))
	for _, name := range selected {
		m[name] = groupFields[name](g)
	}
	return m
}

// objectJSON renders a member, owner or memberOf entry.
func objectJSON(o directory.DirectoryObject) map[string]any {
	if o.User != nil {
		m := userJSON(o.User, userRules.defaults)
		m["@odata.type"] = "#microsoft.graph.user"
		return m
	}
	m := groupJSON(o.Group, []string{"id", "displayName", "description", "mail", "mailEnabled", "mailNickname", "securityEnabled", "groupTypes"})
	m["@odata.type"] = "#microsoft.graph.group"
	return m
}
