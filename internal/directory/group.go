package directory

import "time"

// Group is a security group, a mail-enabled security group or a
// distribution list.
type Group struct {
	ID                    string
	DisplayName           string
	Description           string
	MailNickname          string
	Mail                  string // set for mail-enabled groups
	MailEnabled           bool
	SecurityEnabled       bool
	GroupTypes            []string
	Visibility            string
	OnPremisesSyncEnabled *bool
	CreatedAt             time.Time
}

// Synced reports whether directory synchronization masters the group.
func (g *Group) Synced() bool { return g.OnPremisesSyncEnabled != nil && *g.OnPremisesSyncEnabled }

// ProxyAddresses derives the group's proxy addresses from its mail.
func (g *Group) ProxyAddresses() []string {
	if g.Mail == "" {
		return []string{}
	}
	return []string{"SMTP:" + g.Mail}
}

// Addresses lists the addresses the group claims in the tenant's address
// space.
func (g *Group) Addresses() []Address {
	if g.Mail == "" {
		return nil
	}
	f := Fold(g.Mail)
	return []Address{{Address: f, Domain: DomainOf(f), Property: "mail"}}
}

// ObjectType names the kind of a directory object.
type ObjectType string

// The directory object types that can be group members.
const (
	TypeUser  ObjectType = "user"
	TypeGroup ObjectType = "group"
)

// DirectoryObject is a user or group as seen through a relationship
// (members, owners, memberOf).
type DirectoryObject struct {
	Type  ObjectType
	User  *User
	Group *Group
}

// ID returns the object's id.
func (o DirectoryObject) ID() string {
	if o.User != nil {
		return o.User.ID
	}
	return o.Group.ID
}

// GroupInput holds the properties of a group create or PATCH; nil pointers
// leave a property alone.
type GroupInput struct {
	DisplayName     *string
	Description     *string
	MailNickname    *string
	MailEnabled     *bool
	SecurityEnabled *bool
	GroupTypes      *[]string
	Visibility      *string
	Members         []string // on create: ids to add as members
	Owners          []string // on create: ids to add as owners
}
